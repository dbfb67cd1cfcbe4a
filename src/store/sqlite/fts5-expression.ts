/**
 * The search engine's typed match plan (search/query/expand.ts) written as FTS5 syntax. Every
 * term is an index term, quoted as an FTS5 string: nothing the user typed is ever syntax here.
 */
import type { MatchGroup, MatchTerm } from "../../model/text-index.js";

/** An FTS5 string literal. */
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

function termExpression(term: MatchTerm): string {
  switch (term.type) {
    case "forms":
      return term.forms.length === 1
        ? quote(term.forms[0] as string)
        : `(${term.forms.map(quote).join(" OR ")})`;
    case "prefix":
      return `${quote(term.prefix)} *`;
    case "phrase":
      return quote(term.words.join(" "));
  }
}

/** Any of the terms. */
export function anyOf(terms: MatchTerm[]): string {
  const parts = terms.map(termExpression);
  return parts.length === 1 ? (parts[0] as string) : `(${parts.join(" OR ")})`;
}

/** Every group. */
export const allOf = (groups: MatchGroup[]): string => groups.map(anyOf).join(" AND ");
