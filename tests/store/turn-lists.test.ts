import { describe, expect, it } from "vitest";
import { GALLOP, intersection, seek, union } from "../../src/store/turn-lists.js";

/** A seeded generator, so that a failure names lists that can be made again. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** An ascending list of distinct numbers below `range`, each kept with probability `share`. */
function list(next: () => number, range: number, share: number): Int32Array {
  const out: number[] = [];
  for (let v = 0; v < range; v++) if (next() < share) out.push(v);
  return Int32Array.from(out);
}

describe("lists of turn numbers", () => {
  it("seeks the first number at or past a target from any start, as a walk finds it", () => {
    const next = random(7);
    for (let round = 0; round < 50; round++) {
      const l = list(next, 2000, next());
      for (let probe = 0; probe < 40; probe++) {
        const from = Math.floor(next() * (l.length + 1));
        const target = Math.floor(next() * 2100) - 50;
        let walked = from;
        while (walked < l.length && (l[walked] as number) < target) walked++;
        expect(seek(l, from, target)).toBe(walked);
      }
    }
  });

  it("intersects lists of very different lengths (searched, not walked) as sets do", () => {
    const next = random(11);
    for (let round = 0; round < 40; round++) {
      const short = list(next, 50_000, 0.001 + next() * 0.01);
      const long = list(next, 50_000, 0.2 + next() * 0.5);
      expect(long.length).toBeGreaterThan(short.length * GALLOP);
      const inLong = new Set(long);
      const expected = Array.from(short).filter((v) => inLong.has(v));
      expect(Array.from(intersection([long, short]))).toEqual(expected);
      expect(Array.from(intersection([short, long, union([short, long])]))).toEqual(expected);
    }
  });
});
