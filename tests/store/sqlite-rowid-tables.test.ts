/**
 * Migration 29 (store/sqlite/rowid-tables.ts): an archive whose stored versions and raw inputs
 * are kept in their key's tree is moved into tables by rowid when it is opened, every row, index
 * and trigger kept, and goes on working as before.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { makeDocument } from "../support/documents.js";

/** The two tables as migration 1 made them (documents with migration 13's keys). */
const BEFORE_29: Record<string, { columns: string; key: string }> = {
  documents: {
    columns: `id TEXT NOT NULL, version INTEGER NOT NULL, current INTEGER NOT NULL DEFAULT 1,
      fingerprint TEXT NOT NULL, content_hash TEXT NOT NULL, publisher TEXT NOT NULL,
      language TEXT NOT NULL, kind TEXT NOT NULL, date TEXT, title TEXT NOT NULL,
      stored_at TEXT NOT NULL, body TEXT NOT NULL, keys TEXT`,
    key: "id, version",
  },
  raw_inputs: {
    columns: "hash TEXT NOT NULL, source TEXT NOT NULL, byte_length INTEGER NOT NULL, bytes BLOB NOT NULL",
    key: "hash",
  },
};

/** Puts the tables back in their key's tree, rows, indexes and triggers kept, as an archive of schema 28. */
function asBefore29(file: string): void {
  const db = new Database(file);
  db.transaction(() => {
    for (const [table, { columns, key }] of Object.entries(BEFORE_29)) {
      const attached = db
        .prepare<[string, string], string>(
          "SELECT sql FROM sqlite_schema WHERE tbl_name = ? AND name != ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        )
        .pluck()
        .all(table, `${table}_key`);
      db.exec(`CREATE TABLE ${table}_old (${columns}, PRIMARY KEY (${key})) WITHOUT ROWID;
        INSERT INTO ${table}_old SELECT * FROM ${table};
        DROP TABLE ${table};
        ALTER TABLE ${table}_old RENAME TO ${table};`);
      for (const sql of attached) db.exec(sql);
    }
    db.pragma("user_version = 28");
  })();
  db.close();
}

const schemaOf = (db: Database.Database, table: string) =>
  db
    .prepare<[string], { type: string; name: string; sql: string }>(
      "SELECT type, name, sql FROM sqlite_schema WHERE tbl_name = ? ORDER BY type, name",
    )
    .all(table);

describe("stored versions and raw inputs by rowid (migration 29)", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-rowid-"));
    file = path.join(dir, "archive.db");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("moves every row of an archive kept in the key's tree when it is opened, and keeps its indexes, triggers and counts working", async () => {
    let store = new SqliteStore({ path: file });
    const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0x41]);
    await store.putBatch([
      { raw: { hash: "raw-1", source: "corpus/one.txt", bytes }, documents: [makeDocument({ id: "doc-a" })] },
      { raw: null, documents: [makeDocument({ id: "doc-b" })] },
    ]);
    // A second version of doc-a, so one id has two rows.
    await store.putBatch([
      { raw: null, documents: [makeDocument({ id: "doc-a", title: "Remarks, revised" })] },
    ]);
    await store.close();

    const fresh = new Database(file, { readonly: true });
    const rows = (db: Database.Database) => ({
      documents: db.prepare("SELECT * FROM documents ORDER BY id, version").all(),
      raw: db.prepare("SELECT * FROM raw_inputs ORDER BY hash").all(),
    });
    const before = rows(fresh);
    const attachedFresh = [...schemaOf(fresh, "documents"), ...schemaOf(fresh, "raw_inputs")];
    fresh.close();
    asBefore29(file);
    const old = new Database(file, { readonly: true });
    expect(schemaOf(old, "documents").find((s) => s.type === "table")?.sql).toMatch(/WITHOUT ROWID/);
    old.close();

    store = new SqliteStore({ path: file });
    const counts = await store.counts();
    expect([counts.documents, counts.versions, counts.rawInputs]).toEqual([2, 3, 1]);
    await store.putBatch([
      { raw: { hash: "raw-1", source: "corpus/one.txt", bytes }, documents: [makeDocument({ id: "doc-c" })] },
    ]);
    const after = await store.counts();
    expect([after.documents, after.versions, after.rawInputs]).toEqual([3, 4, 1]);
    expect((await store.get("doc-a"))?.version).toBe(2);
    expect(await store.getRaw("raw-1")).toEqual(bytes);
    await store.close();

    const db = new Database(file, { readonly: true });
    const moved = rows(db);
    expect(moved.documents.filter((d) => (d as { id: string }).id !== "doc-c")).toEqual(before.documents);
    expect(moved.raw).toEqual(before.raw);
    // The same indexes and triggers as an archive made today, and neither table in its key's tree.
    expect(
      [...schemaOf(db, "documents"), ...schemaOf(db, "raw_inputs")].map((s) => [s.type, s.name]),
    ).toEqual(attachedFresh.map((s) => [s.type, s.name]));
    for (const table of ["documents", "raw_inputs"])
      expect(
        schemaOf(db, table)
          .map((s) => s.sql)
          .join(),
      ).not.toMatch(/WITHOUT ROWID/);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });
});
