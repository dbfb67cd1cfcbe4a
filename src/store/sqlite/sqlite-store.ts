/**
 * The embedded SQLite backend (better-sqlite3). WAL journaling and one transaction per batch:
 * a kill mid-ingest leaves the archive as it was after the last committed batch.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
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
import type { Speaker } from "../../model/speaker.js";
import { chooseCurrent, type Reading, readingOf, repeatedReading } from "../../model/version-order.js";
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
import { type SqliteCorrections, sqliteCorrections } from "./corrections.js";
import { type EnrichmentIndex, enrichmentIndex } from "./enrichment-index.js";
import { sqliteEntityDecisions } from "./entity-decisions.js";
import { type SqliteFetchLog, sqliteFetchLog } from "./fetch-log.js";
import { rowCounts } from "./row-counts.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./schema.js";
import { type SearchIndexWriter, searchIndexWriter } from "./search-index.js";
import { SqliteTextIndex } from "./sqlite-text-index.js";
import { sqliteTransfer } from "./transfer.js";
import { type VersionLinks, versionLinks } from "./version-links.js";

interface ReadingRow {
  version: number;
  current: number;
  fingerprint: string;
  content_hash: string;
  title: string;
  stored_at: string;
  /** JSON array: source, readAt, date, time, dateTime. */
  meta: string;
  /** JSON array of the version's keys; null for a version stored before versions kept them. */
  keys: string | null;
}

interface DocumentRow {
  id: string;
  version: number;
  current: number;
  stored_at: string;
  body: string;
  /** When corrections touch the version (corrected.applied / .stale, JSON). */
  applied?: string | null;
  stale?: string | null;
}

/** The version with its corrected record, when it has one (only the current version can). */
const DOCUMENT_READ = `SELECT d.id, d.version, d.current, d.stored_at, COALESCE(c.body, d.body) AS body, c.applied, c.stale
  FROM documents d LEFT JOIN corrected c ON c.doc_id = d.id AND c.version = d.version AND d.current = 1`;

