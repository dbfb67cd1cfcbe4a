/**
 * One URL from fetch to store: a conditional GET, the response kept (see fetcher.ts), then the
 * page read by the same readers as files, told apart as a record or a listing, and its documents
 * stored in small batches (so a kill loses seconds of work). What changed is decided by what the
 * record says (store/fingerprint.ts), not by its bytes; a record that now answers 404 or 410 is
 * marked withdrawn, never deleted. Crawls and follows share this.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { versionKeys } from "../align/link.js";
import { toVerbatimError, VerbatimError } from "../errors/catalog.js";
import { emptyReport, type IngestReport, type Processor } from "../ingest/batch.js";
import { contentHash } from "../ingest/pipeline.js";
import { profileForUrl } from "../ingest/publishers/index.js";
import { isRecordUrl } from "../ingest/publishers/sources.js";
import type { Document } from "../model/document.js";
import type { Enrichment } from "../model/enrichment.js";
import type { BatchItem, FetchLog, PageState, PutResult, QueueEntry, StoreBackend } from "../store/store.js";
import type { Fetcher } from "./fetcher.js";
import type { HttpResponse } from "./http.js";
import { extractLinks, type PageLinks } from "./links.js";
import { readCapture } from "./warc.js";

export interface HarvestReport extends IngestReport {
  /** Pages asked for, and of them: answered 304, same bytes as last time, withdrawn, not records. */
  pages: number;
  notModified: number;
  sameBytes: number;
  withdrawn: number;
  notRecords: number;
}

export function emptyHarvestReport(): HarvestReport {
  return { ...emptyReport(), pages: 0, notModified: 0, sameBytes: 0, withdrawn: 0, notRecords: 0 };
}

export interface Visit {
  url: string;
  /** The page's links (from the new body, or the last kept one when unchanged), for crawling on. */
  links: PageLinks | null;
  /** The page's text when it is HTML or XML (a feed or sitemap is read for its links by follow). */
  text: string | null;
  /** Ids of the documents the page holds now (none for listings and failures). */
  documentIds: string[];
  /** The record's own date, when the page is one. */
  published: string | null;
  status: "stored" | "unchanged" | "not-modified" | "withdrawn" | "not-record" | "failed";
}

export interface HarvestOptions {
  /** Pages stored per transaction, at most. */
  batchSize?: number;
  /** Milliseconds after which what is pending is stored anyway (default 2000): a kill loses at most this much. */
  commitEvery?: number;
  /** Sets a page's next visit after it was seen (follow's schedule); crawls leave it null. */
  schedule?: (page: PageState, now: Date) => string | null;
  /** Decides for a URL whether it is a record, when its publisher's profile knows (follow passes the role it found). */
  roleOf?: (url: string) => PageState["role"] | null;
  onVisit?: (visit: Visit, report: HarvestReport) => void;
}

/** How long stored work may wait for its transaction: what a kill can lose. */
const COMMIT_EVERY_MS = 2000;

interface Pending {
  item: BatchItem;
  page: PageState;
  visit: Visit;
  queue: QueueEntry | null;
}

// Short enough for a three-sentence statement; a page of links rarely keeps this much text once read.
const MIN_RECORD_WORDS = 40;

export class Harvester {
  readonly report = emptyHarvestReport();
  /** Ids stored or unchanged in this run, for linking language versions afterwards. */
  readonly seen: string[] = [];
  private pending: Pending[] = [];
  private lastFlush = Date.now();
  private readonly log: FetchLog;

  constructor(
    private readonly store: StoreBackend,
    private readonly fetcher: Fetcher,
    private readonly process: Processor,
    private readonly warcDir: string,
    private readonly options: HarvestOptions = {},
  ) {
    if (!store.fetchLog)
      throw new VerbatimError("REQUEST_INVALID", { reason: "this archive cannot keep fetched pages" });
    this.log = store.fetchLog;
  }

