/**
 * One search engine over every backend means one answer: the same archive in SQLite and in
 * PostgreSQL gives, for every search case, the same counts, the same documents in the same
 * order, the same turns and the same BM25 scores.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchResult } from "../../src/model/search-results.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { makeDocument } from "../support/documents.js";
import { freshPgStore, postgresWanted } from "../support/postgres.js";
import { SEARCH_ARCHIVE, SEARCH_CASES, SEARCH_SPEAKERS } from "./search-cases.js";

const shape = (r: SearchResult) => ({
  total: r.total,
  hits: r.hits.map((h) => ({ id: h.id, turns: h.turns.map((t) => t.index), matchingTurns: h.matchingTurns })),
  facets: r.facets,
  expansions: r.expansions,
});

describe.runIf(postgresWanted)("SQLite and PostgreSQL", () => {
  let sqlite: DocumentStore;
  let postgres: DocumentStore;

  beforeAll(async () => {
    sqlite = withSearch(new SqliteStore({ path: ":memory:" }));
    postgres = withSearch(await freshPgStore());
    for (const store of [sqlite, postgres]) {
      await store.putSpeakers(SEARCH_SPEAKERS);
      await store.putBatch([{ raw: null, documents: SEARCH_ARCHIVE }]);
    }
  });

  afterAll(async () => {
    await sqlite?.close();
    await postgres?.close();
  });

  it("answer every search case alike, ranked by relevance, with the same scores", async () => {
    for (const c of SEARCH_CASES) {
      const query = parseQuery(c.query);
      const options = { limit: 200, turnsPerDocument: 20, sort: "relevance" as const };
      const [a, b] = [await sqlite.search(query, options), await postgres.search(query, options)];
      expect(shape(b), c.query).toEqual(shape(a));
      b.hits.forEach((hit, i) => {
        const other = a.hits[i]?.score;
        if (other === null || other === undefined) expect(hit.score, c.query).toBe(other ?? null);
        else expect(hit.score, `${c.query}: ${hit.id}`).toBeCloseTo(other, 9);
      });
    }
  });

  it("find and score alike a phrase past PostgreSQL's 16,383rd position and a word said 300 times", async () => {
    const filler = Array.from({ length: 17_000 }, (_, i) => `word${i % 997}`).join(" ");
    const repeated = Array.from({ length: 300 }, () => "the integrity").join(" ");
    const long = makeDocument({
      id: "un-long-speech",
      title: "A very long speech",
      turns: [
        {
          index: 0,
          speakerId: null,
          speakerName: "Speaker",
          label: null,
          kind: "remarks",
          addressedTo: null,
          interpreted: false,
          paragraphs: [filler, "We defend territorial integrity at the very end."],
          notes: [],
        },
        {
          index: 1,
          speakerId: null,
          speakerName: "Speaker",
          label: null,
          kind: "remarks",
          addressedTo: null,
          interpreted: false,
          paragraphs: [repeated, "and territorial integrity once"],
          notes: [],
        },
      ],
    });
    for (const store of [sqlite, postgres]) await store.putBatch([{ raw: null, documents: [long] }]);
    for (const text of [
      '"territorial integrity"',
      '"integrity once"',
      "integrity",
      '"the integrity"',
      "word99*",
    ]) {
      const query = parseQuery(text);
      const options = { limit: 200, turnsPerDocument: 20, sort: "relevance" as const, cache: false };
      const [a, b] = [await sqlite.search(query, options), await postgres.search(query, options)];
      expect(shape(b), text).toEqual(shape(a));
      for (const [i, hit] of b.hits.entries())
        expect(hit.score, `${text}: ${hit.id}`).toBeCloseTo(a.hits[i]?.score ?? 0, 9);
    }
    expect((await postgres.search(parseQuery('"territorial integrity"'))).hits.map((h) => h.id)).toContain(
      "un-long-speech",
    );
  });

  it("count by year and give concordance lines alike", async () => {
    for (const text of ["sanctions", "санкции", '"territorial integrity"', "terr*", "speaker:lavrov"]) {
      const query = parseQuery(text);
      expect(await postgres.countsByYear(query), text).toEqual(await sqlite.countsByYear(query));
      expect(await postgres.concordance(query), text).toEqual(await sqlite.concordance(query));
    }
  });
});
