/**
 * One row per turn with its document's metadata: what spreadsheets and R's read.csv take. Text
 * keeps its paragraphs, separated by blank lines inside the quoted cell.
 */

import type { Turn } from "../model/document.js";
import { csvRow } from "./csv.js";
import type { ExportRecord } from "./record.js";

export const TURN_CSV_COLUMNS = [
  "document_id",
  "version",
  "publisher",
  "document_language",
  "document_kind",
  "date",
  "time",
  "title",
  "event",
  "place",
  "source_url",
  "turn",
  "speaker_id",
  "speaker_name",
  "label",
  "turn_kind",
  "turn_language",
  "interpreted",
  "answers_question",
  "entities",
  "text",
  "permalink",
] as const;

export function turnCsvHeader(): string {
  return csvRow([...TURN_CSV_COLUMNS]);
}

/** What a per-turn table (CSV, Parquet) says of a turn beyond the turn itself. */
export interface TurnFacts {
  turn: Turn;
  language: string | null;
  /** The question this answer answers: the first pair that lists it. */
  answersQuestion: number | null;
  /** Entity ids the turn mentions, space-separated. */
  entities: string;
  text: string;
}

export function turnFacts(record: ExportRecord): TurnFacts[] {
  const { document: doc, enrichment } = record;
  const answered = new Map<number, number>();
  for (const pair of doc.qa)
    for (const a of pair.answers) if (!answered.has(a)) answered.set(a, pair.question);
  const entities = new Map<number, Set<string>>();
  for (const m of enrichment?.mentions ?? []) {
    if (m.turn < 0) continue;
    const set = entities.get(m.turn) ?? new Set<string>();
    set.add(m.entityId);
    entities.set(m.turn, set);
  }
  return doc.turns.map((turn) => ({
    turn,
    language: enrichment?.turnLanguages[turn.index] ?? null,
    answersQuestion: answered.get(turn.index) ?? null,
    entities: [...(entities.get(turn.index) ?? [])].join(" "),
    text: turn.paragraphs.join("\n\n"),
  }));
}

/** A turn's own cells, in the order both turn tables (CSV, Parquet) give them. */
export function turnCells({
  turn,
  language,
  answersQuestion,
  entities,
  text,
}: TurnFacts): (string | number | boolean | null)[] {
  return [
    turn.index,
    turn.speakerId,
    turn.speakerName,
    turn.label,
    turn.kind,
    language,
    turn.interpreted,
    answersQuestion,
    entities,
    text,
  ];
}

export function recordToTurnCsv(record: ExportRecord): string {
  const doc = record.document;
  let out = "";
  for (const facts of turnFacts(record)) {
    out += csvRow([
      doc.id,
      record.version,
      doc.publisher,
      doc.language,
      doc.kind,
      doc.when.date,
      doc.when.time,
      doc.title,
      doc.event,
      doc.place,
      doc.sourceUrl,
      ...turnCells(facts),
      `/d/${encodeURIComponent(doc.id)}?version=${record.version}#t${facts.turn.index}`,
    ]);
  }
  return out;
}
