/**
 * The PostgreSQL backend (the `pg` driver), for servers: several `verbatim serve` processes and
 * several ingests share one database. A batch is one transaction; the documents it touches are
 * locked (transaction-scoped advisory locks, taken in id order) so two writers never interleave
 * their versions of one document; every write bumps `archive_state.generation`, which is what
 * every process's search cache keys on. The backend gives the search engine its text index
 * (`textIndex`, text-index.ts); the engine is added outside the store (search/engine/with-search.ts).
 */
import pg from "pg";
import { VerbatimError } from "../../errors/catalog.js";
import type { Correction, NewCorrection } from "../../model/corrections.js";
import type { Document } from "../../model/document.js";
import type { Enrichment } from "../../model/enrichment.js";
import { type Entity, FOUND_PREFIX } from "../../model/entity.js";
import type {
  FoundEntitySummary,
  NewEntityDecision,
  StoredEntityDecision,
} from "../../model/entity-curation.js";
import { displayText } from "../../model/index-text.js";
import type { Speaker } from "../../model/speaker.js";
import { chooseCurrent, readingOf, repeatedReading } from "../../model/version-order.js";
import { canonicalJson, documentFingerprint } from "../fingerprint.js";
import { versionInfos } from "../rows.js";
import type {
  BatchItem,
  DivergenceSummary,
  DivergentOptions,
  DivergentPair,
  DocumentSummary,
  DocumentView,
  FoundEntityOptions,
  InputReading,
  LanguageVersion,
  ListOptions,
  PendingWork,
  PutResult,
  RawBlob,
  StoreBackend,
  StoreCapabilities,
  StoreCounts,
  StoredDocument,
  StoredVersionLink,
  VersionConflict,
  VersionInfo,
  VersionKeys,
} from "../store.js";
import type { ArchiveTransfer } from "../transfer.js";
import { bumpGeneration } from "./catalog-changes.js";
import { pgCorrections } from "./corrections.js";
import { one, type Queryable, rows, transaction } from "./db.js";
import { DOCUMENT_READ, type DocumentRow, readDocumentView, toStoredDocument } from "./document-view.js";
import { pgEnrichment } from "./enrichment.js";
import { pgEntityDecisions } from "./entity-decisions.js";
import { type PgFetchLog, pgFetchLog } from "./fetch-log.js";
import {
  READING_COLUMNS,
  READING_INSERT_COLUMNS,
  type ReadingRow,
  readingValues,
  type StoredReading,
  toReadings,
} from "./readings.js";
import { ReadRouter } from "./replicas.js";
import { migrate, PG_SCHEMA_VERSION } from "./schema.js";
import { applyIndexDelta, IndexDelta, putInIndex, removeFromIndex } from "./search-index.js";
import { PgTextIndex } from "./text-index.js";
import { pgTransfer } from "./transfer.js";
import { pgVersionLinks } from "./version-links.js";

export interface PgStoreOptions {
  /** postgres:// or postgresql:// URL of the primary. */
  url: string;
  /** Streaming replicas that take reads (replicas.ts: a writer never reads behind its own writes). */
  replicas?: string[];
  /**
   * Make the archive's tables when the database has none. Only commands that add documents do: a
   * reading command pointed at the wrong database is STORE_NOT_FOUND, not a new empty archive.
   */
  create?: boolean;
  /** Connections in the pool. */
  maxConnections?: number;
  /**
   * The aligner whose divergence summaries are current (align's ALIGNMENT_VERSION, given by the
   * archive opener); summaries measured by another read as unmeasured. Without it every one counts.
   */
  alignmentVersion?: number;
}

/** Passwords never reach a message: the URL is shown without them. */
export const redactUrl = (url: string) => url.replace(/\/\/([^:/@]+):[^@/]*@/, "//$1:***@");

