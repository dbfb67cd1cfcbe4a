/**
 * The one place errors become HTTP responses: catalog errors keep their code and status; anything
 * else is logged on the server and answered as INTERNAL with no detail, so no stack trace leaks.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { VerbatimError } from "../errors/catalog.js";
import { errorPage } from "../web/pages/error.js";

export function toHttpError(error: unknown): VerbatimError {
  if (error instanceof VerbatimError && error.kind === "user") return error;
  if (!(error instanceof VerbatimError && error.kind === "internal")) {
    console.error("verbatim serve: unexpected error", error);
  }
  return new VerbatimError("INTERNAL", { reason: "something went wrong on the server" });
}

export function wantsJson(c: Context): boolean {
  return c.req.path.startsWith("/api/") || (c.req.header("accept") ?? "").startsWith("application/json");
}

export function errorResponse(c: Context, error: unknown): Response | Promise<Response> {
  const e = toHttpError(error);
  const status = e.status as ContentfulStatusCode;
  if (wantsJson(c)) return c.json({ code: e.code, message: e.message }, status);
  return c.html(errorPage(e), status);
}
