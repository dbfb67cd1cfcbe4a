/**
 * An alignment as pairs of text: the form the reader, the CLI and the exports (TMX, CSV) share.
 * A segment joins the passages of one link; a passage found in one version only has an empty side.
 */
import type { Document } from "../model/document.js";
import { type DocumentAlignment, documentSentences, paragraphRefs } from "./align-documents.js";

export type SegmentLevel = "paragraph" | "sentence";

export interface AlignedSegment {
  a: string;
  b: string;
  confidence: number;
  /** Turn-paragraph permalinks of the first passage on each side ("t3p1"), or null when the side is empty. */
  refA: string | null;
  refB: string | null;
}

function paragraphTexts(doc: Document): string[] {
  return doc.turns.flatMap((t) => t.paragraphs);
}

export function alignedSegments(
  a: Document,
  b: Document,
  alignment: DocumentAlignment,
  level: SegmentLevel,
): AlignedSegment[] {
  const refsA = paragraphRefs(a);
  const refsB = paragraphRefs(b);
  const ref = (refs: ReturnType<typeof paragraphRefs>, flat: number | undefined) => {
    const r = flat === undefined ? undefined : refs[flat];
    return r ? `t${r.turn}p${r.paragraph}` : null;
  };
  if (level === "paragraph") {
    const pa = paragraphTexts(a);
    const pb = paragraphTexts(b);
    return alignment.paragraphs.map((l) => ({
      a: l.a.map((i) => pa[i]).join("\n"),
      b: l.b.map((i) => pb[i]).join("\n"),
      confidence: l.confidence,
      refA: ref(refsA, l.a[0]),
      refB: ref(refsB, l.b[0]),
    }));
  }
  const sa = documentSentences(a);
  const sb = documentSentences(b);
  const text = (all: typeof sa, refs: [number, number][]) =>
    refs.map(([p, s]) => all[p]?.[s]?.text ?? "").join(" ");
  const out: AlignedSegment[] = [];
  // Paragraphs with no counterpart have no sentence links: they come as one segment with an empty side.
  alignment.paragraphs.forEach((l, group) => {
    if (l.a.length === 0 || l.b.length === 0) {
      const pa = paragraphTexts(a);
      const pb = paragraphTexts(b);
      out.push({
        a: l.a.map((i) => pa[i]).join("\n"),
        b: l.b.map((i) => pb[i]).join("\n"),
        confidence: l.confidence,
        refA: ref(refsA, l.a[0]),
        refB: ref(refsB, l.b[0]),
      });
      return;
    }
    for (const s of alignment.sentences) {
      if (s.group !== group) continue;
      out.push({
        a: text(sa, s.a),
        b: text(sb, s.b),
        confidence: s.confidence,
        refA: ref(refsA, s.a[0]?.[0]),
        refB: ref(refsB, s.b[0]?.[0]),
      });
    }
  });
  return out;
}
