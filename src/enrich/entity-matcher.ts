/**
 * Finds gazetteer entities in text. Names are matched token by token on stems, so Russian case
 * forms meet ("Турцией", "Турции" → Турция) and English plurals and possessives too; capitalised
 * names only match capitalised words ("Turkey" the country, never "turkey" the bird); acronyms
 * match exactly. Ambiguous names count only when the same document also names the entity
 * unambiguously (the caller decides that over the whole document: `resolveMentions`).
 * Precision first: when in doubt, no match.
 */
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as russian } from "@orama/stemmers/russian";
import type { EntityMention } from "../model/enrichment.js";
import type { Entity } from "../model/entity.js";
import { memoise } from "../model/memo.js";
import type { EntityCuration } from "./curation.js";
import { isNameLike } from "./english-words.js";
import type { Gazetteer } from "./gazetteer.js";
import { personKey } from "./names/found-entities.js";
import { ENGLISH_CALENDAR_WORDS, LIST_CONJUNCTIONS } from "./names/name-words.js";
import { ACRONYM_CASE_ENDING, type RussianWordRule, russianWordRule } from "./russian-forms.js";

/** A mention before the document as a whole decides the ambiguous ones. */
export interface CandidateMention extends EntityMention {
  /** Named by a word that is also a common word or a metonym ("Ankara", "Clinton"). */
  ambiguous: boolean;
  /** Other entities the same words name just as well ("Rice": Condoleezza or Susan). */
  alternatives: string[];
}

interface Token {
  raw: string;
  start: number;
  end: number;
  /** Computed on first use: most words are never compared with a name. */
  key: string | null;
  upper: boolean;
  /** Holds a Cyrillic letter. */
  cyrillic: boolean;
}

/** Up to the first three UTF-16 units of text[start..end) as one number, their count included: a prefix compared without a string. */
function prefixKey(text: string, start: number, end: number): number {
  const n = Math.min(3, end - start);
  let key = n;
  for (let k = 0; k < n; k++) key = key * 65536 + text.charCodeAt(start + k);
  return key;
}

interface FormToken {
  /** Comparison keys: the stem, and for a Russian noun the stems of all its case forms. */
  keys: string[];
  raw: string;
  /** The text token must start with a capital letter. */
  capital: boolean;
  /** An acronym ("UN", "ООН"): the text token must be identical. */
  exact: boolean;
  /** A Russian word: matched by its case forms (nouns) or its stem (adjectives). */
  russian: RussianWordRule | null;
}

