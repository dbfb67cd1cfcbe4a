/**
 * Full names for surname labels. Transcripts label guests by title and surname ("MR. LANDRIEU",
 * "DR. BOUSHEY") and name them in full once, where they are introduced: in the title, in a note,
 * in the moderator's "…on the record with Grant Harris". A careful reader calls the speaker by that
 * name. Precision first: a surname the document gives two different given names is left as the
 * label has it.
 */
import { foldName, isTitleWord, nameParts, TITLE_CASE_WORDS } from "./names.js";

/**
 * Capitalised words that stand before a surname without being a given name, besides titles
 * (names.ts isTitleWord) and the words a title goes on with (TITLE_CASE_WORDS).
 */
const NOT_GIVEN = new Set(
  (
    "a an of by madam congressman congresswoman judge justice professor doctor officer chief former " +
    "late pm premier princess pope cardinal bishop reverend sergeant major commander ensign private " +
    "corporal specialist airman seaman petty administer coach pastor rabbi imam father sister brother " +
    "dean sheriff detective uncle aunt grandma grandpa mom dad team council office department ministry " +
    "house senate congress committee state treasury defense defence education energy labor labour " +
    "interior agriculture commerce transportation homeland security health housing veterans affairs " +
    "economic national international federal white american united dear thank thanks hi hello welcome " +
    "good route also but so as if when while today yesterday tomorrow monday tuesday wednesday " +
    "thursday friday saturday sunday " +
    // Words that open a sentence: "… he said. Then Harris …".
    "im ive id ill its hes shes were weve youre youve thats lets heres theres then now well maybe " +
    "perhaps yes no okay ok because although however here there this that these those what who how " +
    "why where which it she we they i you our my his her their let please look listen again even just " +
    "only not all every each both either neither"
  ).split(" "),
);
const TITLE_CASE = new Set(TITLE_CASE_WORDS);

