/**
 * `verbatim copy` over PostgreSQL (store/transfer.ts): tables read out in pages as records, and
 * records written into an empty archive in transactions of a few hundred, the search tables,
 * vocabulary rebuilt and the current versions given their own keys as they arrive.
 */
import type pg from "pg";
import { VerbatimError } from "../../errors/catalog.js";
import type { Document } from "../../model/document.js";
import { displayText } from "../../model/index-text.js";
import type { Speaker } from "../../model/speaker.js";
import { canonicalJson, documentFingerprint } from "../fingerprint.js";
import {
  CAPTURE_COLUMNS,
  type CaptureDbRow,
  captureParams,
  DIVERGENCE_COLUMNS,
  type DivergenceRow,
  divergenceParams,
  PAGE_COLUMNS,
  type PageRow,
  pageParams,
  toCapture,
  toDivergence,
  toPage,
} from "../rows.js";
import type { ArchiveRecord, ArchiveRecordKind, ArchiveTransfer } from "../transfer.js";
import { bumpGeneration } from "./catalog-changes.js";
import { pgCorrections, toCorrection } from "./corrections.js";
import { one, type Queryable, rows, transaction } from "./db.js";
import { pgEnrichment } from "./enrichment.js";
import { pgEntityDecisions } from "./entity-decisions.js";
import { READING_INSERT_COLUMNS, readingValues } from "./readings.js";
import { applyIndexDelta, IndexDelta, putInIndex } from "./search-index.js";
import { pgVersionLinks } from "./version-links.js";

const PAGE = 500;

/** A row of a table whose columns the code below names; the schema types them. */
// biome-ignore lint/suspicious/noExplicitAny: columns of known tables, read by name below
type Row = Record<string, any>;

/** Text keys compare byte by byte, as SQLite compares them; numbers as numbers. */
const NUMERIC_KEYS = new Set(["version", "n", "seq"]);
/**
 * Rows of a table in pages, after the last key seen, so memory stays flat however large it is.
 * `numeric`: key columns that are numbers in this table (beyond version, n and seq everywhere).
 */
async function* paged(
  pool: pg.Pool,
  table: string,
  columns: string,
  key: string[],
  numeric: string[] = [],
): AsyncGenerator<Row> {
  const keyed = (k: string) => (NUMERIC_KEYS.has(k) || numeric.includes(k) ? k : `${k} COLLATE "C"`);
  const order = key.map(keyed).join(", ");
  let last: unknown[] | null = null;
  for (;;) {
    const where = last ? `WHERE (${order}) > (${key.map((_, i) => `$${i + 1}`).join(", ")})` : "";
    const found: Row[] = await rows<Row>(
      pool,
      `SELECT ${columns} FROM ${table} ${where} ORDER BY ${order} LIMIT ${PAGE}`,
      last ?? [],
    );
    if (found.length === 0) return;
    yield* found;
    const end = found[found.length - 1] as Row;
    last = key.map((k) => end[k]);
  }
}

