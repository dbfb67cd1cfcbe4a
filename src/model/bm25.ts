/**
 * Okapi BM25 as SQLite's FTS5 computes it (bm25() with k1 1.2, b 0.75, every phrase a term of its
 * own), for whatever scores from postings of its own: PostgreSQL always, SQLite for single words
 * (store/sqlite/sqlite-text-index.ts), where FTS5's own scoring costs ten times its matching, and
 * the search engine's titles (search/engine/title-index.ts). One definition, so all give FTS5's
 * numbers.
 */
const K1 = 1.2;
const B = 0.75;

/**
 * A term's weight: ln((N − n + 0.5) / (n + 0.5)), at least 1e-6, as FTS5 floors it. V8's log and
 * the C library's differ in the last bit for some values: SQLite gives its own `ln` to match FTS5.
 */
export function idf(rows: number, hits: number, log: (x: number) => number = Math.log): number {
  const raw = log((rows - hits + 0.5) / (hits + 0.5));
  return raw > 0 ? raw : 1e-6;
}

/**
 * What one term adds to a row's score: `count` times in a row of `length` tokens. The operations
 * are FTS5's, in its order, so that the sum is FTS5's to the last bit.
 */
export function termScore(weight: number, count: number, length: number, averageLength: number): number {
  return weight * ((count * (K1 + 1)) / (count + K1 * (1 - B + (B * length) / (averageLength || 1))));
}
