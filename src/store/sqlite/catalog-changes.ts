/**
 * The journal the search catalog is brought up to date from (search/engine/catalog.ts): which
 * documents' catalog rows (their metadata, turns, turn languages, speakers and mentions) each
 * transaction changed. One row per document, holding the sequence number of the last transaction
 * that changed it, so the journal stays as long as the document list however often pages change.
 * Every writer of those rows notes what it changed: the search index writer (search-index.ts), and
 * through its `touch`, enrichment and corrections; a migration that rewrites them notes them too.
 */
import type Database from "better-sqlite3";

export const CATALOG_CHANGES_TABLE_NAME = "catalog_changes";
export const CATALOG_CHANGES_TABLE = `
  CREATE TABLE IF NOT EXISTS catalog_changes (
    doc_n INTEGER PRIMARY KEY,
    seq   INTEGER NOT NULL
  );
  CREATE INDEX IF NOT EXISTS catalog_changes_seq ON catalog_changes (seq);`;

/** Stands for "every document": written when the whole index is rebuilt, so readers read it whole. */
export const EVERY_DOCUMENT = -1;

export interface CatalogChangeLog {
  /** A document (by its number n) whose catalog rows the open transaction changes. */
  note(docN: number): void;
  /** Writes what the open transaction noted, as one sequence number; call before it commits. */
  flush(): void;
}

export function catalogChangeLog(db: Database.Database): CatalogChangeLog {
  const next = db.prepare<[], number>("SELECT ifnull(max(seq), 0) + 1 FROM catalog_changes").pluck();
  const put = db.prepare<[number, number]>(
    "INSERT INTO catalog_changes (doc_n, seq) VALUES (?, ?) ON CONFLICT(doc_n) DO UPDATE SET seq = excluded.seq",
  );
  const noted = new Set<number>();
  return {
    note(docN) {
      noted.add(docN);
    },
    flush() {
      if (noted.size === 0) return;
      const seq = next.get() as number;
      for (const n of noted) put.run(n, seq);
      noted.clear();
    },
  };
}
