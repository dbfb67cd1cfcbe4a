/**
 * The language check's words (src/enrich/language.ts, `plainly`) are scanned by hand for speed;
 * it must decide as its word pattern (runs of letters and apostrophes) would, for any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plainly } from "../../src/enrich/language.js";

const FUNCTION_WORDS = ["the", "THE", "of", "and", "что", "Это", "і", "також", "we", "it's"];
const PIECES = [
  ...FUNCTION_WORDS,
  "word",
  "Lavrov",
  "'",
  "’",
  " ",
  "  ",
  ".",
  "5",
  "e\u0301",
  "\u{1d400}",
  "\ud800",
  "中",
  "-",
  "\n",
];

/** The decision as the pattern reads the words. */
function byPattern(text: string, lang: string): boolean {
  const words = {
    en: "the of and to in is that it for we with this be are on have not was as you they",
    ru: "и что это как по мы не он с к вы они было если бы уже или только так же",
    uk: "і що та це як ми ви вони було якщо би вже або тільки також й із є",
  }[lang as "en"];
  if (!words) return false;
  const set = new Set(words.split(" "));
  let seen = 0;
  let hits = 0;
  for (const m of text.matchAll(/[\p{L}']+/gu)) {
    if (set.has(m[0].toLowerCase())) hits++;
    if (++seen === 60) break;
  }
  return seen >= 20 && hits * 8 >= seen;
}

/** Text whose share of function words is about one in `every`: around the threshold of one in eight. */
const texts = fc
  .record({
    every: fc.integer({ min: 3, max: 14 }),
    pieces: fc.array(fc.constantFrom(...PIECES), { minLength: 20, maxLength: 200 }),
    functionWords: fc.array(fc.constantFrom(...FUNCTION_WORDS), { minLength: 1, maxLength: 30 }),
  })
  .map(({ every, pieces, functionWords }) =>
    pieces.map((p, i) => (i % every === 0 ? functionWords[i % functionWords.length] : p)).join(" "),
  );

describe("the language check's words", () => {
  it("decide as the word pattern would, for any text and language", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom("en", "ru", "uk", "fr"), (text, lang) => {
        expect(plainly(text, lang)).toBe(byPattern(text, lang));
      }),
      { numRuns: 3000 },
    );
  });
});