  /**
   * Visits one URL. Its crawl-queue entry, if any, is marked done in the same transaction that
   * stores what the visit found, so a killed run repeats only what was not stored.
   */
  async visit(url: string, queue: QueueEntry | null = null): Promise<Visit> {
    await nextTurn();
    const now = new Date();
    const known = await this.log.page(url);
    const page: PageState = known ?? {
      url,
      publisher: profileForUrl(url)?.id ?? null,
      role: "other",
      state: "ok",
      etag: null,
      lastModified: null,
      contentHash: null,
      documentIds: [],
      firstSeen: now.toISOString(),
      lastFetched: null,
      lastChanged: null,
      published: null,
      nextVisit: null,
      failures: 0,
      lastError: null,
    };
    this.report.pages++;
    this.report.inputs++;
    const conditional =
      page.contentHash && (page.state === "ok" || page.state === "not-document")
        ? { etag: page.etag, lastModified: page.lastModified }
        : undefined;
    const outcome = await this.fetcher.fetch(url, conditional);
    const visit: Visit = {
      url,
      links: null,
      text: null,
      documentIds: page.documentIds,
      published: page.published,
      status: "failed",
    };

    if (!outcome.ok) {
      const disallowed = outcome.error.code === "FETCH_DISALLOWED";
      // A link the site's robots.txt (or the crawl's scope) rules out is left alone, not failed.
      if (disallowed)
        this.report.notices.push({ source: url, code: outcome.error.code, message: outcome.error.message });
      else this.fail(url, outcome.error);
      await this.finishPage(
        {
          ...page,
          state: disallowed ? "disallowed" : page.state,
          failures: page.failures + 1,
          lastError: outcome.error.code,
        },
        now,
        queue,
      );
      return visit;
    }
    const r = outcome.response;
    page.lastFetched = r.fetchedAt;

    if (r.status === 304) {
      this.report.notModified++;
      this.report.unchanged += page.documentIds.length;
      visit.status = "not-modified";
      visit.text = await this.keptText(page);
      visit.links = visit.text === null ? null : extractLinks(visit.text, url);
      this.seen.push(...page.documentIds);
      await this.finishPage({ ...page, failures: 0, lastError: null }, now, queue);
      return visit;
    }
    const gone = r.status === 404 || r.status === 410;
    if (gone && page.documentIds.length) {
      for (const id of page.documentIds) await this.log.withdraw(id, url, r.status, r.fetchedAt);
      this.report.withdrawn++;
      visit.status = "withdrawn";
      await this.finishPage(
        { ...page, state: "withdrawn", lastChanged: r.fetchedAt, failures: 0, lastError: null },
        now,
        queue,
      );
      return visit;
    }
    if (r.status < 200 || r.status >= 300) {
      const e = new VerbatimError("FETCH_HTTP_STATUS", { url, status: r.status });
      // A link to a page that never existed here is the site's broken link, not a failed run.
      if (gone) this.report.notices.push({ source: url, code: e.code, message: e.message });
      else this.fail(url, e);
      await this.finishPage({ ...page, failures: page.failures + 1, lastError: e.code }, now, queue);
      return visit;
    }

    visit.text = isHtml(r) ? Buffer.from(r.body).toString("utf8") : null;
    visit.links = visit.text !== null ? extractLinks(visit.text, r.url) : null;
    const validators = { etag: r.headers.etag ?? null, lastModified: r.headers["last-modified"] ?? null };
    if (page.state === "withdrawn") for (const id of page.documentIds) await this.log.reinstate(id);

    const hash = contentHash(r.body);
    if (hash === page.contentHash && page.state !== "withdrawn") {
      this.report.sameBytes++;
      this.report.unchanged += page.documentIds.length;
      visit.status = "unchanged";
      this.seen.push(...page.documentIds);
      await this.finishPage(
        {
          ...page,
          ...validators,
          state: page.role === "record" ? "ok" : "not-document",
          failures: 0,
          lastError: null,
        },
        now,
        queue,
      );
      return visit;
    }

    // A followed publisher's URL patterns say what a page is before it is read.
    const knownRole = this.options.roleOf?.(url) ?? null;
    if (knownRole !== null && knownRole !== "record") {
      // A listing, feed or sitemap of a followed publisher: read for its links only.
      await this.finishPage(
        {
          ...page,
          ...validators,
          role: knownRole,
          state: "not-document",
          contentHash: hash,
          documentIds: [],
          failures: 0,
          lastError: null,
        },
        now,
        queue,
      );
      visit.status = "not-record";
      return visit;
    }
    const processed = await this.process({
      source: url,
      name: nameFor(r.url),
      bytes: r.body,
      url,
    });
    const next: PageState = {
      ...page,
      ...validators,
      state: "ok",
      contentHash: hash,
      failures: 0,
      lastError: null,
    };
    const role = knownRole ?? roleFor(url, processed.ok ? processed.documents : [], visit.links);
    next.role = role;
    if (!processed.ok || role !== "record") {
      if (!processed.ok && role === "record") this.fail(url, processed.error);
      else {
        this.report.notRecords++;
        this.report.notices.push(note(url, processed.ok ? "a page of links" : processed.error.message));
      }
      visit.status = "not-record";
      next.state = processed.ok || role !== "record" ? "not-document" : "failed";
      next.documentIds = [];
      await this.finishPage(next, now, queue);
      return visit;
    }
    for (const doc of processed.documents) {
      if (doc.warnings.length) this.report.warnings.push({ source: url, id: doc.id, codes: doc.warnings });
    }
    next.documentIds = processed.documents.map((d) => d.id);
    next.published = processed.documents[0]?.when.date ?? null;
    visit.documentIds = next.documentIds;
    visit.published = next.published;
    visit.status = "stored";
    next.lastChanged ??= r.fetchedAt;
    next.nextVisit = this.options.schedule?.(next, now) ?? null;
    this.pending.push({
      item: {
        // How it was read, so that `reextract` reads it the same way.
        raw: { hash, source: url, bytes: r.body, reading: { name: nameFor(r.url), url, sidecars: {} } },
        documents: processed.documents,
        ...(processed.enrichments ? { enrichments: processed.enrichments as Enrichment[] } : {}),
        versionKeys: processed.documents.map(versionKeys),
        fetched: { page: next, queue },
      },
      page: next,
      visit,
      queue,
    });
    if (
      this.pending.length >= (this.options.batchSize ?? 50) ||
      Date.now() - this.lastFlush >= (this.options.commitEvery ?? COMMIT_EVERY_MS)
    )
      await this.flush();
    return visit;
  }