interface CompiledForm {
  entity: Entity;
  tokens: FormToken[];
  ambiguous: boolean;
  /** For a person's one-word name: the first words of their longer names ("Sergey" of "Sergey Lavrov"). */
  givenNames: Set<string>;
  /** The name is also a person's given name (from the gazetteer's `givenNames`). */
  givenName: boolean;
  /** A capital standing for its country: after a locative preposition it is the city itself. */
  metonym: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /[\u0400-\u04ff]/;

/**
 * The comparison key of a word: its stem, lowercased and folded; remembered, since words repeat
 * (kept under copies: words are slices of the pages they were read from).
 */
const keyOf: (word: string) => string = memoise(computeKey, { limit: 500_000 });

// biome-ignore format: one line reads better
const UKRAINIAN_ENDINGS = ["ами", "ями", "ими", "ого", "ому", "ові", "еві", "єві", "ої", "ою", "ій", "ім", "их", "им", "ий", "ів", "ам", "ям", "ах", "ях", "а", "я", "у", "ю", "і", "ї", "е", "є", "и", "о", "ь", "й"];
const UKRAINIAN = /[іїєґ]/;

/** A Ukrainian word's stem: the Russian stemmer does not know "Європейської" is "Європейська". */
function ukrainianStem(lower: string): string {
  for (const ending of UKRAINIAN_ENDINGS)
    if (lower.length - ending.length >= 3 && lower.endsWith(ending)) return lower.slice(0, -ending.length);
  return lower;
}

function computeKey(word: string): string {
  const lower = word.toLowerCase().replace(/ё/g, "е").replace(/ı/g, "i");
  if (/^\d+$/.test(lower)) return lower;
  if (UKRAINIAN.test(lower)) return ukrainianStem(lower);
  if (CYRILLIC.test(lower)) return russian(lower);
  const folded = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return english(folded);
}

// biome-ignore format: one table
const SKELETON: Record<string, string> = { а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", є: "e", ж: "zh", з: "z", и: "i", і: "i", ї: "i", й: "i", к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "h", ц: "c", ч: "ch", ш: "sh", щ: "sh", ъ: "", ы: "i", ь: "", э: "e", ю: "u", я: "a" };

/**
 * A Cyrillic key spelled as its sounds, with doubled letters once: Russian and Ukrainian write a
 * foreign given name each their own way ("Эммануэль", "Емманюель", "Еммануель"), which one key
 * joins. Marked with "~" so it never meets an ordinary key.
 */
function spellingKey(key: string): string {
  if (!CYRILLIC.test(key)) return key;
  let out = "";
  for (const ch of key) {
    const s = SKELETON[ch] ?? (/[\p{L}\p{N}]/u.test(ch) ? ch : "");
    for (const c of s) if (out[out.length - 1] !== c) out += c;
  }
  return `~${out}`;
}

/** Whether a word next to a person's name is one of that person's given names, however spelt. */
function namesGiven(form: CompiledForm, t: Token): boolean {
  const key = tokenKey(t);
  return form.givenNames.has(key) || (CYRILLIC.test(key) && form.givenNames.has(spellingKey(key)));
}

/** A comma and a US state's name after a word: the word is a city ("Austin, Texas"). */
const US_STATE_AFTER = new RegExp(
  `^,\\s+(?:${[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "D\\.C\\.",
  ].join("|")})(?![\\p{L}])`,
  "u",
);

/** Whether a capital initial before a person's surname begins one of that person's given names, in either script. */
function initialOfGiven(form: CompiledForm, t: Token): boolean {
  const initial = tokenKey(t);
  for (const given of form.givenNames) {
    if (given.startsWith(initial)) return true;
    // Spelling keys are Latin skeletons of Cyrillic names ("~lloid"): compare the initial's skeleton.
    if (given.startsWith("~") && given[1] === (SKELETON[initial] ?? initial)[0]) return true;
  }
  return form.givenNames.size === 0;
}

/** Per UTF-16 code unit: 0 not part of a word, 1 part of a word, 2 an uppercase letter. Filled on first sight. */
const charClass = new Uint8Array(65536).fill(255);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function classOf(code: number): number {
  let c = charClass[code] as number;
  if (c === 255) {
    const ch = String.fromCharCode(code);
    c = LETTER_OR_DIGIT.test(ch) ? (ch !== ch.toLowerCase() ? 2 : 1) : 0;
    charClass[code] = c;
  }
  return c;
}

/** Words of a text, with their offsets: a hand-written scan, since matching runs over every paragraph. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = classOf(text.charCodeAt(i));
    if (c === 0) {
      i++;
      continue;
    }
    const start = i;
    let cyrillic = false;
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (i > start && classOf(code) === 0) break;
      if (code >= 0x400 && code <= 0x4ff) cyrillic = true;
    }
    out.push({ raw: text.slice(start, i), start, end: i, key: null, upper: c === 2, cyrillic });
  }
  return out;
}

const tokenKey = (t: Token) => {
  if (t.key === null) t.key = keyOf(t.raw);
  return t.key;
};

/**
 * Title words that name an office, with the words a role held in it is called by. Courtesy titles
 * (Mr., Dr.) and military ranks are not offices: a registry role never says "general".
 */
const OFFICE_WORDS: Record<string, string[]> = {
  president: ["president", "президент"],
  президент: ["president", "президент"],
  minister: ["minister", "министр"],
  министр: ["minister", "министр"],
  ambassador: ["ambassador", "посол", "representative"],
  посол: ["ambassador", "посол", "representative"],
  senator: ["senator", "сенатор"],
  governor: ["governor", "губернатор"],
  chancellor: ["chancellor", "канцлер"],
  secretary: ["secretary"],
  premier: ["premier", "prime minister", "премьер"],
  king: ["king"],
  queen: ["queen"],
  prince: ["prince"],
};

const TITLE_WORDS = new Set([
  "president",
  "minister",
  "secretary",
  "chancellor",
  "senator",
  "ambassador",
  "governor",
  "mr",
  "ms",
  "mrs",
  "dr",
  "king",
  "queen",
  "prince",
  "premier",
  "envoy",
  "general",
  "министр",
  "президент",
  "посол",
  "господин",
  "госпожа",
]);

const SHORT_ACRONYM = /^\p{Lu}{2,3}$/u;

/**
 * A name some publishers write in lowercase on purpose: Ukrainian official texts since 2022 now and
 * then write "росія", and their English versions "russia" (9 times in the Zelensky addresses of the
 * corpus). No common word is spelt so, so the lowercase word is the name.
 */
const LOWERCASE_BY_CONVENTION = new Set([
  "росія",
  "росії",
  "росію",
  "росією",
  "russia",
  "russia's",
  "russia’s",
  "russian",
  "russians",
]);

/**
 * An acronym is written in capitals in the name itself: "UN", "NATO", "UNICEF", "G20", "ООН", and
 * short ones with a small letter inside, "CoE", "ECtHR" (never the surname "Coe").
 */
const isAcronym = (w: string) =>
  (w.length <= 8 && w === w.toUpperCase() && w !== w.toLowerCase() && /^\p{Lu}/u.test(w)) ||
  (w.length <= 6 && /^\p{Lu}\p{L}*\p{Ll}\p{L}*\p{Lu}$/u.test(w));

const fold = (w: string) => w.toLowerCase().replace(/ё/g, "е");

/** "Новый Южный Уэльс", "Південна Осетія": a compass adjective in any case heads another place's name. */
const CYRILLIC_COMPASS = /^(?:Южн|Северн|Западн|Восточн|Півден|Північн|Західн|Східн)\p{Ll}*$/u;

/** Words that start another place's name before a country's or a place's: "New Jersey" is not Jersey. */
const PLACE_NAME_HEADS = new Set(
  "New Нью Nova Нова Новая Новой Новую Новий Нової Новій West East North South Latin Central".split(" "),
);

/** Lowercase words after a capital's name that make it the city: "the Kabul airport", "Kyiv region". */
const CITY_PARTS = new Set([
  "airport",
  "region",
  "regions",
  "oblast",
  "oblasts",
  "province",
  "district",
  "districts",
  "port",
  "mayor",
  "city",
  "residents",
]);

/** Prepositions after which a capital is the city: "in Kyiv", "в Москве", "у Києві". */
const LOCATIVE = new Set([
  "in",
  "near",
  "outside",
  "around",
  "в",
  "во",
  "у",
  "под",
  "під",
  "біля",
  "возле",
  "около",
  "вокруг",
  "навколо",
]);

/**
 * "from Mariupol to Budapest", "from Kyiv to Warsaw": a journey's two ends are cities. A metonym
 * tokens[a..b] is one end when "to" comes before it and "from" and a capitalised word shortly
 * before that, or "from" before it and "to" and a capitalised word after it.
 */
function fromPlaceToPlace(tokens: Token[], a: number, b: number): boolean {
  const before = tokens[a - 1]?.raw;
  if (before === "to") {
    for (let k = a - 2; k >= Math.max(0, a - 5); k--)
      if (tokens[k]?.raw === "from") return tokens[k + 1]?.upper === true && k + 1 < a - 1;
    return false;
  }
  return before === "from" && tokens[b + 1]?.raw === "to" && tokens[b + 2]?.upper === true;
}

/** A language, not a country: "на английский язык", "українською мовою", "in the English language". */
const LANGUAGE_AFTER =
  /^\s+(?:язык|языке|языка|языку|языком|языки|языков|мова|мови|мові|мову|мовою|language)/i;

/**
 * Offices a description after a person's name can give ("– член Палаты представителей", ",
 * member of the House of Representatives"), with the words a role held in it is called by.
 */
const DESCRIBED_OFFICES: [RegExp, string[]][] = [
  [
    /house of representatives|congress(?:wo)?man|палат\p{L}* представителей|конгрессмен|палати представників/iu,
    ["representative", "congress", "speaker"],
  ],
  [/\bsenator\b|сенатор/iu, ["senator"]],
  [/\bgovernor\b|губернатор/iu, ["governor"]],
  [/(?<![\p{L}\p{N}])(?:mayor(?![\p{L}\p{N}])|мэр|мер(?![\p{L}\p{N}]))/iu, ["mayor"]],
];

function compileToken(w: string, beforeNoun: boolean): FormToken {
  const exact = isAcronym(w);
  const russian = !exact && CYRILLIC.test(w) ? russianWordRule(fold(w), beforeNoun) : null;
  const keys = new Set([keyOf(w)]);
  if (russian?.kind === "forms") for (const f of russian.forms) keys.add(keyOf(f));
  return { keys: [...keys], raw: w, capital: w[0] !== w[0]?.toLowerCase(), exact, russian };
}

export class EntityMatcher {
  /** Names by their first word's key (tokenKey). */
  private readonly index = new Map<string, CompiledForm[]>();
  /** Names whose first word is an acronym, compared as written ("UN", "NATO"), by that word. */
  private readonly exact = new Map<string, CompiledForm[]>();
  /** Keys of people's one-word names (surnames). */
  private readonly surnames = new Set<string>();
  /** First-word keys of names that are not people's. */
  private readonly nonPersonStarts = new Set<string>();
  /** The first three letters (prefixKey) of names that start with a lowercase Latin word ("resolution 2254", "al Qaeda"): other lowercase words never start a match. */
  private readonly lowercaseLatinStarts = new Set<number>();

  /**
   * `curation`: editors' decisions about found entities, applied to every enrichment made with this
   * matcher (src/enrich/curation.ts); its promoted entities belong in `gazetteer` already.
   */
  constructor(
    private readonly gazetteer: Gazetteer,
    readonly curation: EntityCuration | null = null,
  ) {
    // A Latin name written lowercase on purpose ("russia") may start a match.
    for (const w of LOWERCASE_BY_CONVENTION)
      if (!CYRILLIC.test(w)) this.lowercaseLatinStarts.add(prefixKey(w, 0, w.length));
    for (const entity of gazetteer.entities) {
      const givenKeys = entity.forms
        .map((f) => [...f.text.matchAll(WORD)].map((m) => m[0]))
        .filter((w) => w.length > 1)
        .map((w) => keyOf(w[0] as string));
      const givenNames = new Set([...givenKeys, ...givenKeys.map(spellingKey)]);
      for (const form of entity.forms) {
        const words = [...form.text.matchAll(WORD)].map((m) => m[0]);
        if (words.length === 0) continue;
        // People are also written with an initial: "А.Майоркас", "S. Lavrov".
        const [given, ...rest] = words;
        if (
          entity.type === "person" &&
          rest.length > 0 &&
          given &&
          given.length > 1 &&
          given[0] !== given[0]?.toLowerCase()
        )
          this.add(entity, [given[0] as string, rest[rest.length - 1] as string], form.ambiguous, givenNames);
        this.add(entity, words, form.ambiguous, givenNames, form.givenName === true, form.metonym === true);
      }
    }
  }

  private add(
    entity: Entity,
    words: string[],
    ambiguous: boolean,
    givenNames: Set<string>,
    givenName = false,
    metonym = false,
  ): void {
    // A one-letter single token ("A") is never a safe name.
    if (words.length === 1 && (words[0] as string).length < 2) return;
    // A person's given name before the surname is a noun, whatever its ending.
    const tokens = words.map((w, k) => compileToken(w, entity.type !== "person" && k < words.length - 1));
    const head = tokens[0] as FormToken;
    if (!head.capital && !CYRILLIC.test(head.raw)) {
      const start = head.raw.slice(0, 3).toLowerCase();
      // Lowercasing may lengthen it ("İ"), and then no word's first three units equal it.
      if (start.length <= 3) this.lowercaseLatinStarts.add(prefixKey(start, 0, start.length));
    }
    const compiled: CompiledForm = { entity, tokens, ambiguous, givenNames, givenName, metonym };
    if (head.exact) {
      // Keyed by the word as written; no word's key (tokenKey) is one.
      const list = this.exact.get(head.raw) ?? [];
      list.push(compiled);
      this.exact.set(head.raw, list);
      return;
    }
    for (const key of head.keys) {
      if (entity.type !== "person") this.nonPersonStarts.add(key);
      else if (tokens.length === 1) this.surnames.add(key);
      const list = this.index.get(key) ?? [];
      list.push(compiled);
      this.index.set(key, list);
    }
  }

  private tokenMatches(t: Token, f: FormToken, first: boolean): boolean {
    if (f.exact) return t.raw === f.raw || ACRONYM_CASE_ENDING.exec(t.raw)?.[1] === f.raw;
    // Two or three capitals are an acronym, which only an acronym's form names: "CAD" (Canadian
    // dollars) is not Turkish "Çad" (Chad), folded.
    if (SHORT_ACRONYM.test(t.raw)) return false;
    // Later words of a name may be lowercase in running text: "the Korean peninsula", "Minsk agreements".
    if (f.capital && first && !t.upper && !LOWERCASE_BY_CONVENTION.has(t.raw)) return false;
    const key = tokenKey(t);
    if (!f.keys.includes(key)) return false;
    if (f.russian?.kind === "forms") {
      if (f.russian.forms.has(fold(t.raw))) return true;
      return f.russian.orStem && key === f.keys[0];
    }
    return true;
  }

  /**
   * How many text tokens from `i` the form covers, or 0. A person's two-word name also covers one
   * or two middle names or initials between them ("Jill Tracy Jacobs Biden", "Cecilia Elena Rouse").
   */
  private matchLength(form: CompiledForm, tokens: Token[], i: number): number {
    const n = form.tokens.length;
    if (i + n > tokens.length) return 0;
    let k = 0;
    for (; k < n; k++) {
      const tk = tokens[i + k] as Token;
      if (!this.tokenMatches(tk, form.tokens[k] as FormToken, k === 0)) break;
      // Words of one name sit close together: at most a space, a hyphen, a dot or a quote between them.
      if (k > 0 && tk.start - (tokens[i + k - 1] as Token).end > 3) break;
    }
    if (k === n) return n;
    if (k === 1 && this.sharesNounAhead(form, tokens, i)) return 1;
    if (form.entity.type !== "person" || n !== 2 || k !== 1) return 0;
    const last = form.tokens[1] as FormToken;
    for (let middle = 1; middle <= 2; middle++) {
      const m = tokens[i + middle] as Token | undefined;
      const surname = tokens[i + middle + 1];
      if (!m?.upper || !surname) return 0;
      if (m.start - (tokens[i + middle - 1] as Token).end > 2) return 0;
      if (surname.start - m.end > 2) return 0;
      if (this.tokenMatches(surname, last, false)) return middle + 2;
    }
    return 0;
  }

  /**
   * Whether the adjective at `i` starts a list of adjectives in the same case that share the
   * name's noun after them: "у Херсонській, Донецькій та Запорізькій областях" names the Kherson
   * region too. The adjective alone is the mention.
   */
  private sharesNounAhead(form: CompiledForm, tokens: Token[], i: number): boolean {
    const n = form.tokens.length;
    if (n < 2 || form.entity.type === "person" || (form.tokens[0] as FormToken).russian?.kind !== "stem")
      return false;
    const first = tokens[i] as Token;
    const ending = fold(first.raw).slice(-2);
    let j = i + 1;
    let adjectives = 0;
    for (; j < tokens.length && adjectives < 12; j++) {
      let t = tokens[j] as Token;
      if (t.start - (tokens[j - 1] as Token).end > 3) return false;
      // "Херсонській, Донецькій та Луганській областях": the words joining a list join adjectives.
      if (LIST_CONJUNCTIONS.has(t.raw) && tokens[j + 1]) {
        j++;
        t = tokens[j] as Token;
        if (t.start - (tokens[j - 1] as Token).end > 2) return false;
      }
      if (!t.upper || !CYRILLIC.test(t.raw) || fold(t.raw).slice(-2) !== ending) break;
      adjectives++;
    }
    if (adjectives === 0) return false;
    for (let k = 1; k < n; k++) {
      const t = tokens[j + k - 1];
      if (!t || t.start - (tokens[j + k - 2] as Token).end > 3) return false;
      if (!this.tokenMatches(t, form.tokens[k] as FormToken, false)) return false;
    }
    return true;
  }

  /**
   * Whether a capitalised neighbour is a personal name rather than an ordinary word or another
   * entity. `people`: whether a word that starts a person's name in the gazetteer counts as one
   * ("David" of David Cameron before "Turk"), or as another entity ("Путин Эрдогану").
   */
  private isPersonalName(t: Token, people: boolean): boolean {
    if (!t.upper || t.raw.length < 2) return false;
    const key = tokenKey(t);
    if (people ? this.nonPersonStarts.has(key) : this.index.has(key)) return false;
    if (this.exact.has(t.raw)) return false;
    if (TITLE_WORDS.has(t.raw.toLowerCase())) return false;
    if (CYRILLIC.test(t.raw)) return true;
    // Days and months are capitalised but are not names: "Putin Monday" is Putin.
    return !ENGLISH_CALENDAR_WORDS.has(t.raw.toLowerCase()) && isNameLike(t.raw);
  }

  /**
   * Context that says a name is not this entity: a capitalised word in capitals ("Nicholas MANN",
   * a surname on a list, is not the Isle of Man); a one-word name of a country or person next to
   * another personal name ("Kevin Holland", "Cameron Hardesty", "Chad Wolf", "Jerome Powell").
   */
  private plausible(form: CompiledForm, tokens: Token[], i: number, length: number, text: string): boolean {
    const t = tokens[i] as Token;
    const head = form.tokens[0] as FormToken;
    const type = form.entity.type;
    // An initial and a surname ("J. Sullivan") is no more than a surname: "John J. Sullivan" is someone else.
    const initialled = type === "person" && head.raw.length === 1;
    if (head.exact && !initialled) return true;
    if (t.raw.length > 3 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase()) return false;
    if (length !== 1 && !initialled) return true;
    if (type !== "person" && type !== "country" && type !== "place") return true;
    const before = tokens[i - 1];
    const after = tokens[i + 1];
    const gap = (a: Token, b: Token) => text.slice(a.end, b.start);
    // "New Jersey", "Нью-Джерси", "West Virginia": the name is the tail of another place's name.
    if (
      (type === "country" || type === "place") &&
      before &&
      (PLACE_NAME_HEADS.has(before.raw) || CYRILLIC_COMPASS.test(before.raw)) &&
      (gap(before, t) === " " || gap(before, t) === "-")
    )
      return false;
    // "Mexico City", "Kuwait City", "Panama City": the capital, named after the country.
    if ((type === "country" || type === "place") && after && after.raw === "City" && gap(t, after) === " ")
      return false;
    // "Austin, Texas", "Jackson, Mississippi", "Lincoln, Nebraska": a city named after someone.
    if (type === "person" && length === 1 && US_STATE_AFTER.test(text.slice(t.end))) return false;
    // "Charlene D. Austin" is not Lloyd Austin: an initial before a surname must be one of the
    // person's given names ("L. Austin", "Л.Остина" are his).
    if (
      type === "person" &&
      before &&
      before.raw.length === 1 &&
      before.upper &&
      /^\.\s?$/u.test(gap(before, t)) &&
      !initialOfGiven(form, before)
    )
      return false;
    if (type === "person" && before && before.upper && Math.abs(t.start - before.end) <= 1) {
      if (namesGiven(form, before)) return true;
      // "the Biden-Harris administration": two surnames joined.
      if (gap(before, t) === "-" && this.surnames.has(tokenKey(before))) return true;
      if (this.isPersonalName(before, true)) return false;
    }
    if (before && type !== "person" && !CYRILLIC.test(t.raw)) {
      // "Jennifer K. French": an initial before the name.
      if (before.raw.length === 1 && before.upper && gap(before, t) === ". ") return false;
      if (gap(before, t) === " " && !CYRILLIC.test(before.raw) && this.isPersonalName(before, true))
        return false;
    }
    if (after && gap(t, after) === " " && after.upper) {
      if (type === "person" && namesGiven(form, after)) return true;
      // In Russian a name in an oblique case is often followed by a name ("Президент Турции Реджеп…");
      // a list entry ("Чад Коэн", "Кэмерон Хардести") starts in the nominative.
      // A capitalised demonym or adjective ("Финн" of "финны") mid-sentence is a name too.
      const nominative =
        !CYRILLIC.test(t.raw) || fold(t.raw) === fold(head.raw) || (!head.capital && t.upper);
      // "President of Ukraine Leonid Kravchuk": after "of" the country is its own name.
      const governed = before !== undefined && !before.upper && /^(?:of|from|in)$/.test(before.raw);
      if (nominative && !governed && this.isPersonalName(after, false)) return false;
      // "Chad Wolf", "Jordan Smith": a country name that is also a given name, before a capitalised word.
      if (form.givenName && /^\p{Lu}\p{Ll}+$/u.test(after.raw)) return false;
    }
    return true;
  }

  /**
   * Mentions in one text, the ambiguous ones included and marked. `where`: the text is a place line ("Москва, Кремль", "Seoul, Republic of Korea"), which says
   * where, so a capital there is its city.
   */
  candidates(text: string, where = false): CandidateMention[] {
    const tokens = tokenize(text);
    const found: CandidateMention[] = [];
    for (let i = 0; i < tokens.length; ) {
      const t = tokens[i] as Token;
      if (!t.upper && !t.cyrillic && !this.lowercaseLatinStarts.has(prefixKey(text, t.start, t.end))) {
        i++;
        continue;
      }
      // "МИДа": an acronym in a case, which only a capitalised Cyrillic word can be.
      const declined = t.upper && t.cyrillic ? ACRONYM_CASE_ENDING.exec(t.raw)?.[1] : undefined;
      const written = this.exact.get(t.raw);
      const inCase = declined ? this.exact.get(declined) : undefined;
      const keyed = this.index.get(tokenKey(t));
      // The longest name wins (most words, then the tightest span); among equals, an unambiguous
      // name beats ambiguous ones ("Biden" of Joe Biden over "Biden" of Jill Biden), and equal
      // unambiguous or equal ambiguous names of several entities are rivals for the document to settle.
      let best: { form: CompiledForm; length: number; words: number } | null = null;
      let rivals: CompiledForm[] = [];
      // The three lists in turn, without copying them into one.
      for (let l = 0; l < 3; l++) {
        const forms = l === 0 ? written : l === 1 ? inCase : keyed;
        if (forms === undefined) continue;
        for (const form of forms) {
          const length = this.matchLength(form, tokens, i);
          if (length === 0) continue;
          const words = form.tokens.length;
          const rank = !best
            ? 1
            : words !== best.words
              ? words - best.words
              : length !== best.length
                ? best.length - length
                : Number(best.form.ambiguous) - Number(form.ambiguous);
          if (rank > 0) {
            best = { form, length, words };
            rivals = [];
          } else if (rank === 0) rivals.push(form);
        }
      }
      if (best && !this.plausible(best.form, tokens, i, best.length, text)) best = null;
      if (!best) {
        i++;
        continue;
      }
      const last = tokens[i + best.length - 1] as Token;
      // "Vice President Harris", "Minister Lavrov": a title word before a surname says it is a person.
      const before = tokens[i - 1];
      const titled =
        best.form.entity.type === "person" &&
        before !== undefined &&
        TITLE_WORDS.has(before.raw.toLowerCase());
      // ...and which one: "Senator Sanders" is not the press secretary Sarah Sanders, and "Secretary
      // Clinton" is Hillary, not Bill, whoever's name the list holds first.
      if (titled) {
        // One whom the registry knows to have held the office beats those it knows nothing of.
        const holders = [best.form, ...rivals].filter(
          (f) => this.heldOffice(before.raw, f.entity.id) === true,
        );
        const fits = holders.length
          ? (f: CompiledForm) => holders.includes(f)
          : (f: CompiledForm) => this.heldOffice(before.raw, f.entity.id) !== false;
        if (!fits(best.form)) {
          const other = rivals.find(fits);
          if (other) {
            best = { ...best, form: other };
            rivals = rivals.filter((r) => r !== other && fits(r));
          } else if (best.form.ambiguous) {
            i += best.length;
            continue;
          }
        } else rivals = rivals.filter(fits);
      }
      // "DNI Director Blair": a surname after a capitalised word we cannot place may be anyone's.
      const unplaced =
        best.form.entity.type === "person" &&
        (best.length === 1 || (best.form.tokens[0] as FormToken).raw.length === 1) &&
        before?.upper === true &&
        t.start - before.end <= 1 &&
        !titled &&
        !namesGiven(best.form, before) &&
        !this.index.has(tokenKey(before)) &&
        !this.exact.has(before.raw);
      // "the Americas", "the two Koreas": a country's name in the plural is a region, not the country.
      const lastForm = best.form.tokens[best.form.tokens.length - 1] as FormToken;
      if (
        best.form.entity.type === "country" &&
        !last.cyrillic &&
        last.raw.length === lastForm.raw.length + 1 &&
        last.raw.endsWith("s") &&
        // A people's plural stays theirs: "North Koreans", "Israelis".
        lastForm.raw.endsWith("a") &&
        // "Russians", "Americans": the people, a form of their own.
        !best.form.entity.forms.some((f) => f.text === last.raw)
      ) {
        i += best.length;
        continue;
      }
      // "talks in Moscow", "церемонія в Києві", "the Kabul airport": the city, which the name
      // finder may take, not the country.
      const placeAfter = tokens[i + best.length];
      // "the Kyiv and Chernihiv regions": the part named after the last of two cities.
      const partAfterPair =
        placeAfter?.raw === "and" && tokens[i + best.length + 1]?.upper && tokens[i + best.length + 2];
      if (
        best.form.metonym &&
        (where ||
          (before && LOCATIVE.has(before.raw.toLowerCase()) && t.start - before.end === 1) ||
          (placeAfter &&
            CITY_PARTS.has(placeAfter.raw) &&
            placeAfter.start - last.end === 1 &&
            text[last.end] === " ") ||
          (partAfterPair && CITY_PARTS.has(partAfterPair.raw)) ||
          fromPlaceToPlace(tokens, i, i + best.length - 1))
      ) {
        i += best.length;
        continue;
      }
      // "на английский язык", "по-английски": a language, not the country.
      if (
        best.form.entity.type === "country" &&
        (LANGUAGE_AFTER.test(text.slice(last.end, last.end + 12)) ||
          text.slice(t.start - 3, t.start) === "по-")
      ) {
        i += best.length;
        continue;
      }
      // "Robert Brian Gibbs – member of the House of Representatives" is not the press secretary.
      if (
        best.form.entity.type === "person" &&
        this.describedOfficeContradicts(text, last.end, best.form.entity.id)
      ) {
        i += best.length;
        continue;
      }
      const chosen = best.form.entity;
      // Rivals of another type ("Georgia" the country and the state) are left to the precision rules.
      const alternatives = [
        ...new Set(
          rivals
            .filter((r) => r.entity.type === chosen.type && r.entity.id !== chosen.id)
            .map((r) => r.entity.id),
        ),
      ];
      found.push({
        entityId: best.form.entity.id,
        type: best.form.entity.type,
        start: t.start,
        end: last.end,
        text: text.slice(t.start, last.end),
        ambiguous: (best.form.ambiguous && !titled) || unplaced,
        alternatives,
      });
      i += best.length;
    }
    return found;
  }

  /**
   * Whether the registry person held the office a title before a surname names: true, false
   * (never held it), or null when the title names no office or the registry knows no offices.
   */
  private heldOffice(title: string, entityId: string): boolean | null {
    const words = OFFICE_WORDS[title.toLowerCase()];
    const offices = this.gazetteer.officesOf(entityId);
    if (!words || !offices) return null;
    return offices.some((office) => words.some((w) => office.includes(w)));
  }

  /**
   * Whether the description right after a person's name ("(Republican Party, Ohio), member of
   * the House of Representatives", "– сенатор от штата…") names an office the registry person
   * never held. The description ends at the end of the entry: a semicolon or a line break.
   */
  private describedOfficeContradicts(text: string, from: number, entityId: string): boolean {
    const offices = this.gazetteer.officesOf(entityId);
    if (!offices) return false;
    const description = text.slice(from, from + 160).split(/[;\n]/, 1)[0] ?? "";
    // Only a description that follows the name as a list entry does: a dash, a comma or a bracket.
    if (!/^\s*(?:[–—(,-]|\)\s*[–—,-])/.test(description) && !/^\s*\([^)]*\)\s*[–—,-]/.test(description))
      return false;
    for (const [pattern, words] of DESCRIBED_OFFICES)
      if (pattern.test(description)) return !offices.some((office) => words.some((w) => office.includes(w)));
    return false;
  }

  private peopleByKey: Map<string, Set<string>> | null = null;

  /** The listed person whose given name and surname keys these are, if exactly one (see names/found-entities.ts). */
  personByKey(given: string, surname: string): string | null {
    if (!this.peopleByKey) {
      this.peopleByKey = new Map();
      for (const e of this.gazetteer.entities) {
        if (e.type !== "person") continue;
        for (const f of e.forms) {
          const k = personKey(f.text, f.lang);
          if (!k.given || !k.surname) continue;
          const key = `${k.given}-${k.surname}`;
          const ids = this.peopleByKey.get(key) ?? new Set<string>();
          ids.add(e.id);
          this.peopleByKey.set(key, ids);
        }
      }
    }
    const ids = this.peopleByKey.get(`${given}-${surname}`);
    return ids?.size === 1 ? ([...ids][0] as string) : null;
  }

  private readonly givenKeysById = new Map<string, string[]>();

  /** The given names' keys (names/found-entities.ts personKey) a listed person's forms give: "Jay" for Jay Carney. */
  givenKeys(entityId: string): string[] {
    let keys = this.givenKeysById.get(entityId);
    if (!keys) {
      const e = this.gazetteer.get(entityId);
      keys =
        e?.type === "person"
          ? [...new Set(e.forms.map((f) => personKey(f.text, f.lang).given).filter((g) => g !== ""))]
          : [];
      this.givenKeysById.set(entityId, keys);
    }
    return keys;
  }

  /** The person entity of a speaker registry id. */
  speakerEntity(speakerId: string): string | null {
    return this.gazetteer.speakerEntity(speakerId);
  }

  /** Mentions in a text taken on its own: ambiguous names count when the same text settles them. */
  find(text: string): EntityMention[] {
    return resolveMentions(this.candidates(text));
  }
}

/**
 * Keeps the mentions a document settles: every unambiguous one; an ambiguous one when the document
 * names its entity unambiguously elsewhere; one shared by several entities when exactly one of them
 * is named unambiguously (and then as that one).
 */
export function resolveMentions<M extends CandidateMention>(
  mentions: M[],
): Omit<M, "ambiguous" | "alternatives">[] {
  const certain = new Set(
    mentions.filter((m) => !m.ambiguous && m.alternatives.length === 0).map((m) => m.entityId),
  );
  const out: Omit<M, "ambiguous" | "alternatives">[] = [];
  for (const { ambiguous, alternatives, ...m } of mentions) {
    if (alternatives.length > 0) {
      const settled = [m.entityId, ...alternatives].filter((id) => certain.has(id));
      if (settled.length === 1) out.push({ ...m, entityId: settled[0] as string });
    } else if (!ambiguous || certain.has(m.entityId)) out.push(m);
  }
  return out;
}
