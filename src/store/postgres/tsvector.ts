/**
 * PostgreSQL full-text values made from Verbatim's own terms (model/index-text.ts, indexTerms), never by
 * PostgreSQL's parser: a tsvector literal with every term's positions, and tsquery literals for
 * the search engine's typed plan. Terms hold only letters and digits; quoting them anyway keeps
 * the literal well-formed whatever they hold.
 */

import { indexTerms } from "../../model/index-text.js";
import type { MatchGroup, MatchTerm } from "../../model/text-index.js";

/** PostgreSQL keeps positions up to 16383 and lexemes up to 2046 bytes. */
export const MAX_POSITION = 16_383;
const MAX_LEXEME_BYTES = 2046;

const quote = (term: string) => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/** How many positions of one word PostgreSQL keeps. */
const MAX_POSITIONS_PER_TERM = 256;

export interface IndexedText {
  /** tsvector literal. */
  tsv: string;
  /** How many terms the text has (BM25's document length). */
  length: number;
  /** Its distinct terms. */
  terms: Set<string>;
  /** Terms said more often than PostgreSQL keeps positions of, with their true counts. */
  capped: [string, number][];
}

export function indexText(text: string): IndexedText {
  const terms = indexTerms(text);
  const positions = new Map<string, number[]>();
  terms.forEach((term, i) => {
    if (Buffer.byteLength(term) > MAX_LEXEME_BYTES) return;
    let list = positions.get(term);
    if (!list) {
      list = [];
      positions.set(term, list);
    }
    list.push(Math.min(i + 1, MAX_POSITION));
  });
  const tsv = [...positions].map(([term, list]) => `${quote(term)}:${list.join(",")}`).join(" ");
  const capped = [...positions]
    .filter(([, list]) => list.length >= MAX_POSITIONS_PER_TERM)
    .map(([term, list]): [string, number] => [term, list.length])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { tsv, length: terms.length, terms: new Set(positions.keys()), capped };
}

/** One phrase of FTS5's sense: a form, a phrase, or a prefix; each is a BM25 term of its own. */
export interface Phrase {
  words: string[];
  /** The last word is a prefix. */
  prefix: boolean;
}

/** The plan's phrases, in order: each form of a word, each phrase, each prefix. */
export function phrasesOf(terms: MatchTerm[]): Phrase[] {
  return terms.flatMap((t): Phrase[] => {
    if (t.type === "forms") return t.forms.map((f) => ({ words: indexTerms(f), prefix: false }));
    if (t.type === "phrase") return [{ words: t.words.flatMap(indexTerms), prefix: false }];
    return [{ words: indexTerms(t.prefix), prefix: true }];
  });
}

function phraseQuery(p: Phrase): string | null {
  if (p.words.length === 0) return null;
  return p.words
    .map((w, i) => `${quote(w)}${p.prefix && i === p.words.length - 1 ? ":*" : ""}`)
    .join(" <-> ");
}

/** Any of the terms, as a tsquery literal; null when none has a word (matches nothing). */
export function anyQuery(terms: MatchTerm[]): string | null {
  const parts = phrasesOf(terms)
    .map(phraseQuery)
    .filter((q): q is string => q !== null);
  return parts.length ? parts.map((q) => `(${q})`).join(" | ") : null;
}

/** Every group, as a tsquery literal; null when a group can match nothing. */
export function allQuery(groups: MatchGroup[]): string | null {
  const parts = groups.map(anyQuery);
  if (parts.some((p) => p === null)) return null;
  return parts.map((q) => `(${q})`).join(" & ");
}

/** The words whose positions a plan needs: those of its phrases of several words. */
export const positionedWords = (terms: MatchTerm[]): string[] => [
  ...new Set(phrasesOf(terms).flatMap((p) => (p.words.length > 1 ? p.words : []))),
];

/** Every group with its phrases loosened to "all their words", as a tsquery literal: a superset. */
export function looseAllQuery(groups: MatchGroup[]): string | null {
  const loose = (terms: MatchTerm[]) => {
    const parts = phrasesOf(terms)
      .filter((p) => p.words.length > 0)
      .map((p) =>
        p.words.map((w, i) => `${quote(w)}${p.prefix && i === p.words.length - 1 ? ":*" : ""}`).join(" & "),
      );
    return parts.length ? parts.map((q) => `(${q})`).join(" | ") : null;
  };
  const parts = groups.map(loose);
  if (parts.some((p) => p === null)) return null;
  return parts.map((q) => `(${q})`).join(" & ");
}

/** Each word's positions (1-based) in a text, as the index would number them without PostgreSQL's limits. */
export function positionsOf(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  indexTerms(text).forEach((term, i) => {
    let list = out.get(term);
    if (!list) {
      list = [];
      out.set(term, list);
    }
    list.push(i + 1);
  });
  return out;
}

/**
 * How many times a phrase occurs, from its words' positions (a prefix matches every word it
 * begins); a single word's count may come from `counts` instead, where PostgreSQL kept only some
 * of its positions.
 */
export function occurrences(
  p: Phrase,
  positions: Map<string, number[]>,
  counts: Map<string, number> = new Map(),
): number {
  if (p.words.length === 1) {
    const word = p.words[0] as string;
    const count = (w: string) => counts.get(w) ?? positions.get(w)?.length ?? 0;
    if (!p.prefix) return count(word);
    let total = 0;
    for (const w of new Set([...positions.keys(), ...counts.keys()]))
      if (w.startsWith(word)) total += count(w);
    return total;
  }
  const at = (word: string, prefix: boolean): Set<number> => {
    if (!prefix) return new Set(positions.get(word) ?? []);
    const all = new Set<number>();
    for (const [w, list] of positions) if (w.startsWith(word)) for (const x of list) all.add(x);
    return all;
  };
  const sets = p.words.map((w, i) => at(w, p.prefix && i === p.words.length - 1));
  const first = sets[0];
  if (!first) return 0;
  let count = 0;
  for (const start of first) if (sets.every((s, k) => s.has(start + k))) count++;
  return count;
}

/** Whether a text's positions satisfy every group (each group: any of its phrases occurs). */
export const satisfies = (groups: MatchGroup[], positions: Map<string, number[]>) =>
  groups.every((g) => phrasesOf(g).some((p) => p.words.length > 0 && occurrences(p, positions) > 0));
