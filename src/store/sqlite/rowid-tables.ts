/**
 * Tables of large rows kept by rowid, their keys in a unique index of their own (migrations 28
 * and 29). Keyed by their columns (WITHOUT ROWID), each row (a term's lists in a block, a whole
 * document's JSON, a page's bytes) sat in the key's B-tree beside the keys: an interior page held
 * a handful of keys, and SQLite read through a cell's overflow pages to compare one. On the bench
 * archive (15,358 documents), whether a document id was stored cost 279 µs, a raw input's hash
 * 202 µs, and a word's 126 lookups of term counts (7 forms in 18 blocks) 1.1 to 1.7 ms a search;
 * by rowid, 0.6 µs, 1.0 µs and 0.24 ms.
 */
import type Database from "better-sqlite3";

/** Whether a table keeps its rows in its key's tree. */
export function inKeyTree(db: Database.Database, table: string): boolean {
  const sql = db
    .prepare<[string], string>("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")
    .pluck()
    .get(table);
  return /WITHOUT\s+ROWID/i.test(sql ?? "");
}

interface Column {
  name: string;
  type: string;
  required: number;
  byDefault: string | null;
  pk: number;
}

/**
 * Moves a table kept in its key's tree into one by rowid with the same columns, rows in key
 * order, its key the unique index `<table>_key`, its other indexes and triggers made again. A
 * table already by rowid is left alone (a test that rewinds an archive runs the migration again).
 */
export function keepByRowid(db: Database.Database, table: string): void {
  if (!inKeyTree(db, table)) return;
  const columns = db
    .prepare<[string], Column>(
      `SELECT name, type, "notnull" AS required, dflt_value AS byDefault, pk FROM pragma_table_info(?) ORDER BY cid`,
    )
    .all(table);
  const key = columns
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name)
    .join(", ");
  const names = columns.map((c) => c.name).join(", ");
  const definitions = columns
    .map(
      (c) =>
        `${c.name} ${c.type}${c.required ? " NOT NULL" : ""}${c.byDefault === null ? "" : ` DEFAULT ${c.byDefault}`}`,
    )
    .join(", ");
  // Its indexes and triggers go with the old table; they are made again on the new one.
  const attached = db
    .prepare<[string], string>(
      "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
    )
    .pluck()
    .all(table);
  db.exec(`CREATE TABLE ${table}_by_rowid (${definitions});
    INSERT INTO ${table}_by_rowid (${names}) SELECT ${names} FROM ${table} ORDER BY ${key};
    DROP TABLE ${table};
    ALTER TABLE ${table}_by_rowid RENAME TO ${table};
    CREATE UNIQUE INDEX ${table}_key ON ${table} (${key});`);
  for (const sql of attached) db.exec(sql);
}

/** Migration 29: stored versions and raw inputs, which an ingest looks up for every input. */
export function documentsAndInputsByRowid(db: Database.Database): void {
  keepByRowid(db, "documents");
  keepByRowid(db, "raw_inputs");
}
