/**
 * A text as PostgreSQL's index keeps it: Verbatim's own terms (model/index-text.ts, indexTerms),
 * never PostgreSQL's parser, so both backends index the same words; and the typed plan's
 * phrases, as BM25 counts them.
 */

import { indexTerms } from "../../model/index-text.js";
import type { MatchTerm } from "../../model/text-index.js";

export interface IndexedText {
  /** How many terms the text has (BM25's document length). */
  length: number;
  /** Its distinct terms. */
  terms: Set<string>;
  /** Every term in order (the postings' positions). */
  words: string[];
}

export function indexText(text: string): IndexedText {
  const words = indexTerms(text);
  return { length: words.length, terms: new Set(words), words };
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
