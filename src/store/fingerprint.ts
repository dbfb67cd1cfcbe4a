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
 * What makes two versions "the same": everything but the moment and path of reading. Re-reading
 * the same bytes with the same Verbatim gives the same fingerprint, whatever order a reader built
 * the object's keys in; new bytes or a better reader give a new version.
 */
export function documentFingerprint(doc: Document): string {
  const { readAt: _readAt, source: _source, ...provenance } = doc.provenance;
  return createHash("sha256")
    .update(canonicalJson({ ...doc, provenance }))
    .digest("hex");
}
