/** Write protection, request limits and rate limiting, each a small Hono middleware. */
import { timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { VerbatimError } from "../errors/catalog.js";
import type { Editors } from "./editors.js";

/** Writes an editor may make: corrections, made and undone. Every other write is the operator's. */
export const EDITOR_WRITES = /^\/api\/(documents\/[^/]+\/corrections|corrections\/\d+\/undo)$/;

const bearer = (header: string | undefined) => /^Bearer\s+(.+)$/i.exec(header ?? "")?.[1] ?? "";

function isOperator(token: string | null, given: string): boolean {
  return (
    token !== null && given.length === token.length && timingSafeEqual(Buffer.from(given), Buffer.from(token))
  );
}

/**
 * Writes need `Authorization: Bearer <token>`: the operator's for everything, an editor's for
 * corrections (EDITOR_WRITES). With no token configured, every write is refused. Who is writing
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
