/**
 * Term counts: for every index term, the turns that hold it, each with the term's count and the
 * turn's length in tokens: what BM25 needs, read per term. FTS5 finds a word's turns cheaply, but
 * its bm25() costs about ten times the match (it walks every matching row's positions and looks
 * its size up row by row); from these rows a common word's scores cost one read of a few
 * kilobytes per BLOCK turns (sqlite-text-index.ts).
 *
 * One row per (term, block of BLOCK turn numbers): varints (turn number − block start, length,
 * count) per turn, in the order they were written. The search index writer (search-index.ts) keeps
 * them in step with turn_fts: a transaction's additions and removals are gathered and written at
 * its end (`flush`), one row write per term and block, since a write per turn and term would cost
 * more than the ingest. (SQLite's || joins the bytes of two blobs but calls the result text: the
 * append casts it back.)
 */
import type Database from "better-sqlite3";
import { indexTerms } from "../../model/index-text.js";
import { VarintReader, VarintWriter } from "../varint.js";

export const BLOCK = 4096;

export const TERM_COUNTS_TABLE = `CREATE TABLE IF NOT EXISTS term_counts (
  term  TEXT    NOT NULL,
  block INTEGER NOT NULL,
  data  BLOB    NOT NULL,
  PRIMARY KEY (term, block)
) WITHOUT ROWID;`;

/** One term's turns, ascending, with its count in each and each turn's length. */
export interface TermList {
  n: Int32Array;
  tf: Int32Array;
  len: Int32Array;
}

export interface TermCountsWriter {
  /** A turn's text as it went into turn_fts. */
  add(rowid: number, text: string): void;
  /** A turn's text as it was indexed, before it leaves turn_fts. */
  remove(rowid: number, text: string): void;
  /** Writes what the transaction gathered; call before it commits. */
  flush(): void;
}

/** Each term of a text and how many times it occurs; the text's length in tokens. */
function countTerms(text: string): { counts: Map<string, number>; length: number } {
  const terms = indexTerms(text);
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return { counts, length: terms.length };
}

interface Pending {
  /** (offset in block, length, count) per added turn, flat. */
  added: number[];
  removed: Set<number> | null;
}

export function termCountsWriter(db: Database.Database): TermCountsWriter {
  const stmt = {
    append: db.prepare<[string, number, Buffer]>(
      `INSERT INTO term_counts (term, block, data) VALUES (?, ?, ?)
       ON CONFLICT (term, block) DO UPDATE SET data = CAST(data || excluded.data AS BLOB)`,
    ),
    read: db
      .prepare<[string, number], Buffer>("SELECT data FROM term_counts WHERE term = ? AND block = ?")
      .pluck(),
    replace: db.prepare<[string, number, Buffer]>(
      "INSERT OR REPLACE INTO term_counts (term, block, data) VALUES (?, ?, ?)",
    ),
    drop: db.prepare<[string, number]>("DELETE FROM term_counts WHERE term = ? AND block = ?"),
  };
  /** By term, then block. */
  let pending = new Map<string, Map<number, Pending>>();
  const entry = (term: string, block: number): Pending => {
    let blocks = pending.get(term);
    if (!blocks) {
      blocks = new Map();
      pending.set(term, blocks);
    }
    let p = blocks.get(block);
    if (!p) {
      p = { added: [], removed: null };
      blocks.set(block, p);
    }
    return p;
  };
  return {
    add(rowid, text) {
      const block = Math.floor(rowid / BLOCK);
      const { counts, length } = countTerms(text);
      for (const [term, count] of counts) entry(term, block).added.push(rowid - block * BLOCK, length, count);
    },
    remove(rowid, text) {
      const block = Math.floor(rowid / BLOCK);
      const offset = rowid - block * BLOCK;
      for (const term of countTerms(text).counts.keys()) {
        const p = entry(term, block);
        // Added earlier in this transaction (a turn number SQLite gave again): taken out of the batch.
        for (let k = 0; k < p.added.length; k += 3) {
          if (p.added[k] === offset) {
            p.added.splice(k, 3);
            break;
          }
        }
        p.removed ??= new Set();
        p.removed.add(offset);
      }
    },
    flush() {
      if (pending.size === 0) return;
      const batch = pending;
      pending = new Map();
      for (const term of [...batch.keys()].sort()) {
        for (const [block, p] of batch.get(term) as Map<number, Pending>) {
          if (!p.removed) {
            if (p.added.length) stmt.append.run(term, block, encode(p.added));
            continue;
          }
          const kept: number[] = [];
          const stored = stmt.read.get(term, block);
          if (stored) {
            const r = new VarintReader(stored);
            while (!r.done) {
              const offset = r.varint();
              const length = r.varint();
              const count = r.varint();
              if (!p.removed.has(offset)) kept.push(offset, length, count);
            }
          }
          kept.push(...p.added);
          if (kept.length) stmt.replace.run(term, block, encode(kept));
          else if (stored) stmt.drop.run(term, block);
        }
      }
    },
  };
}

