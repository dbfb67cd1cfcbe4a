/**
 * A local imitation of one publisher, for testing the fetch stage without the real web: an HTTP
 * server on 127.0.0.1 (one port per real host) that serves the publisher's listings, feeds,
 * sitemaps, record pages and robots.txt at the real sites' paths, as the profile's `sources`
 * describe them, in the markup its HTML recipe reads. Content comes from a seed.
 *
 * A fetcher maps each real origin in `standsFor` to `origins[realOrigin]` (or sends requests
 * to `origin` with the real Host header). Links in pages and feeds are the real site's own:
 * relative where the site writes them so, absolute to the real host where it does.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { kremlinRu, midRu, presidentUa, whitehouse } from "../../src/ingest/publishers/index.js";
import type { PublisherProfile } from "../../src/ingest/publishers/profile.js";
import { kremlinRuMarkup } from "./imitation/markup/kremlin-ru.js";
import { midRuMarkup } from "./imitation/markup/mid-ru.js";
import { presidentUaMarkup } from "./imitation/markup/president-ua.js";
import { whitehouseMarkup } from "./imitation/markup/whitehouse.js";
import { SiteState } from "./imitation/site-state.js";
import type { ImitatedPublisher, Markup, SiteRecord, StoredRecord } from "./imitation/types.js";

export type { ImitatedPublisher, SiteRecord } from "./imitation/types.js";

export interface ImitationSite {
  /** e.g. "http://127.0.0.1:43121": the server standing for the main real origin. */
  origin: string;
  /** The real origin(s) it stands in for, e.g. ["https://mid.ru", "https://www.mid.ru"]. */
  standsFor: string[];
  /** Each real origin's local origin (kremlin.ru and en.kremlin.ru get a port each). */
  origins: Record<string, string>;
  /** Every request received, in order; `realOrigin` is the host it was answered as. */
  requests: {
    method: string;
    path: string;
    realOrigin: string;
    headers: Record<string, string | undefined>;
  }[];
  /** Record paths the site currently has (withdrawn ones excluded), newest first. */
  records(): string[];
  /** A record as the site holds it now. */
  record(path: string): SiteRecord;
  /** Adds a new record (it appears first in listings and feeds). Returns its path. */
  publish(record: Partial<SiteRecord>): string;
  /** Replaces a record's text (a silent edit): later requests get the new body. */
  edit(path: string, change: (r: SiteRecord) => SiteRecord): void;
  /** The record now answers 404 (or 410) and leaves listings and feeds. */
  withdraw(path: string, status?: 404 | 410): void;
  /**
   * The site is redesigned: listing pages become a script-rendered shell whose record links are in
   * a JSON attribute, not in <a> elements (what a reader of the old markup finds no links in).
   */
  redesignListings(): void;
  /** The real URL of a record path (`new URL(path, standsFor[0])`). */
  realUrl(path: string): string;
  /** The local URL that serves a real URL or a path. */
  localUrl(pathOrUrl: string): string;
  close(): Promise<void>;
}

export interface ImitationOptions {
  /** Events generated (each in every language unless left untranslated); default 12. */
  records?: number;
  /** Records per listing page; default 4. */
  perPage?: number;
  /** The body of robots.txt; default the publisher's own kind of rules. */
  robots?: string;
  /** ETag and Last-Modified headers, and 304 answers to conditional requests; default off. */
  etags?: boolean;
  seed?: number;
}

const SITES: Record<ImitatedPublisher, { profile: PublisherProfile; markup: Markup }> = {
  "mid.ru": { profile: midRu, markup: midRuMarkup },
  "kremlin.ru": { profile: kremlinRu, markup: kremlinRuMarkup },
  "whitehouse.gov": { profile: whitehouse, markup: whitehouseMarkup },
  "president.gov.ua": { profile: presidentUa, markup: presidentUaMarkup },
};

/** Headers a test may want to see: validators, negotiation and who asked. */
const LOGGED_HEADERS = [
  "host",
  "user-agent",
  "accept",
  "accept-language",
  "accept-encoding",
  "if-none-match",
  "if-modified-since",
  "referer",
];

