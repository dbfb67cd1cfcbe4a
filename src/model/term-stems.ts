/**
 * The stems index terms are found by. Query words expand to the indexed terms that share their
 * stem (search/query/expand.ts); the backends keep each term's stems beside it (`termStems`), so
 * an expansion is an index lookup instead of stemming every term that shares the word's first
 * letters, and a server's stem cache no longer grows with every new word asked.
 *
 * English by Porter2 (Snowball's English stemmer, npm porter2); Russian, Ukrainian and Turkish by
 * @orama/stemmers. Applied to lowercased tokens and folded afterwards. Stems are cached: a corpus
 * has far fewer distinct words than words, and ingestion stems every new term.
 *
 * Not Porter's first stemmer (@orama/stemmers/english), which the archive used until migration 27:
 * it gave general, generate and generous one stem "gener", news the stem of new and Andes that of
 * "and" (a search for the mountains found 86,395 turns, and now 34). Porter2 keeps those apart.
 * Enrichment still keys names by Porter's stems (enrich/): found entities' ids are made of them.
 */
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as turkish } from "@orama/stemmers/turkish";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";
import { stem as english } from "porter2";
import { ownString } from "./own-string.js";

type Stemmer = (word: string) => string;

const STEMMERS: Record<string, Stemmer> = { en: english, ru: russian, uk: ukrainian, tr: turkish };

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-zà-ɏ]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Folds a lowercased token: diacritics dropped (é→e, ş→s, й→и), ё→е, ı→i. */
export function fold(token: string): string {
  return token.replace(/ı/g, "i").normalize("NFD").replace(COMBINING, "").normalize("NFC");
}

const caches = new Map<string, Map<string, string>>();
const CACHE_LIMIT = 500_000;

function cached(lang: string, stem: Stemmer, token: string): string {
  let cache = caches.get(lang);
  if (!cache) {
    cache = new Map();
    caches.set(lang, cache);
  }
  let hit = cache.get(token);
  if (hit === undefined) {
    // Tokens are slices of whole texts (an ingest's turns): kept as they are, key and stem would
    // keep those texts alive, 300 MB of an ingest's heap.
    hit = ownString(fold(stem(token)));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(ownString(token), hit);
  }
  return hit;
}

/**
 * The stem a token is indexed under, in a document of language `lang`. The script decides when
 * the language's stemmer cannot apply (a Latin name in a Russian text is stemmed as English).
 */
export function indexStem(token: string, lang: string): string {
  if (/^\d+$/.test(token)) return token;
  if (CYRILLIC.test(token)) {
    const l = lang === "uk" ? "uk" : "ru";
    return cached(l, STEMMERS[l] as Stemmer, token);
  }
  if (LATIN.test(token)) {
    const l = lang === "tr" ? "tr" : "en";
    return cached(l, STEMMERS[l] as Stemmer, token);
  }
  return fold(token);
}

export interface TermStems {
  /** By its script's stemmer: English for Latin letters, Russian for Cyrillic. */
  main: string;
  /**
   * By the script's other stemmer (Turkish, Ukrainian), which counts only for query words written
   * in that language, so an English stem never meets a Turkish one by accident.
   */
  alternate: string;
}

/** The stems of an index term (folded, as model/index-text.ts makes them). */
export function termStems(term: string): TermStems {
  return CYRILLIC.test(term)
    ? { main: indexStem(term, "ru"), alternate: indexStem(term, "uk") }
    : { main: indexStem(term, "en"), alternate: indexStem(term, "tr") };
}

/**
 * What `Vocabulary.termsWithStems` answers, from terms given in order: those whose main stem is
 * one of `stems`, or, with `alternate`, whose alternate stem is. For backends reading a list of
 * terms that keeps no stems (titles' terms in SQLite, an archive opened read-only before its
 * migration), and for tests.
 */
export function withStems(
  terms: Iterable<string>,
  stems: string[],
  alternate: boolean,
  limit: number,
): string[] {
  const wanted = new Set(stems);
  const out: string[] = [];
  for (const term of terms) {
    if (out.length >= limit) break;
    const s = termStems(term);
    if (wanted.has(s.main) || (alternate && wanted.has(s.alternate))) out.push(term);
  }
  return out;
}
