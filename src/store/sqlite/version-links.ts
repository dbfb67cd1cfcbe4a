/**
 * Language versions in SQLite: the keys each current document shares with its versions, the
 * linker's verdict on keyed pairs (a key link or a conflict), links found by evidence or made and
 * undone by hand, and divergence summaries of linked pairs. A pair is stored once, its two ids in
 * order. A key alone links nothing: only a stored verdict does, so a key the texts contradict never
 * shows as a link. Which keys a document has and what the verdicts are is decided in src/align;
 * this only keeps and queries what it is given.
 */
import type Database from "better-sqlite3";
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

export interface VersionLinks {
  /** Replaces a current document's keys. */
  putKeys(docId: string, keys: readonly string[]): void;
  /** A document is gone or has a new version: its key goes or changes, its divergences are stale. */
  forget(docId: string, removed: boolean): void;
  versions(id: string): LanguageVersion[];
  putLink(link: StoredVersionLink): void;
  candidates(id: string, days: number): DocumentSummary[];
  keyPartners(id: string): string[];
  conflicts(options: { id?: string; limit?: number }): VersionConflict[];
  putDivergence(summary: DivergenceSummary): void;
  divergent(limit: number, options: DivergentOptions): DivergentPair[];
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

const SUMMARY = "o.id, o.title, o.date, o.publisher, o.language, o.kind";

/**
 * The documents `o` of document `d`'s publisher in each other language, not unlinked from `d` by
 * hand; the query that uses it defines `d` and adds its date condition. The publisher's languages
 * are found by seeking the (publisher, language, date) index language by language, and CROSS JOIN
 * keeps that order, so each language is an exact range (a window scanned by date alone read every
 * document of every publisher in it).
 */
const OTHER_LANGUAGES = `langs(l) AS (
         SELECT (SELECT MIN(language) FROM doc_index WHERE publisher = (SELECT publisher FROM d))
         UNION ALL
         SELECT (SELECT MIN(language) FROM doc_index WHERE publisher = (SELECT publisher FROM d) AND language > l)
         FROM langs WHERE l IS NOT NULL)
       SELECT ${SUMMARY} FROM d CROSS JOIN langs CROSS JOIN doc_index o
       WHERE langs.l IS NOT NULL AND langs.l != d.language
         AND o.publisher = d.publisher AND o.language = langs.l AND o.id != d.id
         AND NOT EXISTS (SELECT 1 FROM version_links l
                         WHERE l.method = 'unlinked' AND l.a = min(d.id, o.id) AND l.b = max(d.id, o.id))`;

/**
 * `alignmentVersion`: the aligner whose divergence summaries are current; summaries measured by
 * another read as unmeasured. Null reads every summary.
 */
export function versionLinks(db: Database.Database, alignmentVersion: number | null): VersionLinks {
  const stmt = {
    putKey: db.prepare<[string, string]>("INSERT OR IGNORE INTO version_keys (doc_id, key) VALUES (?, ?)"),
    dropKey: db.prepare<[string]>("DELETE FROM version_keys WHERE doc_id = ?"),
    dropLinks: db.prepare<[string, string]>("DELETE FROM version_links WHERE a = ? OR b = ?"),
    dropDivergence: db.prepare<[string, string]>("DELETE FROM divergence WHERE a = ? OR b = ?"),
    dropPairDivergence: db.prepare<[string, string]>("DELETE FROM divergence WHERE a = ? AND b = ?"),
    keyPartners: db.prepare<[string], { id: string }>(
      `SELECT DISTINCT ok.doc_id AS id FROM version_keys k
         JOIN version_keys ok ON ok.key = k.key AND ok.doc_id != k.doc_id
       WHERE k.doc_id = ? ORDER BY ok.doc_id LIMIT 64`,
    ),
    // A verdict on a keyed pair is the linker's, made again whenever either document changes.
    dropVerdicts: db.prepare<[string, string]>(
      "DELETE FROM version_links WHERE (a = ? OR b = ?) AND method IN ('key', 'conflict')",
    ),
    conflicts: db.prepare<
      { id: string | null; limit: number },
      {
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
      }
    >(
      `SELECT l.a, l.b, l.reasons,
              da.title AS a_title, da.date AS a_date, da.publisher AS a_publisher, da.language AS a_language, da.kind AS a_kind,
              db.title AS b_title, db.date AS b_date, db.publisher AS b_publisher, db.language AS b_language, db.kind AS b_kind
       FROM version_links l JOIN doc_index da ON da.id = l.a JOIN doc_index db ON db.id = l.b
       WHERE l.method = 'conflict' AND (@id IS NULL OR l.a = @id OR l.b = @id)
       ORDER BY max(COALESCE(da.date, ''), COALESCE(db.date, '')) DESC, l.a, l.b LIMIT @limit`,
    ),
    links: db.prepare<[string, string, string], DocumentSummary & { method: string; confidence: number }>(
      `SELECT ${SUMMARY}, l.method, l.confidence FROM version_links l
         JOIN doc_index o ON o.id = CASE WHEN l.a = ? THEN l.b ELSE l.a END
       WHERE l.a = ? OR l.b = ?`,
    ),
    // Summaries measured by an older aligner are stale: they show as unmeasured until measured again.
    divergence: db.prepare<{ a: string; b: string; version: number | null }, { score: number }>(
      "SELECT score FROM divergence WHERE a = @a AND b = @b AND (@version IS NULL OR version = @version)",
    ),
    getLink: db.prepare<[string, string], { method: string }>(
      "SELECT method FROM version_links WHERE a = ? AND b = ?",
    ),
    putLink: db.prepare(
      `INSERT INTO version_links (a, b, method, confidence, reasons) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(a, b) DO UPDATE SET method = excluded.method, confidence = excluded.confidence, reasons = excluded.reasons`,
    ),
    // Versions come from one publisher, in another language, within a window of dates, nearest
    // first (see OTHER_LANGUAGES for how the index is used).
    candidates: db.prepare<{ id: string; from: string; to: string }, DocumentSummary>(
      `WITH RECURSIVE d AS (SELECT id, publisher, language, date FROM doc_index WHERE id = @id AND length(date) = 10),
       ${OTHER_LANGUAGES}
         AND o.date BETWEEN date(d.date, @from) AND date(d.date, @to) AND length(o.date) = 10
       ORDER BY abs(julianday(o.date) - julianday(d.date)), o.id LIMIT 200`,
    ),
    // An undated document's candidates are its publisher's undated documents in other languages:
    // NULL dates come first in the index, so each language's scan stops at the limit.
    undatedCandidates: db.prepare<{ id: string }, DocumentSummary>(
      `WITH RECURSIVE d AS (SELECT id, publisher, language FROM doc_index
                            WHERE id = @id AND (date IS NULL OR length(date) != 10)),
       ${OTHER_LANGUAGES}
         AND (o.date IS NULL OR length(o.date) != 10)
       LIMIT 200`,
    ),
    putDivergence: db.prepare(
      `INSERT INTO divergence (a, b, version, score, only_a, only_b, length_outliers, number_mismatches, entity_mismatches)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(a, b) DO UPDATE SET version = excluded.version, score = excluded.score, only_a = excluded.only_a,
         only_b = excluded.only_b, length_outliers = excluded.length_outliers,
         number_mismatches = excluded.number_mismatches, entity_mismatches = excluded.entity_mismatches`,
    ),
    divergent: db.prepare<
      {
        version: number | null;
        limit: number;
        offset: number;
        publisher: string | null;
        language: string | null;
      },
      {
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
      }
    >(
      `SELECT v.*, da.title AS title_a, db.title AS title_b, da.language AS language_a, db.language AS language_b,
              COALESCE(da.date, db.date) AS date
       FROM divergence v JOIN doc_index da ON da.id = v.a JOIN doc_index db ON db.id = v.b
       WHERE (@version IS NULL OR v.version = @version)
         AND NOT EXISTS (SELECT 1 FROM version_links l WHERE l.a = v.a AND l.b = v.b AND l.method = 'unlinked')
         AND (@publisher IS NULL OR da.publisher = @publisher)
         AND (@language IS NULL OR da.language = @language OR db.language = @language)
       ORDER BY v.score DESC, v.a, v.b LIMIT @limit OFFSET @offset`,
    ),
  };

  const RANK: Record<VersionLinkMethod, number> = { manual: 3, key: 2, evidence: 1 };

  return {
    putKeys(docId, keys) {
      stmt.dropKey.run(docId);
      for (const key of keys) stmt.putKey.run(docId, key);
    },
    forget(docId, removed) {
      stmt.dropDivergence.run(docId, docId);
      stmt.dropVerdicts.run(docId, docId);
      if (removed) {
        stmt.dropKey.run(docId);
        stmt.dropLinks.run(docId, docId);
      }
    },
    versions(id) {
      const found = new Map<string, LanguageVersion>();
      const vetoed = new Set<string>();
      const add = (s: DocumentSummary, method: VersionLinkMethod, confidence: number) => {
        const current = found.get(s.id);
        if (current && RANK[current.method] >= RANK[method]) return;
        const [a, b] = ordered(id, s.id);
        const divergence = stmt.divergence.get({ a, b, version: alignmentVersion })?.score ?? null;
        found.set(s.id, { ...s, method, confidence, divergence });
      };
      for (const row of stmt.links.all(id, id, id)) {
        const { method, confidence, ...summary } = row;
        if (method === "unlinked" || method === "conflict") vetoed.add(summary.id);
        else add(summary, method as VersionLinkMethod, confidence);
      }
      for (const v of vetoed) found.delete(v);
      return [...found.values()].sort((x, y) => (x.language + x.id < y.language + y.id ? -1 : 1));
    },
    putLink(link) {
      const [a, b] = ordered(link.a, link.b);
      // The linker (keys, evidence) never overrides a decision made by hand.
      const byHand = link.method === "manual" || link.method === "unlinked";
      const existing = byHand ? undefined : stmt.getLink.get(a, b)?.method;
      if (existing === "manual" || existing === "unlinked") return;
      stmt.putLink.run(a, b, link.method, link.confidence, JSON.stringify(link.reasons));
      // Only this pair's summary goes; other pairs of either document keep theirs.
      if (link.method === "unlinked" || link.method === "conflict") stmt.dropPairDivergence.run(a, b);
    },
    keyPartners(id) {
      return stmt.keyPartners.all(id).map((r) => r.id);
    },
    conflicts({ id, limit }) {
      return stmt.conflicts
        .all({ id: id ?? null, limit: Math.max(1, Math.min(1000, limit ?? 100)) })
        .map((r) => ({
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
    candidates(id, days) {
      const dated = stmt.candidates.all({ id, from: `-${days} days`, to: `+${days} days` });
      return dated.length ? dated : stmt.undatedCandidates.all({ id });
    },
    putDivergence(s) {
      const [a, b] = ordered(s.a, s.b);
      const swapped = a !== s.a;
      stmt.putDivergence.run(
        a,
        b,
        s.version,
        s.score,
        swapped ? s.onlyB : s.onlyA,
        swapped ? s.onlyA : s.onlyB,
        s.lengthOutliers,
        s.numberMismatches,
        s.entityMismatches,
      );
    },
    divergent(limit, options) {
      const rows = stmt.divergent.all({
        version: alignmentVersion,
        limit: Math.max(1, Math.min(1000, limit)),
        offset: Math.max(0, options.offset ?? 0),
        publisher: options.publisher ?? null,
        language: options.language ?? null,
      });
      return rows.map((r) => ({
        ...toDivergence(r),
        titleA: r.title_a,
        titleB: r.title_b,
        languageA: r.language_a,
        languageB: r.language_b,
        date: r.date,
      }));
    },
  };
}
