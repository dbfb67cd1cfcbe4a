/** What a search returns, whatever the backend (search/engine/engine.ts computes it). */
import type { DocumentKind, TurnKind } from "./document.js";

/** A piece of a snippet: text, marked when the query matched it. Renderers escape it. */
export interface Segment {
  text: string;
  match: boolean;
}

export type SortOrder = "relevance" | "date" | "date-asc";

export interface SearchOptions {
  /** Documents per page. */
  limit?: number;
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string | null;
  sort?: SortOrder;
  /** Compute facet counts (speaker, year, publisher, language, kind). */
  facets?: boolean;
  /** Matching turns shown per document. */
  turnsPerDocument?: number;
  /** Serve a repeated search from the search engine's result cache (default true); benchmarks turn it off. */
  cache?: boolean;
}

export interface TurnHit {
  index: number;
  speakerId: string | null;
  speakerName: string | null;
  label: string | null;
  kind: TurnKind;
  snippet: Segment[];
  permalink: string;
  /** With `aligned`: the matching sentence's counterpart in the other-language version, if any. */
  counterpart?: {
    documentId: string;
    language: string;
    text: string;
    confidence: number;
    permalink: string;
  } | null;
}

export interface DocumentHit {
  id: string;
  title: string;
  /** The title with the query's words marked. */
  titleSnippet: Segment[];
  date: string | null;
  publisher: string;
  language: string;
  kind: DocumentKind;
  /** Lower is better (bm25), or null when sorted by date. */
  score: number | null;
  /** How many of the document's turns match. */
  matchingTurns: number;
  turns: TurnHit[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export const FACET_NAMES = ["speaker", "year", "publisher", "language", "kind", "entity"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export interface SearchResult {
  /** Exact counts of matching turns and of the documents they belong to. */
  total: { turns: number; documents: number };
  hits: DocumentHit[];
  facets: Record<FacetName, FacetValue[]> | null;
  nextCursor: string | null;
  /** How each word was expanded: the counts are of these forms. */
  expansions: { word: string; forms: string[] }[];
}

export interface ConcordanceLine {
  documentId: string;
  turnIndex: number;
  date: string | null;
  speakerName: string | null;
  left: string;
  match: string;
  right: string;
  permalink: string;
}

export interface ConcordanceOptions {
  limit?: number;
  context?: number;
}

export interface Concordance {
  /** Matching turns, all of them (the lines may stop at the limit). */
  turns: number;
  /** Occurrences in all matching turns, or null when there were too many turns to read them all. */
  totalOccurrences: number | null;
  lines: ConcordanceLine[];
  truncated: boolean;
}

export interface YearCount {
  year: number;
  turns: number;
  documents: number;
  /**
   * The base for relative frequencies: the year's turns that pass the query's publisher, kind,
   * document and date conditions, in its languages (search/engine/periods.ts), whatever they say.
   */
  turnsInYear: number;
}

export interface MonthCount {
  /** "YYYY-MM". */
  month: string;
  turns: number;
  documents: number;
  turnsInMonth: number;
}

/** Like YearCounts, by month; documents dated only to the year are left out. */
export interface MonthCounts {
  counting: "stemmed" | "exact" | "mixed";
  baseLanguages: string[] | null;
  months: MonthCount[];
}

export interface YearCounts {
  /** "stemmed" when words were expanded to their forms, "exact" for phrases and prefixes only. */
  counting: "stemmed" | "exact" | "mixed";
  /** The languages the base is counted in when the query's words chose them; null: its own lang: filter, or all. */
  baseLanguages: string[] | null;
  /** Every year from the first match to the last, those without one at zero. */
  years: YearCount[];
}
