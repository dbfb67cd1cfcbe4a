/**
 * Aligns two language versions of one document, from the top down: turns (a speaker's turn in one
 * version against the same speaker's in the other), then paragraphs within linked turns, then
 * sentences within linked paragraphs. Paragraphs are numbered through the whole document (turn
 * by turn, from 0) so that a link can be cited and stored as plain numbers.
 */

import { type Sentence, splitSentences } from "../enrich/sentences.js";
import type { Document } from "../model/document.js";
import { type Anchors, anchorsOf, type EntityFinder, mergeAnchors } from "./anchors.js";
import { align, type Link, type Unit } from "./gale-church.js";

/** Bumped when alignments change; recorded with each stored divergence summary. */
export const ALIGNMENT_VERSION = 1;

export interface ParagraphRef {
  turn: number;
  paragraph: number;
}

export interface SentenceLink {
  /** The paragraph link (index into `paragraphs`) the sentences belong to. */
  group: number;
  /** [flat paragraph index, sentence index] pairs. */
  a: [number, number][];
  b: [number, number][];
  confidence: number;
}

export interface DocumentAlignment {
  version: number;
  a: string;
  b: string;
  /** Characters of B per character of A that the alignment expected (the pair's own when measurable). */
  ratio: number;
  turns: Link[];
  /** Flat paragraph indices: see `paragraphRefs`. */
  paragraphs: Link[];
  sentences: SentenceLink[];
}

/** The (turn, paragraph) of each flat paragraph index. */
export function paragraphRefs(doc: Document): ParagraphRef[] {
  const out: ParagraphRef[] = [];
  for (const turn of doc.turns)
    for (let paragraph = 0; paragraph < turn.paragraphs.length; paragraph++)
      out.push({ turn: turn.index, paragraph });
  return out;
}

/** What readers of an alignment look up by flat paragraph index: where each paragraph sits and its sentences. */
export interface SideText {
  refs: ParagraphRef[];
  sentences: Sentence[][];
}

export function sideText(doc: Document): SideText {
  return { refs: paragraphRefs(doc), sentences: documentSentences(doc) };
}

/** Sentences of every paragraph, by flat index. */
export function documentSentences(doc: Document): Sentence[][] {
  return doc.turns.flatMap((t) => t.paragraphs.map((p) => splitSentences(p, doc.language)));
}

interface Side {
  doc: Document;
  paragraphs: string[];
  /** Flat index of each turn's first paragraph. */
  firstParagraph: number[];
  paragraphAnchors: Anchors[];
}

function side(doc: Document, entities: EntityFinder | null): Side {
  const paragraphs: string[] = [];
  const firstParagraph: number[] = [];
  for (const turn of doc.turns) {
    firstParagraph.push(paragraphs.length);
    paragraphs.push(...turn.paragraphs);
  }
  return { doc, paragraphs, firstParagraph, paragraphAnchors: paragraphs.map((p) => anchorsOf(p, entities)) };
}

const paragraphsOfTurns = (s: Side, turns: number[]) =>
  turns.flatMap((t) => {
    const first = s.firstParagraph[t] as number;
    return Array.from(
      { length: (s.doc.turns[t] as Document["turns"][number]).paragraphs.length },
      (_, k) => first + k,
    );
  });

/**
 * Characters of B per character of A in translation, measured on the gold alignments and the UN
 * parallel corpus: Russian runs about a tenth longer than English, Ukrainian a little less.
 */
const RATIOS: Record<string, number> = { "ru-en": 0.9, "uk-en": 1.07, "ru-uk": 1.0 };

export function expectedRatio(a: string, b: string): number {
  const direct = RATIOS[`${a}-${b}`];
  if (direct) return direct;
  const inverse = RATIOS[`${b}-${a}`];
  return inverse ? 1 / inverse : 1;
}

function medianRatio(links: Link[], pa: string[], pb: string[]): number | null {
  const ratios: number[] = [];
  for (const l of links) {
    if (l.a.length !== 1 || l.b.length !== 1) continue;
    const la = (pa[l.a[0] as number] ?? "").length;
    const lb = (pb[l.b[0] as number] ?? "").length;
    if (la >= 60 && lb >= 60) ratios.push(lb / la);
  }
  if (ratios.length < 5) return null;
  ratios.sort((x, y) => x - y);
  return ratios[Math.floor(ratios.length / 2)] as number;
}

export function alignDocuments(
  a: Document,
  b: Document,
  entities: EntityFinder | null = null,
): DocumentAlignment {
  const sa = side(a, entities);
  const sb = side(b, entities);
  let ratio = expectedRatio(a.language, b.language);

  const turnUnits = (s: Side): Unit[] =>
    s.doc.turns.map((t, i) => {
      const ps = paragraphsOfTurns(s, [i]);
      return {
        length: ps.reduce((n, p) => n + (s.paragraphs[p] as string).length, 0),
        anchors: mergeAnchors(ps.map((p) => s.paragraphAnchors[p] as Anchors)),
        speaker: t.speakerId,
      };
    });
  const turns =
    a.turns.length > 1 || b.turns.length > 1
      ? align(turnUnits(sa), turnUnits(sb), { ratio })
      : [{ a: a.turns.map((t) => t.index), b: b.turns.map((t) => t.index), confidence: 1 }];

  const alignParagraphs = (r: number): Link[] => {
    const out: Link[] = [];
    for (const turnLink of turns) {
      const pa = paragraphsOfTurns(sa, turnLink.a);
      const pb = paragraphsOfTurns(sb, turnLink.b);
      const units = (s: Side, ps: number[]): Unit[] =>
        ps.map((p) => ({
          length: (s.paragraphs[p] as string).length,
          anchors: s.paragraphAnchors[p] as Anchors,
        }));
      for (const link of align(units(sa, pa), units(sb, pb), { ratio: r })) {
        out.push({
          a: link.a.map((k) => pa[k] as number),
          b: link.b.map((k) => pb[k] as number),
          confidence: link.confidence,
        });
      }
    }
    return out;
  };
  let paragraphs = alignParagraphs(ratio);
  // The pair's own ratio, from the paragraphs the first pass paired one to one, when there are
  // enough of them; a median, so that one list in two scripts does not skew it.
  const own = medianRatio(paragraphs, sa.paragraphs, sb.paragraphs);
  if (own !== null && Math.abs(own / ratio - 1) > 0.1) {
    ratio = own;
    paragraphs = alignParagraphs(ratio);
  }

  const sentencesA = documentSentences(a);
  const sentencesB = documentSentences(b);
  const sentences: SentenceLink[] = [];
  paragraphs.forEach((link, group) => {
    if (link.a.length === 0 || link.b.length === 0) return;
    const list = (all: Sentence[][], ps: number[]) =>
      ps.flatMap((p) => (all[p] ?? []).map((sentence, k) => ({ ref: [p, k] as [number, number], sentence })));
    const la = list(sentencesA, link.a);
    const lb = list(sentencesB, link.b);
    const units = (l: typeof la): Unit[] =>
      l.map((x) => ({ length: x.sentence.text.length, anchors: anchorsOf(x.sentence.text, entities) }));
    for (const s of align(units(la), units(lb), { ratio })) {
      sentences.push({
        group,
        a: s.a.map((k) => (la[k] as (typeof la)[number]).ref),
        b: s.b.map((k) => (lb[k] as (typeof lb)[number]).ref),
        confidence: s.confidence,
      });
    }
  });
  return { version: ALIGNMENT_VERSION, a: a.id, b: b.id, ratio, turns, paragraphs, sentences };
}
