/**
 * The FetchLog role over PostgreSQL: pages, captures, withdrawals, crawl queues and the history of
 * edits, as in SQLite (sqlite/fetch-log.ts). Each call is one statement or one short transaction,
 * so a crawl killed at any moment leaves every row it wrote whole.
 */
import type pg from "pg";
import {
  CAPTURE_COLUMNS,
  type CaptureDbRow,
  captureParams,
  PAGE_COLUMNS,
  type PageRow,
  pageParams,
  toCapture,
  toPage,
} from "../rows.js";
import type { ChangeEntry, ChangesOptions, FetchLog, PageState, QueueEntry } from "../store.js";
import { one, type Queryable, rows, transaction } from "./db.js";

/**
 * Names crawl queues among the database's advisory locks (the two-key form, apart from the
 * migration lock's one-key form); the second key is the run's key hashed.
 */
const QUEUE_LOCK = 7_142_032;

/** Serializes writers of one run's queue until the transaction ends. */
const lockQueue = (db: Queryable, key: string) =>
  db.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [QUEUE_LOCK, key]);

/** The FetchLog, and the one write a document batch makes inside its own transaction. */
export interface PgFetchLog extends FetchLog {
  /** For use inside a transaction already open (a batch's), on its client. */
  recordFetched(db: Queryable, page: PageState, queue: QueueEntry | null): Promise<void>;
}

