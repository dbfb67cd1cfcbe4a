/**
 * Language versions in PostgreSQL, as in SQLite (sqlite/version-links.ts): the keys each current
 * document shares with its versions, the linker's verdict on keyed pairs, links found by evidence
 * or made and undone by hand, and divergence summaries of linked pairs. A pair is stored once,
 * its two ids in order. A key alone links nothing: only a stored verdict does. Keys, verdicts and
 * the aligner version are given (src/align decides them); this only keeps and queries them.
 *
 * Every method takes the connection to run on, so a batch's writes join its transaction.
 * Ids and dates are ordered with COLLATE "C", the byte order SQLite sorts text in.
 */
import { toDivergence } from "../rows.js";
import type {
  DivergenceSummary,
  DivergentOptions,
  DivergentPair,
  DocumentSummary,
  LanguageVersion,
  StoredVersionLink,
  VersionConflict,
  VersionLinkMethod,
} from "../store.js";
import { one, type Queryable, rows } from "./db.js";

/**
 * `alignmentVersion` (on reads of divergence): the aligner whose summaries are current; summaries
 * measured by another read as unmeasured. Null reads every summary.
 */
export interface PgVersionLinks {
  /** Replaces a current document's keys. */
  putKeys(db: Queryable, docId: string, keys: readonly string[]): Promise<void>;
  /** A document is gone or has a new version: its key goes or changes, its divergences are stale. */
  forget(db: Queryable, docId: string, removed: boolean): Promise<void>;
  versions(db: Queryable, id: string, alignmentVersion: number | null): Promise<LanguageVersion[]>;
  putLink(db: Queryable, link: StoredVersionLink): Promise<void>;
  candidates(db: Queryable, id: string, days: number): Promise<DocumentSummary[]>;
  keyPartners(db: Queryable, id: string): Promise<string[]>;
  conflicts(db: Queryable, options: { id?: string; limit?: number }): Promise<VersionConflict[]>;
  putDivergence(db: Queryable, summary: DivergenceSummary): Promise<void>;
  divergent(
    db: Queryable,
    limit: number,
    options: DivergentOptions,
    alignmentVersion: number | null,
  ): Promise<DivergentPair[]>;
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

const SUMMARY = "o.id, o.title, o.date, o.publisher, o.language, o.kind";

/**
 * The day a 'YYYY-MM-DD' column names, counted as SQLite's julianday() counts it (a day past the
 * month's end runs into the next month), or NULL where SQLite reads no date; never an error, as
 * to_date() would raise on one malformed row.
 */
const day = (column: string) =>
  `(CASE WHEN ${column} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
     THEN to_date(left(${column}, 7), 'YYYY-MM') + (right(${column}, 2)::int - 1) END)`;

/**
 * The documents `o` of document `d`'s publisher in each other language, not unlinked from `d` by
 * hand; the query that uses it defines `d` and adds its date condition. The pair is ordered in
 * byte order like SQLite's min()/max(), then compared in the column's collation so the key's index serves.
 */
const OTHER_LANGUAGES = `SELECT ${SUMMARY} FROM d JOIN doc_index o
         ON o.publisher = d.publisher AND o.language != d.language AND o.id != d.id
       WHERE NOT EXISTS (SELECT 1 FROM version_links l
                         WHERE l.method = 'unlinked'
                           AND l.a = LEAST(d.id COLLATE "C", o.id) COLLATE "default"
                           AND l.b = GREATEST(d.id COLLATE "C", o.id) COLLATE "default")`;

const RANK: Record<VersionLinkMethod, number> = { manual: 3, key: 2, evidence: 1 };

export const pgVersionLinks: PgVersionLinks = {
  async putKeys(db, docId, keys) {
    await db.query("DELETE FROM version_keys WHERE doc_id = $1", [docId]);
    await db.query(
      "INSERT INTO version_keys (doc_id, key) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING",
      [docId, keys],
    );
  },

  async forget(db, docId, removed) {
    await db.query("DELETE FROM divergence WHERE a = $1 OR b = $1", [docId]);
    // A verdict on a keyed pair is the linker's, made again whenever either document changes.
    await db.query("DELETE FROM version_links WHERE (a = $1 OR b = $1) AND method IN ('key', 'conflict')", [
      docId,
    ]);
    if (removed) {
      await db.query("DELETE FROM version_keys WHERE doc_id = $1", [docId]);
      await db.query("DELETE FROM version_links WHERE a = $1 OR b = $1", [docId]);
    }
  },

  async versions(db, id, alignmentVersion) {
    const row = await one<{ links: LinkedSummary[] | null }>(
      db,
      `SELECT (${languageVersionsJson("$1", "$2")}) AS links`,
      [id, alignmentVersion],
    );
    return languageVersionsFrom(row?.links ?? []);
  },

  async putLink(db, link) {
    const [a, b] = ordered(link.a, link.b);
    // The linker (keys, evidence) never overrides a decision made by hand; checked in the write
    // itself, so a decision made meanwhile by another process holds too.
    const byHand = link.method === "manual" || link.method === "unlinked";
    const written = await db.query(
      `INSERT INTO version_links (a, b, method, confidence, reasons) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (a, b) DO UPDATE SET method = excluded.method, confidence = excluded.confidence, reasons = excluded.reasons
       WHERE $6 OR version_links.method NOT IN ('manual', 'unlinked')`,
      [a, b, link.method, link.confidence, JSON.stringify(link.reasons), byHand],
    );
    // Only this pair's summary goes; other pairs of either document keep theirs.
    if (written.rowCount && (link.method === "unlinked" || link.method === "conflict"))
      await db.query("DELETE FROM divergence WHERE a = $1 AND b = $2", [a, b]);
  },

  async candidates(db, id, days) {
    // Versions come from one publisher, in another language, within a window of dates, nearest first.
    const dated = await rows<DocumentSummary>(
      db,
      `WITH d AS (SELECT id, publisher, language, ${day("date")} AS day FROM doc_index
                  WHERE id = $1 AND length(date) = 10)
       ${OTHER_LANGUAGES}
         AND length(o.date) = 10
         AND o.date BETWEEN to_char(d.day - $2::float8 * interval '1 day', 'YYYY-MM-DD')
                        AND to_char(d.day + $2::float8 * interval '1 day', 'YYYY-MM-DD')
       ORDER BY abs(${day("o.date")} - d.day) NULLS FIRST, o.id COLLATE "C" LIMIT 200`,
      [id, days],
    );
    if (dated.length) return dated;
    // An undated document's candidates are its publisher's undated documents in other languages,
    // in the order SQLite reads them from its (publisher, language, date) index.
    return rows<DocumentSummary>(
      db,
      `WITH d AS (SELECT id, publisher, language FROM doc_index
                  WHERE id = $1 AND (date IS NULL OR length(date) != 10))
       ${OTHER_LANGUAGES}
         AND (o.date IS NULL OR length(o.date) != 10)
       ORDER BY o.language COLLATE "C", o.date COLLATE "C" NULLS FIRST, o.n LIMIT 200`,
      [id],
    );
  },

  async keyPartners(db, id) {
    const found = await rows<{ id: string }>(
      db,
      `SELECT ok.doc_id AS id FROM version_keys k
         JOIN version_keys ok ON ok.key = k.key AND ok.doc_id != k.doc_id
       WHERE k.doc_id = $1 GROUP BY ok.doc_id ORDER BY ok.doc_id COLLATE "C" LIMIT 64`,
      [id],
    );
    return found.map((r) => r.id);
  },

  async conflicts(db, { id, limit }) {
    const found = await rows<{
      a: string;
      b: string;
      reasons: string;
      a_title: string;
      a_date: string | null;
      a_publisher: string;
      a_language: string;
      a_kind: string;
      b_title: string;
      b_date: string | null;
      b_publisher: string;
      b_language: string;
      b_kind: string;
    }>(
      db,
      `SELECT l.a, l.b, l.reasons,
              da.title AS a_title, da.date AS a_date, da.publisher AS a_publisher, da.language AS a_language, da.kind AS a_kind,
              db.title AS b_title, db.date AS b_date, db.publisher AS b_publisher, db.language AS b_language, db.kind AS b_kind
       FROM version_links l JOIN doc_index da ON da.id = l.a JOIN doc_index db ON db.id = l.b
       WHERE l.method = 'conflict' AND ($1::text IS NULL OR l.a = $1 OR l.b = $1)
       ORDER BY GREATEST(COALESCE(da.date, '') COLLATE "C", COALESCE(db.date, '')) DESC,
                l.a COLLATE "C", l.b COLLATE "C"
       LIMIT $2`,
      [id ?? null, Math.max(1, Math.min(1000, limit ?? 100))],
    );
    return found.map((r) => ({
      a: {
        id: r.a,
        title: r.a_title,
        date: r.a_date,
        publisher: r.a_publisher,
        language: r.a_language,
        kind: r.a_kind,
      },
      b: {
        id: r.b,
        title: r.b_title,
        date: r.b_date,
        publisher: r.b_publisher,
        language: r.b_language,
        kind: r.b_kind,
      },
      reasons: JSON.parse(r.reasons) as string[],
    }));
  },

  async putDivergence(db, s) {
    const [a, b] = ordered(s.a, s.b);
    const swapped = a !== s.a;
    await db.query(
      `INSERT INTO divergence (a, b, version, score, only_a, only_b, length_outliers, number_mismatches, entity_mismatches)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (a, b) DO UPDATE SET version = excluded.version, score = excluded.score, only_a = excluded.only_a,
         only_b = excluded.only_b, length_outliers = excluded.length_outliers,
         number_mismatches = excluded.number_mismatches, entity_mismatches = excluded.entity_mismatches`,
      [
        a,
        b,
        s.version,
        s.score,
        swapped ? s.onlyB : s.onlyA,
        swapped ? s.onlyA : s.onlyB,
        s.lengthOutliers,
        s.numberMismatches,
        s.entityMismatches,
      ],
    );
  },

  async divergent(db, limit, options, alignmentVersion) {
    const found = await rows<{
      a: string;
      b: string;
      version: number;
      score: number;
      only_a: number;
      only_b: number;
      length_outliers: number;
      number_mismatches: number;
      entity_mismatches: number;
      title_a: string;
      title_b: string;
      language_a: string;
      language_b: string;
      date: string | null;
    }>(
      db,
      `SELECT v.*, da.title AS title_a, db.title AS title_b, da.language AS language_a, db.language AS language_b,
              COALESCE(da.date, db.date) AS date
       FROM divergence v JOIN doc_index da ON da.id = v.a JOIN doc_index db ON db.id = v.b
       WHERE ($1::int IS NULL OR v.version = $1)
         AND NOT EXISTS (SELECT 1 FROM version_links l WHERE l.a = v.a AND l.b = v.b AND l.method = 'unlinked')
         AND ($4::text IS NULL OR da.publisher = $4)
         AND ($5::text IS NULL OR da.language = $5 OR db.language = $5)
       ORDER BY v.score DESC, v.a COLLATE "C", v.b COLLATE "C" LIMIT $2 OFFSET $3`,
      [
        alignmentVersion,
        Math.max(1, Math.min(1000, limit)),
        Math.max(0, options.offset ?? 0),
        options.publisher ?? null,
        options.language ?? null,
      ],
    );
    return found.map((r) => ({
      ...toDivergence(r),
      titleA: r.title_a,
      titleB: r.title_b,
      languageA: r.language_a,
      languageB: r.language_b,
      date: r.date,
    }));
  },
};

/** A link of a document with its other version's summary and the pair's divergence score. */
export interface LinkedSummary extends DocumentSummary {
  method: string;
  confidence: number;
  score: number | null;
}

/**
 * A scalar subquery giving every link of document `id` (a parameter) as one JSON array, or null:
 * the other document's summary, the link, and the pair's divergence summary when the aligner
 * `alignmentVersion` (a parameter; NULL reads every one) measured it. Summaries measured by an
 * older aligner are stale: they show as unmeasured until measured again.
 */
export const languageVersionsJson = (
  id: string,
  alignmentVersion: string,
) => `SELECT json_agg(json_build_object(
    'id', o.id, 'title', o.title, 'date', o.date, 'publisher', o.publisher, 'language', o.language, 'kind', o.kind,
    'method', l.method, 'confidence', l.confidence, 'score', v.score))
  FROM version_links l
    JOIN doc_index o ON o.id = CASE WHEN l.a = ${id} THEN l.b ELSE l.a END
    LEFT JOIN divergence v ON v.a = l.a AND v.b = l.b AND (${alignmentVersion}::int IS NULL OR v.version = ${alignmentVersion})
  WHERE l.a = ${id} OR l.b = ${id}`;

/** The other-language versions the links give: the strongest link to each, none to a document unlinked by hand. */
export function languageVersionsFrom(links: LinkedSummary[]): LanguageVersion[] {
  const found = new Map<string, LanguageVersion>();
  const vetoed = new Set<string>();
  for (const { method, confidence, score, ...summary } of links) {
    if (method === "unlinked" || method === "conflict") {
      vetoed.add(summary.id);
      continue;
    }
    const current = found.get(summary.id);
    if (current && RANK[current.method] >= RANK[method as VersionLinkMethod]) continue;
    found.set(summary.id, { ...summary, method: method as VersionLinkMethod, confidence, divergence: score });
  }
  for (const v of vetoed) found.delete(v);
  return [...found.values()].sort((x, y) => (x.language + x.id < y.language + y.id ? -1 : 1));
}
