/**
 * Postings: for every index term, the turns that hold it, each with the turn's length, the term's
 * count and its positions — what BM25 and phrase counts need, read per term instead of per turn.
 * A tsvector cannot give them cheaply: reading one word's count means unpacking the whole vector
 * (about 9 kB for an average turn), which made scoring a common word take seconds.
 *
 * Titles had postings of their own, numbered by document (doc_index.n), from migration 4 until the
 * search engine matched titles itself (search/engine/title-index.ts) and the 13th dropped them.
 *
 * One row per (term, block of BLOCK turn numbers), packed as varints: `data` holds
 * (offset in block, turn length, count) per turn, `positions` the count's position deltas, in the
 * same order. Turn numbers only grow, so a batch of new turns appends to the last blocks; a
 * document taken out of the index has its entries cut out of the rows that hold them. Entries in
 * a row are in the order they were written, not necessarily by turn number.
 */
import { VarintReader, VarintWriter } from "../varint.js";
import type { Queryable } from "./db.js";
import { rows } from "./db.js";

/**
 * Postings of turns (by turn number); titles' (by document number) only in migration 4, until a
 * later migration dropped them when the search engine matched titles itself.
 */
export type PostingsTable = "postings" | "title_postings";

/** Turn numbers per row: small enough that rewriting the last block of a common word stays cheap. */
export const BLOCK = 4096;

/** One turn's entry for one term. */
export interface Posting {
  n: number;
  length: number;
  positions: number[];
}

/** The entries of one (term, block) row being written. */
class RowWriter {
  readonly data = new VarintWriter();
  readonly positions = new VarintWriter();
  add(block: number, p: Posting): void {
    this.data.varint(p.n - block * BLOCK);
    this.data.varint(p.length);
    this.data.varint(p.positions.length);
    let last = 0;
    for (const at of p.positions) {
      this.positions.varint(at - last);
      last = at;
    }
  }
}

/**
 * Visits a row's entries. With the row's positions, each entry also gets where its positions
 * start in them (decoded only when asked, by `positionsAt`).
 */
export function readRow(
  block: number,
  data: Uint8Array,
  positions: Uint8Array | null,
  visit: (n: number, length: number, count: number, positionsFrom: number) => void,
): void {
  const d = new VarintReader(data);
  const p = positions ? new VarintReader(positions) : null;
  const base = block * BLOCK;
  while (!d.done) {
    const n = base + d.varint();
    const length = d.varint();
    const count = d.varint();
    const from = p ? p.at : -1;
    p?.skip(count);
    visit(n, length, count, from);
  }
}

/** `count` positions stored from `from` on. */
export function positionsAt(positions: Uint8Array, from: number, count: number): number[] {
  const r = new VarintReader(positions);
  r.at = from;
  const out = new Array<number>(count);
  let last = 0;
  for (let k = 0; k < count; k++) {
    last += r.varint();
    out[k] = last;
  }
  return out;
}

const key = (term: string, block: number) => `${block}\t${term}`;
const split = (k: string): [term: string, block: number] => {
  const tab = k.indexOf("\t");
  return [k.slice(tab + 1), Number(k.slice(0, tab))];
};

/** A batch's changes to the postings, written once at its end (applyPostings). */
export class PostingsDelta {
  private readonly added = new Map<string, Posting[]>();
  private readonly removed = new Map<string, Set<number>>();

  /** A turn's entries, from its index terms in order. */
  addTurn(n: number, terms: readonly string[]): void {
    for (const [term, positions] of termPositions(terms)) {
      const k = key(term, Math.floor(n / BLOCK));
      let list = this.added.get(k);
      if (!list) {
        list = [];
        this.added.set(k, list);
      }
      list.push({ n, length: terms.length, positions });
    }
  }

  /** Takes a turn's entries out, from its distinct terms, including any this batch added. */
  removeTurn(n: number, terms: Iterable<string>): void {
    for (const term of terms) {
      const k = key(term, Math.floor(n / BLOCK));
      const pending = this.added.get(k);
      if (pending?.some((p) => p.n === n)) {
        const left = pending.filter((p) => p.n !== n);
        if (left.length) this.added.set(k, left);
        else this.added.delete(k);
      }
      let set = this.removed.get(k);
      if (!set) {
        set = new Set();
        this.removed.set(k, set);
      }
      set.add(n);
    }
  }

  get empty(): boolean {
    return this.added.size === 0 && this.removed.size === 0;
  }

