/**
 * Several writers on one PostgreSQL archive: two processes' worth of stores ingest overlapping
 * documents and new versions of each other's documents at the same time. Nothing is lost or
 * doubled, no writer fails, the vocabulary's counts and the postings are exactly what the stored
 * turns and titles hold, and
 * a reader gets the counts a single SQLite writer gets from the same documents.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { indexText } from "../../src/store/postgres/indexed-text.js";
import { PgStore } from "../../src/store/postgres/pg-store.js";
import { positionsAt, readRow, termPositions } from "../../src/store/postgres/postings.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { makeDocument } from "../support/documents.js";
import { freshSchemaUrl, postgresWanted } from "../support/postgres.js";

const WORDS = ["sanctions", "grain", "corridor", "talks", "ceasefire", "embassy", "visa", "summit"];

function doc(i: number, edition = 0): Document {
  const base = makeDocument({ id: `mfa-${String(i).padStart(3, "0")}` });
  const say = (k: number) =>
    `${WORDS[(i + k + edition) % WORDS.length]} and ${WORDS[(i * 3 + k) % WORDS.length]} number${i}`;
  return {
    ...base,
    title: `Statement ${i}${edition ? ` (edition ${edition})` : ""}`,
    provenance: { ...base.provenance, contentHash: `hash-${i}-${edition}` },
    turns: base.turns.map((t, k) => ({ ...t, paragraphs: [say(k)] })),
  };
}

describe.runIf(postgresWanted)("two writers on one PostgreSQL archive", () => {
  let url: string;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ url, drop } = await freshSchemaUrl());
  });
  afterAll(async () => {
    await drop?.();
  });

  it("store everything once, keep the vocabulary exact, and count as one SQLite writer does", async () => {
    const [a, b] = [withSearch(await PgStore.open({ url })), withSearch(await PgStore.open({ url }))];
    const batches = (ids: number[], edition: number) => {
      const out: Document[][] = [];
      for (let k = 0; k < ids.length; k += 5) out.push(ids.slice(k, k + 5).map((i) => doc(i, edition)));
      return out;
    };
    const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
    const writes = (store: PgStore, list: Document[][]) =>
      (async () => {
        for (const documents of list) await store.putBatch([{ raw: null, documents }]);
      })();
    // A writes 0–59; B writes 30–89 (the same readings where they overlap) and new editions of 0–14.
    await Promise.all([
      writes(a, batches(range(0, 60), 0)),
      writes(b, [...batches(range(30, 90), 0), ...batches(range(0, 15), 1)]),
    ]);
    const final = [...range(0, 90).map((i) => doc(i, 0))];
    expect(await a.counts()).toMatchObject({ documents: 90, versions: 105 });

    // The vocabulary holds exactly the terms of the current turns and titles, with their counts.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const stored = (await client.query("SELECT text FROM turns")).rows as { text: string }[];
      const titles = (await client.query("SELECT title FROM doc_index")).rows as { title: string }[];
      const expected = new Map<string, [number, number]>();
      for (const t of stored)
        for (const term of indexText(t.text).terms) {
          const e = expected.get(term) ?? [0, 0];
          e[0]++;
          expected.set(term, e);
        }
      for (const t of titles)
        for (const term of indexText(t.title).terms) {
          const e = expected.get(term) ?? [0, 0];
          e[1]++;
          expected.set(term, e);
        }
      const vocab = (await client.query("SELECT term, turns, titles FROM vocab")).rows as {
        term: string;
        turns: number;
        titles: number;
      }[];
      expect(new Map(vocab.map((v) => [v.term, [v.turns, v.titles]]))).toEqual(expected);

      // The postings hold exactly the current turns, each term's positions in order.
      for (const [table, source] of [["postings", "SELECT n, text FROM turns"]] as const) {
        const want = new Set<string>();
        for (const t of (await client.query(source)).rows as { n: number; text: string }[]) {
          const words = indexText(t.text).words;
          for (const [term, at] of termPositions(words))
            want.add(`${term} ${t.n} ${words.length} ${at.join(",")}`);
        }
        const got: string[] = [];
        const rows = (await client.query(`SELECT term, block, data, positions FROM ${table}`)).rows as {
          term: string;
          block: number;
          data: Buffer;
          positions: Buffer;
        }[];
        for (const r of rows)
          readRow(r.block, r.data, r.positions, (n, length, count, from) => {
            got.push(`${r.term} ${n} ${length} ${positionsAt(r.positions, from, count).join(",")}`);
          });
        expect(got.length, table).toBe(want.size);
        expect(new Set(got), table).toEqual(want);
      }
    } finally {
      await client.end();
    }

    // The same documents from one writer into SQLite: the same answers.
    const sqlite = withSearch(new SqliteStore({ path: ":memory:" }));
    await sqlite.putBatch([{ raw: null, documents: final }]);
    await sqlite.putBatch([{ raw: null, documents: range(0, 15).map((i) => doc(i, 1)) }]);
    for (const text of ["sanctions", "grain corridor", '"visa and"', "number4*", "edition"]) {
      const query = parseQuery(text);
      expect((await a.search(query, { cache: false })).total, text).toEqual(
        (await sqlite.search(query, { cache: false })).total,
      );
    }
    await Promise.all([a.close(), b.close(), sqlite.close()]);
  }, 120_000);
});
