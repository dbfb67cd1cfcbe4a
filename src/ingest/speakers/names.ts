/**
 * Name keys that let one person match across scripts and styles: "В.Путин", "Vladimir Putin",
 * "MR. PUTIN" and "Путина" (genitive) all reduce to comparable surname keys.
 */
import cyrillicToTranslitModule from "cyrillic-to-translit-js";
import * as iuliia from "iuliia";
import { slugify, transliterate } from "transliteration";

/** Words that precede a name in labels and titles but are not part of it. */
const TITLE_WORDS = new Set(
  [
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "he",
    "h.e",
    "hon",
    "rev",
    "the",
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "deputy",
    "under",
    "assistant",
    "acting",
    "chair",
    "chairman",
    "chairwoman",
    "administrator",
    // Labels misspell it ("ACTING ADMINISTRATION SLAVITT"): a title all the same.
    "administration",
    "coordinator",
    "adviser",
    "advisor",
    "counselor",
    "envoy",
    "special",
    "principal",
    "senior",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ambassador",
    "general",
    "attorney",
    "surgeon",
    "senator",
    "sen",
    "rep",
    "representative",
    "governor",
    "gov",
    "mayor",
    "admiral",
    "adm",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "captain",
    "capt",
    "commissioner",
    "director",
    "chancellor",
    "king",
    "queen",
    "prince",
    "sheikh",
    "emir",
    "speaker",
    "leader",
    "press",
    "first",
    "lady",
    "господин",
    "госпожа",
    "г-н",
    "г-жа",
    "министр",
    "президент",
    "премьер-министр",
    "председатель",
  ].map((w) => w.toLowerCase()),
);

/** Plain ASCII letters, digits, dots and hyphens: what folding leaves as it is but for case. */
const PLAIN_WORD = /^[A-Za-z0-9.-]*$/;

/** Folds case, diacritics, ё→е and typographic apostrophes so that spellings compare equal. */
export function foldName(name: string): string {
  // Most words asked about are plain English words: lowercasing is all folding would do.
  if (PLAIN_WORD.test(name)) return name.toLowerCase();
  return (
    name
      .normalize("NFD")
      // Dropping every combining mark folds ё→е, й→и, ğ→g and é→e in one step.
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/ı/g, "i")
      .replace(/[’'`ʼ]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}.\- ]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
  );
}

export const hasCyrillic = (s: string) => /[\u0400-\u04ff]/.test(s);

/** Latin transliteration of a Cyrillic name ("Т.Карлсон" → "T.Karlson"), unchanged otherwise. */
export function toLatin(name: string): string {
  return hasCyrillic(name) ? transliterate(name) : name;
}

export interface NameParts {
  /** Given-name initials, lowercase, in the name's own script. */
  initials: string[];
  /** Surname tokens, folded. */
  surname: string;
  /** Given names as written (folded), which may be bare initials. */
  given: string[];
}

/** What follows a surname without being one: "Joseph R. Biden Jr.", "Ralph Puckett, Jr.". */
const NAME_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "младший", "старший"]);

/** A word of a title, folded ("secretary", "г-н"): never a given name or a surname. */
export const isTitleWord = (folded: string) => TITLE_WORDS.has(folded);

/** Splits "С.В.Лавров", "Sergey Lavrov", "MS. JEAN-PIERRE", "Lavrov Sergey" (no: assumed given-first). */
export function nameParts(name: string): NameParts {
  const tokens = foldName(name)
    .replace(/\./g, ". ")
    .split(/\s+/)
    .map((t) => t.replace(/\.$/, ""))
    .filter((t) => t.length > 0 && !TITLE_WORDS.has(t) && !NAME_SUFFIXES.has(t));
  if (tokens.length === 0) return { initials: [], surname: "", given: [] };
  const surname = tokens[tokens.length - 1] ?? "";
  const given = tokens.slice(0, -1);
  const initials = given.map((t) => t[0] ?? "");
  return { initials, surname, given };
}

/** Case endings of Russian and Ukrainian surnames, as folded (й has become и): "-ой" is "-ои". */
// biome-ignore format: one line reads better than twenty-four
const CYRILLIC_CASE_ENDINGS = ["ыми", "ими", "ого", "ому", "его", "ему", "ым", "им", "ом", "ем", "ои", "еи", "ии", "ыи", "ою", "ую", "ая", "а", "у", "е", "ы", "я", "ю"];

