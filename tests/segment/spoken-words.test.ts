/**
 * The turn-kind rules count a turn's words without splitting it (spokenWordCount); the count must
 * be the one the words themselves give (spokenWords), up to the limit asked, for any text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spokenWordCount, spokenWords } from "../../src/ingest/segment/words.js";

/** Words, spaces, brackets in and out of order, marks and astral characters. */
// biome-ignore format: one list
const PIECES = ["a", "Я", "5", "٣", " ", "\n", "\u00a0", "\u200b", "(", ")", "[", "]", "(Laughter.)", "[inaudible]", "—", ".", "?", "e\u0301", "\u0301", "\u{1d400}", "\u{1f600}", "\ud800", "\udc00"];

describe("spoken word counts", () => {
  it("are the number of spoken words, counted no further than one past the limit, for any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }),
        fc.string(),
        fc.integer({ min: 0, max: 20 }),
        (pieces, noise, limit) => {
          const text = pieces.join("") + noise;
          const words = spokenWords(text).length;
          expect(spokenWordCount(text)).toBe(words);
          expect(spokenWordCount(text, limit)).toBe(Math.min(words, limit + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leave stage directions out", () => {
    expect(spokenWordCount("(Laughter.) Thank you [inaudible] — all.")).toBe(3);
    expect(spokenWordCount("(Crosstalk.)")).toBe(0);
  });
});
