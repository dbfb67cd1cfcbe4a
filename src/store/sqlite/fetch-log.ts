/**
 * The FetchLog role over SQLite: pages, captures, withdrawals, crawl queues and the history of
 * edits (migration 8). Each call is one statement or one short transaction, so a crawl killed at
 * any moment leaves every row it wrote whole.
 */
import type Database from "better-sqlite3";
import { type CaptureDbRow, type PageRow, toCapture, toPage } from "../rows.js";
import type { ChangeEntry, ChangesOptions, FetchLog, PageState, QueueEntry } from "../store.js";

/** The FetchLog, and the one write a document batch makes inside its own transaction. */
export interface SqliteFetchLog extends FetchLog {
  /** Synchronous, for use inside a transaction already open. */
  recordFetched(page: PageState, queue: QueueEntry | null): void;
}

export function sqliteFetchLog(db: Database.Database, onChange: () => void): SqliteFetchLog {
  const stmt = {
    page: db.prepare<[string], PageRow>("SELECT * FROM pages WHERE url = ?"),
    putPage: db.prepare(
      `INSERT INTO pages (url, publisher, role, state, etag, last_modified, content_hash, doc_ids, first_seen,
         last_fetched, last_changed, published, next_visit, failures, last_error)
       VALUES (@url, @publisher, @role, @state, @etag, @lastModified, @contentHash, @docIds, @firstSeen,
         @lastFetched, @lastChanged, @published, @nextVisit, @failures, @lastError)
       ON CONFLICT(url) DO UPDATE SET publisher = excluded.publisher, role = excluded.role, state = excluded.state,
         etag = excluded.etag, last_modified = excluded.last_modified, content_hash = excluded.content_hash,
         doc_ids = excluded.doc_ids, last_fetched = excluded.last_fetched, last_changed = excluded.last_changed,
         published = excluded.published, next_visit = excluded.next_visit, failures = excluded.failures,
         last_error = excluded.last_error`,
    ),
    due: db.prepare<[{ now: string; publishers: string | null; limit: number }], PageRow>(
      `SELECT * FROM pages WHERE next_visit IS NOT NULL AND next_visit <= @now
         AND (@publishers IS NULL OR publisher IN (SELECT value FROM json_each(@publishers)))
       ORDER BY next_visit LIMIT @limit`,
    ),
    putCapture: db.prepare(
      `INSERT INTO captures (url, fetched_at, status, content_hash, warc_file, warc_offset, warc_length)
       VALUES (@url, @fetchedAt, @status, @contentHash, @warcFile, @warcOffset, @warcLength)`,
    ),
    captureOf: db.prepare<[string, string], CaptureDbRow>(
      "SELECT * FROM captures WHERE url = ? AND content_hash = ? ORDER BY fetched_at LIMIT 1",
    ),
    captures: db.prepare<[string], CaptureDbRow>("SELECT * FROM captures WHERE url = ? ORDER BY fetched_at"),
    withdraw: db.prepare(
      "INSERT INTO withdrawals (doc_id, url, status, at) VALUES (?, ?, ?, ?) ON CONFLICT(doc_id) DO NOTHING",
    ),
    reinstate: db.prepare<[string]>("DELETE FROM withdrawals WHERE doc_id = ?"),
    withdrawal: db.prepare<[string], { url: string; status: number; at: string }>(
      "SELECT url, status, at FROM withdrawals WHERE doc_id = ?",
    ),
    run: db.prepare<[string], { finished: string | null }>("SELECT finished FROM crawl_runs WHERE key = ?"),
    newRun: db.prepare(
      "INSERT INTO crawl_runs (key, started, finished) VALUES (?, ?, NULL) ON CONFLICT(key) DO UPDATE SET started = excluded.started, finished = NULL",
    ),
    clearQueue: db.prepare<[string]>("DELETE FROM crawl_queue WHERE key = ?"),
    // Two index seeks (done and not done) rather than a scan of the run's whole queue per call.
    maxSeq: db.prepare<[string, string], { s: number | null }>(
      `SELECT MAX(s) AS s FROM (SELECT MAX(seq) AS s FROM crawl_queue WHERE key = ? AND done = 0
         UNION ALL SELECT MAX(seq) AS s FROM crawl_queue WHERE key = ? AND done = 1)`,
    ),
    enqueue: db.prepare(
      "INSERT INTO crawl_queue (key, url, depth, seq, done) VALUES (?, ?, ?, ?, 0) ON CONFLICT(key, url) DO NOTHING",
    ),
    queued: db.prepare<[string, number, number], { url: string; depth: number; seq: number }>(
      "SELECT url, depth, seq FROM crawl_queue WHERE key = ? AND done = 0 AND seq > ? ORDER BY seq LIMIT ?",
    ),
    markDone: db.prepare<[string, string]>("UPDATE crawl_queue SET done = 1 WHERE key = ? AND url = ?"),
    counts: db.prepare<[string], { done: number; total: number }>(
      "SELECT COALESCE(SUM(done), 0) AS done, COUNT(*) AS total FROM crawl_queue WHERE key = ?",
    ),
    finish: db.prepare<[string, string]>("UPDATE crawl_runs SET finished = ? WHERE key = ?"),
  };

  const enqueueMany = db.transaction((key: string, items: { url: string; depth: number }[]) => {
    let seq = stmt.maxSeq.get(key, key)?.s ?? 0;
    let added = 0;
    for (const item of items) added += stmt.enqueue.run(key, item.url, item.depth, ++seq).changes;
    return added;
  });

  const recordFetched = (p: PageState, queue: QueueEntry | null) => {
    stmt.putPage.run({ ...p, docIds: JSON.stringify(p.documentIds) });
    if (queue) stmt.markDone.run(queue.key, queue.url);
  };
  const recordAtomically = db.transaction(recordFetched);

  return {
    recordFetched,
    async page(url) {
      const row = stmt.page.get(url);
      return row ? toPage(row) : null;
    },
    async putPage(p, queue = null) {
      recordAtomically(p, queue);
    },
    async duePages(now, limit, publishers) {
      const list = publishers?.length ? JSON.stringify(publishers) : null;
      return stmt.due.all({ now, publishers: list, limit }).map(toPage);
    },
    async putCapture(c) {
      stmt.putCapture.run(c);
    },
    async captureOf(url, contentHash) {
      const row = stmt.captureOf.get(url, contentHash);
      return row ? toCapture(row) : null;
    },
    async captures(url) {
      return stmt.captures.all(url).map(toCapture);
    },
    async withdraw(id, url, status, at) {
      stmt.withdraw.run(id, url, status, at);
      onChange();
    },
    async reinstate(id) {
      stmt.reinstate.run(id);
      onChange();
    },
    async withdrawal(id) {
      return stmt.withdrawal.get(id) ?? null;
    },
    async startCrawl(key, at) {
      const run = stmt.run.get(key);
      if (run && run.finished === null) return { resumed: true };
      db.transaction(() => {
        stmt.clearQueue.run(key);
        stmt.newRun.run(key, at);
      })();
      return { resumed: false };
    },
    async enqueue(key, items) {
      return enqueueMany(key, items);
    },
    async queued(key, limit, afterSeq = 0) {
      return stmt.queued.all(key, afterSeq, limit);
    },
    async queueCounts(key) {
      return stmt.counts.get(key) ?? { done: 0, total: 0 };
    },
    async finishCrawl(key, at) {
      stmt.finish.run(at, key);
      stmt.clearQueue.run(key);
    },
    async changes(options: ChangesOptions = {}) {
      return listChanges(db, options);
    },
  };
}