/** Surname keys to look up: the folded surname, its Latin transliteration, and for Cyrillic the uninflected stems. */
export function surnameKeys(surname: string): string[] {
  const keys = new Set<string>([surname]);
  if (hasCyrillic(surname)) {
    for (const ending of CYRILLIC_CASE_ENDINGS) {
      // An adjective's ending leaves a stem of three letters ("Тихий", "Тихого": "тих"); a
      // noun's one letter needs four, or short words would meet ("Бор", "Бора").
      const stem = ending.length >= 2 ? 3 : 4;
      if (surname.length >= ending.length + stem && surname.endsWith(ending))
        keys.add(surname.slice(0, -ending.length));
    }
    // Ukrainian surnames in -енко decline ("Ніколенка", "Ніколенком"): their stem without the
    // "о", which no other noun loses ("Захарово" is a village, not Zakharova).
    if (/енко$/iu.test(surname)) keys.add(surname.slice(0, -1));
  }
  return [...keys];
}

/** A stable id for a person not in the registry, from the Latin form of the name. */
export function idForName(name: string): string {
  return slugify(toLatin(name).replace(/\./g, " "), { separator: "-", lowercase: true }) || "unknown";
}

/** "MS. PSAKI" → "Ms. Psaki"; leaves mixed-case names alone. */
export function displayCase(label: string): string {
  if (label !== label.toUpperCase()) return label;
  return label
    .toLowerCase()
    .replace(/(^|[\s\-.'’(])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** Letters only Russian writes (ы, э, ъ, ё) and only Ukrainian writes (і, ї, є, ґ). */
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/;
const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/;

/** Publishers whose Cyrillic names are Ukrainian unless their letters say otherwise. */
const UKRAINIAN_PUBLISHERS = new Set(["president.gov.ua"]);

/** Languages written in Cyrillic: documents in them keep Cyrillic names as written. */
const CYRILLIC_LANGUAGES = new Set(["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "mn", "tg"]);

export const writtenInCyrillic = (language: string) => CYRILLIC_LANGUAGES.has(language);

/** Which national system a Cyrillic name is romanised by: its letters decide, else the publisher's country. */
export function cyrillicSystem(name: string, publisher: string): "ru" | "uk" {
  if (UKRAINIAN_ONLY.test(name)) return "uk";
  if (RUSSIAN_ONLY.test(name)) return "ru";
  return UKRAINIAN_PUBLISHERS.has(publisher) ? "uk" : "ru";
}

type TranslitFactory = (config: { preset: "uk" }) => { transform(input: string): string };
// A CommonJS function export: Node hands it over as the default import, bundlers under `.default`.
const cyrillicToTranslit = ((cyrillicToTranslitModule as unknown as { default?: TranslitFactory }).default ??
  cyrillicToTranslitModule) as unknown as TranslitFactory;
const ukrainian = cyrillicToTranslit({ preset: "uk" });

/**
 * A Cyrillic name in Latin letters, as English-language publishers write it: Russian by the
 * English Wikipedia's system ("Дмитрий Песков" → "Dmitry Peskov"), Ukrainian by the national
 * system of 2010 ("Ірина Верещук" → "Iryna Vereshchuk"). Names in other scripts are returned as they are.
 */
export function romanise(name: string, system: "ru" | "uk"): string {
  if (!hasCyrillic(name)) return name;
  return system === "uk" ? ukrainian.transform(name) : iuliia.translate(name, iuliia.WIKIPEDIA);
}

/**
 * English titles capitalise every word ("Remarks by President Biden After Marine One Arrival"):
 * the words that carry a title on from a name to what happened, lowercase. None is part of a
 * person's name; the prepositions among them also join the words of bodies' and places' names
 * ("Council On Foreign Relations"), which the name finder allows for.
 */
export const TITLE_CASE_WORDS = [
  "after",
  "before",
  "during",
  "at",
  "on",
  "in",
  "into",
  "to",
  "with",
  "and",
  "aboard",
  "en",
  "upon",
  "for",
  "from",
  "following",
  "via",
  "regarding",
  "announcing",
  "prior",
  "ahead",
  "over",
  "under",
  "about",
  "amid",
  "departing",
  "arriving",
  "meeting",
  "honoring",
  "marking",
  "welcoming",
  "celebrating",
  "signing",
  "delivering",
  "discussing",
  "visiting",
  "traveling",
  "travelling",
];

/** One of TITLE_CASE_WORDS, capitalised as a title writes it, and nothing after it in the same word. */
export const TITLE_CASE_WORD = String.raw`(?:${TITLE_CASE_WORDS.map((w) => w[0]?.toUpperCase() + w.slice(1)).join("|")})(?![\p{L}-])`;
