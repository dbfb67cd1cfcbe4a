/** Write protection, request limits, rate limiting and a bound on concurrent searches, each a small Hono middleware. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { VerbatimError } from "../errors/catalog.js";
import type { Editors } from "./editors.js";

/** Writes an editor may make: corrections, made and undone. Every other write is the operator's. */
export const EDITOR_WRITES =
  /^\/api\/(documents\/[^/]+\/corrections|corrections\/\d+\/undo|entities\/[^/]+\/decisions)$/;

const bearer = (header: string | undefined) => /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1] ?? "";

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Compared as digests, so neither the time taken nor a length check tells how close a guess was. */
function isOperator(token: string | null, given: string): boolean {
  return token !== null && timingSafeEqual(digest(given), digest(token));
}

/**
 * Writes need `Authorization: Bearer <token>`: the operator's for everything, an editor's for
 * corrections and decisions about found entities (EDITOR_WRITES). With no token configured, every write is refused. Who is writing
 * is left in the context as "writer" (the editor's name, or "operator").
 */
export function requireToken(token: string | null, editors: Editors | null = null): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const given = bearer(c.req.header("authorization"));
    if (isOperator(token, given)) {
      c.set("writer" as never, "operator" as never);
      return next();
    }
    if (EDITOR_WRITES.test(c.req.path)) {
      const editor = editors?.authenticate(given) ?? null;
      if (!editor) throw new VerbatimError("EDITOR_REQUIRED");
      c.set("writer" as never, editor as never);
      return next();
    }
    throw new VerbatimError("UNAUTHORIZED");
  };
}

/** A fixed one-minute window per client address; enough to stop a runaway script. */
export function rateLimit(
  perMinute: number,
  clientOf: (c: Parameters<MiddlewareHandler>[0]) => string,
): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    if (perMinute <= 0) return next();
    const now = Date.now();
    const key = clientOf(c);
    let w = windows.get(key);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) {
        for (const [k, v] of windows) if (now - v.start >= 60_000) windows.delete(k);
      }
    }
    w.count++;
    if (w.count > perMinute) {
      c.header("retry-after", String(Math.ceil((w.start + 60_000 - now) / 1000)));
      throw new VerbatimError("RATE_LIMITED");
    }
    return next();
  };
}

/**
 * At most `running` expensive requests (searches, concordances, trends, exports) at once, and at
 * most `waiting` more queued behind them, first come first served; beyond that SERVER_BUSY at
 * once, with Retry-After, rather than every request slowing down together until all time out.
 */
export function concurrencyLimit(running: number, waiting: number): MiddlewareHandler {
  if (!(running > 0)) return async (_c, next) => next();
  let active = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else active--;
  };
  return async (c, next) => {
    if (active >= running) {
      if (queue.length >= waiting) {
        c.header("retry-after", "1");
        throw new VerbatimError("SERVER_BUSY");
      }
      // The slot passes straight from the request that ends to the one that waited longest.
      await new Promise<void>((resolve) => queue.push(resolve));
    } else active++;
    // Its client was answered REQUEST_TIMEOUT while it waited: the slot goes to the next one.
    if (c.get("timedOut" as never)) return release();
    try {
      await next();
    } finally {
      release();
    }
  };
}

/**
 * A request that takes longer than `ms` is answered REQUEST_TIMEOUT. Its work is not stopped (a
 * search cannot be interrupted between its steps), but its client is no longer kept waiting, and
 * it keeps its concurrency slot until it really ends.
 */
export function requestTimeout(ms: number): MiddlewareHandler {
  return async (c, next) => {
    if (!(ms > 0)) return next();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        c.set("timedOut" as never, true as never);
        reject(new VerbatimError("REQUEST_TIMEOUT", { seconds: Math.round(ms / 100) / 10 }));
      }, ms);
    });
    try {
      await Promise.race([next(), expired]);
    } finally {
      clearTimeout(timer);
    }
  };
}