export function pgFetchLog(pool: pg.Pool, onChange: () => Promise<void>): PgFetchLog {
  const recordFetched = async (db: Queryable, p: PageState, queue: QueueEntry | null) => {
    await db.query(
      `INSERT INTO pages (${PAGE_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (url) DO UPDATE SET publisher = excluded.publisher, role = excluded.role, state = excluded.state,
         etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
         doc_ids = excluded.doc_ids, last_fetched = excluded.last_fetched, last_changed = excluded.last_changed,
         published = excluded.published, next_visit = excluded.next_visit, failures = excluded.failures,
         last_error = excluded.last_error`,
      pageParams(p),
    );
    if (queue)
      await db.query("UPDATE crawl_queue SET done = true WHERE key = $1 AND url = $2", [
        queue.key,
        queue.url,
      ]);
  };

  return {
    recordFetched,
    async page(url) {
      const row = await one<PageRow>(pool, "SELECT * FROM pages WHERE url = $1", [url]);
      return row ? toPage(row) : null;
    },
    async putPage(p, queue = null) {
      await transaction(pool, (client) => recordFetched(client, p, queue));
    },
    async duePages(now, limit, publishers) {
      const list = publishers?.length ? publishers : null;
      return (
        await rows<PageRow>(
          pool,
          `SELECT * FROM pages WHERE next_visit IS NOT NULL AND next_visit <= $1
             AND ($2::text[] IS NULL OR publisher = ANY($2::text[]))
           ORDER BY next_visit COLLATE "C" LIMIT $3`,
          [now, list, limit],
        )
      ).map(toPage);
    },
    async putCapture(c) {
      await pool.query(
        `INSERT INTO captures (${CAPTURE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        captureParams(c),
      );
    },
    async captureOf(url, contentHash) {
      // n breaks ties as SQLite's rowid does: the capture kept first.
      const row = await one<CaptureDbRow>(
        pool,
        `SELECT * FROM captures WHERE url = $1 AND content_hash = $2
         ORDER BY fetched_at COLLATE "C", n LIMIT 1`,
        [url, contentHash],
      );
      return row ? toCapture(row) : null;
    },
    async captures(url) {
      return (
        await rows<CaptureDbRow>(
          pool,
          `SELECT * FROM captures WHERE url = $1 ORDER BY fetched_at COLLATE "C", n`,
          [url],
        )
      ).map(toCapture);
    },
    async withdraw(id, url, status, at) {
      await pool.query(
        "INSERT INTO withdrawals (doc_id, url, status, at) VALUES ($1, $2, $3, $4) ON CONFLICT (doc_id) DO NOTHING",
        [id, url, status, at],
      );
      await onChange();
    },
    async reinstate(id) {
      await pool.query("DELETE FROM withdrawals WHERE doc_id = $1", [id]);
      await onChange();
    },
    async withdrawal(id) {
      return one<{ url: string; status: number; at: string }>(
        pool,
        "SELECT url, status, at FROM withdrawals WHERE doc_id = $1",
        [id],
      );
    },
    async startCrawl(key, at) {
      // Under the queue's lock, a second process starting the same run sees the first's and resumes it.
      return transaction(pool, async (client) => {
        await lockQueue(client, key);
        const run = await one<{ finished: string | null }>(
          client,
          "SELECT finished FROM crawl_runs WHERE key = $1",
          [key],
        );
        if (run && run.finished === null) return { resumed: true };
        await client.query("DELETE FROM crawl_queue WHERE key = $1", [key]);
        await client.query(
          `INSERT INTO crawl_runs (key, started, finished) VALUES ($1, $2, NULL)
           ON CONFLICT (key) DO UPDATE SET started = excluded.started, finished = NULL`,
          [key, at],
        );
        return { resumed: false };
      });
    },
    async enqueue(key, items) {
      if (!items.length) return 0;
      return transaction(pool, async (client) => {
        // Two processes enqueuing into one run would otherwise read the same last position.
        await lockQueue(client, key);
        // Two index seeks (done and not done) rather than a scan of the run's whole queue.
        const last = await one<{ s: number | null }>(
          client,
          `SELECT GREATEST((SELECT MAX(seq) FROM crawl_queue WHERE key = $1 AND NOT done),
                           (SELECT MAX(seq) FROM crawl_queue WHERE key = $1 AND done)) AS s`,
          [key],
        );
        // Every item takes a position, queued or not, and the first of a URL listed twice wins.
        const result = await client.query(
          `INSERT INTO crawl_queue (key, url, depth, seq, done)
           SELECT $1, t.url, t.depth, $2 + t.i, false
           FROM unnest($3::text[], $4::int[]) WITH ORDINALITY AS t(url, depth, i)
           ORDER BY t.i
           ON CONFLICT (key, url) DO NOTHING`,
          [key, last?.s ?? 0, items.map((i) => i.url), items.map((i) => i.depth)],
        );
        return result.rowCount ?? 0;
      });
    },
    async queued(key, limit, afterSeq = 0) {
      return rows<{ url: string; depth: number; seq: number }>(
        pool,
        "SELECT url, depth, seq FROM crawl_queue WHERE key = $1 AND NOT done AND seq > $2 ORDER BY seq LIMIT $3",
        [key, afterSeq, limit],
      );
    },
    async queueCounts(key) {
      const row = await one<{ done: number; total: number }>(
        pool,
        "SELECT COUNT(*) FILTER (WHERE done) AS done, COUNT(*) AS total FROM crawl_queue WHERE key = $1",
        [key],
      );
      return row ?? { done: 0, total: 0 };
    },
    async finishCrawl(key, at) {
      await transaction(pool, async (client) => {
        await client.query("UPDATE crawl_runs SET finished = $1 WHERE key = $2", [at, key]);
        await client.query("DELETE FROM crawl_queue WHERE key = $1", [key]);
      });
    },
    async changes(options: ChangesOptions = {}) {
      return listChanges(pool, options);
    },
  };
}

/** New versions (version > 1) and withdrawals, newest first, filtered as asked. */
async function listChanges(db: Queryable, options: ChangesOptions): Promise<ChangeEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (options.since) where.push(`at >= ${bind(options.since)}`);
  if (options.id) where.push(`id = ${bind(options.id)}`);
  if (options.publisher) where.push(`publisher = ${bind(options.publisher)}`);
  if (options.ids) where.push(`id = ANY(${bind(options.ids)}::text[])`);
  const limit = bind(options.limit ?? 100);
  // Values travel as bound parameters; only fixed clauses and placeholders are joined into the SQL text.
  const sql = `
    SELECT * FROM (
      SELECT d.id, 'edited' AS kind, d.version, d.stored_at AS at, d.title, d.publisher, d.language,
             (d.body::json ->> 'sourceUrl') AS source_url, NULL::integer AS status
        FROM documents d WHERE d.version > 1
      UNION ALL
      SELECT w.doc_id AS id, 'withdrawn' AS kind, d.version, w.at, d.title, d.publisher, d.language,
             w.url AS source_url, w.status
        FROM withdrawals w JOIN documents d ON d.id = w.doc_id AND d.current
    ) c ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY at COLLATE "C" DESC, id COLLATE "C", version DESC LIMIT ${limit}`;
  const found = await rows<{
    id: string;
    kind: ChangeEntry["kind"];
    version: number;
    at: string;
    title: string;
    publisher: string;
    language: string;
    source_url: string | null;
    status: number | null;
  }>(db, sql, params);
  return found.map((r) => ({
    id: r.id,
    kind: r.kind,
    version: r.version,
    at: r.at,
    title: r.title,
    publisher: r.publisher,
    language: r.language,
    sourceUrl: r.source_url,
    status: r.status,
  }));
}