/** Stands for the view counter while a page's ETag is computed: the counter is cosmetic. */
const COUNTER = "\u0000views\u0000";

interface Answer {
  status: number;
  body: string;
  contentType: string;
  /** Validators of the content (without the cosmetic counter); none on errors and redirects. */
  validators?: { etag: string; modified: number };
  location?: string;
}

const html = "text/html; charset=utf-8";
const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("hex").slice(0, 20)}"`;

export async function startImitationSite(
  publisher: ImitatedPublisher,
  options: ImitationOptions = {},
): Promise<ImitationSite> {
  const { profile, markup } = SITES[publisher];
  const mainOrigin = markup.hosts[0]?.[0];
  if (!mainOrigin) throw new Error(`${publisher} has no host`);
  const state = new SiteState(publisher, profile, markup, mainOrigin, options.seed ?? 1);
  state.generate(options.records ?? 12);
  const perPage = options.perPage ?? 4;
  const robots = options.robots ?? markup.robots;
  const requests: ImitationSite["requests"] = [];

  /** The canonical real origin of a host group, by the Host header or by the port asked. */
  const realOriginOf = (req: IncomingMessage, group: string[]): string => {
    const host = req.headers.host?.toLowerCase();
    for (const candidates of markup.hosts) {
      if (candidates.some((o) => new URL(o).host === host)) return candidates[0] ?? mainOrigin;
    }
    return group[0] ?? mainOrigin;
  };

  const languageOf = (realOrigin: string, path: string): string =>
    state.sections.find((s) => s.origin === realOrigin && path.startsWith(s.basePath))?.language ??
    state.languages.find((l) => path.startsWith(`/${l}/`)) ??
    state.sections.find((s) => s.origin === realOrigin)?.language ??
    state.habits.primary;

  const notFound = (status: number, realOrigin: string, path: string): Answer => ({
    status,
    body: markup.errorPage(status, languageOf(realOrigin, path)),
    contentType: html,
  });

  const recordAnswer = (stored: StoredRecord, url: string): Answer => {
    if (stored.withdrawn) return notFound(stored.withdrawn, new URL(url).origin, new URL(url).pathname);
    stored.views += 1;
    const other = stored.record.otherLanguagePath
      ? state.find(state.url(stored.record.otherLanguagePath))
      : undefined;
    const otherLanguage = state.languages.find((l) => l !== stored.record.language) ?? stored.record.language;
    const page = markup.recordPage({
      stored,
      url,
      otherUrl: other && other.withdrawn === null ? state.url(other.record.path) : null,
      otherHome: markup.homes[otherLanguage] ?? `${mainOrigin}/`,
      views: COUNTER,
    });
    return {
      status: 200,
      body: page.replace(COUNTER, String(1000 + stored.views)),
      contentType: html,
      validators: { etag: etagOf(page), modified: stored.modified },
    };
  };

  let redesigned = false;
  const listingAnswer = (realOrigin: string, target: string): Answer | null => {
    for (const section of state.sections) {
      if (section.origin !== realOrigin) continue;
      const number = target === section.basePath ? 1 : Number(section.page.exec(target)?.[1] ?? Number.NaN);
      if (Number.isNaN(number)) continue;
      if (number === 1 && target !== section.basePath && markup.firstPageRedirects) {
        return { status: 301, body: "", contentType: html, location: realOrigin + section.basePath };
      }
      const all = state.listed((s) => s.section === section);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      let page = number;
      if (page < 1 || (page > pages && markup.pastLastPage === "404"))
        return notFound(404, realOrigin, target);
      if (page > pages && markup.pastLastPage === "last") page = pages;
      const items = all.slice((page - 1) * perPage, page * perPage);
      const body = redesigned
        ? `<!doctype html><html><head><title>${section.basePath}</title></head><body><div id="app" data-items='${JSON.stringify(items.map((i) => i.url))}'></div><script src="/assets/app.js"></script></body></html>`
        : markup.listingPage({
            section,
            page,
            pages,
            items,
            pageUrl: (n) =>
              realOrigin + (n === 1 && markup.firstPageRedirects ? section.basePath : section.pagePath(n)),
          });
      return {
        status: 200,
        body,
        contentType: html,
        validators: { etag: etagOf(body), modified: state.lastChange },
      };
    }
    return null;
  };

  const feedAnswer = (realOrigin: string, target: string): Answer | null => {
    for (const entry of profile.sources?.entries ?? []) {
      if (entry.kind === "listing") continue;
      const url = new URL(entry.url);
      if (url.origin !== realOrigin || url.pathname + url.search !== target) continue;
      const section = state.sections.find(
        (s) =>
          s.language === entry.language && s.origin === realOrigin && url.pathname.startsWith(s.basePath),
      );
      const items = state.listed(
        (s) => s.record.language === entry.language && (!section || s.section === section),
      );
      const feed = markup.feed(url.pathname, entry.language, items, entry.url);
      if (feed)
        return { status: 200, ...feed, validators: { etag: etagOf(feed.body), modified: state.lastChange } };
    }
    const extra = markup.extraDocuments?.(target, state.listed());
    return extra
      ? { status: 200, ...extra, validators: { etag: etagOf(extra.body), modified: state.lastChange } }
      : null;
  };

  const answer = (realOrigin: string, target: string): Answer => {
    if (target === "/robots.txt") {
      return {
        status: 200,
        body: robots,
        contentType: "text/plain; charset=utf-8",
        validators: { etag: etagOf(robots), modified: 0 },
      };
    }
    const stored = state.find(realOrigin + target);
    if (stored) return recordAnswer(stored, realOrigin + target);
    return (
      feedAnswer(realOrigin, target) ?? listingAnswer(realOrigin, target) ?? notFound(404, realOrigin, target)
    );
  };

  const send = (req: IncomingMessage, res: ServerResponse, a: Answer) => {
    const headers: Record<string, string> = { "content-type": a.contentType };
    if (a.location) headers.location = a.location;
    if (options.etags && a.validators) {
      const modified = new Date(a.validators.modified).toUTCString();
      headers.etag = a.validators.etag;
      headers["last-modified"] = modified;
      const tags = req.headers["if-none-match"];
      const since = req.headers["if-modified-since"];
      const fresh = tags
        ? tags.split(",").some((t) => t.trim().replace(/^W\//, "") === a.validators?.etag || t.trim() === "*")
        : since !== undefined && Date.parse(since) >= Date.parse(modified);
      if (fresh) {
        res.writeHead(304, { etag: headers.etag, "last-modified": modified });
        res.end();
        return;
      }
    }
    headers["content-length"] = String(Buffer.byteLength(a.body));
    res.writeHead(a.status, headers);
    res.end(req.method === "HEAD" ? undefined : a.body);
  };

  const servers: Server[] = [];
  const origins: Record<string, string> = {};
  for (const group of markup.hosts) {
    const server = createServer((req, res) => {
      const realOrigin = realOriginOf(req, group);
      const target = req.url ?? "/";
      const headers: Record<string, string | undefined> = {};
      for (const name of LOGGED_HEADERS) {
        const value = req.headers[name];
        headers[name] = Array.isArray(value) ? value.join(", ") : value;
      }
      requests.push({ method: req.method ?? "GET", path: target, realOrigin, headers });
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" });
        res.end();
        return;
      }
      send(req, res, answer(realOrigin, target));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const realOrigin of group) origins[realOrigin] = local;
    servers.push(server);
  }

  const localUrl = (pathOrUrl: string): string => {
    const real = new URL(state.url(pathOrUrl));
    const local = origins[real.origin];
    if (!local) throw new Error(`${real.origin} is not imitated here`);
    return local + real.pathname + real.search;
  };

  return {
    origin: origins[mainOrigin] ?? "",
    standsFor: markup.hosts.flat(),
    origins,
    requests,
    records: () => state.listed().map((l) => l.stored.record.path),
    record: (path) => structuredClone(state.get(path).record),
    publish: (record) => state.publish(record).record.path,
    edit: (path, change) => state.edit(path, change),
    withdraw: (path, status = 404) => state.withdraw(path, status),
    redesignListings: () => {
      redesigned = true;
    },
    realUrl: (path) => state.url(path),
    localUrl,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve, reject) => {
              server.close((error) => (error ? reject(error) : resolve()));
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
