/**
 * Where two versions of a document differ, read from their alignment: passages found in one version
 * only, passages much longer or shorter than their counterpart, and numbers or entities one side
 * has and the other lacks. The score is a single number to rank pairs by. Formatting is not a
 * difference (formatting.ts): a passage in one version only that is list furniture (an item number,
 * a dash) or repeats the passage before it (a name again in Cyrillic) is not a divergent passage,
 * and list items' numbers and bullets are neither measured nor compared.
 */
import type { Document } from "../model/document.js";
import type { DivergenceSummary } from "../store/store.js";
import type { DocumentAlignment } from "./align-documents.js";
import { anchorsOf, type EntityFinder } from "./anchors.js";
import { isFormattingOnly, withoutItemMarker } from "./formatting.js";
import { repeatsPrevious } from "./repeats.js";

export interface DivergentPassage {
  /** Index into the alignment's paragraph links. */
  link: number;
  a: number[];
  b: number[];
  kind: "only-a" | "only-b" | "longer-a" | "longer-b" | "numbers" | "entities";
  /** Numbers or entity ids present on one side only (for kind numbers/entities). */
  onlyA: string[];
  onlyB: string[];
}

/** The pair's summary as the store keeps it (less the alignment version), and every divergent passage. */
export interface DivergenceReport extends Omit<DivergenceSummary, "version"> {
  passages: DivergentPassage[];
}

/** A passage is "much longer" when its length differs from the expected by more than this factor. */
const OUTLIER_FACTOR = 1.6;
/** Short passages (headings, list items) vary too much in length to judge. */
const MIN_LENGTH = 80;

const difference = (x: Set<string>, y: Set<string>) => [...x].filter((v) => !y.has(v)).sort();

export function divergence(
  a: Document,
  b: Document,
  alignment: DocumentAlignment,
  entities: EntityFinder | null = null,
): DivergenceReport {
  const pa = a.turns.flatMap((t) => t.paragraphs);
  const pb = b.turns.flatMap((t) => t.paragraphs);
  // Lengths and anchors leave out item numbers and bullets; furniture has no length at all.
  const content = (p: string) => (isFormattingOnly(p) ? "" : withoutItemMarker(p));
  const total = (list: string[], idx: number[]) => idx.reduce((n, i) => n + content(list[i] ?? "").length, 0);
  /** A passage alone that is furniture, or that repeats the one before it in its own version. */
  const formatting = (list: string[], idx: number[]) =>
    idx.every((i) => {
      const text = list[i] ?? "";
      const before = list[i - 1];
      return (
        isFormattingOnly(text) ||
        (before !== undefined &&
          repeatsPrevious(
            { text, anchors: anchorsOf(text, entities) },
            { text: before, anchors: anchorsOf(before, entities) },
          ))
      );
    });
  // Everything is measured in A's characters (B's divided by the ratio), over both versions, so
  // the score is the same whichever version comes first.
  const ratio = alignment.ratio;
  const size =
    pa.reduce((n, p) => n + content(p).length, 0) + pb.reduce((n, p) => n + content(p).length, 0) / ratio;
  const passages: DivergentPassage[] = [];
  let alone = 0;
  let outlying = 0;
  alignment.paragraphs.forEach((link, index) => {
    const la = total(pa, link.a);
    const lb = total(pb, link.b);
    const base = { link: index, a: link.a, b: link.b, onlyA: [], onlyB: [] };
    if (link.a.length === 0 ? formatting(pb, link.b) : link.b.length === 0 && formatting(pa, link.a)) return;
    if (link.b.length === 0) {
      passages.push({ ...base, kind: "only-a" });
      alone += la;
      return;
    }
    if (link.a.length === 0) {
      passages.push({ ...base, kind: "only-b" });
      alone += lb / ratio;
      return;
    }
    if (Math.max(la, lb / ratio) >= MIN_LENGTH) {
      const factor = lb / ratio / Math.max(1, la);
      if (factor > OUTLIER_FACTOR || factor < 1 / OUTLIER_FACTOR) {
        passages.push({ ...base, kind: factor > 1 ? "longer-b" : "longer-a" });
        outlying += Math.abs(la - lb / ratio);
      }
    }
    const xa = anchorsOf(link.a.map((i) => content(pa[i] ?? "")).join("\n"), entities);
    const xb = anchorsOf(link.b.map((i) => content(pb[i] ?? "")).join("\n"), entities);
    const na = difference(xa.numbers, xb.numbers);
    const nb = difference(xb.numbers, xa.numbers);
    if (na.length || nb.length) passages.push({ ...base, kind: "numbers", onlyA: na, onlyB: nb });
    const ea = difference(xa.entities, xb.entities);
    const eb = difference(xb.entities, xa.entities);
    if (ea.length || eb.length) passages.push({ ...base, kind: "entities", onlyA: ea, onlyB: eb });
  });
  const count = (kind: DivergentPassage["kind"]) => passages.filter((p) => p.kind === kind).length;
  const links = Math.max(1, alignment.paragraphs.length);
  return {
    a: a.id,
    b: b.id,
    score: divergenceScore(alone, outlying, count("numbers") + count("entities"), size, links),
    onlyA: count("only-a"),
    onlyB: count("only-b"),
    lengthOutliers: count("longer-a") + count("longer-b"),
    numberMismatches: count("numbers"),
    entityMismatches: count("entities"),
    passages,
  };
}

/**
 * The share of both versions' text (in A's characters) that has no counterpart or is surplus in an
 * outlying passage, plus a tenth of the share of passages whose numbers or entities disagree: from
 * 0 to a little over 1, and the same whichever version is A.
 */
export function divergenceScore(
  alone: number,
  outlying: number,
  mismatches: number,
  size: number,
  links: number,
): number {
  const text = size > 0 ? Math.min(1, (alone + outlying) / size) : 0;
  return Math.round((text + (0.1 * mismatches) / links) * 1000) / 1000;
}