  /** Rows to append to, and rows to rewrite (those with entries taken out), in key order. */
  plan(): { append: string[]; rewrite: string[] } {
    const append: string[] = [];
    const rewrite: string[] = [];
    for (const k of new Set([...this.added.keys(), ...this.removed.keys()])) {
      (this.removed.has(k) ? rewrite : append).push(k);
    }
    return { append: append.sort(), rewrite: rewrite.sort() };
  }

  additions(k: string): Posting[] {
    return this.added.get(k) ?? [];
  }
  removals(k: string): Set<number> {
    return this.removed.get(k) ?? new Set();
  }
}

/** Each term's positions (1-based), in first-occurrence order. */
export function termPositions(terms: readonly string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  terms.forEach((term, i) => {
    let list = out.get(term);
    if (!list) {
      list = [];
      out.set(term, list);
    }
    list.push(i + 1);
  });
  return out;
}

/** Keys per statement: bounds the size of one round trip. */
const CHUNK = 4000;

/**
 * Writes a batch's postings. Callers hold the archive's write lock (the archive_state row), so
 * no two writers rewrite one row at a time.
 */
export async function applyPostings(
  db: Queryable,
  table: PostingsTable,
  delta: PostingsDelta,
): Promise<void> {
  if (delta.empty) return;
  const { append, rewrite } = delta.plan();
  for (let i = 0; i < append.length; i += CHUNK) {
    const keys = append.slice(i, i + CHUNK);
    const terms: string[] = [];
    const blocks: number[] = [];
    const data: Buffer[] = [];
    const positions: Buffer[] = [];
    for (const k of keys) {
      const [term, block] = split(k);
      const row = new RowWriter();
      for (const p of delta.additions(k)) row.add(block, p);
      terms.push(term);
      blocks.push(block);
      data.push(row.data.buffer());
      positions.push(row.positions.buffer());
    }
    await db.query(
      `INSERT INTO ${table} (term, block, data, positions)
       SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[], $4::bytea[])
       ON CONFLICT (term, block) DO UPDATE
         SET data = ${table}.data || excluded.data, positions = ${table}.positions || excluded.positions`,
      [terms, blocks, data, positions],
    );
  }
  for (let i = 0; i < rewrite.length; i += CHUNK) {
    const keys = rewrite.slice(i, i + CHUNK);
    const parts = keys.map(split);
    const found = await rows<{ term: string; block: number; data: Buffer; positions: Buffer }>(
      db,
      `SELECT p.term, p.block, p.data, p.positions FROM ${table} p
       JOIN unnest($1::text[], $2::int[]) AS k(term, block) ON p.term = k.term AND p.block = k.block`,
      [parts.map((p) => p[0]), parts.map((p) => p[1])],
    );
    const stored = new Map(found.map((r) => [key(r.term, r.block), r]));
    const keep = {
      terms: [] as string[],
      blocks: [] as number[],
      data: [] as Buffer[],
      positions: [] as Buffer[],
    };
    const gone = { terms: [] as string[], blocks: [] as number[] };
    for (const k of keys) {
      const [term, block] = split(k);
      const removed = delta.removals(k);
      const row = new RowWriter();
      let entries = 0;
      const old = stored.get(k);
      if (old)
        readRow(block, old.data, old.positions, (n, length, count, from) => {
          if (removed.has(n)) return;
          row.add(block, { n, length, positions: positionsAt(old.positions, from, count) });
          entries++;
        });
      for (const p of delta.additions(k)) {
        row.add(block, p);
        entries++;
      }
      if (entries === 0) {
        if (old) {
          gone.terms.push(term);
          gone.blocks.push(block);
        }
        continue;
      }
      keep.terms.push(term);
      keep.blocks.push(block);
      keep.data.push(row.data.buffer());
      keep.positions.push(row.positions.buffer());
    }
    if (keep.terms.length)
      await db.query(
        `INSERT INTO ${table} (term, block, data, positions)
         SELECT * FROM unnest($1::text[], $2::int[], $3::bytea[], $4::bytea[])
         ON CONFLICT (term, block) DO UPDATE SET data = excluded.data, positions = excluded.positions`,
        [keep.terms, keep.blocks, keep.data, keep.positions],
      );
    if (gone.terms.length)
      await db.query(
        `DELETE FROM ${table} p USING unnest($1::text[], $2::int[]) AS k(term, block)
         WHERE p.term = k.term AND p.block = k.block`,
        [gone.terms, gone.blocks],
      );
  }
}
