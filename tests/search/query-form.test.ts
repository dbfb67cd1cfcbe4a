/**
 * The advanced search form written as a query (search/query/compose.ts) and the suggestions for a
 * search that found nothing (search/suggest.ts).
 */
import { describe, expect, it } from "vitest";
import type { SearchQuery } from "../../src/model/search-query.js";
import { withStems } from "../../src/model/term-stems.js";
import { composeQuery } from "../../src/search/query/compose.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { suggestAlternatives } from "../../src/search/suggest.js";

describe("the advanced search form", () => {
  it("writes each field as the query language would, and the result parses to those conditions", () => {
    const { query, problems } = composeQuery({
      all: "sanctions grain*",
      phrase: "Territorial Integrity",
      any: "Crimea Donbas",
      none: "football",
      speaker: "Sergey Lavrov",
      role: "foreign minister",
      kind: ["question", "answer"],
      type: ["briefing"],
      lang: ["ru", "en"],
      publisher: ["mid.ru"],
      from: "2020-01",
      to: "2021",
    });
    expect(problems).toEqual([]);
    expect(query).toBe(
      'sanctions grain* "territorial integrity" crimea OR donbas -football speaker:"Sergey Lavrov" role:"foreign minister" kind:question|answer type:briefing lang:ru|en publisher:mid.ru date:2020-01..2021',
    );
    const parsed = parseQuery(query);
    expect(parsed.groups.map((g) => g.terms)).toEqual([
      [{ type: "word", text: "sanctions" }],
      [{ type: "prefix", text: "grain" }],
      [{ type: "phrase", words: ["territorial", "integrity"] }],
      [
        { type: "word", text: "crimea" },
        { type: "word", text: "donbas" },
      ],
    ]);
    expect(parsed.exclude).toEqual([{ type: "word", text: "football" }]);
    expect(parsed.filters).toMatchObject({
      speaker: ["sergey lavrov"],
      role: ["foreign minister"],
      kind: ["question", "answer"],
      type: ["briefing"],
      lang: ["ru", "en"],
      publisher: ["mid.ru"],
      date: [{ from: "2020-01", to: "2021" }],
    });
  });

  it("never lets text typed in a field become syntax", () => {
    const hostile = 'x speaker:evil OR "y -z date:1900 kind:answer|"';
    const { query } = composeQuery({
      all: hostile,
      speaker: 'a" lang:xx "',
      kind: ["question", "nonsense"],
      lang: ["en OR ru"],
    });
    const parsed: SearchQuery = parseQuery(query);
    expect(parsed.filters.speaker).toEqual(["a lang:xx"]);
    expect(parsed.filters.kind).toEqual(["question"]);
    expect(parsed.filters.lang).toEqual([]);
    expect(parsed.filters.date).toEqual([]);
    expect(parsed.exclude).toEqual([]);
  });

  it("names a date that is not one instead of dropping it, and writes an open range", () => {
    expect(composeQuery({ all: "a", from: "20x0" }).problems[0]).toContain("20x0");
    expect(composeQuery({ all: "a", from: "2020" }).query).toBe("a date:2020..");
    expect(composeQuery({ all: "a", to: "2020-03-15" }).query).toBe("a date:..2020-03-15");
    expect(composeQuery({ from: "2020", to: "2020" }).query).toBe("date:2020");
    expect(composeQuery({}).query).toBe("");
  });
});

describe("suggestions for a search that found nothing", () => {
  const vocabulary = (terms: string[]) => {
    const termsWithPrefix = async (prefix: string, limit: number) =>
      terms
        .filter((t) => t.startsWith(prefix))
        .sort()
        .slice(0, limit);
    return {
      termsWithPrefix,
      termsWithStems: async (prefix: string, stems: string[], alternate: boolean, limit: number) =>
        withStems(await termsWithPrefix(prefix, terms.length), stems, alternate, limit),
    };
  };
  /** A pretend archive: the turns a query finds are those its words' counts say, unless a filter names nobody. */
  const counts: Record<string, number> = { sanctions: 40, sanction: 12, agreement: 7 };
  const count = async (q: SearchQuery) => {
    if (q.filters.speaker.includes("nobody")) return 0;
    const words = q.groups.flatMap((g) =>
      g.terms.map((t) => (t.type === "phrase" ? t.words.join(" ") : t.text)),
    );
    return words.length ? Math.min(...words.map((w) => counts[w] ?? 0)) : 100;
  };

  it("offers the archive's spelling of a misspelt word, with how much it finds", async () => {
    const found = await suggestAlternatives(
      "sanctoins",
      count,
      vocabulary(["sanctions", "sanction", "santa", "saw"]),
    );
    expect(found[0]).toEqual({ query: "sanctions", reason: "“sanctions” for “sanctoins”", turns: 40 });
    expect(found.map((s) => s.query)).not.toContain("santa");
  });

  it("offers the query without each condition that finds nothing, and a phrase as loose words", async () => {
    const found = await suggestAlternatives("agreement speaker:nobody", count, vocabulary(["agreement"]));
    expect(found).toEqual([{ query: "agreement", reason: "without speaker:nobody", turns: 7 }]);
    const loosened = await suggestAlternatives(
      '"sanctions agreement"',
      async (q) => (q.groups.length === 2 ? 3 : 0),
      vocabulary([]),
    );
    expect(loosened).toEqual([
      {
        query: "sanctions agreement",
        reason: "the words of “sanctions agreement” in any order and form",
        turns: 3,
      },
    ]);
  });

  it("offers nothing that finds nothing, and nothing for a query that does not parse", async () => {
    expect(await suggestAlternatives("zzzz", count, vocabulary(["zzzy"]))).toEqual([]);
    expect(await suggestAlternatives('"unclosed', count, vocabulary([]))).toEqual([]);
  });
});
