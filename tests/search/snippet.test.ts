/**
 * Where a query matched in a turn (search/snippet.ts): the same spans as the plain definition (one
 * regular expression with a word boundary looked behind), however the text mixes words, phrases,
 * prefixes, scripts, marks and letters glued to the terms; and a snippet's search stops once it has
 * what the snippet can show.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Highlighter } from "../../src/search/query/expand.js";
import { findMatches, foldKeepingOffsets, SNIPPET_WIDTH, snippet } from "../../src/search/snippet.js";

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The plain definition: every match of the terms between word boundaries, in the folded text. */
function plainMatches(text: string, h: Highlighter): { start: number; end: number }[] {
  const alternatives = [
    ...h.phrases.map((p) => p.map(escapeRegex).join("[^\\p{L}\\p{N}]+")),
    ...h.prefixes.map((p) => `${escapeRegex(p)}[\\p{L}\\p{N}]*`),
    ...(h.words.size
      ? [
          `(?:${[...h.words]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegex)
            .join("|")})`,
        ]
      : []),
  ];
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return [...foldKeepingOffsets(text).matchAll(regex)].map((m) => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

const h: Highlighter = {
  words: new Set(["nations", "sanction", "sanctions", "мир", "ab"]),
  prefixes: ["democra"],
  phrases: [["united", "nations"]],
};
/**
 * With a phrase the boundaries are in the expression; without one they are checked by hand
 * (search/snippet.ts): words that begin other words, a prefix that begins a word form, either alone.
 */
const HIGHLIGHTERS: Highlighter[] = [
  h,
  { words: new Set(["nations", "sanction", "sanctions", "мир", "ab", "1"]), prefixes: [], phrases: [] },
  { words: new Set(["sanction", "sanctions", "nations"]), prefixes: ["sanct", "democra", "ми"], phrases: [] },
  { words: new Set(), prefixes: ["nation", "ab"], phrases: [] },
  { words: new Set(["ab", "aab"]), prefixes: [], phrases: [["ab", "ab"]] },
];
const PIECES = [
  "United",
  "Nations",
  "nations",
  "sanctions",
  "Sanctions",
  "мир",
  "Мир",
  "democracy",
  "xunited",
  "ab",
  "aab",
  "é",
  "ё",
  " ",
  "  ",
  ", ",
  ".",
  "-",
  "1",
  "𝒳",
];

describe("matches in a turn's text", () => {
  it("are the plain definition's, for any mix of terms, phrases, prefixes and glued letters", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }),
        fc.constantFrom(...HIGHLIGHTERS),
        (parts, terms) => {
          const text = parts.join("");
          expect(findMatches(text, terms)).toEqual(plainMatches(text, terms));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("for a snippet, are the plain definition's first ones however a long text is cut into pieces", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 4, max: 24 }),
        fc.constantFrom(...HIGHLIGHTERS),
        (parts, until, piece, terms) => {
          const text = parts.join("");
          const plain = plainMatches(text, terms);
          const first = plain[0]?.start ?? 0;
          expect(findMatches(text, terms, until, piece)).toEqual(
            plain.filter((m) => m.start <= first + until),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("for a snippet, are those of the text folded whole however a long text with combining marks is cut into pieces", () => {
    // Folding whole drops combining marks (a decomposed "é" is an "e"); a piece holding one, or a
    // match whose last letter carries one just past what was folded, must come out the same.
    const marked = [...PIECES, "e\u0301", "\u0301", "sanctions\u0301", "Nations\u0308 "];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...marked), { maxLength: 80 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 4, max: 24 }),
        fc.constantFrom(...HIGHLIGHTERS),
        (parts, until, piece, terms) => {
          const text = parts.join("");
          expect(findMatches(text, terms, until, piece)).toEqual(findMatches(text, terms, until));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("for a snippet of a long speech, folds only up to its first match and as far as the snippet reaches", () => {
    const text = `${"filler words here ".repeat(1000)}sanctions ${"more filler ".repeat(30)}nations ${"filler ".repeat(5000)}`;
    const spans = findMatches(text, h, SNIPPET_WIDTH);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["sanctions"]);
    expect(findMatches(text, h, 400).map((s) => text.slice(s.start, s.end))).toEqual([
      "sanctions",
      "nations",
    ]);
  });

  it("finds a word right after a phrase that began inside a longer word", () => {
    expect(findMatches("xunited nations", h)).toEqual([{ start: 8, end: 15 }]);
  });

  it("for a snippet, stops after the matches the snippet around the first one can show", () => {
    const text = `${"filler ".repeat(10)}sanctions ${"filler ".repeat(20)}nations ${"filler ".repeat(200)}sanctions`;
    const all = findMatches(text, h);
    const first = findMatches(text, h, SNIPPET_WIDTH);
    expect(all).toHaveLength(3);
    expect(first).toEqual(all.slice(0, 2));
    expect(snippet(text, first)).toEqual(snippet(text, all));
  });
});
