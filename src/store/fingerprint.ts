import { createHash } from "node:crypto";
import type { Document } from "../model/document.js";

/** JSON with object keys sorted, so that the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/**
 * What makes two versions "the same": what the record says (its text, speakers, metadata) and
 * which reader read it; not the bytes it was read from. A page re-fetched with a new view counter,
 * other page furniture or other whitespace is the same version; an edited sentence, a removed
 * answer or a changed date is a new one, and so is a better reader's reading. The same content
 * always gives the same fingerprint, whatever order a reader built the object's keys in.
 */
export function documentFingerprint(doc: Document): string {
  const { reader, profile } = doc.provenance;
  return createHash("sha256")
    .update(canonicalJson({ ...doc, provenance: { reader, profile } }))
    .digest("hex");
}
