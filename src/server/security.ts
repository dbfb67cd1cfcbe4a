/** Write protection, request limits and rate limiting, each a small Hono middleware. */
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { VerbatimError } from "../errors/catalog.js";

/** Writes need `Authorization: Bearer <token>`; with no token configured they are refused. */
export function requireToken(token: string | null): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    const ok =
      token !== null &&
      given.length === token.length &&
      timingSafeEqual(Buffer.from(given), Buffer.from(token));
    if (!ok) throw new VerbatimError("UNAUTHORIZED");
    return next();
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