export class PgStore implements StoreBackend {
  readonly capabilities: StoreCapabilities = {
    atomicBatches: true,
    rawInputs: true,
    fullTextSearch: true,
    concurrentReaders: true,
  };
  readonly fetchLog: PgFetchLog;
  readonly transfer: ArchiveTransfer;
  readonly textIndex: PgTextIndex;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly router: ReadRouter,
    private readonly alignmentVersion: number | null,
  ) {
    this.textIndex = new PgTextIndex(() => router.reader());
    this.fetchLog = pgFetchLog(pool, async () => {
      await pool.query("UPDATE archive_state SET generation = generation + 1");
    });
    this.transfer = pgTransfer(pool, () => router.wrote());
  }

  /** Connects and brings the schema up to date; a database migrated by a newer Verbatim is refused. */
  static async open(options: PgStoreOptions): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle client's error (the server restarting) must not crash the process; the next query reports it.
    pool.on("error", () => {});
    try {
      const client = await pool.connect();
      try {
        if (options.create === false) {
          const held = await client.query("SELECT to_regclass('verbatim_meta') IS NOT NULL AS held");
          if (!(held.rows[0] as { held: boolean }).held)
            throw new VerbatimError("STORE_NOT_FOUND", { path: redactUrl(options.url) });
        }
        const { found } = await migrate(client);
        if (found > PG_SCHEMA_VERSION)
          throw new VerbatimError("STORE_SCHEMA_TOO_NEW", { found, known: PG_SCHEMA_VERSION });
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => {});
      if (error instanceof VerbatimError) throw error;
      throw new VerbatimError("STORE_UNAVAILABLE", {
        location: redactUrl(options.url),
        reason: (error as Error).message,
      });
    }
    return new PgStore(
      pool,
      new ReadRouter(pool, options.replicas ?? [], options.maxConnections ?? 10),
      options.alignmentVersion ?? null,
    );
  }

  private async readings(db: Queryable, id: string): Promise<StoredReading[]> {
    return toReadings(
      await rows<ReadingRow>(db, `SELECT ${READING_COLUMNS} FROM documents WHERE id = $1 ORDER BY version`, [
        id,
      ]),
    );
  }

  /** As SqliteStore.putDocument: store a reading unless it repeats one, then crown the version the order says. */
  private async putDocument(
    db: Queryable,
    doc: Document,
    keys: readonly string[],
    storedAt: string,
    delta: IndexDelta,
  ): Promise<{ result: PutResult; current: boolean }> {
    const stored = await this.readings(db, doc.id);
    const before = stored.find((s) => s.row.current)?.reading.version;
    const incoming = readingOf(doc, (stored.at(-1)?.reading.version ?? 0) + 1, documentFingerprint(doc));
    const readings = stored.map((s) => s.reading);
    const repeated = repeatedReading(incoming, readings);
    if (!repeated) {
      readings.push(incoming);
      await db.query(
        `INSERT INTO documents (id, version, current, fingerprint, content_hash, publisher, language, kind, date, title, stored_at, body, keys, ${READING_INSERT_COLUMNS})
         VALUES ($1, $2, false, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          doc.id,
          incoming.version,
          incoming.fingerprint,
          doc.provenance.contentHash,
          doc.publisher,
          doc.language,
          doc.kind,
          doc.when.date,
          displayText(doc.title),
          storedAt,
          JSON.stringify(doc),
          JSON.stringify(keys),
          ...readingValues(doc),
        ],
      );
    }
    const { current, conflicts } = chooseCurrent(readings);
    if (current.version !== before) {
      await db.query("UPDATE documents SET current = false WHERE id = $1 AND current", [doc.id]);
      await db.query("UPDATE documents SET current = true WHERE id = $1 AND version = $2", [
        doc.id,
        current.version,
      ]);
      const body =
        current === incoming ? doc : ((await this.extractedOn(db, doc.id, current.version)) ?? doc);
      await putInIndex(db, body, delta);
      // The new current version brings its own keys; one stored before versions kept them has none
      // until the archive opener gives them (PendingWork "version-keys").
      const row = stored.find((s) => s.reading.version === current.version)?.row;
      const currentKeys = current === incoming ? keys : row?.keys ? (JSON.parse(row.keys) as string[]) : [];
      await pgVersionLinks.putKeys(db, doc.id, currentKeys);
      if (before !== undefined) {
        await pgEnrichment.clear(db, doc.id);
        await pgVersionLinks.forget(db, doc.id, false);
      }
      // Editors' corrections go on top of whichever version is current now, where they still apply.
      await pgCorrections.rebuild(db, { document: body, version: current.version }, doc.id, delta);
    }
    const version = repeated?.version ?? incoming.version;
    const status = repeated ? "unchanged" : stored.length > 0 ? "versioned" : "inserted";
    const result: PutResult = { id: doc.id, version, status };
    if (conflicts.length > 0) result.conflicts = conflicts;
    return { result, current: version === current.version };
  }

  /** A write in one transaction; once it commits, reads wait for replicas to catch up with it. */
  private async write<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    const result = await transaction(this.pool, work);
    await this.router.wrote();
    return result;
  }

  /**
   * Every write ends here: the state every search cache keys on, whose row lock also makes writers
   * take turns from here to their commit, then the vocabulary's counts and the postings.
   */
  private async finishWrite(db: Queryable, delta: IndexDelta | null): Promise<void> {
    await bumpGeneration(db);
    if (delta) await applyIndexDelta(db, delta);
  }

  async putBatch(items: BatchItem[]): Promise<PutResult[][]> {
    const storedAt = new Date().toISOString();
    const ids = [...new Set(items.flatMap((i) => i.documents.map((d) => d.id)))].sort();
    return this.write(async (db) => {
      // One writer per document at a time, locks taken in one order by every writer.
      for (const id of ids) await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [id]);
      const delta = new IndexDelta();
      const results: PutResult[][] = [];
      for (const item of items) {
        if (item.raw) {
          await db.query(
            "INSERT INTO raw_inputs (hash, source, byte_length, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO NOTHING",
            [item.raw.hash, item.raw.source, item.raw.bytes.length, Buffer.from(item.raw.bytes)],
          );
          const reading = item.raw.reading;
          if (reading)
            await db.query(
              `INSERT INTO input_readings (hash, source, name, url, sidecars) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (hash, source) DO UPDATE SET name = excluded.name, url = excluded.url, sidecars = excluded.sidecars`,
              [item.raw.hash, item.raw.source, reading.name, reading.url, canonicalJson(reading.sidecars)],
            );
        }
        if (item.fetched) await this.fetchLog.recordFetched(db, item.fetched.page, item.fetched.queue);
        const out: PutResult[] = [];
        for (const [i, doc] of item.documents.entries()) {
          const keys = item.versionKeys?.[i] ?? [];
          const { result, current } = await this.putDocument(db, doc, keys, storedAt, delta);
          // An enrichment belongs to the text it was computed on: only the current version's is kept.
          const enrichment = item.enrichments?.[i];
          if (
            enrichment &&
            current &&
            (result.status !== "unchanged" || (await this.enrichmentStale(db, doc.id, enrichment.version)))
          )
            await pgCorrections.putEnrichment(db, enrichment);
          out.push(result);
        }
        results.push(out);
      }
      await this.finishWrite(db, delta);
      return results;
    });
  }

  private async enrichmentStale(db: Queryable, id: string, version: number): Promise<boolean> {
    const row = await one<{ version: number }>(db, "SELECT version FROM enrichment_state WHERE doc_id = $1", [
      id,
    ]);
    return !row || row.version < version;
  }

  private async getOn(db: Queryable, id: string, version?: number): Promise<StoredDocument | null> {
    const row =
      version === undefined
        ? await one<DocumentRow>(db, `${DOCUMENT_READ} WHERE d.id = $1 AND d.current`, [id])
        : await one<DocumentRow>(db, `${DOCUMENT_READ} WHERE d.id = $1 AND d.version = $2`, [id, version]);
    return row ? toStoredDocument(row) : null;
  }

  /** A version as extraction made it, without corrections. */
  private async extractedOn(db: Queryable, id: string, version: number): Promise<Document | null> {
    const row = await one<{ body: string }>(db, "SELECT body FROM documents WHERE id = $1 AND version = $2", [
      id,
      version,
    ]);
    return row ? (JSON.parse(row.body) as Document) : null;
  }

  async putCorrection(correction: NewCorrection): Promise<Correction> {
    return this.write(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [correction.documentId]);
      const made = await pgCorrections.add(db, correction);
      const delta = new IndexDelta();
      await pgCorrections.rebuildCurrent(db, correction.documentId, delta);
      await this.finishWrite(db, delta);
      return made;
    });
  }

  async undoCorrection(id: number, by: string, at: string): Promise<Correction | null> {
    return this.write(async (db) => {
      const undone = await pgCorrections.undo(db, id, by, at);
      const delta = new IndexDelta();
      if (undone) {
        await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [undone.documentId]);
        await pgCorrections.rebuildCurrent(db, undone.documentId, delta);
      }
      await this.finishWrite(db, delta);
      return undone;
    });
  }

  async corrections(documentId: string): Promise<Correction[]> {
    return pgCorrections.of(await this.router.reader(), documentId);
  }

  async get(id: string, version?: number): Promise<StoredDocument | null> {
    return this.getOn(await this.router.reader(), id, version);
  }

  async documentView(id: string, version?: number): Promise<DocumentView | null> {
    return readDocumentView(await this.router.reader(), id, version, this.alignmentVersion);
  }

  async versions(id: string): Promise<VersionInfo[]> {
    return versionInfos(await this.readings(await this.router.reader(), id));
  }

  async *list(options: ListOptions = {}): AsyncGenerator<Document> {
    const pageSize = 500;
    let after = options.after ?? "";
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    const read = options.extracted ? "SELECT d.id, d.body FROM documents d" : DOCUMENT_READ;
    const only = options.ids ? " AND d.id = ANY($3::text[])" : "";
    const ids = options.ids ? [[...options.ids]] : [];
    while (remaining > 0) {
      const n = Math.min(pageSize, remaining);
      const found = options.publisher
        ? await rows<{ id: string; body: string }>(
            await this.router.reader(),
            `${read} WHERE d.current AND d.id COLLATE "C" > $1 AND d.publisher = $2${only.replace("$3", "$4")}
             ORDER BY d.id COLLATE "C" LIMIT $3`,
            [after, options.publisher, n, ...ids],
          )
        : await rows<{ id: string; body: string }>(
            await this.router.reader(),
            `${read} WHERE d.current AND d.id COLLATE "C" > $1${only} ORDER BY d.id COLLATE "C" LIMIT $2`,
            [after, n, ...ids],
          );
      if (found.length === 0) return;
      for (const row of found) yield JSON.parse(row.body) as Document;
      remaining -= found.length;
      after = found[found.length - 1]?.id ?? after;
    }
  }

  async delete(id: string): Promise<boolean> {
    return this.write(async (db) => {
      await db.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [id]);
      const delta = new IndexDelta();
      await pgEnrichment.clear(db, id);
      await pgVersionLinks.forget(db, id, true);
      await removeFromIndex(db, id, delta);
      await pgCorrections.forget(db, id);
      const removed = (await db.query("DELETE FROM documents WHERE id = $1", [id])).rowCount ?? 0;
      await this.finishWrite(db, delta);
      return removed > 0;
    });
  }

  async putEnrichment(enrichment: Enrichment): Promise<void> {
    await this.write(async (db) => {
      await pgCorrections.putEnrichment(db, enrichment);
      await this.finishWrite(db, null);
    });
  }

  async getEnrichment(id: string): Promise<Enrichment | null> {
    return pgEnrichment.get(await this.router.reader(), id);
  }

  async putEntities(entities: Entity[]): Promise<void> {
    await this.write(async (db) => {
      // The gazetteer's entities are replaced; those found in documents stay, their mentions still name them.
      // ...and so do those editors' decisions point at (a Wikidata item, a promoted entity).
      await db.query(
        "DELETE FROM entities WHERE id NOT LIKE $1 AND id NOT IN (SELECT target FROM entity_decisions WHERE target IS NOT NULL)",
        [`${FOUND_PREFIX}%`],
      );
      if (entities.length)
        await db.query(
          `INSERT INTO entities (id, type, name, forms) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
           ON CONFLICT (id) DO UPDATE SET type = excluded.type, name = excluded.name, forms = excluded.forms`,
          [
            entities.map((e) => e.id),
            entities.map((e) => e.type),
            entities.map((e) => e.name),
            entities.map((e) => JSON.stringify(e.forms)),
          ],
        );
      await this.finishWrite(db, null);
    });
  }

  async putEntityDecision(decision: NewEntityDecision): Promise<StoredEntityDecision> {
    return this.write(async (db) => {
      const stored = await pgEntityDecisions.put(db, decision);
      await this.finishWrite(db, null);
      return stored;
    });
  }

  async entityDecisions(): Promise<StoredEntityDecision[]> {
    return pgEntityDecisions.all(await this.router.reader());
  }

  async foundEntities(
    options: FoundEntityOptions,
  ): Promise<{ total: number; entities: FoundEntitySummary[] }> {
    return pgEntityDecisions.found(await this.router.reader(), options);
  }

  async documentsMentioning(entityId: string, limit: number): Promise<string[]> {
    return pgEntityDecisions.mentioning(await this.router.reader(), entityId, limit);
  }

  async getEntity(id: string): Promise<Entity | null> {
    const row = await one<{ id: string; type: string; name: string; forms: string }>(
      await this.router.reader(),
      "SELECT id, type, name, forms FROM entities WHERE id = $1",
      [id],
    );
    return row
      ? { id: row.id, type: row.type as Entity["type"], name: row.name, forms: JSON.parse(row.forms) }
      : null;
  }

  async getRaw(hash: string): Promise<Uint8Array | null> {
    const row = await one<{ bytes: Buffer }>(
      await this.router.reader(),
      "SELECT bytes FROM raw_inputs WHERE hash = $1",
      [hash],
    );
    return row ? new Uint8Array(row.bytes) : null;
  }

  async *listRaw(): AsyncGenerator<RawBlob> {
    let after = "";
    for (;;) {
      const found = await rows<{ hash: string; source: string; bytes: Buffer }>(
        await this.router.reader(),
        `SELECT hash, source, bytes FROM raw_inputs WHERE hash COLLATE "C" > $1 ORDER BY hash COLLATE "C" LIMIT 200`,
        [after],
      );
      if (found.length === 0) return;
      for (const row of found) yield { hash: row.hash, source: row.source, bytes: new Uint8Array(row.bytes) };
      after = found[found.length - 1]?.hash ?? after;
    }
  }

  async inputReading(hash: string, source: string): Promise<InputReading | null> {
    const row = await one<{
      hash: string;
      source: string;
      name: string;
      url: string | null;
      sidecars: string;
    }>(
      await this.router.reader(),
      "SELECT hash, source, name, url, sidecars FROM input_readings WHERE hash = $1 AND source = $2",
      [hash, source],
    );
    return row ? { ...row, sidecars: JSON.parse(row.sidecars) as Record<string, string> } : null;
  }

  async putSpeakers(speakers: Speaker[]): Promise<void> {
    await this.write(async (db) => {
      await db.query("LOCK TABLE speakers IN SHARE ROW EXCLUSIVE MODE");
      // A speaker added by hand comes after those already known; one edited keeps its place.
      for (const s of speakers)
        await db.query(
          `INSERT INTO speakers (id, name, body, edited, seq)
           VALUES ($1, $2, $3, true, (SELECT COALESCE(MAX(seq), -1) + 1 FROM speakers))
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, body = excluded.body, edited = true`,
          [s.id, s.name, canonicalJson(s)],
        );
      await this.finishWrite(db, null);
    });
  }

  async seedSpeakers(speakers: Speaker[]): Promise<number> {
    return this.write(async (db) => {
      await db.query("LOCK TABLE speakers IN SHARE ROW EXCLUSIVE MODE");
      let changed = 0;
      for (const [i, s] of speakers.entries()) {
        // A seed never touches a speaker edited by hand; every speaker in the file takes the file's place.
        const result = await db.query(
          `INSERT INTO speakers AS sp (id, name, body, edited, seq) VALUES ($1, $2, $3, false, $4)
           ON CONFLICT (id) DO UPDATE SET
             name = CASE WHEN sp.edited THEN sp.name ELSE excluded.name END,
             body = CASE WHEN sp.edited THEN sp.body ELSE excluded.body END,
             seq = excluded.seq
           WHERE sp.seq IS DISTINCT FROM excluded.seq OR (NOT sp.edited AND sp.body != excluded.body)`,
          [s.id, s.name, canonicalJson(s), i],
        );
        changed += result.rowCount ?? 0;
      }
      // Every `serve` and `ingest` seeds on start: a seed that changed nothing must not make every
      // other process over this archive drop its caches and reload its catalog.
      if (changed > 0) await this.finishWrite(db, null);
      return changed;
    });
  }

  async listSpeakers(): Promise<Speaker[]> {
    return (
      await rows<{ body: string }>(
        await this.router.reader(),
        `SELECT body FROM speakers ORDER BY seq IS NULL, seq, id COLLATE "C"`,
      )
    ).map((r) => JSON.parse(r.body) as Speaker);
  }

  async getSpeaker(id: string): Promise<Speaker | null> {
    const row = await one<{ body: string }>(
      await this.router.reader(),
      "SELECT body FROM speakers WHERE id = $1",
      [id],
    );
    return row ? (JSON.parse(row.body) as Speaker) : null;
  }

  async counts(): Promise<StoreCounts> {
    const row = (await one<StoreCounts>(
      await this.router.reader(),
      `SELECT (SELECT count(*) FROM documents WHERE current) AS documents,
              (SELECT count(*) FROM documents) AS versions,
              (SELECT count(*) FROM turns) AS turns,
              (SELECT count(*) FROM raw_inputs) AS "rawInputs",
              (SELECT count(*) FROM speakers) AS speakers`,
    )) as StoreCounts;
    return row;
  }

  async recent(limit: number): Promise<DocumentSummary[]> {
    return rows<DocumentSummary>(
      await this.router.reader(),
      `SELECT id, title, date, publisher, language, kind FROM doc_index
       ORDER BY date COLLATE "C" DESC NULLS LAST, id COLLATE "C" LIMIT $1`,
      [Math.max(0, Math.min(1000, limit))],
    );
  }

  async languageVersions(id: string): Promise<LanguageVersion[]> {
    return pgVersionLinks.versions(await this.router.reader(), id, this.alignmentVersion);
  }

  async putVersionLink(link: StoredVersionLink): Promise<void> {
    await this.write(async (db) => {
      await pgVersionLinks.putLink(db, link);
      await this.finishWrite(db, null);
    });
  }

  async versionCandidates(id: string, days: number): Promise<DocumentSummary[]> {
    return pgVersionLinks.candidates(await this.router.reader(), id, days);
  }

  async putVersionKeys(entries: VersionKeys[]): Promise<void> {
    await this.write(async (db) => {
      for (const e of entries) {
        const row = await one<{ current: boolean }>(
          db,
          "UPDATE documents SET keys = $1 WHERE id = $2 AND version = $3 RETURNING current",
          [JSON.stringify(e.keys), e.id, e.version],
        );
        if (row?.current) await pgVersionLinks.putKeys(db, e.id, e.keys);
      }
    });
  }

  async pendingWork(): Promise<PendingWork[]> {
    return (await rows<{ name: string }>(this.pool, "SELECT name FROM pending_work")).map(
      (r) => r.name as PendingWork,
    );
  }

  async finishWork(work: PendingWork): Promise<void> {
    await this.pool.query("DELETE FROM pending_work WHERE name = $1", [work]);
  }

  async keyPartners(id: string): Promise<string[]> {
    return pgVersionLinks.keyPartners(await this.router.reader(), id);
  }

  async versionConflicts(options: { id?: string; limit?: number } = {}): Promise<VersionConflict[]> {
    return pgVersionLinks.conflicts(await this.router.reader(), options);
  }

  async putDivergence(summary: DivergenceSummary): Promise<void> {
    await this.write((db) => pgVersionLinks.putDivergence(db, summary));
  }

  async divergentPairs(limit: number, options: DivergentOptions = {}): Promise<DivergentPair[]> {
    return pgVersionLinks.divergent(await this.router.reader(), limit, options, this.alignmentVersion);
  }

  async publishers(): Promise<{ publisher: string; count: number }[]> {
    return rows<{ publisher: string; count: number }>(
      await this.router.reader(),
      `SELECT publisher, count(*)::int AS count FROM doc_index GROUP BY publisher ORDER BY count DESC, publisher COLLATE "C"`,
    );
  }

  async close(): Promise<void> {
    await this.router.end();
    await this.pool.end();
  }
}
