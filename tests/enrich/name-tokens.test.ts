/**
 * The name finder's words (src/enrich/names/name-tokens.ts) are scanned by hand for speed; they
 * must be exactly the words its pattern defines, for any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameTokens, WORD_PATTERN } from "../../src/enrich/names/name-tokens.js";

/** Letters, digits, joiners, marks, spaces and astral characters: what the edge cases are made of. */
const PIECES = [
  "a",
  "Z",
  "é",
  "e\u0301",
  "ı",
  "Ж",
  "ї",
  "ʼ",
  "'",
  "’",
  "-",
  "—",
  "5",
  "٣",
  " ",
  ".",
  "\n",
  "s",
  "'s",
  "’S",
  "\u{1d400}",
  "\u{1f600}",
  "\ud800",
  "\udc00",
  "中",
  "_",
  "«",
];

/** The spans the pattern gives, a possessive "'s" left out as nameTokens leaves it out. */
const plainSpans = (text: string) =>
  [...text.matchAll(WORD_PATTERN)].map((m) => {
    const raw = /['’]s$/i.test(m[0]) ? m[0].slice(0, -2) : m[0];
    return [m.index, m.index + raw.length];
  });

/** The pattern's word at a given place. */
const WORD_AT = new RegExp(WORD_PATTERN.source, "uy");

describe("name tokens", () => {
  it("are the words the word pattern matches, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.string(), (pieces, noise) => {
        const text = pieces.join("") + noise;
        expect(nameTokens(text).map((t) => [t.start, t.end])).toEqual(plainSpans(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("say of each word what its letters say: lowercase form, capital, Cyrillic, the gap before it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES, "İ", "Σ", "\u{10400}"), { maxLength: 40 }),
        fc.string(),
        (pieces, noise) => {
          const text = pieces.join("") + noise;
          let previousEnd = 0;
          for (const t of nameTokens(text)) {
            const first = t.raw[0] ?? "";
            expect(t.lower).toBe(t.raw.toLowerCase());
            expect(t.capital).toBe(first !== first.toLowerCase());
            expect(t.cyrillic).toBe(/[\u0400-\u04ff]/.test(t.raw));
            expect(t.gapBefore).toBe(text.slice(previousEnd, t.start));
            // The next gap starts after the whole word, a possessive left out of the span included.
            WORD_AT.lastIndex = t.start;
            previousEnd = t.start + (WORD_AT.exec(text)?.[0].length ?? 0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("keep apostrophes and hyphens inside a word and leave a possessive out", () => {
    expect(nameTokens("O'Brien met McFaul-Yermak; прем'єр Biden's aide —").map((t) => t.raw)).toEqual([
      "O'Brien",
      "met",
      "McFaul-Yermak",
      "прем'єр",
      "Biden",
      "aide",
    ]);
  });
});
