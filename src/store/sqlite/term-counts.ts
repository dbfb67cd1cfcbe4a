/**
 * Term counts: for every index term, the turns that hold it, each with the term's count and the
 * turn's length in tokens: what BM25 needs, read per term. FTS5 finds a word's turns cheaply, but
 * its bm25() costs about ten times the match (it walks every matching row's positions and looks
 * its size up row by row); from these rows a word's scores cost one short read per BLOCK turns
 * (sqlite-text-index.ts).
 *
 * Rows are keyed by (block of BLOCK turn numbers, term, part): varints (turn number − block start,
 * length, count) per turn, in the order they were written. The search index writer
 * (search-index.ts) keeps them in step with turn_fts: a transaction's additions are gathered and
 * written at its end (`flush`) as one new part per block and term. New turns have the highest
 * numbers, so an ingest only appends at the end of the table (keyed by term first, every batch
 * rewrote pages all over it). Removals read a block's parts of each term the removed turns held
 * and write them back as one.
 */
import type Database from "better-sqlite3";
import { forEachIndexTerm, indexTerms } from "../../model/index-text.js";
import { ownString } from "../../model/own-string.js";
import { termStems } from "../../model/term-stems.js";
import { VarintReader, VarintWriter } from "../varint.js";
import { hasColumn, hasTable } from "./tables.js";

export const BLOCK = 16_384;

/** Distinct terms a writer numbers before it starts numbering again (after a write). */
const INTERNED_TERMS = 500_000;

/**
 * Entries (term in a turn) a writer holds before it writes them, whether or not the transaction
 * ends: a million take about 30 MB; each write adds a row per term and block, so fewer, larger
 * writes store fewer rows (a batch of UN speeches holds millions of entries).
 */
const FLUSH_ENTRIES = 1_000_000;

/** A block's parts of one term, in the order they were written. */
const PARTS = "SELECT data FROM term_counts WHERE block = ? AND term = ? ORDER BY part";

/**
 * The table as migration 16 made it: rows kept in the key's B-tree. Each row's blob (up to
 * hundreds of kilobytes for a common word) sat in the tree beside the keys, so an interior page
 * held a handful of keys, and SQLite read a cell's overflow pages to compare a key that did not
 * fit in it: a lookup cost 7 to 20 µs. Migration 28 keeps its rows by rowid, their keys in the
 * unique index term_counts_key (rowid-tables.ts), still block first, so that an ingest, which
 * adds to the last block, appends to the end of both.
 */
export const TERM_COUNTS_TABLE_BEFORE_28 = `CREATE TABLE IF NOT EXISTS term_counts (
  block INTEGER NOT NULL,
  term  TEXT    NOT NULL,
  part  INTEGER NOT NULL,
  data  BLOB    NOT NULL,
  PRIMARY KEY (block, term, part)
) WITHOUT ROWID;`;

/**
 * Every term the turns hold, with how many turns hold it: the vocabulary that query words expand
 * against (search/query/expand.ts). FTS5's own vocabulary table reads each term's whole doclist to
 * count it, so a short prefix such as "th" cost 30 ms there ("the", "that" and "this" are read
 * through); here it is a range of one index.
 */
export const TURN_TERMS_TABLE = `CREATE TABLE IF NOT EXISTS turn_terms (
  term  TEXT    PRIMARY KEY,
  turns INTEGER NOT NULL
) WITHOUT ROWID;`;

/**
 * Migration 23: each term's stems (model/term-stems.ts) beside it, indexed, so that a query word
 * expands by looking its stems up rather than by stemming every term under its first letters
 * (0.3–0.6 ms a search, and a stem cache in every server process that grew with each new word).
 * Migration 27 runs it again: English stems became Porter2's, and a stored stem must be the one a
 * query word is given, or the word misses its other forms.
 */
