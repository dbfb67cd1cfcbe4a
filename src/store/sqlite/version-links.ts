/**
 * Language versions in SQLite: the keys each document shares with its versions (kept beside the
 * search index, for current documents), links found by evidence or made and undone by hand,
 * and divergence summaries of linked pairs. A pair is stored once, its two ids in order.
 */
import type Database from "better-sqlite3";
import { ALIGNMENT_VERSION } from "../../align/align-documents.js";
import { versionKeys } from "../../align/link.js";
import type { Document } from "../../model/document.js";
import type {
  DivergenceSummary,
  DivergentPair,
  DocumentSummary,
  LanguageVersion,
  StoredVersionLink,
  VersionLinkMethod,
} from "../store.js";

export interface VersionLinks {
  putKey(doc: Document): void;
  /** A document is gone or has a new version: its key goes or changes, its divergences are stale. */
  forget(docId: string, removed: boolean): void;
  versions(id: string): LanguageVersion[];
  putLink(link: StoredVersionLink): void;
  candidates(id: string, days: number): DocumentSummary[];
  putDivergence(summary: DivergenceSummary): void;
  divergent(limit: number): DivergentPair[];
}

const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

/** Fills version_keys from doc_index; used by the migration that adds the table. */
export function backfillVersionKeys(db: Database.Database): void {
  const rows = db
    .prepare<[], { id: string; publisher: string; publisher_ref: string | null; source_url: string | null }>(
      "SELECT id, publisher, publisher_ref, source_url FROM doc_index",
    )
    .all();
  const insert = db.prepare("INSERT OR IGNORE INTO version_keys (doc_id, key) VALUES (?, ?)");
  for (const r of rows) {
    const keys = versionKeys({
      publisher: r.publisher,
      publisherRef: r.publisher_ref,
      sourceUrl: r.source_url,
    });
    for (const key of keys) insert.run(r.id, key);
  }
}

const SUMMARY = "o.id, o.title, o.date, o.publisher, o.language, o.kind";

