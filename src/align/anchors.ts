/**
 * What two translations of one passage share whatever their languages: numbers, names (compared
 * in Latin letters, so "Лавров"/"Лаврова" meet "Lavrov"), entity ids, speakers. Alignment rewards
 * links whose two sides share them and penalises links whose numbers disagree.
 */
import { transliterate } from "transliteration";

export interface Anchors {
  numbers: Set<string>;
  names: Set<string>;
  entities: Set<string>;
}

/** Entity ids named in a text, from the enrichment matcher; optional. */
export type EntityFinder = (text: string) => Iterable<string>;

const NUMBER = /\d+(?:[ \u00a0\u202f.,]\d+)*/g;

/**
 * "1,000", "1 000" and "1000" are one number; "1.5" and "1,5" another. A separator followed by
 * exactly three digits groups thousands; any other is a decimal point.
 */
export function normaliseNumber(raw: string): string {
  return raw
    .replace(/[ \u00a0\u202f.,](?=\d{3}(?!\d))/g, "")
    .replace(/[ \u00a0\u202f]/g, "")
    .replace(",", ".");
}

const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]{3,}/gu;
const SENTENCE_START = /(?:^|[.!?…]\s*)$/u;

/**
 * A name's comparison key: its first four consonants in Latin script, spelled the way
 * transliterations tend to agree ("Канберра" → knbr = "Canberra"; "Лаврова" → lvrv = "Lavrov";
 * "Эбботт" → bt = "Abbott"). Vowels are where transliterations disagree most; inflection changes
 * endings, which four consonants rarely reach.
 */
export function nameKey(word: string): string {
  return transliterate(word)
    .toLowerCase()
    .replace(/[^a-z]/g, "")
    .replace(/dzh|zh|dj/g, "j")
    .replace(/kh|tch|ch/g, "h")
    .replace(/sch|sh/g, "s")
    .replace(/ph/g, "f")
    .replace(/th/g, "t")
    .replace(/ts|tz/g, "c")
    .replace(/[cq]/g, "k")
    .replace(/w/g, "v")
    .replace(/x/g, "ks")
    .replace(/[aeiouyh]/g, "")
    .replace(/(.)\1+/g, "$1")
    .slice(0, 4);
}

export function anchorsOf(text: string, entities: EntityFinder | null): Anchors {
  const numbers = new Set<string>();
  for (const m of text.matchAll(NUMBER)) numbers.add(normaliseNumber(m[0]));
  const names = new Set<string>();
  for (const m of text.matchAll(CAPITALISED)) {
    // A capital after a full stop says nothing: it starts a sentence.
    if (SENTENCE_START.test(text.slice(Math.max(0, (m.index ?? 0) - 3), m.index))) continue;
    const key = nameKey(m[0]);
    if (key.length >= 2) names.add(key);
  }
  return { numbers, names, entities: new Set(entities ? entities(text) : []) };
}

export function mergeAnchors(list: Anchors[]): Anchors {
  const out: Anchors = { numbers: new Set(), names: new Set(), entities: new Set() };
  for (const a of list) {
    for (const n of a.numbers) out.numbers.add(n);
    for (const n of a.names) out.names.add(n);
    for (const e of a.entities) out.entities.add(e);
  }
  return out;
}

const count = (a: Anchors) => a.numbers.size + a.names.size + a.entities.size;

function shared<T>(x: Set<T>, y: Set<T>): number {
  let n = 0;
  for (const v of x) if (y.has(v)) n++;
  return n;
}

/**
 * How much two passages share, from 0 to 1 (Dice over all anchors), or null when neither has
 * any anchor to compare.
 */
export function similarity(a: Anchors, b: Anchors): number | null {
  const total = count(a) + count(b);
  return total === 0 ? null : (2 * sharedAnchors(a, b)) / total;
}

/** Dice overlap of one kind of anchor, or null when neither side has any. */
export function dice<T>(x: Set<T>, y: Set<T>): number | null {
  const total = x.size + y.size;
  return total === 0 ? null : (2 * shared(x, y)) / total;
}

/** How many anchors two passages have in common. */
export function sharedAnchors(a: Anchors, b: Anchors): number {
  return shared(a.numbers, b.numbers) + shared(a.names, b.names) + shared(a.entities, b.entities);
}

/** Both passages hold numbers and share none: "2020" against "2021" is a sign of a wrong link. */
export function numbersDisagree(a: Anchors, b: Anchors): boolean {
  return a.numbers.size > 0 && b.numbers.size > 0 && shared(a.numbers, b.numbers) === 0;
}
