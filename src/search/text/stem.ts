/**
 * Snowball stemming (@orama/stemmers) for English, Russian, Ukrainian and Turkish, applied to
 * lowercased tokens and folded afterwards. Stems are cached: a corpus has far fewer distinct
 * words than words, and ingestion stems every one of them.
 */
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as turkish } from "@orama/stemmers/turkish";
import { stemmer as ukrainian } from "@orama/stemmers/ukrainian";
import { fold } from "./normalise.js";

type Stemmer = (word: string) => string;

const STEMMERS: Record<string, Stemmer> = { en: english, ru: russian, uk: ukrainian, tr: turkish };

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-zà-ɏ]/;

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
    hit = fold(stem(token));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(token, hit);
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