export function addTermStems(db: Database.Database): void {
  // Run again by a test that rewinds an archive past it: the columns may be there already.
  if (!hasColumn(db, "turn_terms", "stem"))
    db.exec(`ALTER TABLE turn_terms ADD COLUMN stem TEXT;
      ALTER TABLE turn_terms ADD COLUMN stem_alt TEXT;`);
  const page = db.prepare<[string], string>(
    "SELECT term FROM turn_terms WHERE term > ? ORDER BY term LIMIT 10000",
  );
  const set = db.prepare<[string, string, string]>(
    "UPDATE turn_terms SET stem = ?, stem_alt = ? WHERE term = ?",
  );
  for (let after = "", terms = page.pluck().all(after); terms.length; terms = page.pluck().all(after)) {
    for (const term of terms) {
      const { main, alternate } = termStems(term);
      set.run(main, alternate, term);
    }
    after = terms[terms.length - 1] as string;
  }
  db.exec(`CREATE INDEX IF NOT EXISTS turn_terms_stem ON turn_terms (stem, term);
    CREATE INDEX IF NOT EXISTS turn_terms_stem_alt ON turn_terms (stem_alt, term);`);
}

/** The schema version from which stored stems are the ones model/term-stems.ts gives (migration 27). */
export const CURRENT_STEMS_VERSION = 27;

/** Whether the term list holds the stems a query word is given now (an archive opened read-only may be older). */
export function storedStemsAreCurrent(db: Database.Database): boolean {
  return (
    hasColumn(db, "turn_terms", "stem") &&
    (db.pragma("user_version", { simple: true }) as number) >= CURRENT_STEMS_VERSION
  );
}

/** Fills turn_terms from FTS5's vocabulary (the migration that adds it). */
export function fillTurnTerms(db: Database.Database): void {
  db.exec(`${TURN_TERMS_TABLE}
    DELETE FROM turn_terms;
    INSERT INTO turn_terms (term, turns) SELECT term, doc FROM turn_vocab WHERE doc > 0;`);
}

/**
 * Adds to a term's count of turns, and drops the term once none holds it. A new term gets its
 * stems (from migration 23 on): stemming only what is new keeps it out of every other write.
 */
function termListWriter(db: Database.Database): {
  add(term: string, turns: number): void;
  drop(term: string): void;
} {
  const bump = db.prepare<[number, string]>("UPDATE turn_terms SET turns = turns + ? WHERE term = ?");
  const drop = db.prepare<[string]>("DELETE FROM turn_terms WHERE term = ? AND turns <= 0");
  let insert: (term: string, turns: number) => void;
  if (hasColumn(db, "turn_terms", "stem")) {
    const withStems = db.prepare<[string, number, string, string]>(
      "INSERT INTO turn_terms (term, turns, stem, stem_alt) VALUES (?, ?, ?, ?)",
    );
    insert = (term, turns) => {
      const { main, alternate } = termStems(term);
      withStems.run(term, turns, main, alternate);
    };
  } else {
    const plain = db.prepare<[string, number]>("INSERT INTO turn_terms (term, turns) VALUES (?, ?)");
    insert = (term, turns) => plain.run(term, turns);
  }
  return {
    add(term, turns) {
      if (bump.run(turns, term).changes === 0) insert(term, turns);
    },
    drop(term) {
      drop.run(term);
    },
  };
}

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
  /**
   * Writes what the transaction gathered and the term list's counts; call before it commits (`add`
   * writes the turns it holds when it holds many, and keeps the term list's changes for this).
   */
  flush(): void;
  /** Forgets what a transaction that rolled back gathered. */
  discard(): void;
}