export function pgTransfer(pool: pg.Pool, wrote: () => Promise<void>): ArchiveTransfer {
  return {
    async *exportRecords(): AsyncGenerator<ArchiveRecord> {
      for await (const r of paged(pool, "documents", "id, version, current, stored_at, body, keys", [
        "id",
        "version",
      ]))
        yield {
          kind: "version",
          document: JSON.parse(r.body) as Document,
          version: Number(r.version),
          current: r.current,
          storedAt: r.stored_at,
          keys: r.keys === null ? null : (JSON.parse(r.keys) as string[]),
        };
      for await (const r of paged(pool, "raw_inputs", "hash, source, bytes", ["hash"]))
        yield { kind: "raw", hash: r.hash, source: r.source, bytes: new Uint8Array(r.bytes) };
      for await (const r of paged(pool, "input_readings", "hash, source, name, url, sidecars", [
        "hash",
        "source",
      ]))
        yield {
          kind: "reading",
          reading: {
            hash: r.hash,
            source: r.source,
            name: r.name,
            url: r.url,
            sidecars: JSON.parse(r.sidecars),
          },
        };
      for await (const r of paged(pool, "speakers", "id, body, edited, seq", ["id"]))
        yield { kind: "speaker", speaker: JSON.parse(r.body) as Speaker, edited: r.edited, seq: r.seq };
      for await (const r of paged(pool, "entities", "id, type, name, forms", ["id"]))
        yield {
          kind: "entity",
          entity: { id: r.id, type: r.type, name: r.name, forms: JSON.parse(r.forms) },
        };
      for await (const r of paged(pool, "enrichment_state", "doc_id", ["doc_id"])) {
        // As computed on the extracted turns: the copy's corrections move it again.
        const enrichment = await pgCorrections.extractedEnrichment(pool, r.doc_id);
        if (enrichment) yield { kind: "enrichment", enrichment };
      }
      for await (const r of paged(pool, "version_links", "a, b, method, confidence, reasons", ["a", "b"]))
        yield {
          kind: "link",
          link: {
            a: r.a,
            b: r.b,
            method: r.method,
            confidence: r.confidence,
            reasons: JSON.parse(r.reasons),
          },
        };
      for await (const r of paged(pool, "divergence", "*", ["a", "b"]))
        yield { kind: "divergence", summary: toDivergence(r as DivergenceRow) };
      for await (const r of paged(pool, "pages", "*", ["url"]))
        yield { kind: "page", page: toPage(r as PageRow) };
      for await (const r of paged(pool, "captures", `n, ${CAPTURE_COLUMNS}`, ["n"]))
        yield { kind: "capture", capture: toCapture(r as CaptureDbRow) };
      for await (const r of paged(pool, "withdrawals", "*", ["doc_id"]))
        yield { kind: "withdrawal", id: r.doc_id, url: r.url, status: r.status, at: r.at };
      for await (const r of paged(pool, "crawl_runs", "*", ["key"]))
        yield { kind: "crawl", key: r.key, started: r.started, finished: r.finished };
      for await (const r of paged(pool, "crawl_queue", "key, url, depth, seq, done", ["key", "seq"]))
        yield { kind: "queued", key: r.key, url: r.url, depth: r.depth, seq: Number(r.seq), done: r.done };
      for await (const r of paged(pool, "corrections", "*", ["id"], ["id"]))
        yield { kind: "correction", correction: toCorrection(r as Parameters<typeof toCorrection>[0]) };
      for (const { seq: _seq, ...decision } of await pgEntityDecisions.all(pool))
        yield { kind: "entityDecision", decision };
    },

    async importRecords(records) {
      const held = await one<{ n: number }>(pool, "SELECT count(*) AS n FROM documents");
      if ((held?.n ?? 0) > 0) throw new VerbatimError("COPY_TARGET_NOT_EMPTY", { documents: held?.n });
      const counts: Partial<Record<ArchiveRecordKind, number>> = {};
      const write = (batch: ArchiveRecord[]) =>
        transaction(pool, async (db) => {
          const delta = new IndexDelta();
          for (const r of batch) {
            counts[r.kind] = (counts[r.kind] ?? 0) + 1;
            await importRecord(db, r, delta);
          }
          await bumpGeneration(db);
          await applyIndexDelta(db, delta);
        });
      let batch: ArchiveRecord[] = [];
      for await (const r of records) {
        batch.push(r);
        if (batch.length >= PAGE) {
          await write(batch);
          batch = [];
        }
      }
      await write(batch);
      // The corrected records, once every version and correction is in; new corrections number on.
      await transaction(pool, async (db) => {
        await db.query(
          "SELECT setval(pg_get_serial_sequence('corrections', 'id'), GREATEST((SELECT max(id) FROM corrections), 1))",
        );
        const ids = await rows<{ doc_id: string }>(db, "SELECT DISTINCT doc_id FROM corrections");
        const delta = new IndexDelta();
        for (const { doc_id } of ids) await pgCorrections.rebuildCurrent(db, doc_id, delta);
        await bumpGeneration(db);
        await applyIndexDelta(db, delta);
      });
      await wrote();
      return counts;
    },
  };
}

