/**
 * A document's history read from the store: each version against the one before it, and the
 * withdrawal if the publisher took the page down. The CLI, the API and the web pages share it.
 */
import { VerbatimError } from "../errors/catalog.js";
import type { StoreBackend } from "../store/store.js";
import { type DocumentChanges, diffDocuments } from "./diff.js";

export interface DocumentHistory {
  id: string;
  title: string;
  versions: { version: number; storedAt: string; current: boolean }[];
  /** Newest first. */
  changes: (DocumentChanges & { at: string })[];
  withdrawn: { url: string; status: number; at: string } | null;
}

export async function documentHistory(store: StoreBackend, id: string): Promise<DocumentHistory> {
  const versions = await store.versions(id);
  if (versions.length === 0) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
  const changes: DocumentHistory["changes"] = [];
  let previous = await store.get(id, versions[0]?.version);
  for (const v of versions.slice(1)) {
    const next = await store.get(id, v.version);
    if (previous && next)
      changes.push({
        ...diffDocuments(previous.document, next.document, previous.version, next.version),
        at: v.storedAt,
      });
    previous = next;
  }
  const current = versions.find((v) => v.current) ?? versions[versions.length - 1];
  return {
    id,
    title: current?.title ?? "",
    versions: versions.map((v) => ({ version: v.version, storedAt: v.storedAt, current: v.current })),
    changes: changes.reverse(),
    withdrawn: (await store.fetchLog?.withdrawal(id)) ?? null,
  };
}
