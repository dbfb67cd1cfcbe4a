import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import type { MatchGroup } from "../../src/model/text-index.js";
import { TitleIndex, type TitleMatches } from "../../src/search/engine/title-index.js";
import { compileText } from "../../src/search/query/expand.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { allOf } from "../../src/store/sqlite/fts5-expression.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { catalogOf } from "../support/catalog.js";
import { makeTranscript } from "../support/documents.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Per document: groups held, and the score when every group is. */
function byDocument(m: TitleMatches): Map<number, { groups: number; score: number | null }> {
  const out = new Map<number, { groups: number; score: number | null }>();
  m.docs.forEach((d, i) => {
    out.set(d, { groups: m.groups[i] as number, score: m.scores ? (m.scores[i] as number) : null });
  });
  return out;
}

const forms = (...list: string[]): MatchGroup => [{ type: "forms", forms: list }];

describe("the titles' own index", () => {
  const index = new TitleIndex();
  index.set(1, "Press briefing by Press Secretary Jen Psaki");
  index.set(2, "Remarks by President Biden on the U.S. economy");
  index.set(3, "Пресс-конференция Сергея Лаврова: ёлки");
  index.set(5, "Briefing on the press");

  it("finds a word's forms, counting a group once however many of its forms a title holds", () => {
    const found = byDocument(index.match([forms("briefing", "press")], false));
    expect([...found.keys()].sort()).toEqual([1, 5]);
    expect(found.get(1)?.groups).toBe(1);
  });

  it("counts the groups each title holds, and scores only the titles that hold them all", () => {
    const found = byDocument(index.match([forms("press"), forms("biden")], true));
    expect(found.get(1)).toEqual({ groups: 1, score: 0 });
    expect(found.get(2)).toEqual({ groups: 1, score: 0 });
    const both = byDocument(index.match([forms("press"), forms("briefing")], true));
    expect(both.get(1)?.score).toBeLessThan(0);
    expect(both.get(5)?.score).toBeLessThan(0);
  });

  it("reads a phrase only where its words stand in a row, and a form of several terms as a phrase", () => {
    expect([
      ...byDocument(index.match([[{ type: "phrase", words: ["press", "briefing"] }]], false)).keys(),
    ]).toEqual([1]);
    expect([
      ...byDocument(index.match([[{ type: "phrase", words: ["briefing", "press"] }]], false)).keys(),
    ]).toEqual([]);
    // "u.s." is the two terms u and s, as FTS5 splits it.
    expect([...byDocument(index.match([forms("u.s.")], false)).keys()]).toEqual([2]);
  });

  it("takes a prefix to every term that starts with it, and folds as the index does (ё as е)", () => {
    expect([...byDocument(index.match([[{ type: "prefix", prefix: "pres" }]], false)).keys()].sort()).toEqual(
      [1, 2, 5],
    );
    expect([...byDocument(index.match([forms("елки")], false)).keys()]).toEqual([3]);
    expect([...byDocument(index.match([[{ type: "prefix", prefix: "пресс" }]], false)).keys()]).toEqual([3]);
  });

  it("forgets a title cleared or replaced, and keeps the others through the packing that follows", () => {
    const changing = new TitleIndex();
    for (let d = 0; d < 3000; d++) changing.set(d, `Statement number ${d} on trade`);
    for (let d = 0; d < 2000; d++) changing.clear(d);
    changing.set(2500, "Readout of a call");
    const trade = byDocument(changing.match([forms("trade")], false));
    expect(trade.size).toBe(999);
    expect(trade.has(2500)).toBe(false);
    expect([...byDocument(changing.match([forms("readout")], false)).keys()]).toEqual([2500]);
    expect([...byDocument(changing.match([forms("2999")], false)).keys()]).toEqual([2999]);
  });
});

