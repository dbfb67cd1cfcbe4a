/**
 * `verbatim crawl`: follows links from start URLs within a scope (the start's site, or given
 * prefixes), breadth first, up to a number of pages. The queue lives in the archive: a run that
 * was killed resumes where it stopped when the same command is run again, and pages already
 * stored are not fetched twice. A run that finished is a finished crawl: running it again visits
 * every page again (conditionally), which is how edits are found.
 */
import { createHash } from "node:crypto";
import { VerbatimError } from "../errors/catalog.js";
import type { DocumentStore } from "../store/store.js";
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
  store: DocumentStore,
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
  // Taken by this run and not yet marked done (fetching, or waiting in the harvester's batch).
  const taken = new Set<string>();
  let fetching = 0;

  const worker = async () => {
    for (;;) {
      if (visited >= options.maxPages) return;
      const next = (await log.queued(key, taken.size + options.concurrency + 1)).find(
        (q) => !taken.has(q.url),
      );
      if (!next) {
        if (fetching === 0) return;
        // Others are still fetching and may queue more links: wait for one of them.
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      taken.add(next.url);
      fetching++;
      visited++;
      try {
        const visit = await harvester.visit(next.url, { key, url: next.url }, () => taken.delete(next.url));
        if (visit.links && next.depth < maxDepth) {
          const links = visit.links.links.filter((u) => inScope(u, scope));
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
