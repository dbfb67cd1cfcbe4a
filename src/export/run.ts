/**
 * `verbatim export` and `/api/export`: the selected documents written in one format, record by
 * record, to any sink. Memory holds one page of ids and one record (plus, for TMX, the ids of the
 * pairs already written), whatever the archive's size.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { alignedSegments, type SegmentLevel } from "../align/segments.js";
import { alignPair } from "../align/service.js";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import { VerbatimError } from "../errors/catalog.js";
import type { Speaker } from "../model/speaker.js";
import type { DocumentStore } from "../store/store.js";
import { aknCollectionEnd, aknCollectionStart, recordToAkn } from "./akn.js";
import { recordToJsonLine } from "./jsonl.js";
import { type ExportRecord, readRecord } from "./record.js";
import { type Selection, selectDocuments } from "./select.js";
import { recordToTei, teiCorpusEnd, teiCorpusStart } from "./tei.js";
import { pairUnits, tmxEnd, tmxStart } from "./tmx.js";
import { recordToTurnCsv, turnCsvHeader } from "./turns-csv.js";

export const EXPORT_FORMATS = ["jsonl", "csv", "tei", "akn", "tmx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  jsonl: { type: "application/x-ndjson; charset=utf-8", extension: "jsonl" },
  csv: { type: "text/csv; charset=utf-8", extension: "csv" },
  tei: { type: "application/tei+xml; charset=utf-8", extension: "tei.xml" },
  akn: { type: "application/akn+xml; charset=utf-8", extension: "akn.xml" },
  tmx: { type: "application/x-tmx+xml; charset=utf-8", extension: "tmx" },
};

export interface ExportOptions extends Selection {
  format: ExportFormat;
  /** Earlier versions of every document (JSON Lines only). */
  history?: boolean;
  /** TMX: pairs linked with at least this confidence (1 for keys and links made by hand). */
  minConfidence?: number;
  /** TMX: paragraph or sentence units. */
  level?: SegmentLevel;
  matcher?: EntityMatcher | null;
  /** Called after each document with how many are done and how many will come. */
  progress?: (done: number, total: number) => void;
  /** When the export was made, for headers that say so. */
  now?: () => Date;
}

export interface ExportSummary {
  documents: number;
  /** TMX: pairs written and translation units in them. */
  pairs: number;
}

type Write = (chunk: string) => Promise<void> | void;

/** Writes the export through `write`, which may wait (backpressure); returns what was written. */
export async function runExport(
  store: DocumentStore,
  options: ExportOptions,
  write: Write,
): Promise<ExportSummary> {
  const format = options.format;
  const minConfidence = options.minConfidence ?? 0;
  if (!(minConfidence >= 0 && minConfidence <= 1))
    throw new VerbatimError("REQUEST_INVALID", { reason: "the minimum confidence is a number from 0 to 1" });
  const level = options.level ?? "sentence";
  const { total, ids } = await selectDocuments(store, options);
  const exportedAt = (options.now?.() ?? new Date()).toISOString();
  const speakers =
    format === "tei" || format === "akn" ? new Map((await store.listSpeakers()).map((s) => [s.id, s])) : null;
  const pairsDone = new Set<string>();
  const summary: ExportSummary = { documents: 0, pairs: 0 };

  if (format === "csv") await write(turnCsvHeader());
  if (format === "tei") await write(teiCorpusStart(exportedAt));
  if (format === "akn") await write(aknCollectionStart(exportedAt));
  if (format === "tmx") await write(tmxStart(level));
  for await (const id of ids) {
    const record = await readRecord(store, id, { history: options.history === true && format === "jsonl" });
    if (!record) continue;
    await write(await render(record));
    summary.documents++;
    options.progress?.(summary.documents, total);
    // A long export must not starve the server it runs in.
    if (summary.documents % 50 === 0) await nextTurn();
  }
  if (format === "tei") await write(teiCorpusEnd());
  if (format === "akn") await write(aknCollectionEnd());
  if (format === "tmx") await write(tmxEnd());
  return summary;

  async function render(record: ExportRecord): Promise<string> {
    switch (format) {
      case "jsonl":
        return `${recordToJsonLine(record)}\n`;
      case "csv":
        return recordToTurnCsv(record);
      case "tei":
        return recordToTei(record, speakers as Map<string, Speaker>);
      case "akn":
        return recordToAkn(record, speakers as Map<string, Speaker>, exportedAt);
      case "tmx":
        return pairsOf(record);
    }
  }

  async function pairsOf(record: ExportRecord): Promise<string> {
    let out = "";
    for (const other of record.languageVersions) {
      if (other.confidence < minConfidence) continue;
      const [a, b] = [record.document.id, other.id].sort() as [string, string];
      const key = `${a}\n${b}`;
      if (pairsDone.has(key)) continue;
      pairsDone.add(key);
      const pair = await alignPair(store, a, b, options.matcher ?? null);
      if (!pair) continue;
      out += pairUnits(pair.a, pair.b, alignedSegments(pair, level));
      summary.pairs++;
    }
    return out;
  }
}
