/**
 * What to try when a search finds nothing: the same query with one word spelled as the archive
 * spells it, with a phrase loosened into its words, or without one of its conditions, each shown
 * only if it finds something, with how much. Built on the query's own parts (query/parse.ts), so a
 * suggestion is always a query the user could have typed.
 */
import { distance } from "fastest-levenshtein";
import type { SearchQuery } from "../model/search-query.js";
import type { Vocabulary } from "../model/text-index.js";
import { parseQuery, type QueryPart, queryParts } from "./query/parse.js";
import { fold, tokenize } from "./text/normalise.js";

export interface Suggestion {
  query: string;
  /** Why it is offered, in words: "spelled “sanctions”", "without speaker:psaki". */
  reason: string;
  /** Turns it finds. */
  turns: number;
}

/** At most this many alternatives are tried (each is a search). */
const MAX_TRIED = 8;
const MAX_SHOWN = 4;

/** Vocabulary terms looked at per misspelt word: those sharing its first two letters. */
const NEIGHBOURS = 5000;

const without = (text: string, part: QueryPart) =>
  `${text.slice(0, part.at)} ${text.slice(part.end)}`.replace(/\s+/g, " ").trim();

const replaced = (text: string, part: QueryPart, by: string) =>
  `${text.slice(0, part.at)}${by}${text.slice(part.end)}`.replace(/\s+/g, " ").trim();

/** Words of the vocabulary within one edit (short words) or two of `word`, closest first. */
async function spellings(word: string, vocabulary: Vocabulary): Promise<string[]> {
  if (word.length < 3) return [];
  const most = word.length <= 4 ? 1 : 2;
  // The vocabulary is read by prefix and in order: three letters find the neighbours of a long
  // word even where two letters' worth would be cut off, two find a slip in the third letter.
  const terms = new Set<string>();
  for (const prefix of new Set([word.slice(0, 3), word.slice(0, 2)]))
    for (const t of await vocabulary.termsWithPrefix(prefix, NEIGHBOURS)) terms.add(t);
  const near = [...terms]
    .filter((t) => t !== word && Math.abs(t.length - word.length) <= most)
    .map((t) => ({ t, d: distance(t, word) }))
    .filter((x) => x.d <= most);
  near.sort((a, b) => a.d - b.d || Math.abs(a.t.length - word.length) - Math.abs(b.t.length - word.length));
  return near.slice(0, 2).map((x) => x.t);
}

export async function suggestAlternatives(
  text: string,
  count: (query: SearchQuery) => Promise<number>,
  vocabulary: Vocabulary,
): Promise<Suggestion[]> {
  let parts: QueryPart[];
  try {
    parts = queryParts(text);
  } catch {
    return [];
  }
  /** `word`: the typed word a spelling replaces (two spellings of it that find as much are one). */
  const candidates: { query: string; reason: string; word?: string }[] = [];
  for (const part of parts) {
    if (part.type !== "text" || part.negated || part.term?.type !== "word") continue;
    const typed = text.slice(part.at, part.end);
    const word = fold(tokenize(typed)[0]?.text ?? "");
    for (const spelled of await spellings(word, vocabulary))
      candidates.push({
        query: replaced(text, part, spelled),
        reason: `“${spelled}” for “${typed}”`,
        word: typed,
      });
  }
  for (const part of parts) {
    if (part.type === "text" && !part.negated && part.term?.type === "phrase") {
      const words = part.term.words.join(" ");
      candidates.push({
        query: replaced(text, part, words),
        reason: `the words of “${words}” in any order and form`,
      });
    }
  }
  for (const part of parts) {
    if (part.type === "field" || (part.type === "text" && part.negated))
      candidates.push({ query: without(text, part), reason: `without ${text.slice(part.at, part.end)}` });
  }
  const found: Suggestion[] = [];
  const seen = new Set<string>([text.trim()]);
  const offered = new Set<string>();
  let tried = 0;
  for (const c of candidates) {
    if (found.length >= MAX_SHOWN || tried >= MAX_TRIED) break;
    if (!c.query || seen.has(c.query)) continue;
    seen.add(c.query);
    tried++;
    try {
      const turns = await count(parseQuery(c.query));
      // "agreements" finds what "agreement" found: both stem alike, one is enough.
      const same = c.word !== undefined && offered.has(`${c.word}\n${turns}`);
      if (turns > 0 && !same) found.push({ query: c.query, reason: c.reason, turns });
      if (c.word !== undefined) offered.add(`${c.word}\n${turns}`);
    } catch {
      // A suggestion that does not parse (an OR left dangling) is simply not offered.
    }
  }
  return found;
}
