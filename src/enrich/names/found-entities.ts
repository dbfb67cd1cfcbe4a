/**
 * Turns the names found in one document into entities of Verbatim's own: every mention of one
 * referent under one id, the same id in every document that names it the same way. A person is
 * keyed by given name and surname in Latin letters (a Cyrillic name by its Latin spelling in
 * brackets when the page gives one, else by romanisation with its case ending removed), an
 * organisation or a place by the stems of its words. A surname alone counts when the document
 * names the person in full ("Grassley" after "Charles Ernest Grassley"), or when a title
 * introduces it ("Senator Grassley"); otherwise it is left alone.
 */
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as russian } from "@orama/stemmers/russian";
import { slugify } from "transliteration";
import { foldName, hasCyrillic, romanise } from "../../ingest/speakers/names.js";
import { type Entity, FOUND_PREFIX } from "../../model/entity.js";
import { memoise } from "../../model/memo.js";
import type { FoundName, FoundType } from "./name-finder.js";

// biome-ignore format: one line reads better
const CASE_ENDINGS = ["ыми", "ими", "ого", "ому", "его", "ему", "ым", "им", "ом", "ем", "ой", "ей", "ою", "ую", "ая", "а", "у", "е", "ы", "я", "ю", "і", "ові", "еві", "ові"];
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "младший", "мл"]);

/** A Cyrillic surname without its case ending: "Лаврова", "Лавровым" → "лавров"; "Зеленського" → "зеленськ". */
function surnameStem(word: string): string {
  const w = foldName(word);
  if (!hasCyrillic(w)) return w;
  for (const ending of [...CASE_ENDINGS].sort((a, b) => b.length - a.length))
    if (w.length > ending.length + 3 && w.endsWith(ending)) return w.slice(0, -ending.length);
  return w;
}

const latin = (word: string, lang: string) =>
  slugify(romanise(word, lang === "uk" ? "uk" : "ru"), { lowercase: true });

/** Given name and surname keys of a person's name: "Robert Brian Gibbs" → ["robert", "gibbs"]. */
export function personKey(name: string, lang: string): { given: string; surname: string } {
  return personKeys(`${lang === "uk" ? "uk" : "ru"}${name}`);
}

// Keyed by the language that romanises it and the name: a briefing names the same people on every page.
const personKeys = memoise((langAndName: string) => {
  const lang = langAndName.slice(0, 2);
  const name = langAndName.slice(2);
  const words = name
    .replace(/\./g, ". ")
    .split(/\s+/)
    .filter((w) => w.length > 0 && !SUFFIXES.has(foldName(w)));
  // Initials are no part of the key, wherever they stand: "Дж. Байден", "Коновальчика П.Б.".
  const named = words
    .filter((w) => !/^\p{L}{1,2}\.$/u.test(w) && w.replace(/[.,()]/g, "").length > 1)
    .map((w) => w.replace(/[.,()]/g, ""));
  const surname = named[named.length - 1] ?? "";
  const givenWord = named.length > 1 ? (named[0] as string) : "";
  const key = (w: string) =>
    hasCyrillic(w) ? latin(surnameStem(w), lang) : slugify(foldName(w), { lowercase: true });
  return { given: givenWord ? key(givenWord) : "", surname: surname ? key(surname) : "" };
});

const stemOf = (word: string) => {
  const w = foldName(word);
  return hasCyrillic(w) ? russian(w) : english(w);
};

/** The key of an organisation's or a place's name: its words' stems, so case forms meet. */
function phraseKey(name: string, lang: string): string {
  return phraseKeys(`${lang === "uk" ? "uk" : "ru"}${name}`);
}

const phraseKeys = memoise((langAndName: string) => {
  const lang = langAndName.slice(0, 2);
  const name = langAndName.slice(2);
  const words = name
    .split(/[\s\-–]+/)
    .filter(Boolean)
    .map(stemOf);
  return slugify(
    words.map((w) => (hasCyrillic(w) ? romanise(w, lang === "uk" ? "uk" : "ru") : w)).join(" "),
    {
      lowercase: true,
    },
  );
});

export interface LocatedName extends FoundName {
  turn: number;
  paragraph: number;
  lang: string;
}

export interface ResolvedName extends LocatedName {
  entityId: string;
}

/**
 * Resolves one document's found names: ids for each, surnames joined to the document's full
 * names, unexplained surnames dropped; and the entities they name, with their surface forms.
 */
