import type { ParagraphRef } from "./align-documents.js";
import type { PairAlignment } from "./service.js";

export type SegmentLevel = "paragraph" | "sentence";

export interface AlignedSegment {
  a: string;
  b: string;
  confidence: number;
  /** Turn-paragraph permalinks of the first passage on each side ("t3p1"), or null when the side is empty. */
  refA: string | null;
  refB: string | null;
}

export function alignedSegments(pair: PairAlignment, level: SegmentLevel): AlignedSegment[] {
  const { a, b, alignment } = pair;
  const pa = a.turns.flatMap((t) => t.paragraphs);
  const pb = b.turns.flatMap((t) => t.paragraphs);
  const ref = (refs: ParagraphRef[], flat: number | undefined) => {
    const r = flat === undefined ? undefined : refs[flat];
    return r ? `t${r.turn}p${r.paragraph}` : null;
  };
  const segment = (textA: string, textB: string, confidence: number, firstA?: number, firstB?: number) => ({
    a: textA,
    b: textB,
    confidence,
    refA: ref(pair.text.a.refs, firstA),
    refB: ref(pair.text.b.refs, firstB),
  });
  const paragraphs = (l: { a: number[]; b: number[]; confidence: number }) =>
    segment(l.a.map((i) => pa[i]).join("\n"), l.b.map((i) => pb[i]).join("\n"), l.confidence, l.a[0], l.b[0]);
  if (level === "paragraph") return alignment.paragraphs.map(paragraphs);

  const sentenceText = (side: "a" | "b", refs: [number, number][]) =>
    refs.map(([p, s]) => pair.text[side].sentences[p]?.[s]?.text ?? "").join(" ");
  // Sentence links come grouped by their paragraph link; a paragraph with no counterpart has none
  // and comes as one segment with an empty side.
  const byGroup = new Map<number, typeof alignment.sentences>();
  for (const s of alignment.sentences) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s]);
  return alignment.paragraphs.flatMap((l, group) =>
    l.a.length === 0 || l.b.length === 0
      ? [paragraphs(l)]
      : (byGroup.get(group) ?? []).map((s) =>
          segment(sentenceText("a", s.a), sentenceText("b", s.b), s.confidence, s.a[0]?.[0], s.b[0]?.[0]),
        ),
  );
}
