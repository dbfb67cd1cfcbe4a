/**
 * Verbatim's own interchange format, JSON Lines. Format 2 (what `export` writes) is one record per
 * line: the document as read, plus what Verbatim computed about it (enrichment, language versions
 * and how they were linked) and, on request, its earlier versions. Format 1 lines are bare
 * documents; both are read back by ingest (ingest/extract/jsonl.ts), which keeps the documents and
 * recomputes the rest, so an export re-ingested gives the same archive.
 */
import type { Document } from "../model/document.js";
import type { ExportRecord } from "./record.js";

export const EXPORT_FORMAT_VERSION = 2;

/** A format 1 line: the document alone. */
export function documentToJsonLine(doc: Document): string {
  return JSON.stringify(doc);
}

/** A format 2 line. Nothing archive-local (when it was stored here) goes in, so two archives export alike. */
export function recordToJsonLine(record: ExportRecord): string {
  return JSON.stringify({
    formatVersion: EXPORT_FORMAT_VERSION,
    version: record.version,
    document: record.document,
    enrichment: record.enrichment
      ? {
          version: record.enrichment.version,
          turnLanguages: record.enrichment.turnLanguages,
          mentions: record.enrichment.mentions,
          times: record.enrichment.times,
        }
      : null,
    languageVersions: record.languageVersions.map((v) => ({
      id: v.id,
      language: v.language,
      method: v.method,
      confidence: v.confidence,
      divergence: v.divergence,
    })),
    ...(record.history
      ? {
          history: record.history.map((h) => ({
            version: h.version,
            contentHash: h.contentHash,
            published: h.published,
            source: h.source,
            document: h.document,
          })),
        }
      : {}),
  });
}