export function versionLinks(db: Database.Database): VersionLinks {
  const stmt = {
    putKey: db.prepare<[string, string]>("INSERT OR IGNORE INTO version_keys (doc_id, key) VALUES (?, ?)"),
    dropKey: db.prepare<[string]>("DELETE FROM version_keys WHERE doc_id = ?"),
    dropLinks: db.prepare<[string, string]>("DELETE FROM version_links WHERE a = ? OR b = ?"),
    dropDivergence: db.prepare<[string, string]>("DELETE FROM divergence WHERE a = ? OR b = ?"),
    byKey: db.prepare<[string], DocumentSummary>(
      `SELECT DISTINCT ${SUMMARY} FROM version_keys k
         JOIN version_keys ok ON ok.key = k.key AND ok.doc_id != k.doc_id
         JOIN doc_index d ON d.id = k.doc_id
         JOIN doc_index o ON o.id = ok.doc_id AND o.language != d.language
       WHERE k.doc_id = ?`,
    ),
    links: db.prepare<[string, string, string], DocumentSummary & { method: string; confidence: number }>(
      `SELECT ${SUMMARY}, l.method, l.confidence FROM version_links l
         JOIN doc_index o ON o.id = CASE WHEN l.a = ? THEN l.b ELSE l.a END
       WHERE l.a = ? OR l.b = ?`,
    ),
    // Summaries measured by an older aligner are stale: they show as unmeasured until measured again.
    divergence: db.prepare<[string, string, number], { score: number }>(
      "SELECT score FROM divergence WHERE a = ? AND b = ? AND version = ?",
    ),
    getLink: db.prepare<[string, string], { method: string }>(
      "SELECT method FROM version_links WHERE a = ? AND b = ?",
    ),
    putLink: db.prepare(
      `INSERT INTO version_links (a, b, method, confidence, reasons) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(a, b) DO UPDATE SET method = excluded.method, confidence = excluded.confidence, reasons = excluded.reasons`,
    ),
    // Versions come from one publisher, in another language, within a window of dates (CROSS JOIN keeps that order): the
    // publisher's languages are found by seeking the (publisher, language, date) index language by
    // language, so each is an exact range (a window scanned by date alone read every document of
    // every publisher in it); pairs unlinked by hand are no candidates; the nearest dates come first.
    candidates: db.prepare<{ id: string; from: string; to: string }, DocumentSummary>(
      `WITH RECURSIVE d AS (SELECT id, publisher, language, date FROM doc_index WHERE id = @id AND length(date) = 10),
       langs(l) AS (
         SELECT (SELECT MIN(language) FROM doc_index WHERE publisher = (SELECT publisher FROM d))
         UNION ALL
         SELECT (SELECT MIN(language) FROM doc_index WHERE publisher = (SELECT publisher FROM d) AND language > l)
         FROM langs WHERE l IS NOT NULL)
       SELECT ${SUMMARY} FROM d CROSS JOIN langs CROSS JOIN doc_index o
       WHERE langs.l IS NOT NULL AND langs.l != d.language
         AND o.publisher = d.publisher AND o.language = langs.l
         AND o.date BETWEEN date(d.date, @from) AND date(d.date, @to) AND length(o.date) = 10
         AND o.id != d.id
         AND NOT EXISTS (SELECT 1 FROM version_links l
                         WHERE l.method = 'unlinked' AND l.a = min(d.id, o.id) AND l.b = max(d.id, o.id))
       ORDER BY abs(julianday(o.date) - julianday(d.date)), o.id LIMIT 200`,
    ),
    putDivergence: db.prepare(
      `INSERT INTO divergence (a, b, version, score, only_a, only_b, length_outliers, number_mismatches, entity_mismatches)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(a, b) DO UPDATE SET version = excluded.version, score = excluded.score, only_a = excluded.only_a,
         only_b = excluded.only_b, length_outliers = excluded.length_outliers,
         number_mismatches = excluded.number_mismatches, entity_mismatches = excluded.entity_mismatches`,
    ),
    divergent: db.prepare<
      [number, number],
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
       WHERE v.version = ?
         AND NOT EXISTS (SELECT 1 FROM version_links l WHERE l.a = v.a AND l.b = v.b AND l.method = 'unlinked')
       ORDER BY v.score DESC, v.a, v.b LIMIT ?`,
    ),
  };

  const RANK: Record<VersionLinkMethod, number> = { manual: 3, key: 2, evidence: 1 };

  return {
    putKey(doc) {
      stmt.dropKey.run(doc.id);
      for (const key of versionKeys(doc)) stmt.putKey.run(doc.id, key);
    },
    forget(docId, removed) {
      stmt.dropDivergence.run(docId, docId);
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
        const divergence = stmt.divergence.get(a, b, ALIGNMENT_VERSION)?.score ?? null;
        found.set(s.id, { ...s, method, confidence, divergence });
      };
      for (const row of stmt.links.all(id, id, id)) {
        const { method, confidence, ...summary } = row;
        if (method === "unlinked") vetoed.add(summary.id);
        else add(summary, method as VersionLinkMethod, confidence);
      }
      for (const s of stmt.byKey.all(id)) if (!vetoed.has(s.id)) add(s, "key", 1);
      return [...found.values()].sort((x, y) => (x.language + x.id < y.language + y.id ? -1 : 1));
    },
    putLink(link) {
      const [a, b] = ordered(link.a, link.b);
      // Evidence never overrides a decision made by hand.
      const existing = link.method === "evidence" ? stmt.getLink.get(a, b)?.method : undefined;
      if (existing === "manual" || existing === "unlinked") return;
      stmt.putLink.run(a, b, link.method, link.confidence, JSON.stringify(link.reasons));
      if (link.method === "unlinked") stmt.dropDivergence.run(a, b);
    },
    candidates(id, days) {
      return stmt.candidates.all({ id, from: `-${days} days`, to: `+${days} days` });
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
    divergent(limit) {
      return stmt.divergent.all(ALIGNMENT_VERSION, Math.max(1, Math.min(1000, limit))).map((r) => ({
        a: r.a,
        b: r.b,
        version: r.version,
        score: r.score,
        onlyA: r.only_a,
        onlyB: r.only_b,
        lengthOutliers: r.length_outliers,
        numberMismatches: r.number_mismatches,
        entityMismatches: r.entity_mismatches,
        titleA: r.title_a,
        titleB: r.title_b,
        languageA: r.language_a,
        languageB: r.language_b,
        date: r.date,
      }));
    },
  };
}
