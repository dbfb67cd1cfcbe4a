/**
 * Stemming at query time: each query word becomes the indexed words that share its stem,
 * looked up in the index's own vocabulary ("санкции" → санкции, санкций, санкциями…;
 * "sanctions" → sanction, sanctioned, sanctions…). The result is an FTS5 expression built only
 * from index terms, each quoted: no user text reaches the match string as syntax.
 */
import { ftsFold } from "../text/fold.js";
import { indexStem } from "../text/stem.js";
import type { TermGroup, TextTerm } from "./ast.js";

/** The index's vocabulary, as a backend exposes it. */
export interface Vocabulary {
  /** Indexed terms starting with a prefix, in order, at most `limit`. */
  termsWithPrefix(prefix: string, limit: number): string[];
}

/** What a matched text looks like, for highlighting and concordance lines. */
export interface Highlighter {
  /** Folded index terms any word term expanded to. */
  words: Set<string>;
  prefixes: string[];
  /** Folded words of each phrase. */
  phrases: string[][];
}

export interface CompiledText {
  /** FTS5 expression for turns that must match, or null when only exclusions were given. */
  match: string | null;
  /** One FTS5 expression per group (the parts `match` joins with AND), for matching titles group by group. */
  groups: string[];
  /** FTS5 expression for turns to exclude, or null. */
  exclude: string | null;
  highlight: Highlighter;
  /** For each word term: the forms it was expanded to (reported to users, so counts are explainable). */
  expansions: { word: string; forms: string[] }[];
}

const TURKISH_LETTERS = /[çğıöşü]/;
const UKRAINIAN_LETTERS = /[іїєґ]/;
const CYRILLIC = /[\u0400-\u04ff]/;
const SCAN_LIMIT = 20_000;
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

/** Control characters cannot be in the index (and would end an FTS5 string early): drop them. */
function withoutControls(term: string): string {
  let out = "";
  for (const ch of term) {
    const c = ch.charCodeAt(0);
    if (c >= 32 && c !== 127) out += ch;
  }
  return out;
}

/** An FTS5 string literal. */
const quote = (term: string) => `"${withoutControls(term).replace(/"/g, '""')}"`;

export function expandWord(word: string, vocabulary: Vocabulary): string[] {
  const folded = ftsFold(word);
  if (/^\d+$/.test(folded) || folded.length < 3) return [folded];
  const wanted = stemsOf(folded, word);
  const shortest = Math.min(...[...wanted].map((s) => s.length));
  const prefix = folded.slice(0, Math.max(2, Math.min(shortest, folded.length) - 2));
  const forms = new Set<string>([folded]);
  for (const term of vocabulary.termsWithPrefix(prefix, SCAN_LIMIT)) {
    if (forms.size >= FORMS_LIMIT) break;
    if (term === folded) continue;
    const termStems = CYRILLIC.test(term)
      ? [indexStem(term, "ru"), indexStem(term, "uk")]
      : [indexStem(term, "en"), indexStem(term, "tr")];
    // The main stemmer of the script always counts; the other (Turkish, Ukrainian) only when the
    // query word itself was in that language, so an English stem never meets a Turkish one by accident.
    const main = termStems[0] as string;
    const other = termStems[1] as string;
    if (wanted.has(main) || (wanted.size > 1 && wanted.has(other))) forms.add(term);
  }
  return [...forms];
}

function termExpression(
  term: TextTerm,
  vocabulary: Vocabulary,
  highlight: Highlighter,
  expansions: CompiledText["expansions"],
): string {
  switch (term.type) {
    case "word": {
      const forms = expandWord(term.text, vocabulary);
      for (const f of forms) highlight.words.add(f);
      expansions.push({ word: term.text, forms });
      return forms.length === 1 ? quote(forms[0] as string) : `(${forms.map(quote).join(" OR ")})`;
    }
    case "prefix": {
      const folded = ftsFold(term.text);
      highlight.prefixes.push(folded);
      return `${quote(folded)} *`;
    }
    case "phrase": {
      const words = term.words.map(ftsFold);
      highlight.phrases.push(words);
      return quote(words.join(" "));
    }
  }
}

export function compileText(groups: TermGroup[], exclude: TextTerm[], vocabulary: Vocabulary): CompiledText {
  const highlight: Highlighter = { words: new Set(), prefixes: [], phrases: [] };
  const expansions: CompiledText["expansions"] = [];
  const groupExpressions = groups.map((g) => {
    const parts = g.terms.map((t) => termExpression(t, vocabulary, highlight, expansions));
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
  });
  const unused: Highlighter = { words: new Set(), prefixes: [], phrases: [] };
  const excludeExpressions = exclude.map((t) => termExpression(t, vocabulary, unused, []));
  return {
    match: groupExpressions.length ? groupExpressions.join(" AND ") : null,
    groups: groupExpressions,
    exclude: excludeExpressions.length ? excludeExpressions.join(" OR ") : null,
    highlight,
    expansions,
  };
}
