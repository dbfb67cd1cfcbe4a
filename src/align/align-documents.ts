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
import { repeatsPrevious } from "./repeats.js";
import { ALIGNMENT_VERSION } from "./version.js";

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

interface SentenceItem {
  ref: [number, number];
  text: string;
}

/** One pair of linked turns aligned: paragraph links, and sentence links numbered by them (from 0). */
interface TurnAlignment {
  paragraphs: Link[];
  sentences: SentenceLink[];
}

interface Sides {
  sa: Side;
  sb: Side;
  sentencesA: Sentence[][];
  sentencesB: Sentence[][];
  entities: EntityFinder | null;
}

const sentenceItems = (s: Side, all: Sentence[][], ps: number[]): SentenceItem[] =>
  ps.flatMap((p) => {
    const found = all[p] ?? [];
    // A paragraph the splitter finds no sentence in still needs a place in the alignment.
    if (found.length === 0) return [{ ref: [p, 0] as [number, number], text: s.paragraphs[p] ?? "" }];
    return found.map((sentence, k) => ({ ref: [p, k] as [number, number], text: sentence.text }));
  });

const sentenceUnits = (l: SentenceItem[], entities: EntityFinder | null): Unit[] => {
  const units = l.map((x) => ({ text: x.text, anchors: anchorsOf(x.text, entities) }));
  return units.map((u, k) => ({
    length: u.text.length,
    anchors: u.anchors,
    repeatsPrevious: repeatsPrevious(u, units[k - 1]),
  }));
};

/** A paragraph that is only a dash or a bullet ("–" between a name and its description in a list). */
const isMarkOnly = (text: string) => /^[\s\-‐‑‒–—―•·*]+$/u.test(text);

/**
 * Links for the paragraphs aligned, with a link to nothing for each paragraph left out of the
 * alignment, in its place.
 */
function withMarks(links: Link[], marksA: number[], marksB: number[]): Link[] {
  if (marksA.length === 0 && marksB.length === 0) return links;
  const out: Link[] = [];
  let i = 0;
  let j = 0;
  // A link's paragraphs are ascending: its first is where it stands.
  const before = (mark: number, side: number[]) => side.length > 0 && mark < (side[0] as number);
  for (const link of links) {
    while (i < marksA.length && before(marksA[i] as number, link.a))
      out.push({ a: [marksA[i++] as number], b: [], confidence: 1 });
    while (j < marksB.length && before(marksB[j] as number, link.b))
      out.push({ a: [], b: [marksB[j++] as number], confidence: 1 });
    out.push(link);
  }
  while (i < marksA.length) out.push({ a: [marksA[i++] as number], b: [], confidence: 1 });
  while (j < marksB.length) out.push({ a: [], b: [marksB[j++] as number], confidence: 1 });
  return out;
}

/** Paragraphs first, then the sentences inside each paragraph link. */
function paragraphsFirst(turnLink: Link, x: Sides, ratio: number): TurnAlignment {
  // Paragraphs of punctuation alone that only one version has ("–" between a name and its
  // description, where the other version runs them together) have no counterpart to find: they
  // are linked to nothing in place, so that the list stays in step. When both versions have them,
  // they are each other's counterparts and are aligned as any paragraph.
  const marks = (s: Side, ps: number[]) => ps.filter((p) => isMarkOnly(s.paragraphs[p] as string));
  const allA = paragraphsOfTurns(x.sa, turnLink.a);
  const allB = paragraphsOfTurns(x.sb, turnLink.b);
  const inA = marks(x.sa, allA);
  const inB = marks(x.sb, allB);
  const marksA = inA.length >= 3 && inA.length > 2 * inB.length ? inA : [];
  const marksB = inB.length >= 3 && inB.length > 2 * inA.length ? inB : [];
  const pa = marksA.length ? allA.filter((p) => !isMarkOnly(x.sa.paragraphs[p] as string)) : allA;
  const pb = marksB.length ? allB.filter((p) => !isMarkOnly(x.sb.paragraphs[p] as string)) : allB;
  const units = (s: Side, ps: number[]): Unit[] =>
    ps.map((p, k) => {
      const own = { text: s.paragraphs[p] as string, anchors: s.paragraphAnchors[p] as Anchors };
      const before =
        k > 0
          ? { text: s.paragraphs[p - 1] as string, anchors: s.paragraphAnchors[p - 1] as Anchors }
          : undefined;
      return { length: own.text.length, anchors: own.anchors, repeatsPrevious: repeatsPrevious(own, before) };
    });
  const aligned = align(units(x.sa, pa), units(x.sb, pb), { ratio }).map((link) => ({
    a: link.a.map((k) => pa[k] as number),
    b: link.b.map((k) => pb[k] as number),
    confidence: link.confidence,
  }));
  const paragraphs = withMarks(aligned, marksA, marksB);
  const sentences: SentenceLink[] = [];
  paragraphs.forEach((link, group) => {
    if (link.a.length === 0 || link.b.length === 0) return;
    const la = sentenceItems(x.sa, x.sentencesA, link.a);
    const lb = sentenceItems(x.sb, x.sentencesB, link.b);
    for (const s of align(sentenceUnits(la, x.entities), sentenceUnits(lb, x.entities), { ratio }))
      sentences.push({
        group,
        a: s.a.map((k) => (la[k] as SentenceItem).ref),
        b: s.b.map((k) => (lb[k] as SentenceItem).ref),
        confidence: s.confidence,
      });
  });
  return { paragraphs, sentences };
}

