/**
 * One row per turn with its document's metadata: what spreadsheets and R's read.csv take. Text
 * keeps its paragraphs, separated by blank lines inside the quoted cell.
 */
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

export function recordToTurnCsv(record: ExportRecord): string {
  const { document: doc, enrichment } = record;
  // The question each answer answers: the first that lists it.
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
  let out = "";
  for (const turn of doc.turns) {
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
      turn.index,
      turn.speakerId,
      turn.speakerName,
      turn.label,
      turn.kind,
      enrichment?.turnLanguages[turn.index] ?? null,
      turn.interpreted,
      answered.get(turn.index) ?? null,
      [...(entities.get(turn.index) ?? [])].join(" "),
      turn.paragraphs.join("\n\n"),
      `/d/${encodeURIComponent(doc.id)}?version=${record.version}#t${turn.index}`,
    ]);
  }
  return out;
}