export function termCountsWriter(db: Database.Database, flushEntries = FLUSH_ENTRIES): TermCountsWriter {
  const stmt = {
    append: db.prepare<[number, string, number, string, Buffer]>(
      `INSERT INTO term_counts (block, term, part, data) VALUES (?, ?,
         (SELECT coalesce(max(part), -1) + 1 FROM term_counts WHERE block = ? AND term = ?), ?)`,
    ),
    ...blockStatements(db),
  };
  /**
   * One row per term of a block that no turn will be added to: every transaction appended a part
   * to each term it added to the block (a long speech's batch several), and a search reads a
   * term's rows one by one (the bench corpus's first block held 14 parts per term, 944,000 rows).
   * Parts are varint runs in write order, so their concatenation reads as they did.
   */
  const compact = (block: number) => compactBlock(stmt, block);
  // The highest block this writer has added to; -1 before its first.
  let highest = -1;
  // The term list comes with migration 19; the migration that fills term counts runs without it.
  const vocabulary = hasTable(db, "turn_terms") ? termListWriter(db) : null;
  // Terms as numbers while the writer holds them (an ingest splits millions of words): each word
  // is looked up once, in place in its text, and its count in the turn and its list in the block
  // are array slots. Started again once written, when many, so the table stays the size of what
  // one write holds.
  let numbers = new TermNumbers();
  let inTurn = new Int32Array(1024);
  // What the transaction added, by block then term id: (offset in block, length, count) per turn,
  // flat; and the offsets it took out, by block then term. Keyed by block first because an ingest
  // adds turns in order: one block's lists serve turn after turn.
  let added = new Map<number, (number[] | undefined)[]>();
  let removed = new Map<number, Map<string, Set<number>>>();
  // Turns gained (or lost) per term since the term list was last written: one update per term and
  // transaction, however many times the rows were written in between.
  let listed = new Map<string, number>();
  let dropped = new Set<string>();
  const relist = (term: string, turns: number) => listed.set(term, (listed.get(term) ?? 0) + turns);
  const distinct: number[] = [];
  let held = 0;
  const inner = <V>(outer: Map<number, Map<string, V>>, block: number): Map<string, V> => {
    let map = outer.get(block);
    if (!map) {
      map = new Map();
      outer.set(block, map);
    }
    return map;
  };
  const writer: TermCountsWriter = {
    add(rowid, text) {
      const block = Math.floor(rowid / BLOCK);
      const offset = rowid - block * BLOCK;
      distinct.length = 0;
      let length = 0;
      forEachIndexTerm(text, (source, start, end) => {
        const id = numbers.of(source, start, end);
        if (id >= inTurn.length) {
          const grown = new Int32Array(inTurn.length * 2);
          grown.set(inTurn);
          inTurn = grown;
        }
        const before = inTurn[id] as number;
        inTurn[id] = before + 1;
        if (before === 0) distinct.push(id);
        length++;
      });
      let byTerm = added.get(block);
      if (!byTerm) {
        byTerm = [];
        added.set(block, byTerm);
      }
      for (const id of distinct) {
        const count = inTurn[id] as number;
        inTurn[id] = 0;
        // Filled up to the id, never past the end: an array written far past its end turns into a
        // slow dictionary of elements.
        while (byTerm.length <= id) byTerm.push(undefined);
        const list = byTerm[id];
        if (list) list.push(offset, length, count);
        else byTerm[id] = [offset, length, count];
      }
      // A batch of long speeches holds millions of entries: written as it goes, within the same
      // transaction, so the writing thread's memory stays bounded (it doubled the heap of an ingest).
      held += distinct.length;
      if (held >= flushEntries) writeHeld();
    },
    remove(rowid, text) {
      const block = Math.floor(rowid / BLOCK);
      const offset = rowid - block * BLOCK;
      const pending = added.get(block);
      const gone = inner(removed, block);
      for (const term of new Set(indexTerms(text))) {
        // Added earlier in this transaction (a turn number SQLite gave again): taken out of the batch.
        const id = numbers.find(term);
        const list = id === undefined ? undefined : pending?.[id];
        if (list) {
          for (let k = 0; k < list.length; k += 3) {
            if (list[k] === offset) {
              list.splice(k, 3);
              break;
            }
          }
        }
        let set = gone.get(term);
        if (!set) {
          set = new Set();
          gone.set(term, set);
        }
        set.add(offset);
      }
    },
    flush() {
      writeHeld();
      const terms = listed;
      const gone = dropped;
      listed = new Map();
      dropped = new Set();
      if (!vocabulary) return;
      for (const [term, turns] of terms) if (turns !== 0) vocabulary.add(term, turns);
      for (const term of gone) vocabulary.drop(term);
    },
    discard() {
      held = 0;
      added = new Map();
      removed = new Map();
      listed = new Map();
      dropped = new Set();
    },
  };
  function writeHeld(): void {
    held = 0;
    if (added.size === 0 && removed.size === 0) return;
    const adds = added;
    const removals = removed;
    const termNames = numbers.names;
    added = new Map();
    removed = new Map();
    if (termNames.length > INTERNED_TERMS) numbers = new TermNumbers();
    const blocks = [...new Set([...adds.keys(), ...removals.keys()])].sort((a, b) => a - b);
    for (const block of blocks) {
      const byTerm = new Map<string, number[]>();
      (adds.get(block) ?? []).forEach((list, id) => {
        if (list) byTerm.set(termNames[id] as string, list);
      });
      const gone = removals.get(block);
      const terms = [...new Set([...byTerm.keys(), ...(gone?.keys() ?? [])])].sort();
      for (const term of terms) {
        const fresh = byTerm.get(term) ?? [];
        const out = gone?.get(term);
        if (!out) {
          if (fresh.length) {
            stmt.append.run(block, term, block, term, encode(fresh));
            relist(term, fresh.length / 3);
          }
          continue;
        }
        const kept: number[] = [];
        let lost = 0;
        for (const part of stmt.parts.all(block, term)) {
          const r = new VarintReader(part);
          while (!r.done) {
            const offset = r.varint();
            const length = r.varint();
            const count = r.varint();
            if (!out.has(offset)) kept.push(offset, length, count);
            else lost++;
          }
        }
        for (const v of fresh) kept.push(v);
        stmt.drop.run(block, term);
        if (kept.length) stmt.put.run(block, term, encode(kept));
        if (fresh.length / 3 !== lost) {
          relist(term, fresh.length / 3 - lost);
          dropped.add(term);
        }
      }
    }
    // New turns take the highest numbers: once additions reach a new block, the blocks below
    // it are complete. A writer's first additions complete the block just below (any lower
    // one was completed, and compacted, by the writer that went past it).
    const top = Math.max(-1, ...adds.keys());
    if (top > highest) {
      for (let block = Math.max(0, highest < 0 ? top - 1 : highest); block < top; block++) compact(block);
      highest = top;
    }
  }
  return writer;
}

