/**
 * The postings' batch bookkeeping (store/postgres/postings.ts), without a database: what a batch
 * adds and takes out, and the varints rows are read with.
 */
import { describe, expect, it } from "vitest";
import { BLOCK, PostingsDelta, positionsAt, termPositions } from "../../src/store/postgres/postings.js";
import { VarintReader as Reader } from "../../src/store/varint.js";

describe("postings of a batch", () => {
  it("numbers each term's positions from 1, in order", () => {
    expect([...termPositions(["a", "b", "a", "c", "a"])]).toEqual([
      ["a", [1, 3, 5]],
      ["b", [2]],
      ["c", [4]],
    ]);
  });

  it("leave nothing behind for a turn taken out in the batch that added it", () => {
    const delta = new PostingsDelta();
    delta.addTurn(7, ["grain", "deal", "grain"]);
    delta.addTurn(8, ["grain"]);
    delta.removeTurn(7, new Set(["grain", "deal"]));
    const { append, rewrite } = delta.plan();
    expect(append).toEqual([]);
    expect(rewrite).toEqual(["0\tdeal", "0\tgrain"]);
    expect(delta.additions("0\tdeal")).toEqual([]);
    expect(delta.additions("0\tgrain").map((p) => p.n)).toEqual([8]);
  });

  it("put turns of different blocks in different rows", () => {
    const delta = new PostingsDelta();
    delta.addTurn(BLOCK - 1, ["visa"]);
    delta.addTurn(BLOCK, ["visa"]);
    expect(delta.plan().append).toEqual(["0\tvisa", "1\tvisa"]);
  });

  it("read back varints of every size they are written in", () => {
    const values = [0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, 2 ** 31 - 1];
    const bytes: number[] = [];
    for (const value of values) {
      let v = value;
      while (v >= 0x80) {
        bytes.push((v & 0x7f) | 0x80);
        v = Math.floor(v / 128);
      }
      bytes.push(v);
    }
    const r = new Reader(Uint8Array.from(bytes));
    expect(values.map(() => r.varint())).toEqual(values);
    expect(r.done).toBe(true);
    // Positions are stored as gaps: 3, 200, 20000 as 3, 197, 19800.
    const gaps = Uint8Array.from([3, 0xc5, 0x01, 0xd8, 0x9a, 0x01]);
    expect(positionsAt(gaps, 0, 3)).toEqual([3, 200, 20_000]);
  });
});
