/**
 * `verbatim follow`: keeps an archive up to date with publishers, as their profiles' `sources`
 * describe them. A run reads each listing (page after page until a page shows nothing new),
 * feed and sitemap; fetches the records it has not seen; fetches each new record's other-language
 * pages (switcher links and URL rewrites); then revisits known records that are due. Recent
 * records are revisited often and old ones rarely, so silent edits are caught where they are
 * likely. Everything it knows lives in the archive, so a run resumes where the last one stopped.
 */
import { Parser } from "htmlparser2";
import { VerbatimError } from "../errors/catalog.js";
import type { PublisherProfile, PublisherSources } from "../ingest/publishers/profile.js";
import { isRecordUrl, listingUrl, otherLanguageUrls } from "../ingest/publishers/sources.js";
import type { PageState, StoreBackend } from "../store/store.js";
import type { Harvester, Visit } from "./harvest.js";
import { normaliseUrl } from "./links.js";

export interface FollowOptions {
  /** Pages fetched at most in one run, listings included. */
  maxPages: number;
  /** Known records revisited at most in one run (the most overdue first). */
  maxRevisits: number;
  now?: () => Date;
}

export interface FollowOutcome {
  publishers: string[];
  listingsRead: number;
  newRecords: number;
  otherLanguages: number;
  revisited: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When to look at a page again. Records are edited mostly in their first days: recent ones are
 * revisited hourly, old ones monthly. A page that failed waits longer after each failure.
 */
export function nextVisit(page: PageState, now: Date): string | null {
  if (page.role !== "record") return null;
  if (page.state === "failed" || page.failures > 0)
    return new Date(now.getTime() + Math.min(2 ** page.failures * HOUR, 7 * DAY)).toISOString();
  if (page.state === "withdrawn") return new Date(now.getTime() + 7 * DAY).toISOString();
  const published = Date.parse(page.published ?? page.firstSeen);
  const age = Number.isNaN(published) ? 365 * DAY : now.getTime() - published;
  const wait =
    age < 2 * DAY
      ? HOUR
      : age < 14 * DAY
        ? 6 * HOUR
        : age < 90 * DAY
          ? DAY
          : age < 365 * DAY
            ? 7 * DAY
            : 30 * DAY;
  return new Date(now.getTime() + wait).toISOString();
}

/** Links in a feed or sitemap: RSS `<link>`, Atom `<link href>`, sitemap `<loc>`. */
export function feedLinks(xml: string, base: string): string[] {
  const out: string[] = [];
  let capture: string | null = null;
  let text = "";
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const local = name.replace(/^.*:/, "");
        if (local === "link" && attrs.href && (!attrs.rel || attrs.rel === "alternate")) {
          const url = normaliseUrl(attrs.href, base);
          if (url) out.push(url);
        }
        if (local === "link" || local === "loc" || local === "guid") {
          capture = local;
          text = "";
        }
      },
      ontext(t) {
        if (capture) text += t;
      },
      onclosetag(name) {
        const local = name.replace(/^.*:/, "");
        if (capture && local === capture) {
          const url = text.trim() ? normaliseUrl(text, base) : null;
          if (url) out.push(url);
          capture = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return [...new Set(out)];
}

export async function follow(
  store: StoreBackend,
  harvester: Harvester,
  profiles: PublisherProfile[],
  options: FollowOptions,
): Promise<FollowOutcome> {
  const log = store.fetchLog;
  if (!log) throw new VerbatimError("REQUEST_INVALID", { reason: "this archive cannot keep fetched pages" });
  const now = options.now ?? (() => new Date());
  const outcome: FollowOutcome = {
    publishers: profiles.map((p) => p.id),
    listingsRead: 0,
    newRecords: 0,
    otherLanguages: 0,
    revisited: 0,
  };
  let budget = options.maxPages;
  const visited = new Set<string>();
  const visit = async (url: string): Promise<Visit | null> => {
    if (budget <= 0 || visited.has(url)) return null;
    budget--;
    visited.add(url);
    return harvester.visit(url);
  };
  const unseen = async (url: string) => !visited.has(url) && (await log.page(url))?.lastFetched == null;

  for (const profile of profiles) {
    const sources = profile.sources as PublisherSources;
    const fresh: string[] = [];
    /** Queues the records among the links that the archive has not fetched; returns how many there were. */
    const queueRecords = async (urls: string[]) => {
      let unknown = 0;
      for (const u of urls) {
        if (!isRecordUrl(sources, u) || !(await unseen(u))) continue;
        unknown++;
        if (!fresh.includes(u)) fresh.push(u);
      }
      return unknown;
    };
    for (const entry of sources.entries) {
      if (entry.kind === "listing") {
        for (let n = 0; n < entry.maxPages; n++) {
          const page = await visit(listingUrl(entry, n));
          if (!page) break;
          outcome.listingsRead++;
          const links = page.links?.links ?? [];
          if (page.status !== "failed" && !links.some((u) => isRecordUrl(sources, u))) {
            harvester.note(new VerbatimError("FETCH_LISTING_EMPTY", { url: page.url }), page.url);
            break;
          }
          // A page with nothing new means the rest was read on an earlier run.
          if ((await queueRecords(links)) === 0) break;
        }
      } else {
        const page = await visit(entry.url);
        if (!page) continue;
        outcome.listingsRead++;
        const links = page.text ? feedLinks(page.text, page.url) : [];
        if ((await queueRecords(links)) > 0 || entry.kind !== "sitemap") continue;
        // A sitemap index names sitemaps: the newest (listed last) first, until one has nothing new.
        for (const nested of links.filter((u) => /\.xml(?:$|\?)/.test(u)).reverse()) {
          const part = await visit(nested);
          if (!part?.text) break;
          outcome.listingsRead++;
          if ((await queueRecords(feedLinks(part.text, part.url))) === 0) break;
        }
      }
    }
    for (const url of fresh) {
      if (budget <= 0) break;
      // Fetched already in this run, as another record's other-language page.
      const record = await visit(url);
      if (!record) continue;
      if (record.status === "stored") outcome.newRecords++;
      // Its other-language pages: the page's own switcher (hreflang) and the profile's rewrites.
      const others = [
        ...(record.links?.alternates.map((a) => a.url) ?? []),
        ...otherLanguageUrls(sources, url).map((o) => o.url),
      ].filter((u) => u !== url && isRecordUrl(sources, u));
      for (const other of new Set(others)) {
        if (!(await unseen(other))) continue;
        const found = await visit(other);
        if (found?.status === "stored") outcome.otherLanguages++;
      }
    }
  }
  await harvester.flush();
  // Known records that are due, the most overdue first, for every followed publisher.
  const due = await log.duePages(
    now().toISOString(),
    Math.min(options.maxRevisits, Math.max(0, budget)),
    profiles.map((p) => p.id),
  );
  for (const page of due) {
    if (!(await visit(page.url))) break;
    outcome.revisited++;
  }
  await harvester.flush();
  return outcome;
}
