/**
 * Matching and scoring turns from the postings (postings.ts): the rows of every term a plan names
 * are read once (positions only for the words of phrases), and the matching turns, each phrase's
 * count in them and FTS5's BM25 are worked out here. Reading a common word's postings costs a few
 * hundred kilobytes; asking PostgreSQL's GIN index for the same turns visits every heap page that
 * holds one.
 */

import { idf, termScore } from "../../model/bm25.js";
import type { MatchGroup, MatchTerm } from "../../model/text-index.js";
import { intersection, union } from "../turn-lists.js";
import type { Queryable } from "./db.js";
import { rows } from "./db.js";
import { type Phrase, phrasesOf } from "./indexed-text.js";
import { type PostingsTable, positionsAt, readRow } from "./postings.js";

/** Turns holding a term or phrase, ascending, with its count and each turn's length. */
interface List {
  n: Int32Array;
  tf: Int32Array;
  len: Int32Array;
  /** Where each entry's positions are, for the words of phrases: decoded only for the turns a phrase needs. */
  at: Positions | null;
}

interface Positions {
  buffers: Uint8Array[];
  buffer: Int32Array;
  from: Int32Array;
}

const EMPTY: List = { n: new Int32Array(0), tf: new Int32Array(0), len: new Int32Array(0), at: null };

const positionsOfEntry = (l: List, k: number): number[] =>
  l.at
    ? positionsAt(
        l.at.buffers[l.at.buffer[k] as number] as Uint8Array,
        l.at.from[k] as number,
        l.tf[k] as number,
      )
    : [];

interface Row {
  term: string;
  block: number;
  data: Buffer;
  positions: Buffer | null;
}

/** The turns matching every group, ascending; with scores (negated BM25) when `corpus` is given. */
export async function matchPostings(
  db: Queryable,
  table: PostingsTable,
  groups: MatchGroup[],
  corpus: { count: number; avg: number } | null,
): Promise<{ n: Int32Array; scores: Float64Array | null }> {
  const phrasesByGroup = groups.map((g) => phrasesOf(g).filter((p) => p.words.length > 0));
  if (phrasesByGroup.some((g) => g.length === 0)) return { n: new Int32Array(0), scores: null };
  const terms = await readTerms(db, table, phrasesByGroup.flat());
  const lists = new Map<Phrase, List>();
  for (const p of phrasesByGroup.flat()) lists.set(p, phraseList(p, terms));
  let match: Int32Array | null = null;
  for (const g of phrasesByGroup) {
    const any = union(g.map((p) => (lists.get(p) as List).n));
    match = match ? intersection([match, any]) : any;
  }
  const n = match ?? new Int32Array(0);
  if (!corpus) return { n, scores: null };
  const scores = new Float64Array(n.length);
  for (const list of lists.values()) {
    const weight = idf(corpus.count, list.n.length);
    // Both ascending: walk them side by side.
    let i = 0;
    for (let k = 0; k < list.n.length && i < n.length; k++) {
      const turn = list.n[k] as number;
      while (i < n.length && (n[i] as number) < turn) i++;
      if (i === n.length || n[i] !== turn) continue;
      scores[i] =
        (scores[i] as number) - termScore(weight, list.tf[k] as number, list.len[k] as number, corpus.avg);
    }
  }
  return { n, scores };
}

/** The turns matching any of the terms, ascending. */
export async function matchAnyPosting(
  db: Queryable,
  table: PostingsTable,
  terms: MatchTerm[],
): Promise<Int32Array> {
  const phrases = phrasesOf(terms).filter((p) => p.words.length > 0);
  if (phrases.length === 0) return new Int32Array(0);
  const read = await readTerms(db, table, phrases);
  return union(phrases.map((p) => phraseList(p, read).n));
}

/** Every term the phrases name (a prefix: every term it begins), as lists; positions for phrase words. */
async function readTerms(db: Queryable, table: PostingsTable, phrases: Phrase[]): Promise<Map<string, List>> {
  const positioned = new Set(phrases.flatMap((p) => (p.words.length > 1 ? p.words : [])));
  const exact = [...new Set(phrases.flatMap((p) => (p.prefix ? p.words.slice(0, -1) : p.words)))];
  const prefixes = [...new Set(phrases.flatMap((p) => (p.prefix ? [p.words.at(-1) as string] : [])))];
  const found: Row[] = [];
  if (exact.length)
    found.push(
      ...(await rows<Row>(
        db,
        `SELECT term, block, data, CASE WHEN term = ANY($2::text[]) THEN positions END AS positions
         FROM ${table} WHERE term = ANY($1::text[]) ORDER BY term, block`,
        [exact, [...positioned]],
      )),
    );
  for (const prefix of prefixes)
    found.push(
      ...(await rows<Row>(
        db,
        // A LIKE pattern: index terms hold only letters and digits, so there is no % or _ to escape.
        `SELECT term, block, data, CASE WHEN $2 THEN positions END AS positions
         FROM ${table} WHERE term LIKE $1 ORDER BY term, block`,
        [`${prefix}%`, positioned.has(prefix)],
      )),
    );
  // A term may come twice (a word, and a prefix that begins it): its rows are kept once, with
  // their positions when either reading asked for them.
  const unique = new Map<string, Row>();
  for (const row of found) {
    const key = `${row.block}\t${row.term}`;
    if (!unique.get(key)?.positions) unique.set(key, row);
  }
  const byTerm = new Map<string, Row[]>();
  for (const row of unique.values()) {
    const list = byTerm.get(row.term);
    if (list) list.push(row);
    else byTerm.set(row.term, [row]);
  }
  const out = new Map<string, List>();
  for (const [term, termRows] of byTerm) out.set(term, decode(termRows));
  return out;
}

