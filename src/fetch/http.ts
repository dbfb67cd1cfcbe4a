/**
 * One polite HTTP GET, with the limits a crawler of other people's servers needs: a total time
 * limit, a size limit enforced while the body streams in, redirects followed by hand (so each hop
 * is checked against robots.txt and counted), retries with exponential backoff and jitter on
 * timeouts, resets and 5xx, and `429 Retry-After` obeyed. Every outcome is a response or a
 * catalog error for that URL: nothing here throws.
 *
 * The client is undici (Node's own fetch is built on it); its `request` is used rather than
 * `fetch` because it streams without WHATWG overhead and lets us stop reading at the size limit.
 */
import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { Agent, request, errors as undiciErrors } from "undici";
import { VerbatimError } from "../errors/catalog.js";

export interface HttpOptions {
  /** `Verbatim/VERSION (+contact)`: names the tool and how to reach its operator. */
  userAgent: string;
  /** Whole request, headers and body, per attempt. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Attempts after the first, for failures that may pass (timeouts, resets, 5xx, 429). */
  retries: number;
  /** First backoff; doubled on each retry, with up to as much again of random jitter. */
  retryBaseMs: number;
  /** The longest Retry-After Verbatim waits for; a longer one is a FETCH_RATE_LIMITED error. */
  maxRetryAfterMs: number;
}

export const DEFAULT_HTTP: HttpOptions = {
  userAgent: "Verbatim/0.1 (+https://github.com/verbatim-archive/verbatim)",
  timeoutMs: 30_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  retries: 3,
  retryBaseMs: 1000,
  maxRetryAfterMs: 120_000,
};

/** A header map with lower-case names, the way WARC records and the state table keep them. */
export type Headers = Record<string, string>;

export interface HttpResponse {
  /** The URL asked for, and the one that answered after redirects. */
  requestedUrl: string;
  url: string;
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
  fetchedAt: string;
  /** Each redirect on the way, kept so the archive can show them. */
  redirects: { url: string; status: number; location: string; headers: Headers; fetchedAt: string }[];
}

export type HttpOutcome =
  | { ok: true; response: HttpResponse }
  | { ok: false; url: string; error: VerbatimError };

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

/** Asked before each hop: may this URL be fetched? (robots.txt, scope). Null means yes. */
export type HopCheck = (url: string) => Promise<VerbatimError | null>;

/** Called before each attempt: waits for the host's turn (politeness) and returns a release. */
export type HostTurn = (url: string) => Promise<() => void>;

/** Told when a host asks to slow down (429, 503 with Retry-After), so other requests to it wait too. */
export type HostPause = (url: string, ms: number) => void;

export interface GetOptions {
  conditional?: Conditional;
  checkHop?: HopCheck;
  turn?: HostTurn;
  pause?: HostPause;
  /** Maps the address a URL names to the one actually asked (a mirror, or a test's local server). */
  address?: (url: string) => string;
}

const RETRY_STATUS = new Set([500, 502, 503, 504]);

export class HttpClient {
  private readonly agent: Agent;