/**
 * Sentences first, paragraphs from them: every sentence of the turns in one version aligned with
 * the other's, and the paragraphs their links join made the paragraph links. For versions that
 * cut one text into paragraphs differently (one version's paragraph is three of the other's), where
 * aligning paragraphs first forces wrong links the sentences inside cannot undo.
 */
function sentencesFirst(turnLink: Link, x: Sides, ratio: number): TurnAlignment {
  const la = sentenceItems(x.sa, x.sentencesA, paragraphsOfTurns(x.sa, turnLink.a));
  const lb = sentenceItems(x.sb, x.sentencesB, paragraphsOfTurns(x.sb, turnLink.b));
  const paragraphs: Link[] = [];
  const sentences: SentenceLink[] = [];
  let group: { a: Set<number>; b: Set<number>; weight: number; score: number } | null = null;
  const close = () => {
    if (!group) return;
    paragraphs.push({
      a: [...group.a].sort((p, q) => p - q),
      b: [...group.b].sort((p, q) => p - q),
      confidence: Math.round((group.weight > 0 ? group.score / group.weight : 0) * 1000) / 1000,
    });
    group = null;
  };
  for (const link of align(sentenceUnits(la, x.entities), sentenceUnits(lb, x.entities), { ratio })) {
    const refsA = link.a.map((k) => (la[k] as SentenceItem).ref);
    const refsB = link.b.map((k) => (lb[k] as SentenceItem).ref);
    const pa = refsA.map((r) => r[0]);
    const pb = refsB.map((r) => r[0]);
    // Links come in order, so a link that touches a paragraph of the open group belongs to it.
    const open = group as { a: Set<number>; b: Set<number>; weight: number; score: number } | null;
    if (!open || !(pa.some((p) => open.a.has(p)) || pb.some((p) => open.b.has(p)))) close();
    group ??= { a: new Set(), b: new Set(), weight: 0, score: 0 };
    for (const p of pa) group.a.add(p);
    for (const p of pb) group.b.add(p);
    const length =
      link.a.reduce((n, k) => n + (la[k] as SentenceItem).text.length, 0) +
      link.b.reduce((n, k) => n + (lb[k] as SentenceItem).text.length, 0);
    group.weight += length;
    group.score += length * link.confidence;
    sentences.push({ group: paragraphs.length, a: refsA, b: refsB, confidence: link.confidence });
  }
  close();
  // Sentences of a paragraph found in one version only are no sentence links.
  const twoSided = new Set(paragraphs.flatMap((p, i) => (p.a.length && p.b.length ? [i] : [])));
  return { paragraphs, sentences: sentences.filter((s) => twoSided.has(s.group)) };
}

/** Below this, a link between two passages is one the lengths and anchors all but rule out. */
const FORCED = 0.05;

/**
 * Paragraphs first, as the versions' own division usually agrees; but a paragraph link the
 * evidence all but rules out means the divisions disagree there, and then the sentences decide
 * (when they make fewer such links).
 */
function alignTurns(turnLink: Link, x: Sides, ratio: number): TurnAlignment {
  const first = paragraphsFirst(turnLink, x, ratio);
  const forced = (t: TurnAlignment) =>
    t.paragraphs.filter((l) => l.a.length > 0 && l.b.length > 0 && l.confidence < FORCED).length;
  const slips = forced(first);
  if (slips === 0) return first;
  const second = sentencesFirst(turnLink, x, ratio);
  return forced(second) < slips ? second : first;
}

function alignBody(turns: Link[], x: Sides, ratio: number): TurnAlignment {
  const paragraphs: Link[] = [];
  const sentences: SentenceLink[] = [];
  for (const turnLink of turns) {
    const t = alignTurns(turnLink, x, ratio);
    const offset = paragraphs.length;
    paragraphs.push(...t.paragraphs);
    for (const s of t.sentences) sentences.push({ ...s, group: s.group + offset });
  }
  return { paragraphs, sentences };
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

  const x: Sides = { sa, sb, sentencesA: documentSentences(a), sentencesB: documentSentences(b), entities };
  let result = alignBody(turns, x, ratio);
  // The pair's own ratio, from the paragraphs paired one to one, when there are enough of them; a
  // median, so that one list in two scripts does not skew it.
  const own = medianRatio(result.paragraphs, sa.paragraphs, sb.paragraphs);
  if (own !== null && Math.abs(own / ratio - 1) > 0.1) {
    ratio = own;
    result = alignBody(turns, x, ratio);
  }
  const { paragraphs, sentences } = result;
  return { version: ALIGNMENT_VERSION, a: a.id, b: b.id, ratio, turns, paragraphs, sentences };
}
