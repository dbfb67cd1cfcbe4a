/**
 * The typed form of a search query. The web, the API and the CLI parse user text into this
 * (search/query/parse.ts); the search engine expands it into a plan of index terms
 * (search/query/expand.ts) that each backend writes in its own dialect. User text never travels
 * further as text.
 */
import type { DocumentKind, TurnKind } from "./document.js";

/** A text term: a word (stemmed), a prefix (word*), or an exact phrase ("…"). */
export type TextTerm =
  | { type: "word"; text: string }
  | { type: "prefix"; text: string }
  | { type: "phrase"; words: string[] };

/** Terms joined by OR; a query matches when every positive group matches and no negative term does. */
export interface TermGroup {
  terms: TextTerm[];
}

export interface DateRange {
  /** Inclusive bounds as ISO prefixes: "2020", "2020-01", "2020-01-15"; null is open. */
  from: string | null;
  to: string | null;
}

export const FILTER_FIELDS = [
  "speaker",
  "role",
  "kind",
  "type",
  "lang",
  "publisher",
  "date",
  "doc",
  "mentions",
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface Filters {
  speaker: string[];
  role: string[];
  /** Turn kinds (question, answer…). */
  kind: TurnKind[];
  /** Document kinds (briefing, interview…). */
  type: DocumentKind[];
  lang: string[];
  publisher: string[];
  date: DateRange[];
  doc: string[];
  /** Entities a turn mentions: ids ("TR", "Q7184") or names ("UN Security Council"). */
  mentions: string[];
}

export interface SearchQuery {
  /** Every group must match (AND); within a group any term may (OR). */
  groups: TermGroup[];
  /** Turns matching any of these are excluded. */
  exclude: TextTerm[];
  /** Fields filter turns; values of one field are alternatives (OR). */
  filters: Filters;
  /** Excluded field values: -speaker:psaki. */
  excludeFilters: Filters;
}

export function emptyFilters(): Filters {
  return {
    speaker: [],
    role: [],
    kind: [],
    type: [],
    lang: [],
    publisher: [],
    date: [],
    doc: [],
    mentions: [],
  };
}
