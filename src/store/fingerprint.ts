import { createHash } from "node:crypto";
import type { Document } from "../model/document.js";

/**
 * What makes two versions "the same": everything but the moment of reading. Re-reading the
 * same bytes with the same Verbatim gives the same fingerprint; new bytes or a better reader
 * give a new version.
 */
export function documentFingerprint(doc: Document): string {
  const { readAt: _readAt, source: _source, ...provenance } = doc.provenance;
  return createHash("sha256")
    .update(JSON.stringify({ ...doc, provenance }))
    .digest("hex");
}
