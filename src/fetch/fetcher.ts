/**
 * A fetch session: the HTTP client, per-host politeness, robots.txt, and the WARC writer, put
 * together so that every request is polite and every response is kept. Used by `crawl`, `follow`
 * and `serve --follow`.
 */
import type { VerbatimError } from "../errors/catalog.js";
import { contentHash } from "../ingest/pipeline.js";
import type { FetchLog } from "../store/store.js";
import { HostGates, type Politeness } from "./hosts.js";
import {
  type Conditional,
  DEFAULT_HTTP,
  HttpClient,
  type HttpOptions,
  type HttpOutcome,
  type HttpResponse,
} from "./http.js";
import { RobotsRules } from "./robots.js";
import { WarcWriter } from "./warc.js";

export interface FetcherOptions {
  http?: Partial<HttpOptions>;
  politeness?: Partial<Politeness>;
  warcDir: string;
  /** Origins fetched through another address: `https://mid.ru` → `http://127.0.0.1:8123`. */
  via?: Record<string, string>;
  /** An extra check per URL (the crawl's scope); null means allowed. */
  allow?: (url: string) => VerbatimError | null;
}

export const DEFAULT_POLITENESS: Politeness = { concurrency: 2, delayMs: 1000 };

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = "Verbatim";

export class Fetcher {
  readonly http: HttpClient;
  readonly gates: HostGates;
  private readonly robots: RobotsRules;
  private readonly warc: WarcWriter;
  private readonly via: [string, string][];

  constructor(
    private readonly log: FetchLog,
    private readonly options: FetcherOptions,
  ) {
    this.http = new HttpClient({ ...DEFAULT_HTTP, ...options.http });
    this.gates = new HostGates({ ...DEFAULT_POLITENESS, ...options.politeness });
    this.via = Object.entries(options.via ?? {}).map(([from, to]) => [
      new URL(from).origin,
      new URL(to).origin,
    ]);
    this.warc = new WarcWriter(options.warcDir);
    this.robots = new RobotsRules(this.http, this.gates, ROBOTS_AGENT, this.address, (r) => this.keepAll(r));
  }

  /** The address actually asked for a URL (the same URL unless its origin is fetched via another). */
  address = (url: string): string => {
    for (const [from, to] of this.via)
      if (url.startsWith(`${from}/`) || url === from) return to + url.slice(from.length);
    return url;
  };

  /**
   * GETs a URL politely and keeps every response on the way (redirects included) in the WARC
   * files and the capture log. A robots.txt refusal or a failure is a catalog error for the URL.
   */
  async fetch(url: string, conditional?: Conditional): Promise<HttpOutcome> {
    const outcome = await this.http.get(url, {
      ...(conditional ? { conditional } : {}),
      checkHop: async (hop) => this.options.allow?.(hop) ?? (await this.robots.check(hop)),
      turn: this.gates.turn,
      pause: (u, ms) => this.gates.pause(u, ms),
      address: this.address,
    });
    if (outcome.ok) await this.keepAll(outcome.response);
    return outcome;
  }

  /** Keeps a response and the redirects on its way. */
  private async keepAll(r: HttpResponse): Promise<void> {
    for (const hop of r.redirects)
      await this.keep(hop.url, hop.status, "", hop.headers, new Uint8Array(), hop.fetchedAt, null);
    await this.keep(
      r.url,
      r.status,
      r.statusText,
      r.headers,
      r.body,
      r.fetchedAt,
      r.status === 304 ? null : contentHash(r.body),
    );
  }

  private async keep(
    url: string,
    status: number,
    statusText: string,
    headers: Record<string, string>,
    body: Uint8Array,
    fetchedAt: string,
    contentHash: string | null,
  ): Promise<void> {
    const pointer = await this.warc.write({ url, status, statusText, headers, body, fetchedAt });
    await this.log.putCapture({
      url,
      fetchedAt,
      status,
      contentHash,
      warcFile: pointer.file,
      warcOffset: pointer.offset,
      warcLength: pointer.length,
    });
  }

  async close(): Promise<void> {
    this.warc.close();
    await this.http.close();
  }
}
