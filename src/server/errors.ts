/**
 * The one place errors become HTTP responses: catalog errors keep their code and status; anything
 * else is logged on the server (with the request's id, method and path) and answered as INTERNAL
 * with that id and no detail, so no stack trace, message or path leaks. Every error response
 * carries the request id, for the operator to find it in the log.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { VerbatimError } from "../errors/catalog.js";
import { errorPage } from "../web/pages/error.js";
import type { Logger } from "./log.js";

export function toHttpError(error: unknown, log?: (error: unknown) => void): VerbatimError {
  if (error instanceof VerbatimError && error.kind === "user") return error;
  log?.(error);
  return new VerbatimError("INTERNAL", { reason: "something went wrong on the server" });
}

export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith("/api/") || (c.req.header("accept") ?? "").startsWith("application/json");
}

/** The id hono's requestId middleware gave this request (also sent as X-Request-Id). */
export function requestIdOf(c: Context): string | null {
  return (c.get("requestId" as never) as string | undefined) ?? null;
}

export function errorResponse(c: Context, error: unknown, logger?: Logger): Response | Promise<Response> {
  const requestId = requestIdOf(c);
  const e = toHttpError(error, (unexpected) =>
    logger?.error({ requestId, method: c.req.method, path: c.req.path, err: unexpected }, "unexpected error"),
  );
  const status = e.status as ContentfulStatusCode;
  if (wantsJson(c)) return c.json({ code: e.code, message: e.message, requestId }, status);
  return c.html(errorPage(e, requestId), status);
}