function encode(triples: number[]): Buffer {
  const w = new VarintWriter();
  for (const v of triples) w.varint(v);
  return w.buffer();
}

/** Reads term counts, and FTS5's own row count and average length, for scoring as FTS5 does. */
export class TermCounts {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      rows: db.prepare<[string], { block: number; data: Buffer }>(
        "SELECT block, data FROM term_counts WHERE term = ? ORDER BY block",
      ),
      averages: db.prepare<[], Buffer>("SELECT block FROM turn_fts_data WHERE id = 1").pluck(),
    };
  }

  /** The turns holding a term, ascending. */
  list(term: string): TermList {
    const rows = this.stmt.rows.all(term);
    let size = 0;
    for (const row of rows) size += row.data.length;
    // At least three bytes an entry.
    const n = new Int32Array(Math.ceil(size / 3));
    const tf = new Int32Array(n.length);
    const len = new Int32Array(n.length);
    let count = 0;
    let sorted = true;
    for (const row of rows) {
      const base = row.block * BLOCK;
      const r = new VarintReader(row.data);
      while (!r.done) {
        const turn = base + r.varint();
        if (count > 0 && turn <= (n[count - 1] as number)) sorted = false;
        n[count] = turn;
        len[count] = r.varint();
        tf[count] = r.varint();
        count++;
      }
    }
    const list = { n: n.subarray(0, count), tf: tf.subarray(0, count), len: len.subarray(0, count) };
    return sorted ? list : inOrder(list);
  }

  /**
   * The number of indexed turns and their average length in tokens, read from FTS5's averages
   * record (its row 1: varints of the row count, then each column's total tokens) so that scores
   * computed here equal FTS5's bm25(); null when the record is absent or unreadable.
   */
  totals(): { count: number; avg: number } | null {
    const record = this.stmt.averages.get();
    if (!record) return null;
    const r = { at: 0 };
    const count = sqliteVarint(record, r);
    const tokens = sqliteVarint(record, r);
    if (count === null || tokens === null) return null;
    return { count, avg: count > 0 ? tokens / count : 0 };
  }
}

/** SQLite's own varint (big-endian, seven bits a byte, a ninth byte of eight), as FTS5 writes it. */
function sqliteVarint(bytes: Uint8Array, r: { at: number }): number | null {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    if (r.at >= bytes.length) return null;
    const b = bytes[r.at++] as number;
    if (i === 8) return value * 256 + b;
    value = value * 128 + (b & 0x7f);
    if (b < 0x80) return value;
  }
  return value;
}

function inOrder(l: TermList): TermList {
  const order = Uint32Array.from(l.n.keys()).sort((a, b) => (l.n[a] as number) - (l.n[b] as number));
  const pick = (a: Int32Array) => Int32Array.from(order, (i) => a[i] as number);
  return { n: pick(l.n), tf: pick(l.tf), len: pick(l.len) };
}

/**
 * Fills term_counts from the turns already stored (the migration that adds it), in turn order so
 * that each block's rows are written once; what it holds is written every 20,000 turns.
 */
export function fillTermCounts(db: Database.Database): void {
  const writer = termCountsWriter(db);
  const page = db.prepare<[number], { rowid: number; text: string }>(
    "SELECT rowid, text FROM turns WHERE rowid > ? ORDER BY rowid LIMIT 2000",
  );
  let after = 0;
  let held = 0;
  for (;;) {
    const rows = page.all(after);
    if (rows.length === 0) break;
    for (const row of rows) writer.add(row.rowid, row.text);
    held += rows.length;
    if (held >= 20_000) {
      writer.flush();
      held = 0;
    }
    after = rows[rows.length - 1]?.rowid ?? after;
  }
  writer.flush();
}
