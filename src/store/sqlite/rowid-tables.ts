/**
 * Migration 29: stored versions and raw inputs kept by rowid, their keys in a unique index of their
 * own. Both were tables keyed by their columns (WITHOUT ROWID), so each row, a whole document's
 * JSON or a page's bytes, sat in the key's B-tree beside the keys: an interior page held a handful
 * of keys, and SQLite read through a cell's overflow pages to compare one. On the bench archive
 * (15,358 documents), finding whether a document id was stored cost 253 µs, a raw input's hash
 * 462 µs, and a document's versions 1.3 ms, where the document index's lookup by id (a rowid
 * table with a unique index) costs 2 µs; an ingest asks each of them for every input. Migration 28
 * did the same for term counts (term-counts.ts).
 */
import type Database from "better-sqlite3";
import { inKeyTree } from "./tables.js";

interface Moved {
  table: string;
  /** The table's columns, as migration 1 and later ones made them. */
  columns: string;
  /** Its key, which becomes a unique index. */
  key: string;
}

const MOVED: Moved[] = [
  {
    table: "documents",
    columns: `id           TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    current      INTEGER NOT NULL DEFAULT 1,
    fingerprint  TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    publisher    TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    date         TEXT,
    title        TEXT    NOT NULL,
    stored_at    TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    keys         TEXT`,
    key: "id, version",
  },
  {
    table: "raw_inputs",
    columns: `hash        TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    byte_length INTEGER NOT NULL,
    bytes       BLOB    NOT NULL`,
    key: "hash",
  },
];

export function documentsAndInputsByRowid(db: Database.Database): void {
  for (const { table, columns, key } of MOVED) {
    if (!inKeyTree(db, table)) continue;
    // Its indexes and triggers go with the old table; they are made again on the new one.
    const attached = db
      .prepare<[string], string>(
        "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
      )
      .pluck()
      .all(table);
    const names = columns
      .split(",")
      .map((c) => c.trim().split(/\s+/)[0])
      .join(", ");
    db.exec(`CREATE TABLE ${table}_by_rowid (
    ${columns}
  );
  INSERT INTO ${table}_by_rowid (${names}) SELECT ${names} FROM ${table} ORDER BY ${key};
  DROP TABLE ${table};
  ALTER TABLE ${table}_by_rowid RENAME TO ${table};
  CREATE UNIQUE INDEX ${table}_key ON ${table} (${key});`);
    for (const sql of attached) db.exec(sql);
  }
}