describe("the titles' index kept through changes", () => {
  const WORDS = ["press", "briefing", "president", "prime", "minister", "talks", "lavrov", "g20", "nato"];
  const plans: MatchGroup[][] = [
    [forms("press", "briefing")],
    [forms("president"), forms("talks")],
    [[{ type: "prefix", prefix: "pr" }]],
    [[{ type: "phrase", words: ["prime", "minister"] }]],
    [forms("g20", "nato")],
  ];
  const answers = (index: TitleIndex) =>
    plans.map((plan) => [...byDocument(index.match(plan, true))].sort((a, b) => a[0] - b[0]));

  it("answers after any sets and clears, searched between them or not, as an index of the titles left", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({
              d: fc.nat(40),
              words: fc.array(fc.constantFrom(...WORDS, "new", "word", "older"), { maxLength: 6 }),
              // A term no title held yet, so that prefixes meet terms added since the last sort.
              fresh: fc.option(fc.nat(50)),
            }),
            fc.record({ d: fc.nat(40) }),
            fc.constant("search" as const),
          ),
          { maxLength: 60 },
        ),
        (steps) => {
          const kept = new TitleIndex();
          const titles = new Map<number, string>();
          for (const step of steps) {
            if (step === "search") answers(kept);
            else if ("words" in step) {
              const title = [...step.words, ...(step.fresh === null ? [] : [`pr${step.fresh}x`])].join(" ");
              kept.set(step.d, title);
              titles.set(step.d, title);
            } else {
              kept.clear(step.d);
              titles.delete(step.d);
            }
          }
          const whole = new TitleIndex();
          for (const [d, title] of titles) whole.set(d, title);
          expect(answers(kept)).toEqual(answers(whole));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("answers alike once the titles set since the last derivation outnumber what is read whole", () => {
    const kept = new TitleIndex();
    const whole = new TitleIndex();
    for (let d = 0; d < 5000; d++) kept.set(d, `Briefing ${d % 7 === 0 ? "press" : "talks"} ${d}`);
    answers(kept);
    for (let d = 0; d < 5000; d++) {
      const title = `Statement ${d % 5 === 0 ? "press" : "prime minister"} ${d}`;
      kept.set(d, title);
      whole.set(d, title);
    }
    expect(answers(kept)).toEqual(answers(whole));
  });
});

describe("titles matched and scored as FTS5 matches and scores them", () => {
  const WORDS = [
    "press",
    "briefing",
    "president",
    "prime",
    "minister",
    "u.s.",
    "лавров",
    "ёлка",
    "елка",
    "çavuşoğlu",
    "cavusoglu",
    "talks",
    "talk",
    "2021",
  ];

  it("gives the titles FTS5 finds for any plan, with bm25 equal to FTS5's", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-titles-"));
    dirs.push(dir);
    const file = path.join(dir, "archive.db");
    const store = new SqliteStore({ path: file });
    const titles = fc.sample(
      fc
        .array(fc.constantFrom(...WORDS, "the", "of", "and"), { minLength: 0, maxLength: 9 })
        .map((w) => w.join(" ")),
      { numRuns: 60, seed: 7 },
    );
    await store.putBatch(
      titles.map((title, i) => ({
        raw: null,
        documents: [makeTranscript({ id: `d${i}`, title, turns: [{ text: "Nothing to see." }] })],
      })),
    );
    const catalog = await catalogOf(store.textIndex);
    const fts = new Database(file, { readonly: true });
    const ranked = fts.prepare<[string], { rowid: number; rank: number }>(
      "SELECT rowid, rank FROM doc_fts WHERE doc_fts MATCH ?",
    );
    let scoredTitles = 0;
    let plans = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.array(
              fc.oneof(
                fc.constantFrom(...WORDS),
                fc.constantFrom("pres*", "min*", "лав*"),
                fc.constantFrom('"press briefing"', '"prime minister"', '"the talks"'),
              ),
              { minLength: 1, maxLength: 3 },
            ),
            { minLength: 1, maxLength: 3 },
          ),
          async (groups) => {
            const parsed = parseQuery(groups.map((g) => g.join(" OR ")).join(" "));
            const compiled = await compileText(parsed.groups, parsed.exclude, store.textIndex.vocabulary);
            const mine = byDocument(catalog.titles.match(compiled.groups, true));
            const theirs = ranked.all(allOf(compiled.groups));
            const complete = [...mine].filter(([, m]) => m.groups === compiled.groups.length);
            expect(complete.map(([d]) => d).sort((a, b) => a - b)).toEqual(
              theirs.map((r) => r.rowid).sort((a, b) => a - b),
            );
            for (const { rowid, rank } of theirs) expect(mine.get(rowid)?.score).toBeCloseTo(rank, 12);
            scoredTitles += theirs.length;
            plans++;
          },
        ),
        { numRuns: 150 },
      );
      // Not a property of empty answers: most plans find titles.
      expect(scoredTitles).toBeGreaterThan(plans * 3);
    } finally {
      fts.close();
      await store.close();
    }
  });
});
