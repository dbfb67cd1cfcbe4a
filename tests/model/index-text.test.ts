/**
 * indexTerms and forEachIndexTerm take shortcuts (a whole text lowercased at once, a table instead
 * of a regular expression, terms left in place in their text): on any text they must give what the
 * plain definition gives, token by token.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forEachIndexTerm, ftsFold, indexTerms, preFold } from "../../src/model/index-text.js";

const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;
/** The definition: FTS5's unicode61 runs, each folded on its own. */
const plainTerms = (text: string) =>
  (preFold(text).match(TOKEN) ?? []).map((t) => ftsFold(t.replace(/[\u0300-\u036f]/g, "")));

/** Characters that test the shortcuts: cases, folds, marks, scripts, digits, astral letters, separators. */
const PIECES = [
  ..."aZ09 .,-'’\n\tёЁıİßẞÇçŞşÄåΣσςΟΔéèАБВгдЇїґ\u0301\u0308\u0483\u093f",
  "\u{1d400}",
  "\u{20000}",
  "\u{f0000}",
  "\u{1f600}",
];

describe("index terms", () => {
  it("are what the plain definition gives, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.string(), (pieces, noise) => {
        const text = pieces.join("") + noise;
        expect(indexTerms(text)).toEqual(plainTerms(text));
        const plain = pieces.filter((p) => /^[a-zA-Z0-9 .,\n-]$/.test(p)).join("");
        expect(indexTerms(plain)).toEqual(plainTerms(plain));
      }),
      { numRuns: 2000 },
    );
  });

  it("are visited in place in the same order by forEachIndexTerm, for any text", () => {
    const visited = (text: string) => {
      const out: string[] = [];
      forEachIndexTerm(text, (source, start, end) => out.push(source.slice(start, end)));
      return out;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.string(), (pieces, noise) => {
        const text = pieces.join("") + noise;
        expect(visited(text)).toEqual(plainTerms(text));
        // Without astral characters: the table's path, with and without marked letters.
        const plane = pieces.filter((p) => p.length === 1).join("");
        expect(visited(plane)).toEqual(plainTerms(plane));
        const unmarked = plane.replace(/[\u00c0-\u024f]|[\u0300-\u036f]/g, " ");
        expect(visited(unmarked)).toEqual(plainTerms(unmarked));
      }),
      { numRuns: 2000 },
    );
  });

  it("split a Russian and an English sentence into folded words", () => {
    expect(indexTerms("Ещё раз: Çavuşoğlu, İstanbul и Türkiye’s 2024!")).toEqual([
      "еще",
      "раз",
      "cavusoglu",
      "istanbul",
      "и",
      "turkiye",
      "s",
      "2024",
    ]);
    expect(indexTerms("The PRESIDENT said: no.")).toEqual(["the", "president", "said", "no"]);
    // As FTS5 folds them: every sigma is σ, a word-final one too.
    expect(indexTerms("ΟΔΟΣ οδος aΣ.a")).toEqual(["οδοσ", "οδοσ", "aσ", "a"]);
  });
});
