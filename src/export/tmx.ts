/**
 * Aligned pairs as TMX 1.4 (the translation memory exchange format translators' tools read), and
 * as CSV. Only segments with text on both sides go into TMX: a passage without a counterpart is
 * no translation unit.
 */
import { create } from "xmlbuilder2";
import type { AlignedSegment } from "../align/segments.js";
import type { Document } from "../model/document.js";
import { csvRow } from "./csv.js";

export function alignedTmx(
  a: Document,
  b: Document,
  segments: AlignedSegment[],
  level: "paragraph" | "sentence",
): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("tmx", { version: "1.4" });
  root.ele("header", {
    creationtool: "Verbatim",
    creationtoolversion: "0.1.0",
    segtype: level,
    "o-tmf": "verbatim",
    adminlang: "en",
    srclang: a.language,
    datatype: "plaintext",
  });
  const body = root.ele("body");
  segments.forEach((s, i) => {
    if (!s.a || !s.b) return;
    const tu = body.ele("tu", { tuid: String(i + 1) });
    tu.ele("prop", { type: "x-confidence" }).txt(s.confidence.toFixed(3));
    if (s.refA) tu.ele("prop", { type: "x-source" }).txt(`${a.id}#${s.refA}`);
    if (s.refB) tu.ele("prop", { type: "x-target" }).txt(`${b.id}#${s.refB}`);
    tu.ele("tuv", { "xml:lang": a.language }).ele("seg").txt(stripInvalidXml(s.a));
    tu.ele("tuv", { "xml:lang": b.language }).ele("seg").txt(stripInvalidXml(s.b));
  });
  return root.end({ prettyPrint: true });
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab and newlines). */
function stripInvalidXml(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

export function alignedCsv(a: Document, b: Document, segments: AlignedSegment[]): string {
  let csv = csvRow([a.language, b.language, "confidence", `${a.language} passage`, `${b.language} passage`]);
  for (const s of segments) {
    csv += csvRow([
      s.a,
      s.b,
      s.confidence.toFixed(3),
      s.refA ? `${a.id}#${s.refA}` : "",
      s.refB ? `${b.id}#${s.refB}` : "",
    ]);
  }
  return csv;
}