  /** Stores what is pending: documents first, then page states and queue marks. */
  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.lastFlush = Date.now();
    if (batch.length === 0) return;
    let results: (PutResult[] | null)[];
    try {
      results = await this.store.putBatch(batch.map((p) => p.item));
    } catch {
      // The transaction rolled back: store the pages one by one, so only the bad one fails.
      results = [];
      for (const p of batch) {
        try {
          results.push((await this.store.putBatch([p.item]))[0] ?? []);
        } catch (error) {
          this.fail(p.page.url, toVerbatimError(error));
          results.push(null);
        }
      }
    }
    const now = new Date();
    for (const [i, p] of batch.entries()) {
      const put = results[i];
      if (!put) {
        // Not stored: the page is recorded as failed, and its queue entry done, on its own.
        await this.finishPage({ ...p.page, state: "failed", documentIds: [] }, now, p.queue);
        continue;
      }
      let changed = false;
      for (const r of put) {
        this.report.documents++;
        if (r.status === "inserted") this.report.inserted++;
        else if (r.status === "versioned") {
          this.report.versioned++;
          changed = true;
        } else this.report.unchanged++;
        this.seen.push(r.id);
      }
      // Stored with its documents; only the time of the last real change is set afterwards.
      if (changed) await this.log.putPage({ ...p.page, lastChanged: p.page.lastFetched });
      this.options.onVisit?.(p.visit, this.report);
    }
  }

  private async finishPage(page: PageState, now: Date, queue: QueueEntry | null = null): Promise<void> {
    page.nextVisit = this.options.schedule?.(page, now) ?? null;
    await this.log.putPage(page, queue);
  }

  private fail(url: string, error: VerbatimError): void {
    this.report.failed++;
    this.report.failures.push({ source: url, code: error.code, message: error.message });
  }

  /** A note about a URL that is not a failure (a listing with no records, a link robots.txt rules out). */
  note(error: VerbatimError, url: string): void {
    this.report.notices.push({ source: url, code: error.code, message: error.message });
  }

  /** The text of the body kept from the last visit, for a page that answered 304. */
  private async keptText(page: PageState): Promise<string | null> {
    if (!page.contentHash) return null;
    const capture = await this.log.captureOf(page.url, page.contentHash);
    if (!capture) return null;
    try {
      const kept = await readCapture(this.warcDir, {
        file: capture.warcFile,
        offset: capture.warcOffset,
        length: capture.warcLength,
      });
      return Buffer.from(kept.body).toString("utf8");
    } catch {
      return null;
    }
  }
}

function note(url: string, reason: string) {
  const e = new VerbatimError("FETCH_NOT_A_DOCUMENT", { url, reason });
  return { source: url, code: e.code, message: e.message };
}

function isHtml(r: HttpResponse): boolean {
  const type = r.headers["content-type"] ?? "";
  if (/html|xml/i.test(type)) return true;
  if (type) return false;
  return /^\s*</.test(Buffer.from(r.body.subarray(0, 256)).toString("utf8"));
}

/** A file name for format detection: the URL's last segment, or `index.html` for folders. */
function nameFor(url: string): string {
  const u = new URL(url);
  const last = u.pathname.split("/").filter(Boolean).pop() ?? "";
  const file = /\.[a-z0-9]{1,5}$/i.test(last) ? last : `${last || "index"}.html`;
  return `${u.host}/${file}`;
}

/**
 * Record or listing. A publisher whose profile lists its record URLs decides by the URL alone;
 * for other sites a record is a page whose text is mostly not links and long enough to be a
 * statement or a transcript.
 */
export function roleFor(url: string, documents: Document[], links: PageLinks | null): PageState["role"] {
  const sources = profileForUrl(url)?.sources;
  if (sources) return isRecordUrl(sources, url) ? "record" : "listing";
  const words = documents.reduce(
    (n, d) => n + d.turns.reduce((m, t) => m + t.paragraphs.join(" ").split(/\s+/).filter(Boolean).length, 0),
    0,
  );
  if (words < MIN_RECORD_WORDS) return "listing";
  if (links && links.words > 0 && links.linkWords / links.words > 0.5) return "listing";
  return "record";
}