/**
 * Numbers for terms, found from a stretch of text without cutting it out: an open-addressing table
 * keyed by an FNV-1a hash of the characters. JavaScript's Map wants a string per word, and hashing
 * each fresh one cost an ingest of UN speeches 14 s of its writing thread.
 */
class TermNumbers {
  /** Each number's term, a string of its own. */
  readonly names: string[] = [];
  private hashes: number[] = [];
  /** Slots holding a number plus one; 0 is empty. */
  private slots = new Int32Array(1 << 12);

  /** The number of `source.slice(start, end)`, given one if it has none (or -1 when `add` is false). */
  of(source: string, start: number, end: number, add = true): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ source.charCodeAt(i), 0x01000193);
    hash >>>= 0;
    const mask = this.slots.length - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot] as number;
      if (held === 0) {
        if (!add) return -1;
        const id = this.names.length;
        // A copy: the term is a slice of the turn's text, which it would keep alive.
        this.names.push(ownString(source.slice(start, end)));
        this.hashes.push(hash);
        this.slots[slot] = id + 1;
        if (this.names.length * 2 > this.slots.length) this.grow();
        return id;
      }
      const name = this.names[held - 1] as string;
      if (this.hashes[held - 1] === hash && name.length === length && source.startsWith(name, start))
        return held - 1;
    }
  }

  find(term: string): number | undefined {
    const id = this.of(term, 0, term.length, false);
    return id < 0 ? undefined : id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.hashes.forEach((hash, id) => {
      let slot = hash & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    });
    this.slots = slots;
  }
}

/** Statements on one block's rows of a term: its parts, dropping them, writing one, terms split in parts. */
function blockStatements(db: Database.Database) {
  return {
    parts: db.prepare<[number, string], Buffer>(PARTS).pluck(),
    drop: db.prepare<[number, string]>("DELETE FROM term_counts WHERE block = ? AND term = ?"),
    put: db.prepare<[number, string, Buffer]>(
      "INSERT INTO term_counts (block, term, part, data) VALUES (?, ?, 0, ?)",
    ),
    split: db
      .prepare<[number], string>(
        "SELECT term FROM term_counts WHERE block = ? GROUP BY term HAVING count(*) > 1",
      )
      .pluck(),
  };
}

