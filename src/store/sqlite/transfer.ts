/**
 * `verbatim copy` over SQLite (store/transfer.ts): the archive's tables read out as records, and
 * records written into an empty archive, the search tables rebuilt and the current versions
 * given their own keys as they arrive.
 */
import type Database from "better-sqlite3";
import { VerbatimError } from "../../errors/catalog.js";
import type { Document } from "../../model/document.js";
import type { Speaker } from "../../model/speaker.js";
import { canonicalJson, documentFingerprint } from "../fingerprint.js";
import {
  CAPTURE_COLUMNS,
  type CaptureDbRow,
  type CorrectionRow,
  captureParams,
  DIVERGENCE_COLUMNS,
  type DivergenceRow,
  divergenceParams,
  PAGE_COLUMNS,
  type PageRow,
  pageParams,
  toCapture,
  toCorrection,
  toDivergence,
  toPage,
} from "../rows.js";
import type { ArchiveRecord, ArchiveRecordKind, ArchiveTransfer } from "../transfer.js";
import type { SqliteCorrections } from "./corrections.js";
import type { EnrichmentIndex } from "./enrichment-index.js";
import { sqliteEntityDecisions } from "./entity-decisions.js";
import type { SearchIndexWriter } from "./search-index.js";
import type { VersionLinks } from "./version-links.js";

const PAGE = 500;

/** A row of a table whose columns the code below names; the backend's schema types them. */
// biome-ignore lint/suspicious/noExplicitAny: columns of known tables, read by name below
type Row = Record<string, any>;

/** Rows of a table in pages, by a unique ordering key, so memory stays flat however large it is. */
function* paged<T extends Record<string, unknown>>(
  db: Database.Database,
  sql: (after: boolean) => string,
  key: (row: T) => unknown[],
): Generator<T> {
  let last: unknown[] | null = null;
  for (;;) {
    const found = db.prepare(sql(last !== null)).all(...(last ?? []), PAGE) as T[];
    if (found.length === 0) return;
    yield* found;
    last = key(found[found.length - 1] as T);
  }
}