/**
 * A listed person whose given name and surname have these keys, if exactly one has: "Шарль
 * Мішель" (Ukrainian) is the gazetteer's Charles Michel, listed as "Шарль Мишель".
 */
export type ListedPersonLookup = (given: string, surname: string) => string | null;

/** Name words other than initials: "Robert Brian Gibbs" has three, "Дж.Байден" one. */
const namedWords = (name: string) =>
  name.split(/[\s.]+/).filter((w) => w.replace(/[,()]/g, "").length > 1).length;

export function resolveFoundNames(
  names: LocatedName[],
  listedPerson: ListedPersonLookup = () => null,
  listedGivens: Iterable<readonly [given: string, id: string]> = [],
): { mentions: ResolvedName[]; entities: Entity[] } {
  const people = new Map<string, string>();
  // Given name keys of the document's people, null where two share one: "Josh" addressed is the
  // one Josh the document names in full, listed or not.
  const givens = new Map<string, string | null>();
  const noteGiven = (given: string, id: string) =>
    givens.set(given, givens.has(given) && givens.get(given) !== id ? null : id);
  for (const [given, id] of listedGivens) noteGiven(given, id);
  const idOf = (n: LocatedName): string | null => {
    if (n.type !== "person") return `${FOUND_PREFIX}${n.type}:${phraseKey(n.name, n.lang)}`;
    const { given, surname } = personKey(n.name, n.lang);
    if (!surname) return null;
    if (n.surnameOnly) return null;
    // Given name and surname of a listed person, spelt another way; a middle name no listed form
    // has ("Robert Brian Gibbs") may be a namesake's, so only two-word names are joined.
    const listed = given && namedWords(n.name) === 2 ? listedPerson(given, surname) : null;
    if (listed) return listed;
    return `${FOUND_PREFIX}person:${given ? `${given}-` : ""}${surname}`;
  };
  // Full names first, so a surname can find the person it belongs to.
  for (const n of names) {
    if (n.type !== "person" || n.surnameOnly || n.givenOnly) continue;
    const id = idOf(n);
    const { given, surname } = personKey(n.name, n.lang);
    if (id && !people.has(surname)) people.set(surname, id);
    if (id && given) noteGiven(given, id);
    // A Cyrillic name is also reached by its own surname ("Гиббс" keyed by "Gibbs" in brackets).
    const own = personKey(n.text, n.lang).surname;
    if (id && !people.has(own)) people.set(own, id);
  }
  const mentions: ResolvedName[] = [];
  const forms = new Map<string, { type: FoundType; texts: Map<string, number>; lang: string }>();
  for (const found of names) {
    let n = found;
    let id = idOf(n);
    if (n.type === "person" && n.givenOnly) {
      const key = personKey(n.text, n.lang).surname;
      id = givens.get(key) ?? (givens.has(key) ? null : `${FOUND_PREFIX}person:${key}`);
    } else if (n.type === "person" && n.surnameOnly) {
      const { surname } = personKey(n.text, n.lang);
      id = people.get(surname) ?? (n.titled ? `${FOUND_PREFIX}person:${surname}` : null);
      // No one in the document has it for a surname: the place the lists hold ("Melitopol").
      if (!id && n.orPlace) {
        n = { ...n, type: "place", surnameOnly: false };
        id = idOf(n);
      }
    }
    if (!id || /:$/.test(id)) continue;
    mentions.push({ ...n, entityId: id });
    if (!id.startsWith(FOUND_PREFIX)) continue;
    const entry = forms.get(id) ?? { type: n.type, texts: new Map<string, number>(), lang: n.lang };
    entry.texts.set(n.text, (entry.texts.get(n.text) ?? 0) + 1);
    if (n.name !== n.text) entry.texts.set(n.name, (entry.texts.get(n.name) ?? 0) + 1);
    forms.set(id, entry);
  }
  const entities: Entity[] = [...forms].map(([id, { type, texts, lang }]) => {
    // The entity is called by its longest Latin form if it has one (a name in brackets), else its most frequent.
    const all = [...texts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([t]) => t);
    const latinForm = all.filter((t) => !hasCyrillic(t)).sort((a, b) => b.length - a.length)[0];
    const name = type === "person" && latinForm ? latinForm : (all[0] as string);
    return {
      id,
      type,
      name,
      forms: all.map((text) => ({ text, lang: hasCyrillic(text) ? lang : "en", ambiguous: false })),
    };
  });
  return { mentions, entities };
}
