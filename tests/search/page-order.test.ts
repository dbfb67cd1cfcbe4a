/** The page of a search is put in order without sorting every document found (engine.ts firstInOrder). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstInOrder } from "../../src/search/engine/engine.js";

describe("the first documents of a page", () => {
  it("are those a whole sort gives, for any keys with ties, any page size and any cursor", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: -1, max: 30 }),
        (keys, limit, after) => {
          // Ties are broken by position, as the engine breaks them by document id.
          const before = (a: number, b: number) => (keys[a] as number) - (keys[b] as number) || a - b;
          const follows = (i: number) => (keys[i] as number) > after;
          const all = keys.map((_, i) => i).filter(follows);
          const expected = [...all].sort(before).slice(0, limit);
          expect(firstInOrder(keys.length, limit, before, follows)).toEqual({
            first: expected,
            following: all.length,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("in reverse order of arrival (newest first over documents stored oldest first) cost comparisons in proportion to the documents", () => {
    let comparisons = 0;
    const before = (a: number, b: number) => {
      comparisons++;
      return b - a;
    };
    const { first } = firstInOrder(100_000, 200, before, () => true);
    expect(first.slice(0, 3)).toEqual([99_999, 99_998, 99_997]);
    expect(comparisons).toBeLessThan(100_000 * 20);
  });
});