function migrate(db: Database.Database): void {
  const found = db.pragma("user_version", { simple: true }) as number;
  if (found > SCHEMA_VERSION) {
    db.close();
    throw new VerbatimError("STORE_SCHEMA_TOO_NEW", { found, known: SCHEMA_VERSION });
  }
  for (let v = found; v < SCHEMA_VERSION; v++) {
    const migration = MIGRATIONS[v];
    db.transaction(() => {
      if (typeof migration === "function") migration(db);
      else db.exec(migration as string);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export interface SqliteStoreOptions {
  /** File path, or ":memory:" for a throwaway archive. */
  path: string;
  readonly?: boolean;
  /** Create the file and its folder when missing (the default); otherwise a missing file is STORE_NOT_FOUND. */
  create?: boolean;
  /**
   * The aligner whose divergence summaries are current (align's ALIGNMENT_VERSION, given by the
   * archive opener); summaries measured by another read as unmeasured. Without it every one counts.
   */
  alignmentVersion?: number;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * SQLite's page cache per connection, in KiB. Its default (2 MB) is smaller than one batch of
 * ingested speeches touches across the turns, mentions and full-text B-trees, which then go back
 * to the file for pages they just wrote: the UN speeches ingested in 65 s instead of 69 s, with a
 * third less system time. It fills only as far as it is used.
 */
const PAGE_CACHE_KB = 65_536;

/**
 * Pages the write-ahead log may hold before a commit copies them into the file (SQLite's default
 * is 1,000, 4 MB). A batch of ingested speeches writes more than that, so every commit also
 * checkpointed, copying again the pages each batch rewrites (the index's inner pages, the
 * full-text segments). At 20,000 (80 MB) the UN speeches ingested in 65.6 and 56.6 s against
 * 74.6 and 67.5 s, runs alternated. The log is copied in and removed when the archive closes.
 */
const WAL_CHECKPOINT_PAGES = 20_000;

export class SqliteStore implements StoreBackend {
  readonly capabilities: StoreCapabilities = {
    atomicBatches: true,
    rawInputs: true,
    fullTextSearch: true,
    concurrentReaders: true,
  };
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly index: SearchIndexWriter;
  readonly textIndex: SqliteTextIndex;
  private readonly enrichments: EnrichmentIndex;
  private readonly links: VersionLinks;
  private readonly fixes: SqliteCorrections;
  private readonly decisions: ReturnType<typeof sqliteEntityDecisions>;
  readonly fetchLog: SqliteFetchLog;
  readonly transfer: ArchiveTransfer;
  /** Bumped on every write by this connection, so search caches know when to reload. */
  private generation = 0;

  constructor(options: SqliteStoreOptions) {
    const create = (options.create ?? true) && !options.readonly;
    if (options.path !== ":memory:") {
      if (create) mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
      else if (!isFile(options.path)) throw new VerbatimError("STORE_NOT_FOUND", { path: options.path });
    }
    this.db = new Database(options.path, { readonly: options.readonly ?? false, fileMustExist: !create });
    try {
      if (!options.readonly) {
        this.db.pragma("journal_mode = WAL");
        this.db.pragma("synchronous = NORMAL");
        this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
        migrate(this.db);
      } else {
        const found = this.db.pragma("user_version", { simple: true }) as number;
        if (found > SCHEMA_VERSION) {
          this.db.close();
          throw new VerbatimError("STORE_SCHEMA_TOO_NEW", { found, known: SCHEMA_VERSION });
        }
      }
    } catch (error) {
      if (this.db.open) this.db.close();
      // A file that is not SQLite at all (a mistyped --db naming some other file) is the user's mistake.
      if ((error as { code?: string }).code === "SQLITE_NOTADB")
        throw new VerbatimError("STORE_INVALID", { path: options.path, reason: (error as Error).message });
      throw error;
    }
    this.db.pragma("foreign_keys = ON");
    this.db.pragma(`cache_size = -${PAGE_CACHE_KB}`);
    const db = this.db;
    this.index = options.readonly
      ? {
          put: () => {},
          putTurns: () => {},
          remove: () => {},
          touch: () => {},
          touchEverything: () => {},
          flush: () => {},
          discard: () => {},
        }
      : searchIndexWriter(db);
    this.textIndex = new SqliteTextIndex(db, () => this.generation);
    this.enrichments = enrichmentIndex(db, this.index);
    this.links = versionLinks(db, options.alignmentVersion ?? null);
    this.fixes = sqliteCorrections(db, { index: this.index, enrichments: this.enrichments });
    this.decisions = sqliteEntityDecisions(db);
    this.fetchLog = sqliteFetchLog(db, () => {
      this.generation++;
    });
    this.transfer = sqliteTransfer(db, {
      index: this.index,
      links: this.links,
      enrichments: this.enrichments,
      fixes: this.fixes,
      changed: () => {
        this.generation++;
      },
    });
    this.stmt = {
      // What the version order (model/version-order.ts) needs of every stored version, read in one pass.
      readings: db.prepare<[string], ReadingRow>(
        `SELECT version, current, fingerprint, content_hash, title, stored_at, keys,
           json_extract(body, '$.provenance.source', '$.provenance.readAt', '$.when.date', '$.when.time', '$.when.dateTime') AS meta
         FROM documents WHERE id = ? ORDER BY version`,
      ),
      retire: db.prepare<[string]>("UPDATE documents SET current = 0 WHERE id = ? AND current = 1"),
      crown: db.prepare<[string, number]>("UPDATE documents SET current = 1 WHERE id = ? AND version = ?"),
      insertDoc: db.prepare(
        `INSERT INTO documents (id, version, current, fingerprint, content_hash, publisher, language, kind, date, title, stored_at, body, keys)
         VALUES (@id, @version, @current, @fingerprint, @contentHash, @publisher, @language, @kind, @date, @title, @storedAt, @body, @keys)`,
      ),
      setKeys: db.prepare<[string, string, number], { current: number }>(
        "UPDATE documents SET keys = ? WHERE id = ? AND version = ? RETURNING current",
      ),
      pendingWork: db.prepare<[], { name: string }>("SELECT name FROM pending_work"),
      finishWork: db.prepare<[string]>("DELETE FROM pending_work WHERE name = ?"),
      insertRaw: db.prepare(
        "INSERT OR IGNORE INTO raw_inputs (hash, source, byte_length, bytes) VALUES (?, ?, ?, ?)",
      ),
      getCurrent: db.prepare<[string], DocumentRow>(`${DOCUMENT_READ} WHERE d.id = ? AND d.current = 1`),
      getVersion: db.prepare<[string, number], DocumentRow>(
        `${DOCUMENT_READ} WHERE d.id = ? AND d.version = ?`,
      ),
      getExtracted: db.prepare<[string, number], DocumentRow>(
        "SELECT id, version, current, stored_at, body FROM documents WHERE id = ? AND version = ?",
      ),
      getRaw: db.prepare<[string], { bytes: Buffer }>("SELECT bytes FROM raw_inputs WHERE hash = ?"),
      insertReading: db.prepare(
        "INSERT OR REPLACE INTO input_readings (hash, source, name, url, sidecars) VALUES (?, ?, ?, ?, ?)",
      ),
      getReading: db.prepare<
        [string, string],
        { hash: string; source: string; name: string; url: string | null; sidecars: string }
      >("SELECT hash, source, name, url, sidecars FROM input_readings WHERE hash = ? AND source = ?"),
      // A speaker added by hand comes after those already known; one edited keeps its place.
      editSpeaker: db.prepare(
        `INSERT INTO speakers (id, name, body, edited, seq)
         VALUES (?, ?, ?, 1, (SELECT COALESCE(MAX(seq), -1) + 1 FROM speakers))
         ON CONFLICT(id) DO UPDATE SET name = excluded.name, body = excluded.body, edited = 1`,
      ),
      // A seed never touches a speaker edited by hand; others follow the registry file. Every
      // speaker in the file takes the file's place: registries break ties between namesakes by order.
      seedSpeaker: db.prepare(
        `INSERT INTO speakers (id, name, body, edited, seq) VALUES (?, ?, ?, 0, ?)
         ON CONFLICT(id) DO UPDATE SET
           name = CASE WHEN speakers.edited = 0 THEN excluded.name ELSE speakers.name END,
           body = CASE WHEN speakers.edited = 0 THEN excluded.body ELSE speakers.body END,
           seq = excluded.seq
         WHERE speakers.seq IS NOT excluded.seq OR (speakers.edited = 0 AND speakers.body != excluded.body)`,
      ),
      listSpeakers: db.prepare<[], { body: string }>(
        "SELECT body FROM speakers ORDER BY seq IS NULL, seq, id",
      ),
      getSpeaker: db.prepare<[string], { body: string }>("SELECT body FROM speakers WHERE id = ?"),
      enrichmentVersion: db.prepare<[string], { version: number }>(
        "SELECT version FROM enrichment_state WHERE doc_id = ?",
      ),
      getEntity: db.prepare<[string], { id: string; type: string; name: string; forms: string }>(
        "SELECT id, type, name, forms FROM entities WHERE id = ?",
      ),
      // The home page asks for these on every request.
      recent: db.prepare<[number], DocumentSummary>(
        `SELECT id, title, date, publisher, language, kind FROM doc_index
         ORDER BY date DESC, id LIMIT ?`,
      ),
      publishers: db.prepare<[], { publisher: string; count: number }>(
        "SELECT publisher, count(*) AS count FROM doc_index GROUP BY publisher ORDER BY count DESC, publisher",
      ),
    };
  }

  private readings(id: string): { reading: Reading; row: ReadingRow }[] {
    return this.stmt.readings.all(id).map((row) => {
      const [source, readAt, date, time, dateTime] = JSON.parse(row.meta) as (string | null)[];
      const reading = readingOf(
        {
          when: { date: date ?? null, time: time ?? null, dateTime: dateTime ?? null },
          provenance: { source: source ?? "", readAt: readAt ?? "", contentHash: row.content_hash },
        },
        row.version,
        row.fingerprint,
      );
      return { reading, row };
    });
  }

  /**
   * Stores a reading of a document unless it repeats one, then makes current whichever version
   * the version order says (model/version-order.ts): a later-dated reading takes over, an earlier
   * one is kept as history, and an archive written by an older rule is put right.
   */
  private putDocument(
    doc: Document,
    keys: readonly string[],
    storedAt: string,
  ): { result: PutResult; current: boolean } {
    const stored = this.readings(doc.id);
    const before = stored.find((s) => s.row.current === 1)?.reading.version;
    const incoming = readingOf(doc, (stored.at(-1)?.reading.version ?? 0) + 1, documentFingerprint(doc));
    const readings = stored.map((s) => s.reading);
    const repeated = repeatedReading(incoming, readings);
    if (!repeated) {
      readings.push(incoming);
      this.stmt.insertDoc.run({
        id: doc.id,
        version: incoming.version,
        current: 0,
        fingerprint: incoming.fingerprint,
        contentHash: doc.provenance.contentHash,
        publisher: doc.publisher,
        language: doc.language,
        kind: doc.kind,
        date: doc.when.date,
        title: doc.title,
        storedAt,
        body: JSON.stringify(doc),
        keys: JSON.stringify(keys),
      });
    }
    const { current, conflicts } = chooseCurrent(readings);
    if (current.version !== before) {
      this.stmt.retire.run(doc.id);
      this.stmt.crown.run(doc.id, current.version);
      const body =
        current === incoming
          ? doc
          : (this.toStored(this.stmt.getExtracted.get(doc.id, current.version))?.document ?? doc);
      this.index.put(body);
      // The new current version brings its own keys; one stored before versions kept them has none
      // until the archive opener gives them (PendingWork "version-keys").
      const row = stored.find((s) => s.reading.version === current.version)?.row;
      const currentKeys = current === incoming ? keys : row?.keys ? (JSON.parse(row.keys) as string[]) : [];
      this.links.putKeys(doc.id, currentKeys);
      // New current turns are new rows: whatever was found in the old ones no longer applies (a
      // new document has nothing to clear).
      if (before !== undefined) {
        this.enrichments.clear(doc.id);
        this.links.forget(doc.id, false);
      }
      // Editors' corrections go on top of whichever version is current now, where they still apply.
      this.fixes.rebuild({ document: body, version: current.version }, doc.id);
    }
    const version = repeated?.version ?? incoming.version;
    const status = repeated ? "unchanged" : stored.length > 0 ? "versioned" : "inserted";
    const result: PutResult = { id: doc.id, version, status };
    if (conflicts.length > 0) result.conflicts = conflicts;
    return { result, current: version === current.version };
  }

  async putBatch(items: BatchItem[]): Promise<PutResult[][]> {
    this.generation++;
    const storedAt = new Date().toISOString();
    return this.indexing(() =>
      items.map((item) => {
        if (item.raw) {
          this.stmt.insertRaw.run(
            item.raw.hash,
            item.raw.source,
            item.raw.bytes.length,
            Buffer.from(item.raw.bytes),
          );
          const reading = item.raw.reading;
          if (reading)
            this.stmt.insertReading.run(
              item.raw.hash,
              item.raw.source,
              reading.name,
              reading.url,
              canonicalJson(reading.sidecars),
            );
        }
        if (item.fetched) this.fetchLog.recordFetched(item.fetched.page, item.fetched.queue);
        return item.documents.map((doc, i) => {
          const { result, current } = this.putDocument(doc, item.versionKeys?.[i] ?? [], storedAt);
          // An enrichment belongs to the text it was computed on: only the current version's is kept.
          const enrichment = item.enrichments?.[i];
          if (
            enrichment &&
            current &&
            (result.status !== "unchanged" || this.enrichmentStale(doc.id, enrichment.version))
          ) {
            this.fixes.putEnrichment(enrichment);
          }
          return result;
        });
      }),
    );
  }

  /** One transaction that may change the search index: its term counts are written before it commits. */
  private indexing<T>(write: () => T): T {
    try {
      return this.db.transaction(() => {
        const result = write();
        this.index.flush();
        return result;
      })();
    } catch (error) {
      // Rolled back: what the index writer gathered for it must not reach the next transaction.
      this.index.discard();
      throw error;
    }
  }

  private toStored(row: DocumentRow | undefined): StoredDocument | null {
    if (!row) return null;
    const stored: StoredDocument = {
      document: JSON.parse(row.body) as Document,
      version: row.version,
      current: row.current === 1,
      storedAt: row.stored_at,
    };
    if (row.applied && row.stale)
      stored.corrections = { applied: JSON.parse(row.applied), stale: JSON.parse(row.stale) };
    return stored;
  }

  async putCorrection(correction: NewCorrection): Promise<Correction> {
    this.generation++;
    return this.indexing(() => {
      const made = this.fixes.add(correction);
      this.rebuildCorrected(correction.documentId);
      return made;
    });
  }

  async undoCorrection(id: number, by: string, at: string): Promise<Correction | null> {
    this.generation++;
    return this.indexing(() => {
      const undone = this.fixes.undo(id, by, at);
      if (undone) this.rebuildCorrected(undone.documentId);
      return undone;
    });
  }

  async corrections(documentId: string): Promise<Correction[]> {
    return this.fixes.of(documentId);
  }

  private rebuildCorrected(id: string): void {
    const row = this.stmt.getCurrent.get(id);
    const extracted = row ? this.toStored(this.stmt.getExtracted.get(id, row.version)) : null;
    this.fixes.rebuild(extracted && { document: extracted.document, version: extracted.version }, id);
  }

  async get(id: string, version?: number): Promise<StoredDocument | null> {
    return this.toStored(
      version === undefined ? this.stmt.getCurrent.get(id) : this.stmt.getVersion.get(id, version),
    );
  }

  async versions(id: string): Promise<VersionInfo[]> {
    return this.versionList(id);
  }

  private versionList(id: string): VersionInfo[] {
    return versionInfos(this.readings(id));
  }

  async documentView(id: string, version?: number): Promise<DocumentView | null> {
    // One read transaction: one snapshot, even with another process writing.
    const view = this.db.transaction(() => {
      const stored = this.toStored(
        version === undefined ? this.stmt.getCurrent.get(id) : this.stmt.getVersion.get(id, version),
      );
      if (!stored) return null;
      return {
        stored,
        enrichment: this.enrichments.get(id),
        languageVersions: this.links.versions(id),
        versions: this.versionList(id),
        corrections: this.fixes.of(id),
      };
    })();
    return view && { ...view, withdrawal: await this.fetchLog.withdrawal(id) };
  }

  async *list(options: ListOptions = {}): AsyncGenerator<Document> {
    const pageSize = 500;
    let after = options.after ?? "";
    let remaining = options.limit ?? Number.POSITIVE_INFINITY;
    const read = options.extracted ? "SELECT d.id, d.body FROM documents d" : DOCUMENT_READ;
    const only = options.ids ? " AND d.id IN (SELECT value FROM json_each(?))" : "";
    const ids = options.ids ? [JSON.stringify(options.ids)] : [];
    const byPublisher = this.db.prepare<(string | number)[], { id: string; body: string }>(
      `${read} WHERE d.current = 1 AND d.id > ?${only} AND d.publisher = ? ORDER BY d.id LIMIT ?`,
    );
    const all = this.db.prepare<(string | number)[], { id: string; body: string }>(
      `${read} WHERE d.current = 1 AND d.id > ?${only} ORDER BY d.id LIMIT ?`,
    );
    while (remaining > 0) {
      const n = Math.min(pageSize, remaining);
      const rows = options.publisher
        ? byPublisher.all(after, ...ids, options.publisher, n)
        : all.all(after, ...ids, n);
      if (rows.length === 0) return;
      for (const row of rows) yield JSON.parse(row.body) as Document;
      remaining -= rows.length;
      after = rows[rows.length - 1]?.id ?? after;
    }
  }

  async delete(id: string): Promise<boolean> {
    this.generation++;
    return this.indexing(() => {
      this.enrichments.clear(id);
      this.links.forget(id, true);
      this.index.remove(id);
      this.fixes.forget(id);
      return this.db.prepare<[string]>("DELETE FROM documents WHERE id = ?").run(id).changes > 0;
    });
  }

  private enrichmentStale(id: string, version: number): boolean {
    const row = this.stmt.enrichmentVersion.get(id);
    return !row || row.version < version;
  }

  async putEnrichment(enrichment: Enrichment): Promise<void> {
    this.generation++;
    this.indexing(() => this.fixes.putEnrichment(enrichment));
  }

  async getEnrichment(id: string): Promise<Enrichment | null> {
    return this.enrichments.get(id);
  }

  async putEntities(entities: Entity[]): Promise<void> {
    this.generation++;
    // Rows written only where they differ: every ingest and server start stores the gazetteer, and
    // an entity written again, even unchanged, has every server process read every entity's name
    // (turn-catalog.ts).
    const upsert = this.db.prepare(
      `INSERT INTO entities (id, type, name, forms) VALUES (?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET type = excluded.type, name = excluded.name, forms = excluded.forms
       WHERE type IS NOT excluded.type OR name IS NOT excluded.name OR forms IS NOT excluded.forms`,
    );
    this.db.transaction(() => {
      // The gazetteer's entities are replaced; those found in documents stay, their mentions still
      // name them, and so do those editors' decisions point at (a Wikidata item, a promoted entity).
      this.db
        .prepare(
          `DELETE FROM entities WHERE id NOT LIKE '${FOUND_PREFIX}%'
             AND id NOT IN (SELECT target FROM entity_decisions WHERE target IS NOT NULL)
             AND id NOT IN (SELECT value FROM json_each(?))`,
        )
        .run(JSON.stringify(entities.map((e) => e.id)));
      for (const e of entities) upsert.run(e.id, e.type, e.name, JSON.stringify(e.forms));
    })();
  }

  async putEntityDecision(decision: NewEntityDecision): Promise<StoredEntityDecision> {
    this.generation++;
    return this.db.transaction(() => this.decisions.put(decision))();
  }

  async entityDecisions(): Promise<StoredEntityDecision[]> {
    return this.decisions.all();
  }

  async foundEntities(
    options: FoundEntityOptions,
  ): Promise<{ total: number; entities: FoundEntitySummary[] }> {
    return this.decisions.found(options);
  }

  async documentsMentioning(entityId: string, limit: number): Promise<string[]> {
    return this.decisions.mentioning(entityId, limit);
  }

  async getEntity(id: string): Promise<Entity | null> {
    const row = this.stmt.getEntity.get(id);
    return row
      ? { id: row.id, type: row.type as Entity["type"], name: row.name, forms: JSON.parse(row.forms) }
      : null;
  }

  async getRaw(hash: string): Promise<Uint8Array | null> {
    const row = this.stmt.getRaw.get(hash);
    return row ? new Uint8Array(row.bytes) : null;
  }

  async *listRaw(): AsyncGenerator<RawBlob> {
    const page = this.db.prepare<[string], { hash: string; source: string; bytes: Buffer }>(
      "SELECT hash, source, bytes FROM raw_inputs WHERE hash > ? ORDER BY hash LIMIT 200",
    );
    let after = "";
    for (;;) {
      const rows = page.all(after);
      if (rows.length === 0) return;
      for (const row of rows) yield { hash: row.hash, source: row.source, bytes: new Uint8Array(row.bytes) };
      after = rows[rows.length - 1]?.hash ?? after;
    }
  }

  async inputReading(hash: string, source: string): Promise<InputReading | null> {
    const row = this.stmt.getReading.get(hash, source);
    return row ? { ...row, sidecars: JSON.parse(row.sidecars) as Record<string, string> } : null;
  }

  async putSpeakers(speakers: Speaker[]): Promise<void> {
    this.generation++;
    this.db.transaction(() => {
      for (const s of speakers) this.stmt.editSpeaker.run(s.id, s.name, canonicalJson(s));
    })();
  }

  async seedSpeakers(speakers: Speaker[]): Promise<number> {
    const changed = this.db.transaction(() => {
      let n = 0;
      speakers.forEach((s, i) => {
        n += this.stmt.seedSpeaker.run(s.id, s.name, canonicalJson(s), i).changes;
      });
      return n;
    })();
    if (changed > 0) this.generation++;
    return changed;
  }

  async listSpeakers(): Promise<Speaker[]> {
    return this.stmt.listSpeakers.all().map((row) => JSON.parse(row.body) as Speaker);
  }

  async getSpeaker(id: string): Promise<Speaker | null> {
    const row = this.stmt.getSpeaker.get(id);
    return row ? (JSON.parse(row.body) as Speaker) : null;
  }

  private countRows: (() => StoreCounts) | null = null;

  async counts(): Promise<StoreCounts> {
    this.countRows ??= rowCounts(this.db);
    return this.countRows();
  }

  async recent(limit: number): Promise<DocumentSummary[]> {
    return this.stmt.recent.all(Math.max(0, Math.min(1000, limit)));
  }

  async languageVersions(id: string): Promise<LanguageVersion[]> {
    return this.links.versions(id);
  }

  async putVersionLink(link: StoredVersionLink): Promise<void> {
    this.generation++;
    this.db.transaction(() => this.links.putLink(link))();
  }

  async versionCandidates(id: string, days: number): Promise<DocumentSummary[]> {
    return this.links.candidates(id, days);
  }

  async keyPartners(id: string): Promise<string[]> {
    return this.links.keyPartners(id);
  }

  async putVersionKeys(entries: VersionKeys[]): Promise<void> {
    this.db.transaction(() => {
      for (const e of entries) {
        const row = this.stmt.setKeys.get(JSON.stringify(e.keys), e.id, e.version);
        if (row?.current === 1) this.links.putKeys(e.id, e.keys);
      }
    })();
  }

  async versionConflicts(options: { id?: string; limit?: number } = {}): Promise<VersionConflict[]> {
    return this.links.conflicts(options);
  }

  async putDivergence(summary: DivergenceSummary): Promise<void> {
    this.links.putDivergence(summary);
  }

  async divergentPairs(limit: number, options: DivergentOptions = {}): Promise<DivergentPair[]> {
    return this.links.divergent(limit, options);
  }

  async publishers(): Promise<{ publisher: string; count: number }[]> {
    return this.stmt.publishers.all();
  }

  async pendingWork(): Promise<PendingWork[]> {
    return this.stmt.pendingWork.all().map((r) => r.name as PendingWork);
  }

  async finishWork(work: PendingWork): Promise<void> {
    this.stmt.finishWork.run(work);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
