/** Opaque page cursors: a position in a result order, salted with the query it belongs to. */
import { createHash } from "node:crypto";
import { VerbatimError } from "../../errors/catalog.js";
import type { SearchQuery } from "../../model/search-query.js";
import type { SortOrder } from "../../model/search-results.js";

/** Cursors name the query and order they belong to, so one cannot be replayed against another. */
export function cursorSalt(query: SearchQuery, sort: SortOrder): string {
  return createHash("sha256")
    .update(JSON.stringify([query, sort]))
    .digest("hex")
    .slice(0, 12);
}

export function encodeCursor(position: { key: number; id: string }, salt: string): string {
  return Buffer.from(JSON.stringify({ k: position.key, i: position.id, s: salt })).toString("base64url");
}

export function decodeCursor(cursor: string, salt: string): { key: number; id: string } {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as {
      k: unknown;
      i: unknown;
      s: unknown;
    };
    if (typeof value.k === "number" && typeof value.i === "string" && value.s === salt)
      return { key: value.k, id: value.i };
  } catch {
    // fall through to the catalog error
  }
  throw new VerbatimError("CURSOR_INVALID");
}
