/**
 * Verbatim's own interchange format: one Document per line, as JSON, carrying its
 * formatVersion. Export then import gives the same documents, field for field.
 */
import type { Document } from "../model/document.js";

export function documentToJsonLine(doc: Document): string {
  return JSON.stringify(doc);
}
