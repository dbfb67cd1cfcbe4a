/**
 * What a trend counts against. A share is a count over a base, and the base must not contain the
 * term's own condition (a `mentions:TR` base of turns mentioning Turkey makes every year 100%),
 * nor turns in languages the term cannot occur in (a Russian word's share over English turns).
 *
 * The base of a query is every turn of the period that passes its *where* conditions (publishers,
 * document kinds and ids, dates, and their exclusions), in its languages: those its `lang:` filter
 * names, or else, when it has words, the languages its matching turns are in (each holding at least
 * one in twenty of them, so a quotation in another language does not bring that language's every
 * turn into the base). Its *what* conditions (words, entities, speakers, roles, turn kinds) are
 * the term, and stay out.
 */
import type { Filters, SearchQuery } from "../../model/search-query.js";
import type { Matches } from "../../model/text-index.js";
import type { TurnCatalog } from "./catalog.js";

/** The smallest share of matching turns that makes a language part of the base. */
const LANGUAGE_SHARE = 1 / 20;

const whereOnly = (f: Filters): Filters => ({ ...f, speaker: [], role: [], kind: [], mentions: [] });

/** The base query; `languages` replaces the query's own language filter when given. */
export function baseQuery(query: SearchQuery, languages: string[] | null): SearchQuery {
  const filters = whereOnly(query.filters);
  return {
    groups: [],
    exclude: [],
    filters: languages ? { ...filters, lang: languages } : filters,
    excludeFilters: whereOnly(query.excludeFilters),
  };
}

/**
 * The languages of the base: null (all) for a query without words or with a `lang:` filter of its
 * own (kept by baseQuery), else those of the matching turns, sorted.
 */
export function baseLanguages(query: SearchQuery, matches: Matches, cat: TurnCatalog): string[] | null {
  if (query.groups.length === 0 || query.filters.lang.length > 0) return null;
  const counts = new Map<number, number>();
  for (let i = 0; i < matches.length; i++) {
    const code = cat.language[matches.rowids[i] as number] as number;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  const languages = [...counts]
    .filter(([, n]) => n >= matches.length * LANGUAGE_SHARE)
    .map(([code]) => cat.languages[code] as string)
    .sort();
  return languages.length ? languages : null;
}

export type PeriodUnit = "year" | "month";

/** Every period from `first` to `last`, both included: "2019", "2020"… or "2019-11", "2019-12", "2020-01"… */
export function periodsBetween(first: string, last: string, unit: PeriodUnit): string[] {
  const out: string[] = [];
  if (unit === "year") {
    for (let y = Number(first); y <= Number(last); y++) out.push(String(y).padStart(4, "0"));
    return out;
  }
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  const end = Number(last.slice(0, 4)) * 12 + Number(last.slice(5, 7));
  while (y * 12 + m <= end) {
    out.push(`${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
