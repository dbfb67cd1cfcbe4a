/**
 * SQLite scores single words from its term counts (store/sqlite/term-counts.ts) instead of asking
 * FTS5's bm25(): the scores must be FTS5's own, to the last bit, however the archive got to where
 * it is (documents added, replaced by new versions, deleted, corrected, copied in, migrated).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorsFor, type CorrectionOp } from "../../src/model/corrections.js";
import type { Document } from "../../src/model/document.js";
import { indexTerms } from "../../src/model/index-text.js";
import { termStems } from "../../src/model/term-stems.js";
import type { MatchGroup, TextIndex } from "../../src/model/text-index.js";
import { keepByRowid } from "../../src/store/sqlite/rowid-tables.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import {
  BLOCK,
  ListScratch,
  TERM_COUNTS_TABLE_BEFORE_28,
  TermCounts,
  termCountsWriter,
} from "../../src/store/sqlite/term-counts.js";
import { makeDocument, makeTurn } from "../support/documents.js";

/** The term counts' table as an archive has it today: migration 16's, kept by rowid by migration 28. */
function termCountsTable(db: Database.Database): void {
  db.exec(TERM_COUNTS_TABLE_BEFORE_28);
  keepByRowid(db, "term_counts");
}

/** Words of several scripts and folds: Latin with marks, Turkish dotless i, Cyrillic with ё. */
const WORDS = [
  "sanctions",
  "talks",
  "Çavuşoğlu",
  "Türkiye",
  "ışık",
  "санкции",
  "ещё",
  "Ёлка",
  "peace",
  "the",
  "2024",
];

const textOf = (seed: number[], length: number) =>
  Array.from({ length }, (_, i) => WORDS[(seed[i % seed.length] as number) % WORDS.length]).join(" ");

function documentWith(id: string, seed: number[], turns: number): Document {
  return makeDocument({
    id,
    turns: Array.from({ length: turns }, (_, i) =>
      makeTurn(i, {
        paragraphs: [
          `${textOf(seed, 3 + ((seed[i % seed.length] as number) % 40))}.`,
          textOf([i, ...seed], 5),
        ],
      }),
    ),
    qa: [],
  });
}

/** The term list (what query words expand against) holds every term the counts hold, with its number of turns. */
function expectTermList(db: Database.Database): void {
  const counts = new TermCounts(db);
  const blocks = counts.blocks();
  const listed = db
    .prepare<[], { term: string; turns: number; stem: string; alt: string }>(
      "SELECT term, turns, stem, stem_alt AS alt FROM turn_terms ORDER BY term",
    )
    .all();
  const held = db.prepare<[], string>("SELECT DISTINCT term FROM term_counts ORDER BY term").pluck().all();
  expect(listed.map((r) => r.term)).toEqual(held);
  for (const r of listed) {
    const stems = termStems(r.term);
    expect([r.term, r.turns, r.stem, r.alt]).toEqual([
      r.term,
      counts.list(r.term, blocks).n.length,
      stems.main,
      stems.alternate,
    ]);
  }
}