/** A label that is a title and a surname: "MR. HARRIS", "Dr. Boushey", "ADMINISTRATOR REGAN". */
const TITLED_SURNAME = /^(?:[\p{L}]+\.?\s+){1,4}([\p{L}’'-]+)$/u;

const WORD = /[\p{L}’'-]+\.?/gu;
/**
 * A word of WORD's that starts with a capital: WORD's matches start wherever a run of its letters
 * does, so a capitalised one is a capital with none of those letters before it (WORD_CHAR_BEFORE,
 * checked by hand: a lookbehind in front made the engine try it at every position of the text).
 * No match can begin inside one turned away, whose every character but a final dot is a letter.
 */
const CAPITALISED_WORD = /\p{Lu}[\p{L}’'-]*\.?/gu;
const WORD_CHAR_BEFORE = /[\p{L}’'-]$/u;
/** Where a text's first word starts. */
const LETTER = /[\p{L}’'-]/u;

/** The words of the texts a document introduces people in, and where each capitalised folded word stands. */
export interface Introductions {
  texts: readonly string[];
  /** A text's words, split the first time a surname is looked for in it. */
  words(t: number): RegExpMatchArray[];
  /**
   * Where a capitalised folded word stands, as [text, word number]; the first word of a text is
   * never a surname after a name.
   */
  positions(key: string): readonly [number, number][];
}

/**
 * A document's introductions, read once however many surname labels look them up. Only the
 * capitalised words are indexed, by where they start; a text is split into words only when a
 * surname is found in it (a UN speech's 3,000 words as match objects were a third of reading it).
 */
export function readIntroductions(texts: readonly string[]): Introductions {
  const split = new Map<number, { words: RegExpMatchArray[]; starts: Map<number, number> }>();
  const wordsOf = (t: number) => {
    let held = split.get(t);
    if (!held) {
      const words = [...(texts[t] as string).matchAll(WORD)];
      held = { words, starts: new Map(words.map((w, i) => [w.index ?? 0, i])) };
      split.set(t, held);
    }
    return held;
  };
  const starts = new Map<string, [number, number][]>();
  texts.forEach((text, t) => {
    const first = text.search(LETTER);
    for (const m of text.matchAll(CAPITALISED_WORD)) {
      const at = m.index ?? 0;
      if (at === first || (at > 0 && WORD_CHAR_BEFORE.test(text.slice(Math.max(0, at - 2), at)))) continue;
      const key = foldName(m[0].replace(/\.$/u, ""));
      const list = starts.get(key);
      if (list) list.push([t, at]);
      else starts.set(key, [[t, at]]);
    }
  });
  return {
    texts,
    words: (t) => wordsOf(t).words,
    positions: (key) =>
      (starts.get(key) ?? []).map(([t, offset]): [number, number] => [
        t,
        wordsOf(t).starts.get(offset) ?? -1,
      ]),
  };
}

/** The surname of a label that is a title and a surname only ("MR. HARRIS"), or null. */
export function titledSurname(label: string): string | null {
  const surname = TITLED_SURNAME.exec(label.trim())?.[1];
  // A label with a given name or initials already names the person.
  if (!surname || surname.length < 3 || nameParts(label).given.length > 0) return null;
  return surname;
}

/**
 * The full name the introductions give the label's surname ("MR. HARRIS" → "Grant Harris"), or
 * null when they give none or more than one. The introductions are read only for a label that
 * needs them.
 */
export function fullNameFor(label: string, introductions: () => Introductions): string | null {
  const surname = titledSurname(label);
  if (!surname) return null;
  const read = introductions();
  const found = new Map<string, string>();
  for (const [t, i] of read.positions(foldName(surname))) {
    const text = read.texts[t] as string;
    const words = read.words(t);
    const written = (words[i] as RegExpMatchArray)[0].replace(/\.$/u, "");
    // The given name right before it, only a space between ("Grant Harris"), or with a middle
    // initial ("Michael S. Regan"). When the word before that could be a name too ("Samia Suluhu
    // Hassan", but also "Counterterrorism John Brennan"), where the name starts is not clear:
    // that mention is not read.
    const capitals = written === written.toUpperCase();
    const nameBefore = (j: number) => {
      const w = words[j];
      const next = words[j + 1] as RegExpMatchArray;
      if (!w) return false;
      const between = text.slice((w.index ?? 0) + w[0].length, next.index ?? 0);
      return /^\s+$/u.test(between) && isGivenName(w[0], capitals);
    };
    let first = i - 1;
    if (!nameBefore(first)) continue;
    if (isInitial((words[first] as RegExpMatchArray)[0])) first--;
    if (!nameBefore(first) || isInitial((words[first] as RegExpMatchArray)[0]) || nameBefore(first - 1))
      continue;
    const given = words.slice(first, i).map((w) => w[0]);
    const key = foldName(given[0] as string);
    const name = [...given, written].join(" ");
    // Written in capitals in a header and in mixed case in the text: the text shows how it is spelt ("McDonough").
    const held = found.get(key);
    if (!held || held === held.toUpperCase()) found.set(key, name);
  }
  const name = found.size === 1 ? [...found.values()][0] : undefined;
  return name ? properCase(name) : null;
}

const isInitial = (word: string) => /^\p{Lu}\.$/u.test(word);

/**
 * "Grant", "J.", "Jean-Pierre", and "GRANT" beside a surname in capitals; not "Director", "the",
 * "Secretaries", or an acronym ("NEC Director") in mixed-case text.
 */
function isGivenName(word: string, capitals: boolean): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  if (word.endsWith(".") && word.length > 2) return false;
  if (!capitals && word.length > 1 && word === word.toUpperCase() && !isInitial(word)) return false;
  const folded = foldName(word.replace(/\.$/, ""));
  const notGiven = (w: string) => NOT_GIVEN.has(w) || isTitleWord(w) || TITLE_CASE.has(w);
  return !notGiven(folded) && !(folded.endsWith("s") && notGiven(folded.slice(0, -1)));
}

/** A name written in capitals, as names are shown: "GRANT HARRIS" → "Grant Harris". */
function properCase(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s\-.'’])(\p{L})/gu, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}
