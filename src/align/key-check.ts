/**
 * A publisher's key (an MFA number, a record id, a URL without its language) says two documents
 * are versions of one text; a key can be wrong all the same: a number reused by mistake, a video
 * URL shared by two addresses. Every keyed pair is checked against what the texts themselves say
 * (dates, lengths, numbers, names, entities), and a document with two keyed versions in one
 * language is not guessed at. What fails becomes a conflict for a person to review, never a link:
 * a conflict shown is better than a wrong link.
 */
import type { Document } from "../model/document.js";
import { type Anchors, dice, sharedAnchors } from "./anchors.js";

export interface KeyVerdict {
  a: string;
  b: string;
  method: "key" | "conflict";
  /** For a key link, how well the evidence agrees (1 when it says nothing against); for a conflict, 0. */
  confidence: number;
  reasons: string[];
}

/** Versions of one statement appear within days of each other; a keyed pair further apart is suspect. */
export const KEY_MAX_DAYS_APART = 10;
/** Translations run from about half to twice the original's length; beyond this one is not the other. */
const KEY_MAX_LENGTH_RATIO = 2.5;
/** Anchors each side needs before their disagreement counts as evidence. */
const ENOUGH_ANCHORS = 6;
/** Below this overlap of numbers, names and entities, two well-anchored texts are different texts. */
const CONTENT_FLOOR = 0.15;
/** More documents than this sharing one key is a key that identifies nothing (a section URL). */
export const MAX_KEY_GROUP = 8;

const textLength = (doc: Document) =>
  doc.turns.reduce((n, t) => n + t.paragraphs.reduce((m, p) => m + p.length, 0), 0) + doc.title.length;

function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b || a.length !== 10 || b.length !== 10) return null;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

const size = (x: Anchors) => x.numbers.size + x.names.size + x.entities.size;

/** What the evidence says of one keyed pair: nothing against it (a confidence), or why not. */
export function checkKeyedPair(
  a: Document,
  b: Document,
  anchorsA: Anchors,
  anchorsB: Anchors,
): { contradicted: boolean; confidence: number; reasons: string[] } {
  const reasons: string[] = [];
  const against: string[] = [];
  const days = daysApart(a.when.date, b.when.date);
  if (days !== null) {
    if (days > KEY_MAX_DAYS_APART) against.push(`dates ${days} days apart`);
    else reasons.push(days === 0 ? "same day" : `${days} day(s) apart`);
  }
  const la = textLength(a);
  const lb = textLength(b);
  const ratio = Math.max(la, lb) / Math.max(1, Math.min(la, lb));
  if (ratio > KEY_MAX_LENGTH_RATIO) against.push(`lengths differ ${ratio.toFixed(1)}×`);
  let content: number | null = null;
  if (size(anchorsA) >= ENOUGH_ANCHORS && size(anchorsB) >= ENOUGH_ANCHORS) {
    const parts = [
      dice(anchorsA.numbers, anchorsB.numbers),
      dice(anchorsA.names, anchorsB.names),
      dice(anchorsA.entities, anchorsB.entities),
    ].filter((s): s is number => s !== null);
    content = parts.length ? parts.reduce((n, s) => n + s, 0) / parts.length : null;
    if (content !== null) {
      const shared = sharedAnchors(anchorsA, anchorsB);
      if (content < CONTENT_FLOOR)
        against.push(`share almost nothing (${shared} anchors, ${content.toFixed(2)})`);
      else reasons.push(`${shared} shared anchors (${content.toFixed(2)})`);
    }
  }
  if (against.length) return { contradicted: true, confidence: 0, reasons: against };
  return { contradicted: false, confidence: 1, reasons };
}

/**
 * Decides every cross-language pair of a group of documents that share keys: a pair is a key link
 * when its evidence does not contradict it and neither document has another uncontradicted keyed
 * version in the other's language; otherwise it is a conflict, with the reasons.
 */
export function decideKeyGroup(
  docs: Document[],
  anchorsOf: (doc: Document, otherLanguage: string) => Anchors,
  keysShared: (a: Document, b: Document) => boolean,
): KeyVerdict[] {
  const pairs: { a: Document; b: Document; check: ReturnType<typeof checkKeyedPair> }[] = [];
  const tooMany = docs.length > MAX_KEY_GROUP;
  for (const [i, a] of docs.entries())
    for (const b of docs.slice(i + 1)) {
      if (a.language === b.language || !keysShared(a, b)) continue;
      const check = tooMany
        ? { contradicted: true, confidence: 0, reasons: [`one key shared by ${docs.length} documents`] }
        : checkKeyedPair(a, b, anchorsOf(a, b.language), anchorsOf(b, a.language));
      pairs.push({ a, b, check });
    }
  // Uncontradicted keyed partners per document and language: more than one is a question, not an answer.
  const partners = new Map<string, number>();
  const slot = (doc: Document, language: string) => `${doc.id}\u0000${language}`;
  const count = (x: Document, y: Document) => partners.get(slot(x, y.language)) ?? 0;
  for (const p of pairs) {
    if (p.check.contradicted) continue;
    partners.set(slot(p.a, p.b.language), count(p.a, p.b) + 1);
    partners.set(slot(p.b, p.a.language), count(p.b, p.a) + 1);
  }
  return pairs.map(({ a, b, check }) => {
    const ids = a.id < b.id ? { a: a.id, b: b.id } : { a: b.id, b: a.id };
    const conflict = (reasons: string[]): KeyVerdict => ({
      ...ids,
      method: "conflict",
      confidence: 0,
      reasons,
    });
    if (check.contradicted) return conflict(["key contradicted", ...check.reasons]);
    const rivals: string[] = [];
    if (count(a, b) > 1) rivals.push(`${a.id} has another ${b.language} version by key`);
    if (count(b, a) > 1) rivals.push(`${b.id} has another ${a.language} version by key`);
    if (rivals.length) return conflict(["two versions in one language", ...rivals]);
    return {
      ...ids,
      method: "key",
      confidence: check.confidence,
      reasons: ["publisher key", ...check.reasons],
    };
  });
}
