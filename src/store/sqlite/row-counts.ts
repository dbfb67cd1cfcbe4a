/**
 * The archive's counts (documents, versions, turns, raw inputs) kept as rows are added and removed,
 * so /api/stats and the home page read four numbers instead of counting. A count had to scan a table or an index: during an ingest every write invalidated the
 * reader's cache and each server process paid the scan again, up to 158 ms under load.
 */
import type Database from "better-sqlite3";
import type { StoreCounts } from "../store.js";
import { hasTable } from "./tables.js";

/**
 * Migration 22: documents, versions and raw inputs counted by triggers, whoever writes them (nothing
 * writes these tables with INSERT OR REPLACE, whose implied deletes fire no trigger); turns by their
 * one writer (`turnCounter`). A test holds the counts equal to COUNT(*) after every kind of write.
 */
export const ROW_COUNTS = `
  CREATE TABLE IF NOT EXISTS row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
  INSERT OR REPLACE INTO row_counts (name, n) VALUES
    ('documents', (SELECT count(*) FROM documents WHERE current = 1)),
    ('versions', (SELECT count(*) FROM documents)),
    ('turns', (SELECT count(*) FROM turns)),
    ('raw_inputs', (SELECT count(*) FROM raw_inputs));
  CREATE TRIGGER IF NOT EXISTS row_counts_version_added AFTER INSERT ON documents BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'versions';
    UPDATE row_counts SET n = n + new.current WHERE name = 'documents';
  END;
  CREATE TRIGGER IF NOT EXISTS row_counts_version_removed AFTER DELETE ON documents BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'versions';
    UPDATE row_counts SET n = n - old.current WHERE name = 'documents';
  END;
  CREATE TRIGGER IF NOT EXISTS row_counts_current_moved AFTER UPDATE OF current ON documents
    WHEN old.current IS NOT new.current BEGIN
    UPDATE row_counts SET n = n + new.current - old.current WHERE name = 'documents';
  END;
  CREATE TRIGGER IF NOT EXISTS row_counts_input_added AFTER INSERT ON raw_inputs BEGIN
    UPDATE row_counts SET n = n + 1 WHERE name = 'raw_inputs';
  END;
  CREATE TRIGGER IF NOT EXISTS row_counts_input_removed AFTER DELETE ON raw_inputs BEGIN
    UPDATE row_counts SET n = n - 1 WHERE name = 'raw_inputs';
  END;`;

/**
 * Migration 25: the first version of migration 22 also counted turns by a trigger per turn, which
 * made an ingest 18% slower (whitehouse-briefings.tar.gz without enrichment: 35 s before the
 * triggers, 41 s with them); archives it migrated lose those triggers here.
 */
export const TURNS_COUNTED_BY_WRITER = `
  DROP TRIGGER IF EXISTS row_counts_turn_added;
  DROP TRIGGER IF EXISTS row_counts_turn_removed;
  UPDATE row_counts SET n = (SELECT count(*) FROM turns) WHERE name = 'turns';`;

/**
 * What the writer of turns (search-index.ts) calls with each document's turns added (or, negative,
 * removed), a document at a time; null before migration 22 (earlier migrations that re-index run
 * without it, and 22 counts what they wrote).
 */
export function turnCounter(db: Database.Database): ((delta: number) => void) | null {
  if (!hasTable(db, "row_counts")) return null;
  const add = db.prepare<[number]>("UPDATE row_counts SET n = n + ? WHERE name = 'turns'");
  return (delta) => {
    if (delta !== 0) add.run(delta);
  };
}

/** Reads the counts; an archive opened read-only before migration 22 is counted the slow way. */
export function rowCounts(db: Database.Database): () => StoreCounts {
  const one = (sql: string) => db.prepare<[], number>(sql).pluck();
  const speakers = one("SELECT count(*) FROM speakers");
  if (!hasTable(db, "row_counts")) {
    const documents = one("SELECT count(*) FROM documents WHERE current = 1");
    const versions = one("SELECT count(*) FROM documents");
    const turns = one("SELECT count(*) FROM turns");
    const rawInputs = one("SELECT count(*) FROM raw_inputs");
    return db.transaction(() => ({
      documents: documents.get() as number,
      versions: versions.get() as number,
      turns: turns.get() as number,
      rawInputs: rawInputs.get() as number,
      speakers: speakers.get() as number,
    }));
  }
  const kept = db.prepare<[], { name: string; n: number }>("SELECT name, n FROM row_counts");
  return db.transaction(() => {
    const n = new Map(kept.all().map((r) => [r.name, r.n]));
    return {
      documents: n.get("documents") ?? 0,
      versions: n.get("versions") ?? 0,
      turns: n.get("turns") ?? 0,
      rawInputs: n.get("raw_inputs") ?? 0,
      // The registry's people: a few hundred rows at most, and written with INSERT OR REPLACE by copies.
      speakers: speakers.get() as number,
    };
  });
}