  constructor(readonly options: HttpOptions = DEFAULT_HTTP) {
    this.agent = new Agent({
      connections: 16,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connectTimeout: Math.min(options.timeoutMs, 10_000),
    });
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** GET with redirects, retries and limits; a 304 answer to a conditional request is a response too. */
  async get(url: string, options: GetOptions = {}): Promise<HttpOutcome> {
    const redirects: HttpResponse["redirects"] = [];
    let current = url;
    for (let hop = 0; ; hop++) {
      const invalid = checkUrl(current);
      if (invalid) return { ok: false, url, error: invalid };
      const refused = (await options.checkHop?.(current)) ?? null;
      if (refused) return { ok: false, url, error: refused };
      const outcome = await this.attempts(current, hop === 0 ? options.conditional : undefined, options);
      if (!outcome.ok) return { ok: false, url, error: outcome.error };
      const r = outcome.response;
      const location = r.headers.location;
      if (r.status >= 300 && r.status < 400 && r.status !== 304 && location) {
        if (hop >= this.options.maxRedirects)
          return {
            ok: false,
            url,
            error: new VerbatimError("FETCH_TOO_MANY_REDIRECTS", { url, limit: this.options.maxRedirects }),
          };
        let next: string;
        try {
          next = new URL(location, current).href;
        } catch {
          return { ok: false, url, error: new VerbatimError("FETCH_URL_INVALID", { url: location }) };
        }
        redirects.push({
          url: current,
          status: r.status,
          location: next,
          headers: r.headers,
          fetchedAt: r.fetchedAt,
        });
        current = next;
        continue;
      }
      return { ok: true, response: { ...r, requestedUrl: url, redirects } };
    }
  }

  /** One URL, retried when the failure may pass. */
  private async attempts(
    url: string,
    conditional: Conditional | undefined,
    options: GetOptions,
  ): Promise<
    | { ok: true; response: Omit<HttpResponse, "requestedUrl" | "redirects"> }
    | { ok: false; error: VerbatimError }
  > {
    let last: VerbatimError = new VerbatimError("FETCH_NETWORK", { url, reason: "not attempted" });
    for (let attempt = 0; attempt <= this.options.retries; attempt++) {
      if (attempt > 0) await sleep(this.backoff(attempt));
      const release = (await options.turn?.(url)) ?? (() => {});
      let result: Awaited<ReturnType<HttpClient["once"]>>;
      try {
        result = await this.once(url, conditional, options.address?.(url) ?? url);
      } finally {
        release();
      }
      if ("error" in result) {
        last = result.error;
        if (!result.retry) return { ok: false, error: last };
        continue;
      }
      const { response } = result;
      if (response.status === 429 || (response.status === 503 && response.headers["retry-after"])) {
        const wait = retryAfterMs(response.headers["retry-after"], Date.now());
        if (wait !== null && wait > this.options.maxRetryAfterMs)
          return {
            ok: false,
            error: new VerbatimError("FETCH_RATE_LIMITED", { url, seconds: Math.ceil(wait / 1000) }),
          };
        const ms = wait ?? this.backoff(attempt + 1);
        options.pause?.(url, ms);
        last = new VerbatimError("FETCH_HTTP_STATUS", { url, status: response.status });
        if (attempt < this.options.retries) await sleep(ms);
        continue;
      }
      if (RETRY_STATUS.has(response.status)) {
        last = new VerbatimError("FETCH_HTTP_STATUS", { url, status: response.status });
        continue;
      }
      return { ok: true, response };
    }
    return { ok: false, error: last };
  }

  private backoff(attempt: number): number {
    const base = this.options.retryBaseMs * 2 ** (attempt - 1);
    return base + Math.random() * base;
  }

  private async once(
    url: string,
    conditional: Conditional | undefined,
    address: string,
  ): Promise<
    { response: Omit<HttpResponse, "requestedUrl" | "redirects"> } | { error: VerbatimError; retry: boolean }
  > {
    const headers: Record<string, string> = {
      "user-agent": this.options.userAgent,
      accept: "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
      "accept-encoding": "identity",
    };
    if (conditional?.etag) headers["if-none-match"] = conditional.etag;
    if (conditional?.lastModified) headers["if-modified-since"] = conditional.lastModified;
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const fetchedAt = new Date().toISOString();
    try {
      const res = await request(address, {
        method: "GET",
        headers,
        dispatcher: this.agent,
        signal,
      });
      const responseHeaders = flatHeaders(res.headers);
      const declared = Number(responseHeaders["content-length"]);
      if (Number.isFinite(declared) && declared > this.options.maxBytes) {
        res.body.destroy();
        return {
          error: new VerbatimError("FETCH_TOO_LARGE", { url, limit: this.options.maxBytes }),
          retry: false,
        };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > this.options.maxBytes) {
          res.body.destroy();
          return {
            error: new VerbatimError("FETCH_TOO_LARGE", { url, limit: this.options.maxBytes }),
            retry: false,
          };
        }
        chunks.push(chunk as Buffer);
      }
      return {
        response: {
          url,
          status: res.statusCode,
          statusText: STATUS_CODES[res.statusCode] ?? "",
          headers: responseHeaders,
          body: Buffer.concat(chunks),
          fetchedAt,
        },
      };
    } catch (error) {
      return { error: networkError(url, error, this.options.timeoutMs), retry: true };
    }
  }
}

function checkUrl(url: string): VerbatimError | null {
  try {
    const u = new URL(url);
    if (u.protocol === "http:" || u.protocol === "https:") return null;
  } catch {}
  return new VerbatimError("FETCH_URL_INVALID", { url });
}

function networkError(url: string, error: unknown, timeoutMs: number): VerbatimError {
  const e = error as { name?: string; code?: string; message?: string };
  const timedOut =
    e.name === "TimeoutError" ||
    e.name === "AbortError" ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError;
  if (timedOut) return new VerbatimError("FETCH_TIMEOUT", { url, seconds: Math.round(timeoutMs / 1000) });
  return new VerbatimError("FETCH_NETWORK", { url, reason: e.code ?? e.message ?? String(error) });
}

function flatHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const out: Headers = {};
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  }
  return out;
}

/** Retry-After as milliseconds from now: seconds, or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
