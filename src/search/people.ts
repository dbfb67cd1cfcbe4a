/**
 * What `speaker:` and `role:` values mean, independent of any backend. A speaker value matches a
 * person by any of their names (canonical name, registry aliases in any script, names seen in
 * documents) or their id, with case, diacritics and ё/е folded: `speaker:Лавров`,
 * `speaker:lavrov` and `speaker:"Sergey Lavrov"` name one person. A role value matches the roles a
 * person held, with their dates: the caller checks the document's date against the periods returned.
 */
import { foldName } from "../ingest/speakers/names.js";
import type { Speaker } from "../model/speaker.js";

/** Folded words of a name or title: "С.В.Лавров" → [с, в, лавров]; "Jean-Pierre" → [jean-pierre, jean, pierre]. */
function nameWords(text: string): string[] {
  const words = foldName(text)
    .split(/[\s.]+/)
    .filter((w) => w.length > 0);
  const out: string[] = [];
  for (const w of words) {
    out.push(w);
    if (w.includes("-")) out.push(...w.split("-").filter(Boolean));
  }
  return out;
}

/** Folded tokens in order, hyphens kept inside words: for matching a value as a run of words. */
const tokens = (text: string) =>
  foldName(text)
    .split(/[\s.]+/)
    .filter((w) => w.length > 0);

/** Courtesy titles before a name in a value ("MS. JEAN-PIERRE", "Ambassador Rice"): not part of the name. */
const HONORIFICS = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "ambassador",
  "sir",
  "dame",
  "г-н",
  "г-жа",
  "господин",
  "госпожа",
]);

/** Names folded once, to be matched against many values. */
export interface PreparedNames {
  id: string | null;
  /** Per name: its folded tokens in order, and every whole word (hyphenated parts too). */
  names: { tokens: string[]; words: Set<string> }[];
}

export function prepareNames(names: Iterable<string>, id: string | null = null): PreparedNames {
  return {
    id: id?.toLowerCase() ?? null,
    names: [...names].map((n) => ({ tokens: tokens(n), words: new Set(nameWords(n)) })),
  };
}

/** A speaker value folded once: its tokens with courtesy titles dropped ("MS. JEAN-PIERRE" → jean-pierre). */
export function prepareValue(value: string): { folded: string; tokens: string[] } {
  let wanted = tokens(value);
  while (wanted.length > 1 && HONORIFICS.has(wanted[0] as string)) wanted = wanted.slice(1);
  return { folded: foldName(value), tokens: wanted };
}

/**
 * True when a speaker value names this person: the id itself, a whole name, or a run of whole
 * words of one name ("lavrov", "Sergey Lavrov", "jean-pierre", "Jean" alone too). Never a part of a
 * word: `speaker:rice` is not Mr. Price.
 */
export function preparedMatches(value: { folded: string; tokens: string[] }, person: PreparedNames): boolean {
  if (!value.folded || value.tokens.length === 0) return false;
  if (person.id && value.folded === person.id) return true;
  const wanted = value.tokens;
  for (const name of person.names) {
    if (wanted.length === 1) {
      if (name.words.has(wanted[0] as string)) return true;
      continue;
    }
    const have = name.tokens;
    for (let i = 0; i + wanted.length <= have.length; i++) {
      if (wanted.every((w, k) => have[i + k] === w)) return true;
    }
  }
  return false;
}

export function nameMatches(value: string, names: Iterable<string>, id: string | null = null): boolean {
  return preparedMatches(prepareValue(value), prepareNames(names, id));
}

/** Every name a registered person goes by. */
export const namesOf = (speaker: Speaker): string[] => [speaker.name, ...speaker.aliases.map((a) => a.name)];

/** Words that carry no meaning in a role title. */
const ROLE_STOPWORDS = new Set(["of", "the", "for", "to", "and", "on", "in", "по", "и", "в", "при"]);

/**
 * Russian words of role titles and their English counterparts, by folded stem (a title word
 * matches when it starts with the stem). Registry titles are in English; a Russian role query is
 * read through this table: "министр иностранных дел" is "minister foreign affairs".
 */
