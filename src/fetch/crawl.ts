/**
 * `verbatim crawl`: follows links from start URLs within a scope (the start's site, or given
 * prefixes), breadth first, up to a number of pages. The queue lives in the archive: a run that
 * was killed resumes where it stopped when the same command is run again, and pages already
 * stored are not fetched twice. A run that finished is a finished crawl: running it again visits
 * every page again (conditionally), which is how edits are found.
 */
import { createHash } from "node:crypto";
import { VerbatimError } from "../errors/catalog.js";
import type { FetchLog, StoreBackend } from "../store/store.js";
import type { Harvester, HarvestReport } from "./harvest.js";
import { inScope, normaliseUrl } from "./links.js";

export interface CrawlOptions {
  starts: string[];
  /** URL prefixes a page must start with to be fetched; default: each start's origin. */
  scope?: string[];
  maxPages: number;
  /** Pages in flight at once (each host still gets only its politeness share). */
  concurrency: number;
  /** Links deeper than this from a start are not followed. */
  maxDepth?: number;
}

export interface CrawlResult {
  report: HarvestReport;
  resumed: boolean;
  /** Pages left in the queue when the page limit was reached. */
  left: number;
}

export function crawlScope(starts: string[], scope?: string[]): string[] {
  if (scope?.length) return scope;
  return [...new Set(starts.map((s) => `${new URL(s).origin}/`))];
}

/** The same command gives the same key, so a killed run is found and resumed. */
export function crawlKey(starts: string[], scope: string[]): string {
  return createHash("sha256")
    .update(JSON.stringify({ starts: [...starts].sort(), scope: [...scope].sort() }))
    .digest("hex")
    .slice(0, 24);
}

export function scopeCheck(scope: string[]) {
  return (url: string): VerbatimError | null =>
    inScope(url, scope) ? null : new VerbatimError("FETCH_DISALLOWED", { origin: "the crawl's scope", url });
}

export async function crawl(
  store: StoreBackend,
  harvester: Harvester,
  options: CrawlOptions,
): Promise<CrawlResult> {
  const log = store.fetchLog;
  if (!log) throw new VerbatimError("REQUEST_INVALID", { reason: "this archive cannot keep fetched pages" });
  const starts: string[] = [];
  for (const s of options.starts) {
    const url = normaliseUrl(s, s);
    if (!url) throw new VerbatimError("FETCH_URL_INVALID", { url: s });
    starts.push(url);
  }
  const scope = crawlScope(starts, options.scope);
  const key = crawlKey(starts, scope);
  const { resumed } = await log.startCrawl(key, new Date().toISOString());
  if (!resumed)
    await log.enqueue(
      key,
      starts.map((url) => ({ url, depth: 0 })),
    );
  const maxDepth = options.maxDepth ?? Number.POSITIVE_INFINITY;
  // A resumed run counts the pages its killed predecessor already visited.
  let visited = resumed ? (await log.queueCounts(key)).done : 0;
  const frontier = new Frontier(log, key);
  let fetching = 0;

  const worker = async () => {
    for (;;) {
      if (visited >= options.maxPages) return;
      const next = await frontier.take();
      if (!next) {
        if (fetching === 0) return;
        // Others are still fetching and may queue more links: wait for one of them.
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      fetching++;
      visited++;
      try {
        const visit = await harvester.visit(next.url, { key, url: next.url });
        if (visit.links && next.depth < maxDepth) {
          const links = frontier.unseen(visit.links.links.filter((u) => inScope(u, scope)));
          if (links.length)
            await log.enqueue(
              key,
              links.map((url) => ({ url, depth: next.depth + 1 })),
            );
        }
      } finally {
        fetching--;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  await harvester.flush();
  const counts = await log.queueCounts(key);
  const left = counts.total - counts.done;
  if (left === 0 || visited >= options.maxPages) await log.finishCrawl(key, new Date().toISOString());
  return { report: harvester.report, resumed, left };
}

/** How many queue rows are read at once, and how many URLs this run remembers having queued. */
const CHUNK = 256;
const REMEMBERED = 100_000;

/**
 * The crawl queue as this run reads it: forward from the last position taken, a chunk at a time,
 * so each URL is read once however long the queue grows. A URL taken but not yet stored is behind
 * the position and is not handed out again; a killed run starts again from the top of what is not
 * done. Links this run already queued are not sent to the store again (every page of a site links
 * to its home page); the store ignores repeats anyway, so forgetting them past a bound is safe.
 */
class Frontier {
  private buffer: { url: string; depth: number; seq: number }[] = [];
  private position = 0;
  private refilling: Promise<void> | null = null;
  private readonly queuedHere = new Set<string>();

  constructor(
    private readonly log: FetchLog,
    private readonly key: string,
  ) {}

  async take(): Promise<{ url: string; depth: number } | null> {
    if (this.buffer.length === 0) {
      // Workers that find the buffer empty together share one read, so none reads rows twice.
      this.refilling ??= this.refill().finally(() => {
        this.refilling = null;
      });
      await this.refilling;
    }
    return this.buffer.pop() ?? null;
  }

  private async refill(): Promise<void> {
    const rows = await this.log.queued(this.key, CHUNK, this.position);
    const last = rows[rows.length - 1];
    if (last) this.position = last.seq;
    this.buffer = rows.reverse();
  }

  unseen(urls: string[]): string[] {
    if (this.queuedHere.size > REMEMBERED) this.queuedHere.clear();
    const fresh = urls.filter((u) => !this.queuedHere.has(u));
    for (const u of fresh) this.queuedHere.add(u);
    return fresh;
  }
}
