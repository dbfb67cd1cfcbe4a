/**
 * What an export writes about one document: the current version as read, and what Verbatim
 * computed about it (enrichment, its other language versions and how they were linked), with the
 * earlier versions on request. Every exporter reads these; the store is read once per document.
 */
import type { Document } from "../model/document.js";
import type { Enrichment } from "../model/enrichment.js";
import type { LanguageVersion, StoreBackend, VersionInfo } from "../store/store.js";

export interface HistoryEntry extends VersionInfo {
  document: Document;
}

export interface ExportRecord {
  document: Document;
  version: number;
  storedAt: string;
  enrichment: Enrichment | null;
  languageVersions: LanguageVersion[];
  /** Earlier versions, oldest first; only when the export asks for history. */
  history: HistoryEntry[] | null;
}

export interface RecordOptions {
  history?: boolean;
}

/** Reads what an export needs about a document; null when it went away meanwhile. */
export async function readRecord(
  store: StoreBackend,
  id: string,
  options: RecordOptions = {},
): Promise<ExportRecord | null> {
  // One view: the document, its enrichment and its links read together, from one snapshot.
  const view = await store.documentView(id);
  if (!view) return null;
  const { stored, enrichment, languageVersions } = view;
  let history: HistoryEntry[] | null = null;
  if (options.history) {
    history = [];
    for (const info of view.versions) {
      if (info.current) continue;
      const old = await store.get(id, info.version);
      if (old) history.push({ ...info, document: old.document });
    }
    history.sort((a, b) => a.version - b.version);
  }
  return {
    document: stored.document,
    version: stored.version,
    storedAt: stored.storedAt,
    // The store keeps enrichment for the current version only, the one read here.
    enrichment,
    languageVersions,
    history,
  };
}