describe("SQLite scores from term counts", () => {
  let dir: string;
  let dbPath: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-term-counts-"));
    dbPath = path.join(dir, "archive.db");
    store = new SqliteStore({ path: dbPath });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every word's scores from the store against FTS5's bm25() of the same expression. */
  async function expectFts5Scores(): Promise<number> {
    const index = store.textIndex as TextIndex;
    const db = new Database(dbPath, { readonly: true });
    let compared = 0;
    try {
      const ranked = db.prepare<[string], { rowid: number; rank: number }>(
        "SELECT rowid, rank FROM turn_fts WHERE turn_fts MATCH ?",
      );
      const plans: [MatchGroup[], string][] = [
        [[[{ type: "forms", forms: ["sanctions"] }]], '"sanctions"'],
        [[[{ type: "forms", forms: ["cavusoglu", "turkiye"] }]], '("cavusoglu" OR "turkiye")'],
        [
          [[{ type: "forms", forms: ["санкции"] }], [{ type: "forms", forms: ["еще", "the"] }]],
          '"санкции" AND ("еще" OR "the")',
        ],
        [
          [
            [
              { type: "forms", forms: ["isik"] },
              { type: "prefix", prefix: "ел" },
            ],
          ],
          '("isik" OR "ел" *)',
        ],
        // Several terms of one prefix in one turn: FTS5 counts them as one phrase.
        [[[{ type: "prefix", prefix: "t" }], [{ type: "forms", forms: ["peace"] }]], '"t" * AND "peace"'],
        [
          [[{ type: "phrase", words: ["peace", "talks"] }], [{ type: "forms", forms: ["the"] }]],
          '"peace talks" AND "the"',
        ],
      ];
      for (const [groups, expression] of plans) {
        const ours = await index.matchTurns(groups, true);
        const fts5 = ranked.all(expression);
        expect(Array.from(ours.rowids)).toEqual(fts5.map((r) => r.rowid));
        expect(Array.from(ours.scores ?? [])).toEqual(fts5.map((r) => r.rank));
        const unscored = await index.matchTurns(groups, false);
        expect(Array.from(unscored.rowids)).toEqual(fts5.map((r) => r.rowid));
        compared += fts5.length;
      }
      expectTermList(db);
    } finally {
      db.close();
    }
    return compared;
  }

  it("gives FTS5's bm25 to the last bit after documents are added, replaced and deleted", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            id: fc.integer({ min: 0, max: 5 }),
            seed: fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
            turns: fc.integer({ min: 0, max: 6 }),
            remove: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (steps) => {
          for (const step of steps) {
            const id = `doc-${step.id}`;
            if (step.remove) await store.delete(id);
            else await store.putBatch([{ raw: null, documents: [documentWith(id, step.seed, step.turns)] }]);
          }
          await expectFts5Scores();
        },
      ),
      { numRuns: 25 },
    );
  });

  it("gives FTS5's bm25 after a batch replaces the document it added last (SQLite reuses its turn numbers)", async () => {
    await store.putBatch([{ raw: null, documents: [documentWith("a", [1, 2, 3], 4)] }]);
    await store.putBatch([
      {
        raw: null,
        documents: [documentWith("b", [4, 5], 3), documentWith("b", [6, 7, 8], 5), documentWith("b", [9], 2)],
      },
    ]);
    expect(await expectFts5Scores()).toBeGreaterThan(0);
  });

  it("keeps FTS5 in step when one batch puts a document several times (full-text rows are written as the transaction ends)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(
            fc.record({
              id: fc.integer({ min: 0, max: 3 }),
              seed: fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }),
              turns: fc.integer({ min: 0, max: 5 }),
            }),
            { minLength: 1, maxLength: 6 },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        async (batches) => {
          for (const batch of batches) {
            await store.putBatch(
              batch.map((d) => ({ raw: null, documents: [documentWith(`doc-${d.id}`, d.seed, d.turns)] })),
            );
          }
          await expectFts5Scores();
          const db = new Database(dbPath);
          try {
            // Throws when an FTS5 index disagrees with itself.
            db.exec(`INSERT INTO turn_fts (turn_fts, rank) VALUES ('integrity-check', 1);
              INSERT INTO doc_fts (doc_fts, rank) VALUES ('integrity-check', 1);`);
            // Every word the texts are made of, as the index holds it (ё and ı folded before FTS5).
            const anyWord = [...new Set(WORDS.flatMap((w) => indexTerms(w)))]
              .map((t) => `"${t}"`)
              .join(" OR ");
            const indexed = db
              .prepare<[string], number>("SELECT count(*) FROM turn_fts WHERE turn_fts MATCH ?")
              .pluck();
            const turns = db.prepare<[], number>("SELECT count(*) FROM turns").pluck();
            expect(indexed.get(anyWord)).toBe(turns.get());
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it("writes nothing of a batch that failed part way: the next batch's full-text rows and counts are its own", async () => {
    const broken = documentWith("broken", [5, 6], 3);
    // A turn with no kind breaks the insert of its row, after the documents before it were indexed.
    (broken.turns[1] as { kind: unknown }).kind = null;
    await expect(
      store.putBatch([
        { raw: null, documents: [documentWith("before", [1, 2, 3], 4)] },
        { raw: null, documents: [broken] },
      ]),
    ).rejects.toThrow();
    await store.putBatch([{ raw: null, documents: [documentWith("after", [7, 8], 4)] }]);
    expect(await expectFts5Scores()).toBeGreaterThan(0);
    const db = new Database(dbPath);
    try {
      db.exec("INSERT INTO turn_fts (turn_fts, rank) VALUES ('integrity-check', 1);");
      expect(db.prepare("SELECT count(*) FROM turns").pluck().get()).toBe(4);
    } finally {
      db.close();
    }
  });

  it("gives FTS5's bm25 after an editor splits and merges turns, and after the undo", async () => {
    await store.putBatch([{ raw: null, documents: [documentWith("fix", [3, 1, 4, 1, 5], 4)] }]);
    const correct = async (op: CorrectionOp) => {
      const seen = (await store.get("fix"))?.document as Document;
      return store.putCorrection({
        documentId: "fix",
        op,
        anchors: anchorsFor(seen, op),
        author: "editor",
        reason: "checked",
        at: "2026-12-05T00:00:00.000Z",
      });
    };
    const split = await correct({ op: "split", turn: 1, paragraph: 1, at: 0 });
    expect(await expectFts5Scores()).toBeGreaterThan(0);
    await correct({ op: "merge", turn: 2 });
    await expectFts5Scores();
    await store.undoCorrection(split.id, "editor", "2026-12-05T00:01:00.000Z");
    await expectFts5Scores();
  });

  it("fills the term counts of an archive made before them when it is opened", async () => {
    await store.putBatch([
      { raw: null, documents: [documentWith("old-1", [2, 7, 1, 8], 5), documentWith("old-2", [2, 8], 3)] },
    ]);
    await store.close();
    const db = new Database(dbPath);
    db.exec("DROP TABLE term_counts; DROP TABLE turn_terms");
    db.pragma("user_version = 15");
    db.close();
    store = new SqliteStore({ path: dbPath });
    expect(await expectFts5Scores()).toBeGreaterThan(0);
  });

  it("fills the term list of an archive made before it when it is opened, documents replaced and deleted included", async () => {
    await store.putBatch([
      { raw: null, documents: [documentWith("old-1", [2, 7, 1, 8], 5), documentWith("old-2", [2, 8], 3)] },
    ]);
    await store.putBatch([{ raw: null, documents: [documentWith("old-1", [3, 9], 2)] }]);
    await store.delete("old-2");
    await store.close();
    const db = new Database(dbPath);
    db.exec("DROP TABLE turn_terms");
    db.pragma("user_version = 18");
    db.close();
    store = new SqliteStore({ path: dbPath });
    expect(await expectFts5Scores()).toBeGreaterThan(0);
  });

  it("gives the terms of an archive made before their stems their stems when it is opened", async () => {
    await store.putBatch([
      { raw: null, documents: [documentWith("old-1", [2, 7, 1, 8], 5), documentWith("old-2", [2, 8], 3)] },
    ]);
    await store.close();
    const db = new Database(dbPath);
    db.exec(`DROP INDEX turn_terms_stem; DROP INDEX turn_terms_stem_alt;
      ALTER TABLE turn_terms DROP COLUMN stem; ALTER TABLE turn_terms DROP COLUMN stem_alt;`);
    db.pragma("user_version = 22");
    db.close();
    store = new SqliteStore({ path: dbPath });
    expect(await expectFts5Scores()).toBeGreaterThan(0);
    const vocabulary = (store.textIndex as TextIndex).vocabulary;
    expect(await vocabulary.termsWithStems("sa", [termStems("sanctions").main], false, 10)).toEqual([
      "sanctions",
    ]);
  });

  it("gives an archive stemmed by Porter's first stemmer Porter2's stems, and its words their own forms", async () => {
    const generals = makeDocument({
      id: "gen-1",
      turns: [
        makeTurn(0, { paragraphs: ["The generals and the general debate."] }),
        makeTurn(1, { paragraphs: ["A generous generation will generate news, not new ideas."] }),
      ],
      qa: [],
    });
    await store.putBatch([{ raw: null, documents: [generals] }]);
    await store.close();
    // As an archive stemmed before migration 27 held them: one stem for all of gener*, news as new.
    const db = new Database(dbPath);
    db.exec(`UPDATE turn_terms SET stem = 'gener' WHERE term LIKE 'gener%';
      UPDATE turn_terms SET stem = 'new' WHERE term IN ('new', 'news');`);
    db.pragma("user_version = 26");
    db.close();

    const expansions = async (s: SqliteStore) => {
      const vocabulary = (s.textIndex as TextIndex).vocabulary;
      const of = (word: string) =>
        vocabulary.termsWithStems(word.slice(0, 2), [termStems(word).main], false, 10);
      return { general: await of("general"), news: await of("news"), generous: await of("generous") };
    };
    const wanted = { general: ["general", "generals"], news: ["news"], generous: ["generous"] };
    // Opened read-only, it cannot be migrated: its stale stems are not trusted.
    const readOnly = new SqliteStore({ path: dbPath, readonly: true });
    expect(await expansions(readOnly)).toEqual(wanted);
    await readOnly.close();

    store = new SqliteStore({ path: dbPath });
    expect(await expansions(store)).toEqual(wanted);
    const check = new Database(dbPath, { readonly: true });
    expectTermList(check);
    check.close();
  });

  it("moves the term counts of an archive kept in the key's tree into rows by rowid when it is opened, with the same counts", async () => {
    await store.putBatch([
      { raw: null, documents: [documentWith("old-1", [2, 7, 1, 8], 5), documentWith("old-2", [2, 8], 3)] },
    ]);
    await store.putBatch([{ raw: null, documents: [documentWith("old-1", [3, 9], 2)] }]);
    await store.close();
    // As migration 16 made the table, holding the same rows.
    const db = new Database(dbPath);
    const before = db
      .prepare("SELECT block, term, part, hex(data) AS data FROM term_counts ORDER BY 1, 2, 3")
      .all();
    db.exec(`ALTER TABLE term_counts RENAME TO moved; DROP INDEX term_counts_key;
      ${TERM_COUNTS_TABLE_BEFORE_28}
      INSERT INTO term_counts SELECT block, term, part, data FROM moved; DROP TABLE moved;`);
    db.pragma("user_version = 27");
    db.close();
    store = new SqliteStore({ path: dbPath });
    expect(await expectFts5Scores()).toBeGreaterThan(0);
    const check = new Database(dbPath, { readonly: true });
    const sql = check
      .prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'term_counts'")
      .pluck()
      .get();
    expect(sql).not.toMatch(/WITHOUT ROWID/);
    expect(
      check.prepare("SELECT block, term, part, hex(data) AS data FROM term_counts ORDER BY 1, 2, 3").all(),
    ).toEqual(before);
    expectTermList(check);
    check.close();
  });

  it("reads a term's rows in turn order, and refuses a row whose last number is cut off", () => {
    const db = new Database(":memory:");
    termCountsTable(db);
    db.exec("CREATE VIRTUAL TABLE turn_fts USING fts5(text, content = '', contentless_delete = 1)");
    const put = db.prepare("INSERT INTO term_counts (block, term, part, data) VALUES (?, ?, ?, ?)");
    // (offset, length, count) per turn: one-byte and two-byte varints.
    put.run(0, "peace", 0, Buffer.from([5, 0x90, 0x01, 2, (200 & 0x7f) | 0x80, 1, 7, 1]));
    put.run(1, "peace", 0, Buffer.from([3, 4, 1]));
    put.run(0, "talks", 0, Buffer.from([9, 0x90]));
    const counts = new TermCounts(db);
    const [peace] = counts.lists(["peace"], 2);
    expect([Array.from(peace?.n ?? []), Array.from(peace?.len ?? []), Array.from(peace?.tf ?? [])]).toEqual([
      [5, 200, BLOCK + 3],
      [144, 7, 4],
      [2, 1, 1],
    ]);
    expect(() => counts.lists(["talks"], 2)).toThrow(RangeError);
  });

  it("reads the same lists into room kept between searches, each list of one search in room of its own", () => {
    const db = new Database(":memory:");
    termCountsTable(db);
    db.exec("CREATE VIRTUAL TABLE turn_fts USING fts5(text, content = '', contentless_delete = 1)");
    const put = db.prepare("INSERT INTO term_counts (block, term, part, data) VALUES (?, ?, ?, ?)");
    put.run(0, "peace", 0, Buffer.from([5, 0x90, 0x01, 2, 9, 1, 1, 12, 1, 1]));
    put.run(1, "peace", 0, Buffer.from([3, 4, 1]));
    put.run(0, "talks", 0, Buffer.from([1, 2, 3, 6, 5, 4]));
    const counts = new TermCounts(db);
    const plain = (l: { n: Int32Array; tf: Int32Array; len: Int32Array } | undefined) =>
      [l?.n, l?.tf, l?.len].map((a) => Array.from(a ?? []));
    const fresh = counts.lists(["peace", "talks"], 2).map(plain);
    const scratch = new ListScratch();
    for (let search = 0; search < 3; search++) {
      scratch.reset();
      const [peace] = counts.lists(["peace"], 2, scratch);
      const [talks] = counts.lists(["talks"], 2, scratch);
      // Both read in one search: the second must not have been written over the first.
      expect([plain(peace), plain(talks)]).toEqual(fresh);
    }
  });

  it("puts a term's entries in turn order when a row holds them out of order", () => {
    const db = new Database(":memory:");
    termCountsTable(db);
    db.exec("CREATE VIRTUAL TABLE turn_fts USING fts5(text, content = '', contentless_delete = 1)");
    // (offset, length, count): 9, then 4 and 6 written after it.
    db.prepare("INSERT INTO term_counts (block, term, part, data) VALUES (?, ?, ?, ?)").run(
      0,
      "peace",
      0,
      Buffer.from([9, 3, 1, 4, 5, 2, 6, 7, 3]),
    );
    const scratch = new ListScratch();
    scratch.reset();
    for (const [peace] of [
      new TermCounts(db).lists(["peace"], 1),
      new TermCounts(db).lists(["peace"], 1, scratch),
    ])
      expect([Array.from(peace?.n ?? []), Array.from(peace?.len ?? []), Array.from(peace?.tf ?? [])]).toEqual(
        [
          [4, 6, 9],
          [5, 7, 3],
          [2, 3, 1],
        ],
      );
  });

  it("hands out room that does not overlap until it is reset, and keeps its largest chunk", () => {
    const scratch = new ListScratch();
    const sizes = [10, 70_000, 5, 200_000, 3];
    const taken = sizes.map((size, i) => scratch.take(size).fill(i + 1));
    taken.forEach((room, i) => {
      expect(room.length).toBe(sizes[i]);
      expect(room.every((v) => v === i + 1)).toBe(true);
    });
    scratch.reset();
    const again = scratch.take(200_000);
    again.fill(9);
    expect(again.length).toBe(200_000);
  });

  it("keeps one row per term in a block once additions have gone past it, with the same counts", () => {
    const db = new Database(":memory:");
    termCountsTable(db);
    db.exec("CREATE VIRTUAL TABLE turn_fts USING fts5(text, content = '', contentless_delete = 1)");
    const writer = termCountsWriter(db, 7);
    const doc = documentWith("long", [3, 1, 4, 1, 5, 9, 2, 6], 40);
    const texts = doc.turns.map((t) => t.paragraphs.join("\n\n"));
    // Turns numbered across three blocks, written in several transactions, each in several flushes.
    const numbers = texts.map((_, i) => BLOCK - 25 + i * 2 + (i > 30 ? BLOCK : 0));
    const expected = new Map<string, number[]>();
    texts.forEach((text, i) => {
      for (const term of new Set(indexTerms(text)))
        expected.set(term, [...(expected.get(term) ?? []), numbers[i] as number]);
    });
    for (let from = 0; from < texts.length; from += 6) {
      db.transaction(() => {
        for (let i = from; i < Math.min(texts.length, from + 6); i++)
          writer.add(numbers[i] as number, texts[i] as string);
        writer.flush();
      })();
    }
    const parts = db
      .prepare<[], { block: number; most: number }>(
        "SELECT block, max(n) AS most FROM (SELECT block, term, count(*) AS n FROM term_counts GROUP BY block, term) GROUP BY block ORDER BY block",
      )
      .all();
    expect(parts.map((p) => p.block)).toEqual([0, 1, 2]);
    expect(parts[0]?.most).toBe(1);
    expect(parts[1]?.most).toBe(1);
    expect(parts[2]?.most).toBeGreaterThan(1);
    const counts = new TermCounts(db);
    for (const [term, turns] of expected)
      expect([term, Array.from(counts.list(term, counts.blocks()).n)]).toEqual([term, turns]);
  });

  it("writes the same counts when a writer writes what it holds before the transaction ends", () => {
    const lists = (flushEntries: number) => {
      const db = new Database(":memory:");
      termCountsTable(db);
      db.exec("CREATE VIRTUAL TABLE turn_fts USING fts5(text, content = '', contentless_delete = 1)");
      const writer = termCountsWriter(db, flushEntries);
      db.transaction(() => {
        documentWith("many", [3, 1, 4, 1, 5, 9, 2, 6], 40).turns.forEach((t, i) => {
          writer.add(i + 1, t.paragraphs.join("\n\n"));
        });
        writer.remove(
          7,
          documentWith("many", [3, 1, 4, 1, 5, 9, 2, 6], 40).turns[6]?.paragraphs.join("\n\n") ?? "",
        );
        writer.flush();
      })();
      const counts = new TermCounts(db);
      return ["sanctions", "the", "еще", "cavusoglu", "2024"].map((w) => {
        const l = counts.list(w, counts.blocks());
        return [Array.from(l.n), Array.from(l.tf), Array.from(l.len)];
      });
    };
    const whole = lists(1_000_000);
    expect(whole.some(([n]) => (n?.length ?? 0) > 10)).toBe(true);
    expect(lists(5)).toEqual(whole);
  });
});