export function sqliteTransfer(
  db: Database.Database,
  parts: {
    index: SearchIndexWriter;
    links: VersionLinks;
    enrichments: EnrichmentIndex;
    fixes: SqliteCorrections;
    changed: () => void;
  },
): ArchiveTransfer {
  return {
    async *exportRecords(): AsyncGenerator<ArchiveRecord> {
      for (const r of paged<{
        id: string;
        version: number;
        current: number;
        stored_at: string;
        body: string;
        keys: string | null;
      }>(
        db,
        (after) =>
          `SELECT id, version, current, stored_at, body, keys FROM documents ${after ? "WHERE (id, version) > (?, ?)" : ""} ORDER BY id, version LIMIT ?`,
        (r) => [r.id, r.version],
      ))
        yield {
          kind: "version",
          document: JSON.parse(r.body) as Document,
          version: r.version,
          current: r.current === 1,
          storedAt: r.stored_at,
          keys: r.keys === null ? null : (JSON.parse(r.keys) as string[]),
        };
      for (const r of paged<{ hash: string; source: string; bytes: Buffer }>(
        db,
        (after) =>
          `SELECT hash, source, bytes FROM raw_inputs ${after ? "WHERE hash > ?" : ""} ORDER BY hash LIMIT ?`,
        (r) => [r.hash],
      ))
        yield { kind: "raw", hash: r.hash, source: r.source, bytes: new Uint8Array(r.bytes) };
      for (const r of db
        .prepare("SELECT hash, source, name, url, sidecars FROM input_readings ORDER BY hash, source")
        .iterate() as IterableIterator<{
        hash: string;
        source: string;
        name: string;
        url: string | null;
        sidecars: string;
      }>)
        yield {
          kind: "reading",
          reading: { ...r, sidecars: JSON.parse(r.sidecars) as Record<string, string> },
        };
      for (const r of db.prepare("SELECT body, edited, seq FROM speakers ORDER BY id").all() as {
        body: string;
        edited: number;
        seq: number | null;
      }[])
        yield { kind: "speaker", speaker: JSON.parse(r.body) as Speaker, edited: r.edited === 1, seq: r.seq };
      for (const r of db.prepare("SELECT id, type, name, forms FROM entities ORDER BY id").all() as {
        id: string;
        type: string;
        name: string;
        forms: string;
      }[])
        yield {
          kind: "entity",
          entity: { id: r.id, type: r.type as never, name: r.name, forms: JSON.parse(r.forms) },
        };
      for (const { doc_id } of db.prepare("SELECT doc_id FROM enrichment_state ORDER BY doc_id").all() as {
        doc_id: string;
      }[]) {
        // As computed on the extracted turns: the copy's corrections move it again.
        const enrichment = parts.fixes.extractedEnrichment(doc_id);
        if (enrichment) yield { kind: "enrichment", enrichment };
      }
      for (const r of db
        .prepare("SELECT a, b, method, confidence, reasons FROM version_links ORDER BY a, b")
        .all() as {
        a: string;
        b: string;
        method: "key";
        confidence: number;
        reasons: string;
      }[])
        yield { kind: "link", link: { ...r, reasons: JSON.parse(r.reasons) as string[] } };
      for (const r of db.prepare("SELECT * FROM divergence ORDER BY a, b").all() as DivergenceRow[])
        yield { kind: "divergence", summary: toDivergence(r) };
      for (const r of db.prepare("SELECT * FROM pages ORDER BY url").iterate() as IterableIterator<PageRow>)
        yield { kind: "page", page: toPage(r) };
      for (const r of db
        .prepare("SELECT * FROM captures ORDER BY n")
        .iterate() as IterableIterator<CaptureDbRow>)
        yield { kind: "capture", capture: toCapture(r) };
      for (const r of db.prepare("SELECT * FROM withdrawals ORDER BY doc_id").all() as Row[])
        yield { kind: "withdrawal", id: r.doc_id, url: r.url, status: r.status, at: r.at };
      for (const r of db.prepare("SELECT * FROM crawl_runs ORDER BY key").all() as Row[])
        yield { kind: "crawl", key: r.key, started: r.started, finished: r.finished };
      for (const r of db
        .prepare("SELECT * FROM crawl_queue ORDER BY key, seq")
        .iterate() as IterableIterator<Row>)
        yield { kind: "queued", key: r.key, url: r.url, depth: r.depth, seq: r.seq, done: r.done === 1 };
      for (const r of db.prepare("SELECT * FROM corrections ORDER BY id").all() as CorrectionRow[])
        yield { kind: "correction", correction: toCorrection(r) };
      for (const { seq: _seq, ...decision } of sqliteEntityDecisions(db).all())
        yield { kind: "entityDecision", decision };
    },

    async importRecords(records) {
      const held = (db.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
      if (held > 0) throw new VerbatimError("COPY_TARGET_NOT_EMPTY", { documents: held });
      const counts: Partial<Record<ArchiveRecordKind, number>> = {};
      const decisions = sqliteEntityDecisions(db);
      const stmt = {
        version: db.prepare(
          `INSERT INTO documents (id, version, current, fingerprint, content_hash, publisher, language, kind, date, title, stored_at, body, keys)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        raw: db.prepare(
          "INSERT OR IGNORE INTO raw_inputs (hash, source, byte_length, bytes) VALUES (?, ?, ?, ?)",
        ),
        reading: db.prepare(
          "INSERT OR REPLACE INTO input_readings (hash, source, name, url, sidecars) VALUES (?, ?, ?, ?, ?)",
        ),
        speaker: db.prepare(
          "INSERT OR REPLACE INTO speakers (id, name, body, edited, seq) VALUES (?, ?, ?, ?, ?)",
        ),
        entity: db.prepare("INSERT OR REPLACE INTO entities (id, type, name, forms) VALUES (?, ?, ?, ?)"),
        keysPending: db.prepare("INSERT OR IGNORE INTO pending_work (name) VALUES ('version-keys')"),
        link: db.prepare(
          "INSERT OR REPLACE INTO version_links (a, b, method, confidence, reasons) VALUES (?, ?, ?, ?, ?)",
        ),
        divergence: db.prepare(
          `INSERT OR REPLACE INTO divergence (${DIVERGENCE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        page: db.prepare(
          `INSERT OR REPLACE INTO pages (${PAGE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ),
        capture: db.prepare(`INSERT INTO captures (${CAPTURE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`),
        withdrawal: db.prepare(
          "INSERT OR REPLACE INTO withdrawals (doc_id, url, status, at) VALUES (?, ?, ?, ?)",
        ),
        crawl: db.prepare("INSERT OR REPLACE INTO crawl_runs (key, started, finished) VALUES (?, ?, ?)"),
        queued: db.prepare(
          "INSERT OR REPLACE INTO crawl_queue (key, url, depth, seq, done) VALUES (?, ?, ?, ?, ?)",
        ),
      };
      const corrected = new Set<string>();
      const { fixes } = parts;
      const write = db.transaction((batch: ArchiveRecord[]) => {
        for (const r of batch) {
          counts[r.kind] = (counts[r.kind] ?? 0) + 1;
          switch (r.kind) {
            case "version": {
              const d = r.document;
              stmt.version.run(
                d.id,
                r.version,
                r.current ? 1 : 0,
                documentFingerprint(d),
                d.provenance.contentHash,
                d.publisher,
                d.language,
                d.kind,
                d.when.date,
                d.title,
                r.storedAt,
                JSON.stringify(d),
                r.keys === null ? null : JSON.stringify(r.keys),
              );
              if (r.current) {
                parts.index.put(d);
                parts.links.putKeys(d.id, r.keys ?? []);
              }
              // Versions the original never keyed are keyed by the archive opener, as there.
              if (r.keys === null) stmt.keysPending.run();
              break;
            }
            case "raw":
              stmt.raw.run(r.hash, r.source, r.bytes.length, Buffer.from(r.bytes));
              break;
            case "reading":
              stmt.reading.run(
                r.reading.hash,
                r.reading.source,
                r.reading.name,
                r.reading.url,
                canonicalJson(r.reading.sidecars),
              );
              break;
            case "speaker":
              stmt.speaker.run(
                r.speaker.id,
                r.speaker.name,
                canonicalJson(r.speaker),
                r.edited ? 1 : 0,
                r.seq,
              );
              break;
            case "entity":
              stmt.entity.run(r.entity.id, r.entity.type, r.entity.name, JSON.stringify(r.entity.forms));
              break;
            case "enrichment":
              parts.enrichments.put(r.enrichment);
              break;
            case "link":
              stmt.link.run(
                r.link.a,
                r.link.b,
                r.link.method,
                r.link.confidence,
                JSON.stringify(r.link.reasons),
              );
              break;
            case "divergence":
              stmt.divergence.run(...divergenceParams(r.summary));
              break;
            case "page":
              stmt.page.run(...pageParams(r.page));
              break;
            case "capture":
              stmt.capture.run(...captureParams(r.capture));
              break;
            case "withdrawal":
              stmt.withdrawal.run(r.id, r.url, r.status, r.at);
              break;
            case "crawl":
              stmt.crawl.run(r.key, r.started, r.finished);
              break;
            case "queued":
              stmt.queued.run(r.key, r.url, r.depth, r.seq, r.done ? 1 : 0);
              break;
            case "correction": {
              const c = r.correction;
              fixes.addNumbered(c);
              corrected.add(c.documentId);
              break;
            }
            case "entityDecision":
              decisions.put(r.decision);
              break;
          }
        }
        parts.index.flush();
      });
      let batch: ArchiveRecord[] = [];
      for await (const r of records) {
        batch.push(r);
        if (batch.length >= PAGE) {
          write(batch);
          batch = [];
        }
      }
      write(batch);
      // The corrected records, once every version and correction is in.
      const current = db.prepare<[string], { version: number; body: string }>(
        "SELECT version, body FROM documents WHERE id = ? AND current = 1",
      );
      db.transaction(() => {
        for (const id of corrected) {
          const row = current.get(id);
          fixes.rebuild(
            row ? { document: JSON.parse(row.body) as Document, version: row.version } : null,
            id,
          );
        }
        parts.index.flush();
      })();
      parts.changed();
      return counts;
    },
  };
}