/** New versions (version > 1) and withdrawals, newest first, filtered as asked. */
function listChanges(db: Database.Database, options: ChangesOptions): ChangeEntry[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (options.since) {
    where.push("at >= @since");
    params.since = options.since;
  }
  if (options.id) {
    where.push("id = @id");
    params.id = options.id;
  }
  if (options.publisher) {
    where.push("publisher = @publisher");
    params.publisher = options.publisher;
  }
  if (options.ids) {
    where.push("id IN (SELECT value FROM json_each(@ids))");
    params.ids = JSON.stringify(options.ids);
  }
  params.limit = options.limit ?? 100;
  // Values travel as bound parameters; only fixed clauses are joined into the SQL text.
  const sql = `
    SELECT * FROM (
      SELECT d.id, 'edited' AS kind, d.version, d.stored_at AS at, d.title, d.publisher, d.language,
             json_extract(d.body, '$.sourceUrl') AS source_url, NULL AS status
        FROM documents d WHERE d.version > 1
      UNION ALL
      SELECT w.doc_id AS id, 'withdrawn' AS kind, d.version, w.at, d.title, d.publisher, d.language,
             w.url AS source_url, w.status
        FROM withdrawals w JOIN documents d ON d.id = w.doc_id AND d.current = 1
    ) ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY at DESC, id, version DESC LIMIT @limit`;
  const rows = db.prepare(sql).all(params) as {
    id: string;
    kind: ChangeEntry["kind"];
    version: number;
    at: string;
    title: string;
    publisher: string;
    language: string;
    source_url: string | null;
    status: number | null;
  }[];
  return rows.map((r) => ({
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