const RUSSIAN_ROLE_WORDS: [string, string[]][] = [
  ["вице-президент", ["vice", "president"]],
  ["премьер-министр", ["prime", "minister"]],
  ["пресс-секретар", ["press", "secretary"]],
  ["госсекретар", ["secretary", "state"]],
  ["генсек", ["secretary-general"]],
  ["министр", ["minister"]],
  ["министерств", ["ministry"]],
  ["мид", ["mfa"]],
  ["иностран", ["foreign"]],
  ["внешн", ["foreign"]],
  ["дел", ["affairs"]],
  ["президент", ["president"]],
  ["премьер", ["prime", "minister"]],
  ["пресс", ["press"]],
  ["секретар", ["secretary"]],
  ["официальн", ["spokesperson"]],
  ["представител", ["representative"]],
  ["постоянн", ["permanent"]],
  ["советник", ["advisor"]],
  ["помощник", ["aide"]],
  ["национальн", ["national"]],
  ["безопасност", ["security"]],
  ["генеральн", ["general"]],
  ["директор", ["director"]],
  ["департамент", ["department"]],
  ["информаци", ["information"]],
  ["печат", ["press"]],
  ["заместител", ["deputy"]],
  ["первый", ["first"]],
  ["первого", ["first"]],
  ["председател", ["chair"]],
  ["правительств", ["government"]],
  ["глав", ["head"]],
  ["руководител", ["head"]],
  ["офис", ["office"]],
  ["администраци", ["administration"]],
  ["посол", ["ambassador"]],
  ["оон", ["united", "nations"]],
  ["росси", ["russia"]],
  ["рф", ["russia"]],
  ["сша", ["united", "states"]],
  ["украин", ["ukraine"]],
  ["турци", ["turkey"]],
  ["белого", ["white"]],
  ["дома", ["house"]],
];

/** English words spelled more than one way in titles. */
const ENGLISH_VARIANTS: Record<string, string> = {
  adviser: "advisor",
  spokesman: "spokesperson",
  spokeswoman: "spokesperson",
  chairman: "chair",
  chairwoman: "chair",
  türkiye: "turkey",
  turkiye: "turkey",
  "secretary-general": "secretary-general",
};

function roleWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldName(text).split(/[\s,;()]+/)) {
    const w = raw.replace(/\.$/, "");
    if (!w || ROLE_STOPWORDS.has(w)) continue;
    if (/[\u0400-\u04ff]/.test(w)) {
      const entry = RUSSIAN_ROLE_WORDS.find(([stem]) => w.startsWith(stem));
      out.push(...(entry ? entry[1] : [w]));
      continue;
    }
    out.push(ENGLISH_VARIANTS[w] ?? w);
  }
  // "Minister of Foreign Affairs", "министр иностранных дел" and "Foreign Minister" are one role.
  return out.includes("foreign") ? out.filter((w) => w !== "affairs") : out;
}

/** Words that make a title another office: a vice president is not a president, nor a deputy the secretary. */
const MODIFIERS = ["vice", "deputy"];

/** The office a title names, before what it is of, to or for: "Chief Medical Advisor" of "… to the President". */
function head(title: string): string[] {
  const cut = foldName(title).split(/\s+(?:of|to|for|at|\()\s*|\s*\(/)[0] ?? "";
  return roleWords(cut);
}

/**
 * A role value matches a title when every word of the value is a word of the title (in any order),
 * one of them names the office itself (not what it serves: an advisor to the president is no
 * president), and the title's office is not a vice or deputy one the value does not ask for.
 */
export function roleMatches(value: string, title: string): boolean {
  const wanted = roleWords(value);
  if (wanted.length === 0) return false;
  const expand = (words: string[]) => {
    const set = new Set(words);
    // "secretary-general" in a title also counts as its two words.
    for (const w of words) if (w.includes("-")) for (const part of w.split("-")) set.add(part);
    return set;
  };
  const have = expand(roleWords(title));
  if (!wanted.every((w) => have.has(w))) return false;
  const office = expand(head(title));
  if (!wanted.some((w) => office.has(w))) return false;
  return MODIFIERS.every((m) => !office.has(m) || wanted.includes(m));
}

/** The periods (ISO dates or prefixes, null = open) in which a person held a role a value names. */
export function rolePeriods(speaker: Speaker, value: string): { from: string | null; to: string | null }[] {
  return speaker.roles.filter((r) => roleMatches(value, r.title)).map((r) => ({ from: r.from, to: r.to }));
}