async function importRecord(db: Queryable, r: ArchiveRecord, delta: IndexDelta): Promise<void> {
  switch (r.kind) {
    case "version": {
      const d = r.document;
      await db.query(
        `INSERT INTO documents (id, version, current, fingerprint, content_hash, publisher, language, kind, date, title, stored_at, body, keys, ${READING_INSERT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          d.id,
          r.version,
          r.current,
          documentFingerprint(d),
          d.provenance.contentHash,
          d.publisher,
          d.language,
          d.kind,
          d.when.date,
          displayText(d.title),
          r.storedAt,
          JSON.stringify(d),
          r.keys === null ? null : JSON.stringify(r.keys),
          ...readingValues(d),
        ],
      );
      if (r.current) {
        await putInIndex(db, d, delta, true);
        await pgVersionLinks.putKeys(db, d.id, r.keys ?? []);
      }
      // Versions the original never keyed are keyed by the archive opener, as there.
      if (r.keys === null)
        await db.query("INSERT INTO pending_work (name) VALUES ('version-keys') ON CONFLICT DO NOTHING");
      return;
    }
    case "raw":
      await db.query(
        "INSERT INTO raw_inputs (hash, source, byte_length, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO NOTHING",
        [r.hash, r.source, r.bytes.length, Buffer.from(r.bytes)],
      );
      return;
    case "reading":
      await db.query(
        `INSERT INTO input_readings (hash, source, name, url, sidecars) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (hash, source) DO UPDATE SET name = excluded.name, url = excluded.url, sidecars = excluded.sidecars`,
        [r.reading.hash, r.reading.source, r.reading.name, r.reading.url, canonicalJson(r.reading.sidecars)],
      );
      return;
    case "speaker":
      await db.query(
        `INSERT INTO speakers (id, name, body, edited, seq) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body, edited = excluded.edited, seq = excluded.seq`,
        [r.speaker.id, r.speaker.name, canonicalJson(r.speaker), r.edited, r.seq],
      );
      return;
    case "entity":
      await db.query(
        "INSERT INTO entities (id, type, name, forms) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING",
        [r.entity.id, r.entity.type, r.entity.name, JSON.stringify(r.entity.forms)],
      );
      return;
    case "enrichment":
      await pgEnrichment.put(db, r.enrichment);
      return;
    case "link":
      await db.query(
        `INSERT INTO version_links (a, b, method, confidence, reasons) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (a, b) DO UPDATE SET method = excluded.method, confidence = excluded.confidence, reasons = excluded.reasons`,
        [r.link.a, r.link.b, r.link.method, r.link.confidence, JSON.stringify(r.link.reasons)],
      );
      return;
    case "divergence":
      await db.query(
        `INSERT INTO divergence (${DIVERGENCE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (a, b) DO NOTHING`,
        divergenceParams(r.summary),
      );
      return;
    case "page":
      await db.query(
        `INSERT INTO pages (${PAGE_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT (url) DO NOTHING`,
        pageParams(r.page),
      );
      return;
    case "capture":
      await db.query(
        `INSERT INTO captures (${CAPTURE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        captureParams(r.capture),
      );
      return;
    case "correction": {
      await pgCorrections.addNumbered(db, r.correction);
      break;
    }
    case "entityDecision":
      await pgEntityDecisions.put(db, r.decision);
      return;
    case "withdrawal":
      await db.query(
        "INSERT INTO withdrawals (doc_id, url, status, at) VALUES ($1, $2, $3, $4) ON CONFLICT (doc_id) DO NOTHING",
        [r.id, r.url, r.status, r.at],
      );
      return;
    case "crawl":
      await db.query(
        "INSERT INTO crawl_runs (key, started, finished) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING",
        [r.key, r.started, r.finished],
      );
      return;
    case "queued":
      await db.query(
        "INSERT INTO crawl_queue (key, url, depth, seq, done) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key, url) DO NOTHING",
        [r.key, r.url, r.depth, r.seq, r.done],
      );
      return;
  }
}