/** One term's rows as a list in turn order (a row's entries are in the order they were written). */
function decode(termRows: Row[]): List {
  let size = 0;
  for (const row of termRows) size += row.data.length; // at least 3 bytes an entry
  const n = new Int32Array(Math.ceil(size / 3));
  const tf = new Int32Array(n.length);
  const len = new Int32Array(n.length);
  const positioned = termRows[0]?.positions != null;
  const buffer = positioned ? new Int32Array(n.length) : null;
  const from = positioned ? new Int32Array(n.length) : null;
  let count = 0;
  let sorted = true;
  termRows.forEach((row, r) => {
    readRow(row.block, row.data, row.positions, (turn, length, c, start) => {
      if (count > 0 && turn <= (n[count - 1] as number)) sorted = false;
      n[count] = turn;
      tf[count] = c;
      len[count] = length;
      if (buffer && from) {
        buffer[count] = r;
        from[count] = start;
      }
      count++;
    });
  });
  const at =
    buffer && from ? { buffers: termRows.map((r) => r.positions as Uint8Array), buffer, from } : null;
  const list: List = {
    n: n.subarray(0, count),
    tf: tf.subarray(0, count),
    len: len.subarray(0, count),
    at: at ? { ...at, buffer: at.buffer.subarray(0, count), from: at.from.subarray(0, count) } : null,
  };
  return sorted ? list : reorder(list, sortedOrder(list.n));
}

/** The indexes of `n` in ascending order of its values. */
function sortedOrder(n: Int32Array): Uint32Array {
  const order = new Uint32Array(n.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => (n[a] as number) - (n[b] as number));
}

function reorder(l: List, order: Uint32Array): List {
  const pick = (a: Int32Array) => Int32Array.from(order, (i) => a[i] as number);
  return {
    n: pick(l.n),
    tf: pick(l.tf),
    len: pick(l.len),
    at: l.at ? { buffers: l.at.buffers, buffer: pick(l.at.buffer), from: pick(l.at.from) } : null,
  };
}

/** A phrase's list: a word's own, a prefix's terms summed, or a phrase's occurrences counted from positions. */
function phraseList(p: Phrase, terms: Map<string, List>): List {
  const prefixed = (k: number) => p.prefix && k === p.words.length - 1;
  const wordTerms = p.words.map((w, k) =>
    prefixed(k) ? [...terms].filter(([t]) => t.startsWith(w)).map(([, l]) => l) : [terms.get(w) ?? EMPTY],
  );
  if (wordTerms.length === 1) return sum(wordTerms[0] as List[]);
  // Turns holding every word, then the places where the words follow each other.
  let candidates: Int32Array | null = null;
  for (const lists of wordTerms) {
    const holding = union(lists.map((l) => l.n));
    candidates = candidates ? intersection([candidates, holding]) : holding;
  }
  const found = candidates ?? new Int32Array(0);
  const n: number[] = [];
  const tf: number[] = [];
  const len: number[] = [];
  const cursors = wordTerms.map((lists) => lists.map(() => 0));
  for (const turn of found) {
    let length = 0;
    const positions = wordTerms.map((lists, w) => {
      let all: number[] = [];
      lists.forEach((l, k) => {
        let c = (cursors[w] as number[])[k] as number;
        while (c < l.n.length && (l.n[c] as number) < turn) c++;
        (cursors[w] as number[])[k] = c;
        if (l.n[c] === turn) {
          length = l.len[c] as number;
          all = all.length
            ? [...all, ...positionsOfEntry(l, c)].sort((a, b) => a - b)
            : positionsOfEntry(l, c);
        }
      });
      return all;
    });
    const count = adjacent(positions);
    if (count === 0) continue;
    n.push(turn);
    tf.push(count);
    len.push(length);
  }
  return { n: Int32Array.from(n), tf: Int32Array.from(tf), len: Int32Array.from(len), at: null };
}

/** How many times the words occur one after another, from each word's ascending positions. */
function adjacent(positions: number[][]): number {
  let starts = positions[0] as number[];
  for (let k = 1; k < positions.length && starts.length; k++) {
    const next = positions[k] as number[];
    const kept: number[] = [];
    let j = 0;
    for (const start of starts) {
      const want = start + k;
      while (j < next.length && (next[j] as number) < want) j++;
      if (next[j] === want) kept.push(start);
    }
    starts = kept;
  }
  return starts.length;
}

/** Several terms' lists as one, their counts summed (a prefix's terms). */
function sum(lists: List[]): List {
  if (lists.length === 0) return EMPTY;
  if (lists.length === 1) return lists[0] as List;
  let total = 0;
  for (const l of lists) total += l.n.length;
  const n = new Int32Array(total);
  const tf = new Int32Array(total);
  const len = new Int32Array(total);
  let at = 0;
  for (const l of lists) {
    n.set(l.n, at);
    tf.set(l.tf, at);
    len.set(l.len, at);
    at += l.n.length;
  }
  const order = sortedOrder(n);
  const out = { n: new Int32Array(total), tf: new Int32Array(total), len: new Int32Array(total) };
  let k = -1;
  for (const i of order) {
    const turn = n[i] as number;
    if (k >= 0 && out.n[k] === turn) out.tf[k] = (out.tf[k] as number) + (tf[i] as number);
    else {
      k++;
      out.n[k] = turn;
      out.tf[k] = tf[i] as number;
      out.len[k] = len[i] as number;
    }
  }
  return {
    n: out.n.subarray(0, k + 1),
    tf: out.tf.subarray(0, k + 1),
    len: out.len.subarray(0, k + 1),
    at: null,
  };
}
