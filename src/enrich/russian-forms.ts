/**
 * Case forms of Russian names. Snowball stems are not enough for names: "Доминик" stems like
 * "Доминика" (Dominica), "Британи" like "Британия", while "Азербайджане" and "Азербайджан" get
 * different stems. Nouns in names decline by a handful of rules, so the matcher lists the case
 * forms of every noun in a name and accepts exactly those; adjectives keep to stems. Ukrainian
 * endings ("Німеччині", "Києві", "Росіє") are listed beside the Russian ones.
 */

/** How a Russian word of a name is matched. */
export type RussianWordRule =
  /** Adjectives ("российский", "Новая"): any word with the same stem. */
  | { kind: "stem" }
  /** Nouns: one of the listed case forms; `orStem` also admits the stem (fleeting vowels: Египет → Египта). */
  | { kind: "forms"; forms: Set<string>; orStem: boolean };

const ADJECTIVE = /(?:ий|ый|ой|ая|яя|ое|ее|ые|[^нт]ие)$/;
const CONSONANT = /[бвгджзклмнпрстфхцчшщ]$/;

const withEndings = (base: string, endings: string[]) => endings.map((e) => base + e);

/** The case forms of one lowercase noun, itself included. */
function caseForms(word: string): { forms: string[]; orStem: boolean } {
  const base = word.slice(0, -1);
  const last = word[word.length - 1] ?? "";
  if (last === "а")
    return {
      forms: withEndings(base, ["а", "ы", "и", "е", "у", "ой", "ою", "ей", "ам", "ах", "ами", "і", "о"]),
      orStem: false,
    };
  if (last === "я")
    return {
      forms: withEndings(base, ["я", "и", "е", "ю", "ей", "ею", "й", "ям", "ях", "ями", "ї", "і", "є"]),
      orStem: false,
    };
  if (last === "ы") return { forms: withEndings(base, ["ы", "ов", "ам", "ами", "ах", ""]), orStem: false };
  if (word.endsWith("ие")) return { forms: withEndings(base, ["е", "я", "ю", "ем", "и"]), orStem: false };
  if (last === "о") return { forms: withEndings(base, ["о", "а", "у", "ом", "е"]), orStem: false };
  // Neuter nouns on -е: "море" (моря, морем; Ukrainian "морі"), "Приморье".
  if (last === "е")
    return { forms: withEndings(base, ["е", "я", "ю", "ем", "і", "ям", "ях"]), orStem: false };
  if (last === "ь" || last === "й")
    return {
      forms: withEndings(base, [last, "я", "ю", "ем", "е", "и", "ём", "і", "еві", "ові"]),
      orStem: true,
    };
  if (CONSONANT.test(last))
    return {
      forms: withEndings(word, [
        "",
        "а",
        "у",
        "е",
        "ом",
        "ым",
        "ы",
        "ов",
        "ам",
        "ах",
        "ами",
        "и",
        "і",
        "ові",
        "ем",
        "ів",
      ]),
      orStem: true,
    };
  // "Мали", "Перу", "Баку", "Тбилиси": foreign names on other vowels do not decline.
  return { forms: [word], orStem: false };
}

/**
 * Ukrainian adjectives, and Russian short ones, end like nouns ("Херсонська область", "Чорне море",
 * "Верховна Рада"); before another word of the name a word ending so is taken for an adjective,
 * which the noun after it keeps from matching alone.
 */
const ADJECTIVE_BEFORE_NOUN = /(?:[аяеєі]|ий|ій|ої|ого)$/;

/**
 * The rule for one word of a Russian or Ukrainian name, given lowercase and with ё folded to е;
 * `beforeNoun`: another word of the name follows it.
 */
export function russianWordRule(word: string, beforeNoun = false): RussianWordRule {
  if (word.length > 3 && ADJECTIVE.test(word)) return { kind: "stem" };
  if (beforeNoun && word.length > 4 && ADJECTIVE_BEFORE_NOUN.test(word)) return { kind: "stem" };
  const { forms, orStem } = caseForms(word);
  return { kind: "forms", forms: new Set(forms), orStem };
}

/** Case endings an acronym takes in running text: "МИДа", "МИДу", "МИДом". */
export const ACRONYM_CASE_ENDING = /^([А-ЯЁ]{2,})(а|у|ом|е)$/;