function compactBlock(stmt: ReturnType<typeof blockStatements>, block: number): void {
  for (const term of stmt.split.all(block)) {
    const data = Buffer.concat(stmt.parts.all(block, term));
    stmt.drop.run(block, term);
    stmt.put.run(block, term, data);
  }
}

/** Compacts every block but the last (the migration for archives written before writers compacted). */
export function compactTermCounts(db: Database.Database): void {
  const stmt = blockStatements(db);
  const last = db.prepare<[], number | null>("SELECT max(block) FROM term_counts").pluck().get() ?? 0;
  for (let block = 0; block < last; block++) compactBlock(stmt, block);
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
      manyParts: db
        .prepare<[string, string], [string, number, Buffer]>(
          `SELECT term, block, data FROM term_counts
           WHERE block IN (SELECT value FROM json_each(?)) AND term IN (SELECT value FROM json_each(?))
           ORDER BY term, block, part`,
        )
        .raw(),
      prefixParts: db
        .prepare<[number, string, string], Buffer>(
          "SELECT data FROM term_counts WHERE block = ? AND term >= ? AND term < ? ORDER BY term, part",
        )
        .pluck(),
      lastBlock: db.prepare<[], number | null>("SELECT max(block) FROM term_counts").pluck(),
      averages: db.prepare<[], Buffer>("SELECT block FROM turn_fts_data WHERE id = 1").pluck(),
    };
  }

  /** How many blocks hold counts: what `list` and `prefixList` read through (read once per search). */
  blocks(): number {
    return (this.stmt.lastBlock.get() ?? -1) + 1;
  }

  /** The turns holding a term, ascending. */
  list(term: string, blocks: number): TermList {
    return this.lists([term], blocks)[0] as TermList;
  }

  /**
   * The turns holding each term, ascending: one statement for all of them (a word's forms), each
   * block found by its key, instead of a statement per block and term.
   */
  lists(terms: string[], blocks: number, scratch?: ListScratch): TermList[] {
    const rows = new Map<string, Row[]>(terms.map((t) => [t, []]));
    const numbers = JSON.stringify(Array.from({ length: blocks }, (_, i) => i));
    for (const [term, block, data] of this.stmt.manyParts.all(numbers, JSON.stringify(terms)))
      rows.get(term)?.push({ block, data });
    return terms.map((t) => decode(rows.get(t) ?? [], scratch));
  }

  /**
   * The turns holding any term that begins with `prefix`, ascending, each with the sum of those
   * terms' counts: FTS5 scores a prefix as one phrase whose count is every matching token.
   */
  prefixList(prefix: string, blocks: number): TermList {
    const out = new GrowingList();
    // A block's turns are few and dense: counts summed in place per turn, then read in turn order
    // (the rows come term by term, each term's turns ascending, so the block's are not). The
    // turns met are read back by a walk from the lowest to the highest met: sorting them cost 90
    // ms of a search for democra* (240,000 turns at 16× the bench corpus).
    const counts = new Int32Array(BLOCK);
    const lengths = new Int32Array(BLOCK);
    for (let block = 0; block < blocks; block++) {
      let low = BLOCK;
      let high = -1;
      // U+10FFFF sorts after every character a term can go on with.
      for (const data of this.stmt.prefixParts.all(block, prefix, `${prefix}\u{10ffff}`)) {
        const r = new VarintReader(data);
        while (!r.done) {
          const offset = r.varint();
          const length = r.varint();
          const count = r.varint();
          if (offset < low) low = offset;
          if (offset > high) high = offset;
          counts[offset] = (counts[offset] as number) + count;
          lengths[offset] = length;
        }
      }
      const base = block * BLOCK;
      for (let offset = low; offset <= high; offset++) {
        const count = counts[offset] as number;
        if (count === 0) continue;
        out.push(base + offset, count, lengths[offset] as number);
        counts[offset] = 0;
      }
    }
    return out.list();
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

interface Row {
  block: number;
  data: Buffer;
}

/**
 * Room for term lists' counts and lengths that live only while one search scores its matches
 * (sqlite-text-index.ts), taken again by the next: a common word's lists are tens of megabytes,
 * and allocating them afresh for every search cost more than reading them (`the` at 16× the bench
 * corpus: 3 million entries decoded in 20 ms into arrays kept, 50 to 150 ms into new ones, as
 * V8 collects garbage for the memory they add). Holds the most one search took, for the next.
 */
export class ListScratch {
  private chunks: Int32Array[] = [];
  private used: number[] = [];

  /**
   * Forgets what was taken: the arrays handed out before are overwritten from here on. Of several
   * chunks (searches of different shapes took them) only the largest is kept.
   */
  reset(): void {
    if (this.chunks.length > 2) this.chunks = [this.chunks.reduce((a, b) => (b.length > a.length ? b : a))];
    this.used = this.chunks.map(() => 0);
  }

  take(size: number): Int32Array {
    for (let c = 0; c < this.chunks.length; c++) {
      const chunk = this.chunks[c] as Int32Array;
      const used = this.used[c] as number;
      if (chunk.length - used >= size) {
        this.used[c] = used + size;
        return chunk.subarray(used, used + size);
      }
    }
    const chunk = new Int32Array(Math.max(size, 1 << 16));
    this.chunks.push(chunk);
    this.used.push(size);
    return chunk.subarray(0, size);
  }
}

/** A term list built an entry at a time, in typed arrays that double as they fill. */
class GrowingList {
  private n = new Int32Array(1024);
  private tf = new Int32Array(1024);
  private len = new Int32Array(1024);
  private size = 0;

  push(turn: number, count: number, length: number): void {
    if (this.size === this.n.length) {
      const grow = (a: Int32Array) => {
        const next = new Int32Array(a.length * 2);
        next.set(a);
        return next;
      };
      this.n = grow(this.n);
      this.tf = grow(this.tf);
      this.len = grow(this.len);
    }
    this.n[this.size] = turn;
    this.tf[this.size] = count;
    this.len[this.size] = length;
    this.size++;
  }

  list(): TermList {
    return {
      n: this.n.subarray(0, this.size),
      tf: this.tf.subarray(0, this.size),
      len: this.len.subarray(0, this.size),
    };
  }
}

/** Rows' entries as one list in turn order (a row's entries are in the order they were written). */
function decode(rows: Row[], scratch?: ListScratch): TermList {
  let size = 0;
  for (const row of rows) size += row.data.length;
  // At least three bytes an entry.
  const n = new Int32Array(Math.ceil(size / 3));
  const tf = scratch ? scratch.take(n.length) : new Int32Array(n.length);
  const len = scratch ? scratch.take(n.length) : new Int32Array(n.length);
  let count = 0;
  let sorted = true;
  for (const row of rows) {
    const base = row.block * BLOCK;
    const r = new VarintReader(row.data);
    while (!r.done) {
      const turn = base + r.varint();
      if (count > 0 && turn < (n[count - 1] as number)) sorted = false;
      n[count] = turn;
      len[count] = r.varint();
      tf[count] = r.varint();
      count++;
    }
  }
  const list = { n: n.subarray(0, count), tf: tf.subarray(0, count), len: len.subarray(0, count) };
  return sorted ? list : inOrder(list);
}

function inOrder(l: TermList): TermList {
  const order = Uint32Array.from(l.n.keys()).sort((a, b) => (l.n[a] as number) - (l.n[b] as number));
  const pick = (a: Int32Array) => Int32Array.from(order, (i) => a[i] as number);
  return { n: pick(l.n), tf: pick(l.tf), len: pick(l.len) };
}

/**
 * Fills term_counts from the turns already stored (the migration that adds it), in turn order so
 * that each block's parts are appended in order; the writer writes as its entries pile up.
 */
export function fillTermCounts(db: Database.Database): void {
  const writer = termCountsWriter(db);
  const page = db.prepare<[number], { rowid: number; text: string }>(
    "SELECT rowid, text FROM turns WHERE rowid > ? ORDER BY rowid LIMIT 2000",
  );
  let after = 0;
  for (;;) {
    const rows = page.all(after);
    if (rows.length === 0) break;
    for (const row of rows) writer.add(row.rowid, row.text);
    after = rows[rows.length - 1]?.rowid ?? after;
  }
  writer.flush();
}
