/**
 * Which capitalised English words are ordinary words ("Eastern", "Today", "Must") and which are
 * names ("Kevin", "Hardesty"). The matcher asks it about the neighbours of a one-word name: in
 * "Kevin Holland" or "Cameron Hardesty" the neighbour is a name, so the pair is a person, not the
 * Netherlands or David Cameron. Ordinary words come from the Hunspell en_US dictionary
 * (dictionary-en), whose proper nouns are capitalised and whose ordinary words are not; given names
 * from the name lists of gender-detection-from-name (many are ordinary words too: "John", "Mark").
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { stemmer as english } from "@orama/stemmers/english";
import nspell from "nspell";

let common: Set<string> | null = null;
let spelling: ReturnType<typeof nspell> | null = null;
let given: ReadonlyMap<string, string> | null = null;
const ordinary = new Map<string, boolean>();
const require = createRequire(import.meta.url);

/** Given names that are far more often ordinary words at the start of a sentence or a name. */
const NOT_GIVEN = new Set(
  "north south east west king prince royal justice general will grant said major page young story trust".split(
    " ",
  ),
);

const dictionaryDir = () => path.dirname(require.resolve("dictionary-en"));
let dic: string | null = null;
/** The Hunspell en_US word list, read once for the stems and the spelling checker. */
const dictionaryWords = () => {
  dic ??= readFileSync(path.join(dictionaryDir(), "index.dic"), "utf8");
  return dic;
};

/** The dictionary's lowercase entries (capitalised entries are names; the first line is a count). */
function dictionaryEntries(): string[] {
  return dictionaryWords()
    .split("\n")
    .map((line) => line.split("/", 1)[0] ?? "")
    .filter((word) => /^[a-z]/.test(word));
}

function load(): Set<string> {
  const stems = new Set<string>();
  for (const word of dictionaryEntries()) stems.add(english(word));
  return stems;
}

/**
 * Whether a word, lowercased, is an English word in any form the dictionary's affixes make ("Nice",
 * "Independence", "Lakes"), checked by a Hunspell reader (nspell). Unlike
 * isOrdinaryEnglishWord, whose stems make "Maine" the word "main", and which knows only the
 * dictionary's own entries ("independence" comes from "dependence" by a prefix).
 */
export function isDictionaryWord(word: string): boolean {
  spelling ??= nspell(readFileSync(path.join(dictionaryDir(), "index.aff")), dictionaryWords());
  return spelling.correct(word.toLowerCase());
}

/** Whether a word is an ordinary English word (in any inflection), not only a name. */
export function isOrdinaryEnglishWord(word: string): boolean {
  common ??= load();
  // Names repeat across a document and an archive; the stemmer is the cost.
  let known = ordinary.get(word);
  if (known === undefined) {
    known = common.has(english(word.toLowerCase()));
    if (ordinary.size > 200_000) ordinary.clear();
    ordinary.set(word, known);
  }
  return known;
}

/** Whether a capitalised Latin word is a given name, or at least not an ordinary word. */
const givenNames = () => {
  given ??= require("gender-detection-from-name/names/en.js") as ReadonlyMap<string, string>;
  return given;
};

export function isNameLike(word: string): boolean {
  const lower = word.toLowerCase();
  if (givenNames().has(lower)) return !NOT_GIVEN.has(lower);
  return !isOrdinaryEnglishWord(word);
}

/** Whether a word is in the given-name lists ("Craig", "Bronte"), ordinary words excepted ("North", "Will"). */
export function isGivenName(word: string): boolean {
  // "César", "José": the lists spell given names without accents.
  const lower = word
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
  return givenNames().has(lower) && !NOT_GIVEN.has(lower);
}
