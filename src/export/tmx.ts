/**
 * Aligned pairs as TMX 1.4 (the translation memory exchange format translators' tools read), and
 * as CSV. Only segments with text on both sides go into TMX: a passage without a counterpart is
 * no translation unit. One pair makes a whole file (`align --format tmx`); an export writes the
 * units of every linked pair into one file (tmxStart, pairUnits, tmxEnd).
 */
import { create, fragment } from "xmlbuilder2";
import type { AlignedSegment } from "../align/segments.js";
import type { Document } from "../model/document.js";
import { csvRow } from "./csv.js";
import { xmlText } from "./xml-text.js";

export function alignedTmx(
  a: Document,
  b: Document,
  segments: AlignedSegment[],
  level: "paragraph" | "sentence",
): string {
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("tmx", { version: "1.4" });
  root.ele("header", headerAttrs(level, a.language));
  const body = root.ele("body");
  segments.forEach((s, i) => {
    if (!s.a || !s.b) return;
    unit(body, a, b, s, String(i + 1));
  });
  return root.end({ prettyPrint: true });
}

function headerAttrs(level: string, srclang: string): Record<string, string> {
  return {
    creationtool: "Verbatim",
    creationtoolversion: "0.1.0",
    segtype: level,
    "o-tmf": "verbatim",
    adminlang: "en",
    srclang,
    datatype: "plaintext",
  };
}

function unit(
  parent: ReturnType<typeof fragment>,
  a: Document,
  b: Document,
  s: AlignedSegment,
  tuid: string,
) {
  const tu = parent.ele("tu", { tuid });
  tu.ele("prop", { type: "x-confidence" }).txt(s.confidence.toFixed(3));
  if (s.refA) tu.ele("prop", { type: "x-source" }).txt(`${a.id}#${s.refA}`);
  if (s.refB) tu.ele("prop", { type: "x-target" }).txt(`${b.id}#${s.refB}`);
  tu.ele("tuv", { "xml:lang": a.language })
    .ele("seg")
    .txt(xmlText(s.a ?? ""));
  tu.ele("tuv", { "xml:lang": b.language })
    .ele("seg")
    .txt(xmlText(s.b ?? ""));
  return tu;
}

/** The start of a TMX file holding many pairs: `srclang="*all*"`, as TMX says for mixed sources. */
export function tmxStart(level: "paragraph" | "sentence"): string {
  const header = fragment().ele("header", headerAttrs(level, "*all*")).end({ prettyPrint: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n${header}\n<body>\n`;
}

export function tmxEnd(): string {
  return "</body>\n</tmx>\n";
}

/** One pair's translation units; tuids are the pair's ids and the unit's place in their alignment. */
export function pairUnits(a: Document, b: Document, segments: AlignedSegment[]): string {
  let out = "";
  segments.forEach((s, i) => {
    if (!s.a || !s.b) return;
    const tu = fragment();
    unit(tu, a, b, s, `${a.id}--${b.id}-${i + 1}`);
    out += `${tu.end({ prettyPrint: true })}\n`;
  });
  return out;
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
