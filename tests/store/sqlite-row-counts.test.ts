/**
 * SQLite keeps the archive's counts (store/sqlite/row-counts.ts: triggers, and the writer of turns)
 * instead of counting on every read: they must equal COUNT(*) whatever wrote the rows (batches with
 * new versions and repeated raw inputs, deletions, corrections, a copy from another archive, the
 * migrations).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorsFor } from "../../src/model/corrections.js";
import type { Document } from "../../src/model/document.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { StoreCounts } from "../../src/store/store.js";
import { makeDocument, makeTurn } from "../support/documents.js";

function documentWith(id: string, words: string, turns: number): Document {
  return makeDocument({
    id,
    turns: Array.from({ length: turns }, (_, i) =>
      makeTurn(i, { paragraphs: [`${words} ${i}.`, `${words} again.`] }),
    ),
    qa: [],
  });
}

function counted(file: string): StoreCounts {
  const db = new Database(file, { readonly: true });
  const one = (sql: string) => db.prepare<[], number>(sql).pluck().get() as number;
  try {
    return {
      documents: one("SELECT count(*) FROM documents WHERE current = 1"),
      versions: one("SELECT count(*) FROM documents"),
      turns: one("SELECT count(*) FROM turns"),
      rawInputs: one("SELECT count(*) FROM raw_inputs"),
      speakers: one("SELECT count(*) FROM speakers"),
    };
  } finally {
    db.close();
  }
}

describe("SQLite archive counts kept as rows change", () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-row-counts-"));
    file = path.join(dir, "archive.db");
    store = new SqliteStore({ path: file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("equal COUNT(*) after random batches of new documents, new versions, repeated inputs and deletions", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 4 }),
            words: fc.constantFrom("talks on sanctions", "a new text", "ещё раз"),
            turns: fc.integer({ min: 0, max: 5 }),
            raw: fc.option(fc.integer({ min: 0, max: 3 })),
            remove: fc.boolean(),
          }),
          { minLength: 1, maxLength: 10 },
        ),
        async (steps) => {
          for (const step of steps) {
            const id = `doc-${step.id}`;
            if (step.remove) await store.delete(id);
            else
              await store.putBatch([
                {
                  raw:
                    step.raw === null
                      ? null
                      : {
                          hash: `h${step.raw}`,
                          source: `in-${step.raw}.txt`,
                          bytes: new Uint8Array([step.raw]),
                        },
                  documents: [documentWith(id, step.words, step.turns)],
                },
              ]);
          }
          expect(await store.counts()).toEqual(counted(file));
        },
      ),
      { numRuns: 20 },
    );
  });

  it("equal COUNT(*) after an editor splits a turn, and in an archive copied from this one", async () => {
    await store.putBatch([{ raw: null, documents: [documentWith("fix", "one two three. four five", 3)] }]);
    const seen = (await store.get("fix"))?.document as Document;
    const op = { op: "split", turn: 1, paragraph: 1, at: 0 } as const;
    await store.putCorrection({
      documentId: "fix",
      op,
      anchors: anchorsFor(seen, op),
      author: "editor",
      reason: "checked",
      at: "2026-12-05T00:00:00.000Z",
    });
    expect(await store.counts()).toMatchObject({ turns: 4 });
    expect(await store.counts()).toEqual(counted(file));

    const copyFile = path.join(dir, "copy.db");
    const copy = new SqliteStore({ path: copyFile });
    try {
      await copy.transfer.importRecords(store.transfer.exportRecords());
      expect(await copy.counts()).toEqual(counted(copyFile));
      expect(await copy.counts()).toEqual(await store.counts());
    } finally {
      await copy.close();
    }
  });

  it("are filled by the migration in an archive made before them", async () => {
    await store.putBatch([
      {
        raw: { hash: "x", source: "x.txt", bytes: new Uint8Array([1]) },
        documents: [documentWith("a", "x", 3)],
      },
      { raw: null, documents: [documentWith("a", "y", 2), documentWith("b", "z", 4)] },
    ]);
    await store.close();
    const db = new Database(file);
    db.exec("DROP TABLE row_counts");
    for (const name of db
      .prepare<[], string>(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'row_counts_%'",
      )
      .pluck()
      .all())
      db.exec(`DROP TRIGGER ${name}`);
    db.pragma("user_version = 21");
    db.close();
    store = new SqliteStore({ path: file });
    expect(await store.counts()).toEqual(counted(file));
    expect(await store.counts()).toMatchObject({ documents: 2, versions: 3, turns: 6, rawInputs: 1 });
  });

  it("count turns once in an archive whose first migration 22 counted them by trigger too", async () => {
    await store.putBatch([{ raw: null, documents: [documentWith("a", "x", 3)] }]);
    await store.close();
    const db = new Database(file);
    db.exec(`CREATE TRIGGER row_counts_turn_added AFTER INSERT ON turns BEGIN
        UPDATE row_counts SET n = n + 1 WHERE name = 'turns';
      END;
      CREATE TRIGGER row_counts_turn_removed AFTER DELETE ON turns BEGIN
        UPDATE row_counts SET n = n - 1 WHERE name = 'turns';
      END;`);
    db.pragma("user_version = 24");
    db.close();
    store = new SqliteStore({ path: file });
    await store.putBatch([{ raw: null, documents: [documentWith("a", "y", 5), documentWith("b", "z", 2)] }]);
    await store.delete("b");
    expect(await store.counts()).toEqual(counted(file));
    expect(await store.counts()).toMatchObject({ turns: 5 });
  });
});
