/**
 * Stemming at query time: each query word becomes the indexed words that share its stem,
 * looked up in the index's own vocabulary ("санкции" → санкции, санкций, санкциями…;
 * "sanctions" → sanction, sanctioned, sanctions…). The result is a typed plan of index terms
 * (MatchTerm, model/text-index.ts), which each backend writes in its own full-text dialect: no user text is ever syntax.
 */

import { ftsFold } from "../../model/index-text.js";
import type { TermGroup, TextTerm } from "../../model/search-query.js";
import { indexStem } from "../../model/term-stems.js";
import type { MatchGroup, MatchTerm, Vocabulary } from "../../model/text-index.js";

/** What a matched text looks like, for highlighting and concordance lines. */
export interface Highlighter {
  /** Folded index terms any word term expanded to. */
  words: Set<string>;
  prefixes: string[];
  /** Folded words of each phrase. */
  phrases: string[][];
}

export interface CompiledText {
  /** Groups every matching turn satisfies (AND of ORs); empty when only exclusions were given. */
  groups: MatchGroup[];
  /** Terms excluding a turn when any matches; empty for none. */
  exclude: MatchTerm[];
  highlight: Highlighter;
  /** For each word term: the forms it was expanded to (reported to users, so counts are explainable). */
  expansions: { word: string; forms: string[] }[];
}

const TURKISH_LETTERS = /[çğıöşü]/;
const UKRAINIAN_LETTERS = /[іїєґ]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const FORMS_LIMIT = 200;

/** Stems a word may have in the index: by script, plus Turkish or Ukrainian when its letters say so. */
function stemsOf(folded: string, original: string): Set<string> {
  const stems = new Set<string>();
  if (CYRILLIC.test(folded)) {
    stems.add(indexStem(folded, "ru"));
    if (UKRAINIAN_LETTERS.test(original)) stems.add(indexStem(folded, "uk"));
  } else {
    stems.add(indexStem(folded, "en"));
    if (TURKISH_LETTERS.test(original)) stems.add(indexStem(folded, "tr"));
  }
  return stems;
}

/** Control characters are never in the index: drop them, so a backend never meets them in a term. */
function withoutControls(term: string): string {
  let out = "";
  for (const ch of term) {
    const c = ch.charCodeAt(0);
    if (c >= 32 && c !== 127) out += ch;
  }
  return out;
}

const term = (text: string) => withoutControls(ftsFold(text));

export async function expandWord(word: string, vocabulary: Vocabulary): Promise<string[]> {
  const folded = term(word);
  if (/^\d+$/.test(folded) || folded.length < 3) return [folded];
  const wanted = stemsOf(folded, word);
  const shortest = Math.min(...[...wanted].map((s) => s.length));
  const prefix = folded.slice(0, Math.max(2, Math.min(shortest, folded.length) - 2));
  const forms = new Set<string>([folded]);
  // The main stemmer of the script always counts; the other (Turkish, Ukrainian) only when the
  // query word itself was in that language (model/term-stems.ts).
  for (const term of await vocabulary.termsWithStems(prefix, [...wanted], wanted.size > 1, FORMS_LIMIT)) {
    if (forms.size >= FORMS_LIMIT) break;
    forms.add(term);
  }
  return [...forms];
}

async function matchTerm(
  t: TextTerm,
  vocabulary: Vocabulary,
  highlight: Highlighter,
  expansions: CompiledText["expansions"],
): Promise<MatchTerm> {
  switch (t.type) {
    case "word": {
      const forms = await expandWord(t.text, vocabulary);
      for (const f of forms) highlight.words.add(f);
      expansions.push({ word: t.text, forms });
      return { type: "forms", forms };
    }
    case "prefix": {
      const prefix = term(t.text);
      highlight.prefixes.push(prefix);
      return { type: "prefix", prefix };
    }
    case "phrase": {
      const words = t.words.map(term);
      highlight.phrases.push(words);
      return { type: "phrase", words };
    }
  }
}

export async function compileText(
  groups: TermGroup[],
  exclude: TextTerm[],
  vocabulary: Vocabulary,
): Promise<CompiledText> {
  const highlight: Highlighter = { words: new Set(), prefixes: [], phrases: [] };
  const expansions: CompiledText["expansions"] = [];
  const unused: Highlighter = { words: new Set(), prefixes: [], phrases: [] };
  return {
    // One term at a time, so expansions are reported in the query's order.
    groups: await sequential(groups, (g) =>
      sequential(g.terms, (t) => matchTerm(t, vocabulary, highlight, expansions)),
    ),
    exclude: await sequential(exclude, (t) => matchTerm(t, vocabulary, unused, [])),
    highlight,
    expansions,
  };
}

async function sequential<T, U>(items: T[], f: (item: T) => Promise<U>): Promise<U[]> {
  const out: U[] = [];
  for (const item of items) out.push(await f(item));
  return out;
}
