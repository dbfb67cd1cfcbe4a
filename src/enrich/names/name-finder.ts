/**
 * Finds the names of people, organisations and places that no list holds, in English, Russian and
 * Ukrainian text, by the conventions names are written with: capitalised words in a row, a title
 * before a person ("Senator Grassley", "министр С.Лавров"), initials ("Дж.Байден"), a patronymic,
 * a given name the name lists know, the generic word an organisation or a place is named with
 * ("Stanford University", "Министерство иностранных дел", "Харьковской области"), a preposition
 * before a place ("in Kharkiv", "у Бахмуті"), a Latin name in brackets after a Cyrillic one (how
 * sanctions lists write people). Precision first: a capitalised word that none of these explains
 * is left alone. Names the gazetteer already found (`listed`) are not found again; an
 * organisation's name may contain one ("Lockheed Martin Canada").
 */
import { TITLE_CASE_WORDS } from "../../ingest/speakers/names.js";
import { isDictionaryWord, isGivenName, isNameLike, isOrdinaryEnglishWord } from "../english-words.js";
import { entryParts } from "./list-entries.js";
import { type NameToken, nameTokens } from "./name-tokens.js";
import {
  CYRILLIC_NOT_NAMES,
  CYRILLIC_ORGANISATION_STEMS,
  CYRILLIC_PLACE_CUES,
  CYRILLIC_PLACE_STEMS,
  CYRILLIC_TITLE_STEMS,
  CYRILLIC_WORLD_REGION_STEMS,
  ENGLISH_CALENDAR_WORDS,
  ENGLISH_CONNECTORS,
  ENGLISH_INSTITUTIONS,
  ENGLISH_NOT_NAMES,
  ENGLISH_ORGANISATION_WORDS,
  ENGLISH_PARTIES,
  ENGLISH_PLACE_CUES,
  ENGLISH_PLACE_WORDS,
  ENGLISH_TITLES,
  ENGLISH_WORLD_REGIONS,
  LIST_CONJUNCTIONS,
} from "./name-words.js";
import { knownCyrillicCity, knownPlace } from "./place-names.js";

export type FoundType = "person" | "organisation" | "place";

export interface FoundName {
  start: number;
  end: number;
  text: string;
  type: FoundType;
  /** The words the name is grouped by: a Latin name in brackets for a Cyrillic one, else the text. */
  name: string;
  /** One word a title or the document's full names must explain ("Grassley", "Лаврова"). */
  surnameOnly: boolean;
  /** A title introduced it: "Senator Grassley", "министра Лаврова". */
  titled: boolean;
  /** A surname alone that is also a place the lists hold: a place unless the document names such a person. */
  orPlace?: boolean;
  /** A given name alone, someone addressed ("Thanks, Josh."): the document's person of that given name, if one. */
  givenOnly?: boolean;
}

type Push = (
  from: number,
  to: number,
  type: FoundType,
  surnameOnly?: boolean,
  name?: string,
  titled?: boolean,
  orPlace?: boolean,
  givenOnly?: boolean,
) => void;

/** Spans the gazetteer already claimed: [start, end), and the listed entity's type. */
export type Span = readonly [number, number, string?];

const REGION_SUFFIX = /(?:щин|ччин)(?:а|и|і|у|ою)$/;
/** Generic words that in ordinary words name a division or a programme, not a body: "Correctional Services". */
const WEAK_ORGANISATION_WORDS = new Set(
  "services service systems police group force forces staff division program programme initiative project network fund trust office command reserve unit centre center partners".split(
    " ",
  ),
);

/** Words of an event or a role that a body's generic word ("Press", "Administration") may stand beside. */
const NOT_BODY_WORDS = new Set(["call", "gaggle", "briefing", "readout", "remarks", "official", "officials"]);

/** Lowercase words after a place's name that make it a region: "Odesa region". */
const REGION_WORDS = new Set([
  "region",
  "oblast",
  "province",
  "district",
  "county",
  "governorate",
  "prefecture",
  "airport",
  "river",
  "valley",
  "peninsula",
  "strait",
  "island",
  "islands",
  "lake",
  "mountains",
]);

/** Prepositions after which a capitalised word is a place even when it is also a given name. */
const STRONG_PLACE_CUES = new Set(["in", "near", "outside", "throughout", "inside", "route"]);
/** Ordinary words that start places' names: "New York", "San Diego", "Fort Worth". */
const PLACE_NAME_STARTS = new Set(
  "new san santa los las el la le saint st fort port mount lake north south east west upper lower great little".split(
    " ",
  ),
);

/** Whether a name starting at `start` opens the text, but for a list number ("22. "); a few characters at most. */
const opensText = (text: string, start: number) =>
  start <= 12 && /^\s*(?:\d+[.)]\s*)?$/.test(text.slice(0, start));

/** Whether tokens[a..b] are the whole text, but for a list number: "22. Yoshiro Francis Fukuyama". */
function wholeEntry(text: string, tokens: NameToken[], a: number, b: number): boolean {
  const first = tokens[a] as NameToken;
  const last = tokens[b] as NameToken;
  // A list number and a few closing marks at most: no need to read a long paragraph's ends.
  if (b - a < 1 || b - a > 3 || text.length - last.end > 12) return false;
  return opensText(text, first.start) && /^[\s.,;:]*$/.test(text.slice(last.end));
}

/** Whether tokens[a..b] open the text (but for a list number) and a dash follows: "Нерсисян Ерзас - епископ". */
function listEntry(text: string, tokens: NameToken[], a: number, b: number): boolean {
  const first = tokens[a] as NameToken;
  const last = tokens[b] as NameToken;
  if (b - a < 1 || b - a > 3) return false;
  return opensText(text, first.start) && /^\s*[-–—]\s/.test(text.slice(last.end, last.end + 8));
}

/** Courtesy titles and salutations: after a comma they address someone, they do not describe the name before. */
const ADDRESS_TITLES = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "dr",
  "sir",
  "dame",
  "lord",
  "lady",
  "dear",
  "comrade",
  "mesdames",
  "messrs",
]);
/** Words of an office that the occupations do not hold. */
const JOB_WORDS = new Set(["officer", "chief", "member", "secretary", "minister", "president"]);
/** Lowercase particles inside a person's name: "Michael de Jong", "Glenn van Dijken". */
const NAME_PARTICLES = new Set([
  "de",
  "van",
  "von",
  "der",
  "den",
  "del",
  "da",
  "di",
  "du",
  "la",
  "le",
  "ter",
  "ten",
  "bin",
  "ibn",
  "al",
  "el",
]);
/** Words that open a greeting, not a name ("Good Morning, Secretary…", "Dear Friends, Minister…"). */
const GREETING_STARTS = new Set([
  "dear",
  "good",
  "thank",
  "thanks",
  "ladies",
  "hello",
  "hi",
  "welcome",
  "congratulations",
  "distinguished",
  "excellencies",
  "colleagues",
  "friends",
]);

/**
 * Whether tokens[a..b] open the text (but for a list number) and an apposition that gives an office
 * follows, as sanctions lists and delegations write people: "Merrilee Fullerton, Ontario Minister
 * of…", "Rob Flack, Member of the Legislative Assembly of Ontario", "Don Graves, Deputy Secretary
 * of Commerce". The office comes within three words after the comma; a courtesy title there
 * ("…, Mr. President") addresses someone instead.
 */
function titledEntry(text: string, tokens: NameToken[], a: number, b: number): boolean {
  const first = tokens[a] as NameToken;
  const last = tokens[b] as NameToken;
  // Cheap tests first: this is asked of every run of capitals.
  // The comma follows the name, or a suffix's dot: "Richard D. Anderson Jr., Professor…".
  const comma =
    text.charCodeAt(last.end) === 44
      ? last.end
      : NAME_SUFFIXES.has(last.lower) && text.startsWith(".,", last.end)
        ? last.end + 1
        : -1;
  if (b - a < 1 || b - a > 4 || comma < 0 || first.start > 12) return false;
  if (GREETING_STARTS.has(first.lower)) return false;
  // "Co-Executive Chief Officer, Executive Council of…": an office, then its body.
  for (let k = a; k <= b; k++)
    if ((tokens[k] as NameToken).lower.split("-").some((w) => OCCUPATIONS.has(w) || JOB_WORDS.has(w)))
      return false;
  if (!opensText(text, first.start) || !/\s/.test(text[comma + 1] ?? "")) return false;
  for (let k = b + 1; k <= b + 3 && k < tokens.length; k++) {
    const t = tokens[k] as NameToken;
    if (ADDRESS_TITLES.has(t.lower)) return false;
    if (roleWord(t)) return true;
  }
  return false;
}

const PATRONYMIC = /(?:ович|евич|ьич|овна|евна|ична|івна|ївна|йович|ійович)(?:а|у|ем|ом|е|ой|ою|і|и|ем|у)?$/;
/** Words that sit before a title without being part of a name: "Prime", "Vice", "Deputy"... */
const TITLE_MODIFIERS = new Set(
  "prime vice deputy first chief special senior assistant acting former foreign defense defence national security press state general attorney principal executive".split(
    " ",
  ),
);

/**
 * Case endings a short stem may take: after "рад" or "дум" two letters can be an ending
 * ("Радою", "Думы") or another word ("Раджу", "Думаю").
 */
const SHORT_STEM_ENDINGS = new Set([
  "",
  "а",
  "я",
  "ы",
  "и",
  "і",
  "ї",
  "у",
  "ю",
  "е",
  "є",
  "й",
  "ь",
  "ой",
  "ою",
  "ей",
  "ом",
  "ем",
  "ам",
  "ах",
  "ям",
  "ях",
  "ів",
  "ов",
]);

function stemIn(word: string, stems: readonly string[], longest = 4): boolean {
  for (const stem of stems) {
    if (!word.startsWith(stem)) continue;
    const rest = word.length - stem.length;
    if (stem.length === 1) {
      if (rest === 0) return true;
    } else if (stem.length <= 3) {
      if (SHORT_STEM_ENDINGS.has(word.slice(stem.length))) return true;
    } else if (rest <= longest) return true;
  }
  return false;
}

/** A title in the singular: "министра", "президентом", not "министров" (a title before one person). */
const isCyrillicTitle = (word: string) =>
  stemIn(word, CYRILLIC_TITLE_STEMS) && !/(?:ов|ев|ам|ами|ах|ям|ями|ях|ів)$/.test(word);

/** An acronym ("ВМС", "NBC"): never a person or a place by context alone. */
const isAcronymToken = (t: NameToken) =>
  t.raw.length >= 2 && t.raw === t.raw.toUpperCase() && t.raw !== t.raw.toLowerCase();

/**
 * Whether a word overlaps a listed span. Spans are sorted by start (findNames sorts them) and do
 * not overlap one another, so a binary search finds the one that could.
 */
function listedAt(t: { start: number; end: number }, listed: readonly Span[]): Span | undefined {
  let lo = 0;
  let hi = listed.length - 1;
  // The last span starting before the word ends.
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((listed[mid] as Span)[0] < t.end) lo = mid + 1;
    else hi = mid - 1;
  }
  const span = listed[hi];
  return span !== undefined && span[1] > t.start ? span : undefined;
}

const overlaps = (t: NameToken, listed: readonly Span[]) => listedAt(t, listed) !== undefined;

export function findNames(text: string, lang: string, given: readonly Span[] = []): FoundName[] {
  const tokens = nameTokens(text);
  const listed = [...given].sort((x, y) => x[0] - y[0]);
  const out: FoundName[] = [];
  // A list entry's employer, read as a whole before anything else reads its words.
  const entry = lang === "en" ? describedEntry(text, tokens) : null;
  let claimedFrom = Number.POSITIVE_INFINITY;
  const push: Push = (
    from,
    to,
    type,
    surnameOnly = false,
    name,
    titled = false,
    orPlace = false,
    givenOnly = false,
  ) => {
    const a = tokens[from] as NameToken;
    const b = tokens[to] as NameToken;
    const t = text.slice(a.start, b.end);
    const found: FoundName = {
      start: a.start,
      end: b.end,
      text: t,
      type,
      name: name ?? t,
      surnameOnly,
      titled,
    };
    if (orPlace) found.orPlace = true;
    if (givenOnly) found.givenOnly = true;
    out.push(found);
  };
  const employer = entry?.employer;
  if (employer && !tokens.slice(employer[0], employer[1] + 1).some((w) => overlaps(w, listed))) {
    const [a, b] = employer;
    const words = text.slice((tokens[a] as NameToken).start, (tokens[b] as NameToken).end);
    // "…, Moscow.": a place the lists hold says where, not who.
    if (knownPlace(words) === undefined) {
      push(a, b, "organisation");
      for (const [from, to] of placesOfBody(tokens, a, b, listed)) push(from, to, "place");
      claimedFrom = a;
    }
  }
  let i = 0;
  while (i < tokens.length && i < claimedFrom) {
    const t = tokens[i] as NameToken;
    if (!t.capital) {
      i = t.cyrillic ? readNamedByGenericWord(text, tokens, i, listed, push) : i + 1;
      continue;
    }
    const end = Math.min(t.cyrillic ? cyrillicChain(tokens, i) : latinChain(tokens, i), claimedFrom - 1);
    const next = t.cyrillic
      ? readCyrillic(text, tokens, i, end, lang, listed, push)
      : readLatin(text, tokens, i, end, listed, push);
    i = Math.max(next, i + 1);
  }
  placesInLists(tokens, listed, out, push);
  return entry ? out.filter((n) => !roleWordsAsName(n, tokens, entry.roles)) : out;
}

/** Words that give a role beyond the offices and occupations: "CEO", "Scholar", "Co-Founder". */
const ROLE_WORDS = new Set(
  "ceo cfo coo cto cio cso cmo vp svp evp scholar historian judge attorney agent counsel counsellor counselor administrator spokesperson spokesman spokeswoman producer anchor presenter treasurer trustee emeritus deputy assistant senior principal spouse staff directors governors trustees founder chair chairwoman chairperson".split(
    " ",
  ),
);
/** Boards and committees of a body, which a role names without naming a body: "Member of the Board of Directors". */
const GOVERNANCE_UNITS = new Set([
  "board",
  "board of directors",
  "board of governors",
  "board of trustees",
  "advisory board",
  "supervisory board",
  "executive board",
  "advisory committee",
  "advisory council",
  "executive committee",
]);

const roleWord = (t: NameToken) =>
  t.lower.split("-").some((w) => ROLE_WORDS.has(w) || OCCUPATIONS.has(w) || JOB_WORDS.has(w)) || isTitle(t);

/**
 * "Payam Banazadeh, CEO, Capella Space": a text that opens with a person's name (but for a list
 * number), a comma and a role, read into its parts (list-entries.ts).
 */
function describedEntry(text: string, tokens: NameToken[]) {
  const a = /^\d+$/.test(tokens[0]?.raw ?? "") ? 1 : 0;
  const first = tokens[a];
  if (!first?.capital || !opensText(text, first.start) || GREETING_STARTS.has(first.lower)) return null;
  for (let b = a + 1; b <= a + 4 && b < tokens.length - 1; b++) {
    const w = tokens[b] as NameToken;
    if (!(w.initial || personWord(w) || NAME_PARTICLES.has(w.raw) || NAME_SUFFIXES.has(w.lower))) return null;
    // "Richard D. Anderson Jr., Professor…": the comma after the name, or after its suffix's dot.
    if (!/^\.?,\s/.test(text.slice(w.end, w.end + 3))) continue;
    const name = tokens.slice(a, b + 1);
    // "Co-Executive Chief Officer, Executive Council of…": a role, then its body, is no person's entry.
    if (!name.every((x) => x.capital || NAME_PARTICLES.has(x.raw)) || name.some(roleWord)) return null;
    const parts = entryParts(text, tokens, b, roleWord);
    return parts?.employer && !plausibleEmployer(tokens, parts.employer)
      ? { ...parts, employer: null }
      : parts;
  }
  return null;
}

/**
 * Whether an entry's last part can be where the person works: not a region ("Saskatchewan
 * Province"), nor the end of a list of portfolios ("Minister of Labour, Immigration, Training and
 * Skills Development"): ordinary words joined by "and".
 */
function plausibleEmployer(tokens: NameToken[], [a, b]: [number, number]): boolean {
  const words = tokens.slice(a, b + 1);
  if (words.some((w) => isPlaceWord(w) || REGION_WORDS.has(w.lower))) return false;
  // Read as any other words are, not as the employer ("Food and Drug Administration" still is a body).
  const ordinary = words.every((w) => !w.capital || isOrdinaryEnglishWord(w.raw));
  return !(ordinary && words.some((w) => w.lower === "and"));
}

/** Words that name a day before "Day": "Memorial Day", "Independence Day". */
const HOLIDAY_WORDS = new Set(
  "memorial independence labor labour veterans thanksgiving christmas election inauguration victory flag presidents columbus earth remembrance armistice boxing easter valentine".split(
    " ",
  ),
);

/** Suffixes after a surname: "Jr.", "III". */
const NAME_SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv"]);

/**
 * Whether a found name lies in a list entry's role and is the role's words, not a name: a role
 * word in it ("Research Scholar", "Co-Founder"), ordinary words alone ("Staff", "Policy and
 * Programming"), a board ("Board of Directors"), or an acronym taken for a person ("C4ISR").
 */
function roleWordsAsName(n: FoundName, tokens: NameToken[], roles: [number, number][]): boolean {
  const inside = tokens.filter((t) => t.start >= n.start && t.end <= n.end);
  const first = tokens.indexOf(inside[0] as NameToken);
  const phrase = inside
    .map((t) => t.lower)
    .join(" ")
    .replace(/^the /, "");
  // "…, Member, Board of Governors, Federal Reserve System": the employer's board, in any part.
  if (GOVERNANCE_UNITS.has(phrase)) return true;
  if (!roles.some(([a, b]) => first >= a && first <= b)) return false;
  // "Chief of Staff", "Mission Director": a body's name neither opens with an office's word nor
  // ends with a role's.
  const opener = inside[0] as NameToken;
  if (
    JOB_WORDS.has(opener.lower) ||
    ROLE_WORDS.has(opener.lower) ||
    isTitle(opener) ||
    roleWord(inside[inside.length - 1] as NameToken)
  )
    return true;
  // "Member of the Executive Council of…": a body's name inside the role is a body all the same.
  if (n.type === "organisation" && inside.some(isOrgWord)) return false;
  if (inside.some(roleWord)) return true;
  if (n.type === "person" && inside.length === 1 && isAcronymToken(inside[0] as NameToken)) return true;
  return inside.every((t) => !t.capital || (isOrdinaryEnglishWord(t.raw) && !isOrgWord(t)));
}

const LIST_LOCATIVES = new Set(["in", "в", "у", "во"]);
const OTHERS = new Set(["other", "others", "інших", "других", "иных"]);
/** Endings of Russian and Ukrainian nouns in the locative: "Бучі", "Сумах", "Москве", "Криму". */
const LOCATIVE_ENDING = /(?:і|ї|е|у|ю|ах|ях)$/;

/**
 * "Kherson, Melitopol, Berdyansk, Enerhodar, Mariupol": in a list of single capitalised words of
 * which at least two are places (listed or found), and at least a third, the others are places too.
 */
function placesInLists(tokens: NameToken[], listed: readonly Span[], out: FoundName[], push: Push): void {
  // What the main pass found, by the word it starts at: list items are single words.
  const foundAt = new Map<number, number>();
  out.forEach((n, i) => {
    foundAt.set(n.start, i);
  });
  const found = (t: NameToken) => {
    const i = foundAt.get(t.start);
    return i === undefined ? undefined : out[i];
  };
  // A bare surname guess gives way to a place; anything else found keeps its word.
  const guess = (n: FoundName | undefined) => n?.type === "person" && n.surnameOnly && !n.titled;
  // A one-word guess that may be a place ("Sumy", a surname or a city the lists hold) counts as one.
  const isPlaceAt = (t: NameToken) => {
    const type = listedAt(t, listed)?.[2];
    const was = found(t);
    return type === "place" || type === "country" || was?.type === "place" || was?.orPlace === true;
  };
  const taken = (t: NameToken) => overlaps(t, listed) || (found(t) !== undefined && !guess(found(t)));
  const dropped = new Set<FoundName>();
  let run: number[] = [];
  // "в Бучі, Гостомелі, Ірпені", "in Bucha, Hostomel and Irpin": after a locative preposition a
  // list that opens with a place is a list of places, its words in one case.
  const cuedByPlace = () => {
    const first = tokens[run[0] as number] as NameToken;
    const before = tokens[(run[0] as number) - 1];
    if (!before || !LIST_LOCATIVES.has(before.lower) || !isPlaceAt(first)) return false;
    // "…та інших містах", "and other towns" says so; otherwise every word must agree with the
    // first in case, and none be a given name ("in Kyiv, Jenny and Mark").
    const last = run[run.length - 1] as number;
    const after = [tokens[last + 1], tokens[last + 2]].map((t) => t?.lower ?? "");
    if (after.some((w) => OTHERS.has(w))) return true;
    const ending = first.lower.slice(-1);
    return run.every((k) => {
      const t = tokens[k] as NameToken;
      return !isGiven(t) && (!t.cyrillic || (LOCATIVE_ENDING.test(t.lower) && t.lower.slice(-1) === ending));
    });
  };
  const flush = () => {
    if (run.length >= 2) {
      const places = run.filter((k) => isPlaceAt(tokens[k] as NameToken)).length;
      if ((run.length >= 3 && places >= 2 && places * 3 >= run.length) || cuedByPlace())
        for (const k of run) {
          const t = tokens[k] as NameToken;
          if (taken(t) || ENGLISH_NOT_NAMES.has(t.lower) || CYRILLIC_NOT_NAMES.has(t.lower)) continue;
          const was = found(t);
          if (was) dropped.add(was);
          push(k, k, "place");
        }
    }
    run = [];
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as NameToken;
    const prev = tokens[k - 1];
    if (!t.capital || t.initial) {
      if (
        !(LIST_CONJUNCTIONS.has(t.lower) && run.length > 0 && (t.gapBefore === " " || t.gapBefore === ", "))
      )
        flush();
      continue;
    }
    const joined =
      run.length > 0 &&
      (t.gapBefore === ", " ||
        (t.gapBefore === " " && prev !== undefined && LIST_CONJUNCTIONS.has(prev.lower)));
    // Each item is one word: a capitalised word right after another is a longer name, not an item.
    const next = tokens[k + 1];
    const single = !(next?.capital && next.gapBefore === " ");
    if (!single) {
      flush();
      continue;
    }
    if (!joined) flush();
    run.push(k);
  }
  flush();
  if (dropped.size > 0) {
    const kept = out.filter((n) => !dropped.has(n));
    out.length = 0;
    out.push(...kept);
  }
}

// ---------------------------------------------------------------------------------------------
// Latin script (English text, and Latin names inside Russian or Ukrainian text)

/** The last token of a run of capitalised Latin words from `i`, joined by spaces, hyphens, initials' dots or connectors. */
/** No name runs longer than this many words; a longer run of capitals is read a piece at a time. */
const LONGEST_NAME = 12;

/**
 * Words that go on from a name to what happened, capitalised only because a title is: the title
 * reader's list, but for the prepositions that also join the words of a body's or a place's name
 * ("Council On Foreign Relations", "Made In America Office").
 */
const NAME_PREPOSITIONS = new Set(["at", "in", "into", "to", "with", "from", "over", "under", "about"]);
const TITLE_CASE_BREAKS = new Set(
  TITLE_CASE_WORDS.filter((w) => !ENGLISH_CONNECTORS.has(w) && !NAME_PREPOSITIONS.has(w)),
);

function latinChain(tokens: NameToken[], i: number): number {
  let end = i;
  for (let k = i + 1; k < Math.min(tokens.length, i + LONGEST_NAME); k++) {
    const t = tokens[k] as NameToken;
    const prev = tokens[k - 1] as NameToken;
    if (t.cyrillic) break;
    const gap = t.gapBefore;
    const joined =
      gap === " " || gap === "-" || gap === "\u00a0" || (prev.initial && (gap === ". " || gap === "."));
    if (!joined) break;
    // English titles capitalise every word: "Bill Burton Aboard Air Force One" is two names.
    if (t.capital && TITLE_CASE_BREAKS.has(t.lower)) break;
    if (t.capital) {
      end = k;
      continue;
    }
    if (!ENGLISH_CONNECTORS.has(t.lower)) break;
    // A connector joins only when a capitalised word follows it: "Ministry of Foreign Affairs";
    // after a body's generic word, "of the" or "for the" and one: "Ministry of the Interior"
    // ("State of the Union" is no body, "Australia and the European Union" two).
    let after = tokens[k + 1];
    if (
      after?.lower === "the" &&
      (t.lower === "of" || t.lower === "for") &&
      after.gapBefore === " " &&
      tokens.slice(i, k).some(isOrgWord)
    )
      after = tokens[k + 2];
    // "the Oval Office on Friday": a calendar word after a connector is no name's.
    if (
      !after?.capital ||
      after.cyrillic ||
      after.gapBefore !== " " ||
      ENGLISH_CALENDAR_WORDS.has(after.lower)
    )
      break;
  }
  return end;
}

/** A party named by its members ("Republicans"), but "Democratic" opening a sentence. */
const partyWord = (t: NameToken) =>
  ENGLISH_PARTIES.has(t.lower) && !(t.opening && t.lower === "democratic") && t.raw !== t.raw.toLowerCase();
/** "Senator", and hyphenated offices: "Director-General", "Comptroller-General". */
const isTitle = (t: NameToken) =>
  ENGLISH_TITLES.has(t.lower) ||
  (t.lower.includes("-") && t.lower.split("-").some((w) => ENGLISH_TITLES.has(w)));
/** The plural of an organisation's generic word: "National Institutes of Health", "Universities". */
const isPluralOrgWord = (t: NameToken) =>
  t.lower.length > 4 &&
  t.lower.endsWith("s") &&
  !ENGLISH_ORGANISATION_WORDS.has(t.lower) &&
  (ENGLISH_ORGANISATION_WORDS.has(t.lower.slice(0, -1)) ||
    (t.lower.endsWith("ies") && ENGLISH_ORGANISATION_WORDS.has(`${t.lower.slice(0, -3)}y`)));
const isOrgWord = (t: NameToken) => ENGLISH_ORGANISATION_WORDS.has(t.lower) || isPluralOrgWord(t);
const isPlaceWord = (t: NameToken) => ENGLISH_PLACE_WORDS.has(t.lower);
const isGiven = (t: NameToken) => t.raw.length > 1 && isGivenName(t.raw);
/** A word that may be part of a person's name: capitalised, not an ordinary or a reserved word. */
const personWord = (t: NameToken) =>
  t.capital && !ENGLISH_NOT_NAMES.has(t.lower) && !isOrgWord(t) && !isPlaceWord(t) && !isTitle(t);

/** Prepositions after which a building is where something happens: "at the White House". */
const PLACE_PREPOSITIONS = new Set(["at", "to", "in", "into", "from", "outside", "inside", "near", "around"]);

/** Reads the Latin chain tokens[from..to]; returns where to continue. */
function readLatin(
  text: string,
  tokens: NameToken[],
  from: number,
  to: number,
  listed: readonly Span[],
  push: Push,
): number {
  // "South Australia": a place of the lists, though "South" alone is dropped as ordinary below.
  if (placeRun(text, tokens, from, to, listed)) {
    push(from, to, "place");
    return to + 1;
  }
  // "the White House": the building after "at", "to", "in"… ("here at the White House"), the
  // administration otherwise ("the White House announced"). A title after it ("White House Press
  // Secretary Jen Psaki") is read on its own.
  const w = tokens[from]?.lower === "the" && from < to ? from + 1 : from;
  const white = tokens[w] as NameToken;
  if (white.raw === "White" && tokens[w + 1]?.raw === "House" && !overlaps(white, listed)) {
    const before = tokens[w - 1]?.lower === "the" ? tokens[w - 2] : tokens[w - 1];
    const where = before !== undefined && PLACE_PREPOSITIONS.has(before.lower);
    push(w, w + 1, where ? "place" : "organisation");
    return w + 2;
  }
  let a = from;
  // Opening words that are ordinary words ("The", "Today", "In") are not part of a name.
  while (
    a <= to &&
    ((tokens[a] as NameToken).opening || a > from) &&
    ENGLISH_NOT_NAMES.has((tokens[a] as NameToken).lower)
  )
    a++;
  const first = tokens[a];
  if (!first || a > to) return to + 1;
  // "Happy Valentine's Day", "Memorial Day", "New Year's Eve": a day, no one's name ("Jenny Day" is).
  const lastWord = (tokens[to] as NameToken).lower;
  if (
    to > a &&
    (lastWord === "day" || lastWord === "eve") &&
    (first.lower === "happy" ||
      HOLIDAY_WORDS.has((tokens[to - 1] as NameToken).lower) ||
      /['’]s\s+$/.test(text.slice((tokens[to - 1] as NameToken).end, (tokens[to] as NameToken).start)))
  )
    return to + 1;
  // "Pat Rehn, Member of the Legislative Assembly": a list entry's given name may be a word ("pat").
  const titled =
    titledEntry(text, tokens, a, to) &&
    tokens
      .slice(a, to + 1)
      .every(
        (w, k, all) =>
          w.initial || personWord(w) || (k > 0 && k < all.length - 1 && NAME_PARTICLES.has(w.raw)),
      );
  if (
    !titled &&
    first.opening &&
    !first.initial &&
    isOrdinaryEnglishWord(first.raw) &&
    !isTitle(first) &&
    !isGiven(first) &&
    !(a === to && ENGLISH_INSTITUTIONS.has(first.lower)) &&
    !partyWord(first)
  ) {
    // "Programme Manager", "Lawyer at…": an ordinary word opening a sentence; read the rest alone.
    if (a === to) return to + 1;
    return a + 1;
  }
  // "Michael de Jong, Member of…": a list entry's name, its particles with it.
  if (titled && tokens.slice(a, to + 1).some((w) => !w.capital)) {
    push(a, to, "person");
    return to + 1;
  }
  const words = tokens.slice(a, to + 1);
  // An organisation: a generic word anywhere in the run ("Stanford University", "Ministry of
  // Foreign Affairs of Ukraine"), or an institution written alone ("Congress"); it may contain a
  // listed name. A title inside the run ("Press Secretary Jen Psaki") ends the organisation there.
  // "Justice Department": a title word before a body's generic word, with no title after it, names
  // the body; "Deputy Press Secretary Bill Burton" is a title all the same.
  const titleAt = words.findIndex(
    (w, k) =>
      isTitle(w) &&
      k < words.length - 1 &&
      !w.initial &&
      !(isOrgWord(words[k + 1] as NameToken) && !words.slice(k + 1).some(isTitle)),
  );
  const orgEnd = titleAt >= 0 ? titleAt - 1 : words.length - 1;
  const orgWords = words.slice(0, orgEnd + 1);
  const orgHead = orgWords.findIndex(isOrgWord);
  // "Hoover Institution and Stanford Law School": two organisations, not one.
  const and = orgWords.findIndex(
    (w, k) => w.lower === "and" && k > 0 && isOrgWord(orgWords[k - 1] as NameToken),
  );
  // "the Treasury Department and FEMA": a body's acronym after "and" is a body of its own.
  const rest = orgWords.slice(and + 1);
  if (
    and > 0 &&
    rest.length === 1 &&
    isAcronymToken(rest[0] as NameToken) &&
    !overlaps(rest[0] as NameToken, listed)
  ) {
    pushOrganisation(tokens, a, a + and - 1, listed, push);
    push(a + and + 1, a + and + 1, "organisation");
    return a + and + 2;
  }
  if (and > 0 && rest.some(isOrgWord)) {
    pushOrganisation(tokens, a, a + and - 1, listed, push);
    return a + and + 1;
  }
  if (orgHead >= 0 && orgWords.some((w) => !overlaps(w, listed))) {
    // "Secretary General of the Council of Europe Marija Pejčinović Burić", "Chairman of the Board
    // Ralf Speth": a person's name after the body's last generic or listed word is the person.
    let anchor = orgWords.length - 1;
    while (
      anchor > orgHead &&
      !isOrgWord(orgWords[anchor] as NameToken) &&
      !overlaps(orgWords[anchor] as NameToken, listed)
    )
      anchor--;
    const tail = orgWords.slice(anchor + 1);
    if (tail.length >= 2 && personLike(tail)) {
      if (orgWords.slice(0, anchor + 1).some((w) => !overlaps(w, listed)))
        pushOrganisation(tokens, a, a + anchor, listed, push);
      push(a + anchor + 1, a + orgEnd, "person");
      return titleAt >= 0 ? readTitled(tokens, a + titleAt, to, listed, push) : to + 1;
    }
    // "Defense Department", "Ministry of …": trailing connectors never end a name.
    let e = a + orgEnd;
    while (e > a && !(tokens[e] as NameToken).capital) e--;
    pushOrganisation(tokens, a, e, listed, push);
    return titleAt >= 0 ? readTitled(tokens, a + titleAt, to, listed, push) : to + 1;
  }
  // Connectors join only the words of organisations and places: "Craig Kennedy and David Kramer" is two names.
  const connector = words.findIndex((w) => !w.capital);
  if (connector > 0) {
    readLatin(text, tokens, a, a + connector - 1, listed, push);
    return a + connector + 1;
  }
  if (titleAt >= 0 || isTitle(first))
    return readTitled(tokens, titleAt >= 0 ? a + titleAt : a, to, listed, push);
  // A role before a name ("Programme Manager Bronte Kaas", "Founder Jeffrey Sonnenfeld"): ordinary words, not the name.
  if (words.length > 1 && !titled && !first.initial && isOrdinaryEnglishWord(first.raw) && !isGiven(first))
    return a + 1;
  // Parts of the run the gazetteer found are not found again; the rest is read on its own.
  const free = words.filter((w) => !overlaps(w, listed));
  if (free.length !== words.length) {
    const firstListed = words.findIndex((w) => overlaps(w, listed));
    if (firstListed > 0) return readLatin(text, tokens, a, a + firstListed - 1, listed, push);
    let k = a;
    while (k <= to && overlaps(tokens[k] as NameToken, listed)) k++;
    return k;
  }
  // "the CDC", "the IMF": an acronym after a lowercase "the" is a body's short name, unless it
  // abbreviates a thing ("the GDP", "the ACA").
  if (
    words.length === 1 &&
    ((a === from && tokens[a - 1]?.raw === "the") || (a === from + 1 && tokens[from]?.raw === "The")) &&
    isAcronymToken(first) &&
    /^\p{Lu}{2,6}$/u.test(first.raw) &&
    !NOT_BODIES.has(first.raw)
  ) {
    push(a, a, "organisation");
    return to + 1;
  }
  if (words.length === 1 && ENGLISH_INSTITUTIONS.has(first.lower) && !first.opening) {
    push(a, a, "organisation");
    return to + 1;
  }
  if (words.length === 1 && partyWord(first) && !overlaps(first, listed)) {
    push(a, a, "organisation");
    return to + 1;
  }
  if (words.some(isPlaceWord) && words.length > 1) {
    push(a, to, "place");
    return to + 1;
  }
  // "Odesa region", "Kharkiv oblast": a place and its generic word in lowercase.
  const after = tokens[to + 1];
  if (
    after &&
    after.gapBefore === " " &&
    REGION_WORDS.has(after.lower) &&
    words.length <= 3 &&
    words.every((w) => personWord(w) && !overlaps(w, listed))
  ) {
    push(a, to + 1, "place");
    return to + 2;
  }
  // "Latin America", "the Caribbean", "Black Sea": parts of the world.
  const phrase = words.map((w) => w.lower).join(" ");
  const lastTwo = words
    .slice(-2)
    .map((w) => w.lower)
    .join(" ");
  if (ENGLISH_WORLD_REGIONS.has(phrase) || (words.length > 2 && ENGLISH_WORLD_REGIONS.has(lastTwo))) {
    push(a, to, "place");
    return to + 1;
  }
  // "Facilities Manager at Serco", "head of economics at Morgan Stanley": after "at", with an
  // occupation just before it, a name no list holds is the employer (sanctions lists describe
  // people so).
  if (
    a === from &&
    tokens[a - 1]?.lower === "at" &&
    employedBefore(tokens, a - 1) &&
    words.length <= 4 &&
    words.every((w) => w.capital && !isAcronymToken(w)) &&
    // "Research Fellow at Democracy, Conflict, and Governance Program": one ordinary word is a
    // piece of a longer name.
    !(words.length === 1 && isOrdinaryEnglishWord(first.raw)) &&
    !knownPlace(text.slice(first.start, (words[words.length - 1] as NameToken).end))
  ) {
    push(a, to, "organisation");
    return to + 1;
  }
  // "Our next question will come from Jenny Leonard from Bloomberg", "… Steve Holland of
  // Reuters", "let's go to Josh Wingrove at Bloomberg": after the reporter a moderator calls,
  // "from", "of", "with" or "at" gives the outlet,
  // whatever town shares its name.
  if (
    a === from &&
    OUTLET_BEFORE.has(tokens[a - 1]?.lower ?? "") &&
    reporterBefore(tokens, a - 1) &&
    words.length <= 4 &&
    words.every((w) => w.capital) &&
    // "… go to Camp David with Angela Merkel": someone with them, not where they work.
    !personLike(words)
  ) {
    push(a, to, "organisation");
    return to + 1;
  }
  // "Eamon Javers, CNBC.", "Hi, this is Andrea with NHK.": a reporter giving a name and then the
  // outlet, as a question opens on a press call; not a place the lists hold ("Anna, Moscow.").
  const last = words[words.length - 1] as NameToken;
  if (
    a === from &&
    words.length <= 3 &&
    words.every((w) => w.capital && !overlaps(w, listed)) &&
    /[.,?!]/.test(text[last.end] ?? "") &&
    (isAcronymToken(first) ? !NOT_BODIES.has(first.raw) : !isOrdinaryEnglishWord(first.raw)) &&
    reporterIntroducedBefore(text, tokens, a) &&
    knownPlace(text.slice(first.start, last.end)) === undefined
  ) {
    push(a, to, "organisation");
    return to + 1;
  }
  // "the Yorktown Solutions lobbying firm", "Cleveland-Cliffs steel company": a name a lowercase
  // word for a body describes is that body's.
  if (
    a === from &&
    !personLike(words) &&
    !isGiven(first) &&
    describedAsBody(tokens, to) &&
    // "a Texas oil company": a place says where the body is, not what it is called.
    knownPlace(text.slice(first.start, last.end)) === undefined
  ) {
    push(a, to, "organisation");
    return to + 1;
  }
  const entry = wholeEntry(text, tokens, a, to) || listEntry(text, tokens, a, to);
  const person =
    personLike(words) ||
    (entry && words.every((w) => w.initial || (personWord(w) && isNameLike(w.raw)))) ||
    titled;
  // "the President at Camp David": after "at" a name is as often a place or a firm as a person.
  if (person && tokens[a - 1]?.lower === "at") return to + 1;
  if (person) {
    push(a, to, "person");
    return to + 1;
  }
  const before = tokens[from - 1];
  const cue = before && !before.capital && ENGLISH_PLACE_CUES.has(before.lower) && before.gapBefore !== "";
  // After "in" a given name is a place as often as not ("in Austin", "in Maine"); after "from" it is someone.
  const inside = cue && STRONG_PLACE_CUES.has(before.lower);
  // An acronym after "around" is a thing ("around PPE"), not a place, as in Cyrillic text.
  const placeWord = (w: NameToken, k: number) =>
    personWord(w) &&
    !isAcronymToken(w) &&
    (inside || !isGiven(w)) &&
    (isNameLike(w.raw) || (k === 0 && words.length > 1 && PLACE_NAME_STARTS.has(w.lower)));
  if (cue && words.length <= 3 && words.every(placeWord)) {
    push(a, to, "place");
    return to + 1;
  }
  // "In New York": the run without its opening word ("New York" whole was tried above).
  if (a > from && placeRun(text, tokens, a, to, listed)) {
    push(a, to, "place");
    return to + 1;
  }
  // "Jim, I appreciate the question.", "Thanks for your question, Josh.": a given name alone,
  // someone addressed, is a person; not one that is also a place the lists hold ("…, Georgia.").
  if (
    words.length === 1 &&
    isGiven(first) &&
    addressed(text, tokens, a) &&
    knownPlace(first.raw) === undefined
  ) {
    push(a, a, "person", false, undefined, false, false, true);
    return to + 1;
  }
  const known = words.length === 1 ? knownPlace(first.raw) : undefined;
  // One word: a place unless it is an ordinary word or a given name, or the document names a
  // person it is the surname of ("Hamilton", after "Alexander Hamilton"; found-entities.ts).
  // A state or province that is a given name too ("Tennessee", "Virginia") is the place after
  // another place and a comma ("Richmond, California", "…, Missouri, Tennessee") or a place cue;
  // after any other comma it may be someone addressed ("Go ahead, Victoria.").
  const prior = tokens[a - 1];
  const givenButPlace =
    known === "subdivision" &&
    a === from &&
    ((first.gapBefore === ", " && prior?.capital === true && knownPlace(prior.raw) !== undefined) ||
      (prior !== undefined && !prior.capital && STRONG_PLACE_CUES.has(prior.lower)));
  const onePlace =
    known !== undefined &&
    !first.opening &&
    !isAcronymToken(first) &&
    (!isGiven(first) || givenButPlace) &&
    !isDictionaryWord(first.raw) &&
    (known === "subdivision" || !isOrdinaryEnglishWord(first.raw));
  // A surname alone, which only the document's full names can explain ("Kaas said", after "Bronte Kaas").
  if (words.length === 1 && personWord(first) && (isNameLike(first.raw) || onePlace))
    push(a, a, "person", true, undefined, false, onePlace);
  return to + 1;
}

/**
 * Whether tokens[at] is said to someone: after a comma and before the sentence's end
 * ("…, Josh."), or opening a sentence before a comma ("Jim, I…").
 */
function addressed(text: string, tokens: NameToken[], at: number): boolean {
  const t = tokens[at] as NameToken;
  const after = text.slice(t.end, t.end + 2);
  if (/^[,.?!]/.test(after) === false) return false;
  if (t.gapBefore.endsWith(", ") && /^[.?!]/.test(after)) return true;
  return t.opening && after.startsWith(",") && (tokens[at + 1]?.gapBefore ?? "") === ", ";
}

/**
 * Whether tokens[a..b], two to four words, are a place the world's lists hold (place-names.ts):
 * "New York", "South Australia"; never over a listed name, never opening with a given name
 * ("Benito Juárez" is a city's name too), and joined by no ordinary lowercase word but "of".
 */
function placeRun(text: string, tokens: NameToken[], a: number, b: number, listed: readonly Span[]): boolean {
  if (b <= a || b - a > 3) return false;
  const run = tokens.slice(a, b + 1);
  const first = run[0] as NameToken;
  const last = run[run.length - 1] as NameToken;
  if (!last.capital || (isGiven(first) && !PLACE_NAME_STARTS.has(first.lower))) return false;
  if (run.some((w) => overlaps(w, listed) || (!w.capital && w.lower !== "of" && isDictionaryWord(w.raw))))
    return false;
  return knownPlace(text.slice(first.start, last.end)) !== undefined;
}

/** Lowercase words for a body that follow its name in sanctions lists and news: "… steel company". */
const BODY_NOUNS = new Set(
  "company companies firm corporation conglomerate bank agency newspaper broadcaster magazine organisation organization foundation association consultancy manufacturer contractor charity ngo think-tank".split(
    " ",
  ),
);

/** Words that start a phrase of their own ("Research Scholar at the bank"), never a description. */
const FUNCTION_WORDS = new Set(
  "a an the at of in on to for from with by and or as is was are were be its his her their our".split(" "),
);

/** Whether one to three lowercase words after tokens[to], the last a word for a body, describe the name before them. */
function describedAsBody(tokens: NameToken[], to: number): boolean {
  for (let k = to + 1; k <= to + 3 && k < tokens.length; k++) {
    const t = tokens[k] as NameToken;
    if (t.capital || (t.gapBefore !== " " && t.gapBefore !== "-") || FUNCTION_WORDS.has(t.lower))
      return false;
    if (BODY_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/** Occupations a sanctions list or a biography gives before "at" and an employer's name. */
const OCCUPATIONS = new Set(
  "manager director economist analyst officer researcher fellow professor lecturer editor correspondent journalist reporter columnist commentator consultant adviser advisor partner employee engineer lawyer executive chairman founder co-founder head strategist scientist specialist associate expert athlete player coach actor actress singer musician writer author artist activist blogger businessman businesswoman entrepreneur politician lawmaker legislator diplomat soldier commander pilot physician surgeon priest champion olympian".split(
    " ",
  ),
);

const OUTLET_BEFORE = new Set(["from", "of", "with", "at"]);

/** Acronyms of things, not bodies: measures, jobs, laws, programmes, units, diseases, zones. */
const NOT_BODIES = new Set(
  `COVID MERS GDP GNP CPI CEO CFO COO CTO CIO PPE ICU ER DMZ IRA ARP ACA NDAA BBB BIF RNA DNA HIV AIDS SARS ID IDS
  TV AI PR OK AM PM ET EST EDT PST PDT CST CDT UTC GMT USD EUR GPS SUV EV EVS LNG LPG ATM IPO FAQ VIP PHD
  MBA STEM US USA UK EU UN USSR UAE DPRK PRC ROK NYC DC LA CHIPS JCPOA START INF NPT CTBT TPP USMCA NAFTA TRIPS EO EOS CAD GBP JPY CNY RUB
  SNAP WIC TANF ACP SBA PPP EITC CTC SALT IT HR QA RV CD DVD PC URL API AR MR`.split(/\s+/),
);

/**
 * Whether tokens[at] ("from") follows a person's name of two or three capitalised words, which a
 * question is given to earlier in the same sentence: a moderator calling a reporter.
 */
function reporterBefore(tokens: NameToken[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && at - k <= 3 && (tokens[k] as NameToken).capital && personWord(tokens[k] as NameToken)) {
    if ((tokens[k] as NameToken).opening) return false;
    k--;
  }
  if (at - 1 - k < 2 || (tokens[at] as NameToken).gapBefore !== " ") return false;
  for (let j = k; j >= Math.max(0, k - 8); j--) {
    const t = tokens[j] as NameToken;
    if (t.lower === "question" || t.lower === "questions") return true;
    // "Next, let's go to Steve Holland with Reuters", "We'll turn to …", "I'll call on …".
    const prior = tokens[j - 1]?.lower;
    if ((t.lower === "to" && (prior === "go" || prior === "turn")) || (t.lower === "on" && prior === "call"))
      return true;
    if (t.opening) return false;
  }
  return false;
}

/** What may open a reporter's turn before the name: greetings, thanks, "this is". */
const INTRODUCTION =
  /^[\s"“(]*(?:(?:hi|hey|hello|yes|yeah|sure|thanks|thank you(?: so much)?|good (?:morning|afternoon|evening))[\s,.!]+)*(?:(?:this is|it's|it’s|i'm|i’m)\s+)?$/iu;

/**
 * Whether tokens[at] follows a reporter's own name at the start of the text: a given name, or a
 * given name and surname, then ", " or "with" / "from" ("Eamon Javers, CNBC", "Andrea with NHK").
 */
function reporterIntroducedBefore(text: string, tokens: NameToken[], at: number): boolean {
  let end = at - 1;
  const joiner = tokens[at] as NameToken;
  if (joiner.gapBefore !== ", ") {
    const word = tokens[end];
    if (!word || (word.lower !== "with" && word.lower !== "from") || joiner.gapBefore !== " ") return false;
    end--;
  }
  let start = end;
  while (
    start - 1 >= 0 &&
    end - start < 2 &&
    personWord(tokens[start - 1] as NameToken) &&
    (tokens[start] as NameToken).gapBefore === " "
  )
    start--;
  const name = tokens.slice(start, end + 1);
  if (name.length === 0 || !name.every((w) => w.capital && personWord(w))) return false;
  if (!(personLike(name) || (name.length === 1 && isGiven(name[0] as NameToken)))) return false;
  const nameStart = (name[0] as NameToken).start;
  // Greetings and "this is" are a few words: a name further in opens no turn.
  return nameStart <= 60 && INTRODUCTION.test(text.slice(0, nameStart));
}

/** Whether an occupation comes within the six words before tokens[at] ("at"), in the same sentence. */
function employedBefore(tokens: NameToken[], at: number): boolean {
  for (let k = at - 1; k >= Math.max(0, at - 6); k--) {
    const t = tokens[k] as NameToken;
    if (OCCUPATIONS.has(t.lower)) return true;
    if (/[.;:!?]/.test((tokens[k + 1] as NameToken).gapBefore)) return false;
  }
  return false;
}

/**
 * An English organisation's name, unless it is a generic word alone ("Department", "Council") or
 * ordinary words around a weak one ("Correctional Services", "Industry and Border Systems":
 * divisions, not bodies); "Tufts University" and the "Foreign Ministry" are names.
 */
function pushOrganisation(
  tokens: NameToken[],
  a: number,
  e: number,
  listed: readonly Span[],
  push: Push,
): void {
  const span = tokens.slice(a, e + 1);
  // "Press Call by Senior Administration Officials on Russia": an event and a role, in a title's
  // capitals, are no body.
  if (span.some((w) => NOT_BODY_WORDS.has(w.lower))) return;
  // "the Ministries of Defence of both countries": a plural generic word opening the run is a
  // common noun, not one body's name.
  if (isPluralOrgWord(tokens[a] as NameToken)) return;
  // "Northern Territory Police": a place the lists hold makes ordinary words a body's name, and is
  // a place of its own inside it.
  const place = placeInside(tokens, a, e, listed);
  const ordinary =
    !place &&
    span.every((w) => !w.capital || (isOrdinaryEnglishWord(w.raw) && !isGiven(w) && !overlaps(w, listed)));
  const weak = span.every((w) => !isOrgWord(w) || WEAK_ORGANISATION_WORDS.has(w.lower));
  // A generic word alone is no one body ("the Ministry"), unless it is an institution's own name
  // ("Congress", "the Senate", "Parliament").
  const alone =
    a === e && isOrgWord(tokens[a] as NameToken) && !ENGLISH_INSTITUTIONS.has((tokens[a] as NameToken).lower);
  if (!alone && !(ordinary && weak)) {
    push(a, e, "organisation");
    if (place) push(place[0], place[1], "place");
    // "University of Chicago", "University of Texas at Austin", "Indiana University": the places a
    // body's name says it is of or at are places of their own, cities too.
    for (const [from, to] of placesOfBody(tokens, a, e, listed))
      if (!place || to < place[0] || from > place[1]) push(from, to, "place");
  }
}

/**
 * The places a body's name is of or at: after "of" or "at" inside it, the one to three capitalised
 * words up to the next lowercase word, when the world's lists hold them as a city or a subdivision ("University of Chicago", "… at
 * Austin"); before "University" or "College", a subdivision ("Indiana University"; "Columbia
 * University" names no city). Firms named after a city put it first ("Toyota Motor"), never after "of".
 */
function placesOfBody(
  tokens: NameToken[],
  a: number,
  e: number,
  listed: readonly Span[],
): [number, number][] {
  const out: [number, number][] = [];
  const free = (w: NameToken) => w.capital && !isOrgWord(w) && !overlaps(w, listed) && !isAcronymToken(w);
  const known = (from: number, to: number) =>
    knownPlace(
      tokens
        .slice(from, to + 1)
        .map((w, k) => (k ? w.gapBefore : "") + w.raw)
        .join(""),
    );
  for (let k = a + 1; k <= e; k++) {
    const at = tokens[k - 1] as NameToken;
    if (at.lower !== "of" && at.lower !== "at") continue;
    // The whole run after "of"/"at", up to the name's end or a lowercase word: "Western" is no
    // place of its own in "University of Western Ontario".
    let end = k;
    while (end + 1 <= e && (tokens[end + 1] as NameToken).capital) end++;
    if (end - k <= 2 && tokens.slice(k, end + 1).every(free) && known(k, end) !== undefined)
      out.push([k, end]);
  }
  const head = tokens[a] as NameToken;
  const next = tokens[a + 1];
  if (
    next &&
    a + 1 <= e &&
    (next.lower === "university" || next.lower === "college") &&
    free(head) &&
    known(a, a) === "subdivision"
  )
    out.push([a, a]);
  return out;
}

/**
 * The longest run of capitalised words inside tokens[a..e], none a generic word or listed, that
 * is a place the lists hold: a name of several words, or a division's of one ("University of
 * California"); not a city's one word, which firms are named after too ("Toyota").
 */
function placeInside(
  tokens: NameToken[],
  a: number,
  e: number,
  listed: readonly Span[],
): [number, number] | null {
  const free = (w: NameToken) => w.capital && !isOrgWord(w) && !overlaps(w, listed) && !isAcronymToken(w);
  for (let length = Math.min(4, e - a + 1); length >= 1; length--) {
    for (let from = a; from + length - 1 <= e; from++) {
      const run = tokens.slice(from, from + length);
      if (!run.every(free)) continue;
      const known = knownPlace(run.map((w, k) => (k ? w.gapBefore : "") + w.raw).join(""));
      if (
        known &&
        (length > 1 ||
          (known === "subdivision" &&
            // "Legislative Assembly of Ontario": after "of" a state or province that is a given name
            // too is the place.
            (!isGiven(run[0] as NameToken) || tokens[from - 1]?.lower === "of") &&
            !isDictionaryWord((run[0] as NameToken).raw)))
      )
        return [from, from + length - 1];
    }
  }
  return null;
}

/** Words that end the name of a thing, an event or a plan, never a person's. */
const THING_WORDS = new Set(
  "syndrome doctrine plan act accord accords agreement summit declaration strategy treaty protocol crisis revolution award prize olympics initiative process format memorandum charter pipeline corridor".split(
    " ",
  ),
);

/** Whether capitalised words are a person's name: a given name first, then one to three more names or initials. */
function personLike(words: NameToken[]): boolean {
  if (words.length < 2 || words.length > 5) return false;
  const first = words[0] as NameToken;
  const last = words[words.length - 1] as NameToken;
  if (last.initial || !personWord(last) || last.raw.length < 2) return false;
  if (!words.every((w) => w.initial || personWord(w))) return false;
  // "Havana Syndrome", "Marshall Plan": a name ending in a word for a thing names the thing.
  if (THING_WORDS.has(last.lower)) return false;
  if (first.initial) return true;
  if (!isGiven(first)) return false;
  // A given name that is also a word ("Will", "Mark", "Grant") opening a sentence needs a name after it.
  if (first.opening && isOrdinaryEnglishWord(first.raw))
    return words.slice(1).every((w) => w.initial || !isOrdinaryEnglishWord(w.raw));
  return true;
}

/** A title at tokens[at] (with its modifiers before it) and the person named after it. */
function readTitled(
  tokens: NameToken[],
  at: number,
  to: number,
  listed: readonly Span[],
  push: Push,
): number {
  let k = at;
  // "Secretary of State Antony Blinken", "Prime Minister Draghi": skip the title's own words.
  while (k <= to) {
    const t = tokens[k] as NameToken;
    if (isTitle(t) || TITLE_MODIFIERS.has(t.lower)) k++;
    else if (t.lower === "of" && k + 2 <= to) k += 2;
    else break;
  }
  if (k > to) return to + 1;
  const rest = tokens.slice(k, to + 1);
  if (rest.length > 4 || rest.some((w) => overlaps(w, listed))) return k;
  if (!rest.every((w) => w.initial || personWord(w))) return k;
  // "Deputy Secretary Social Cohesion": a portfolio in ordinary words, not a name.
  if (rest.every((w) => !w.initial && isOrdinaryEnglishWord(w.raw) && !isGiven(w))) return to + 1;
  const last = rest[rest.length - 1] as NameToken;
  if (last.initial) return to + 1;
  push(k, to, "person", rest.length === 1, undefined, true);
  return to + 1;
}

// ---------------------------------------------------------------------------------------------
// Cyrillic script (Russian and Ukrainian)

/** The last token of a run of capitalised Cyrillic words from `i`, initials included ("С.В.Лавров"). */
function cyrillicChain(tokens: NameToken[], i: number): number {
  let end = i;
  for (let k = i + 1; k < Math.min(tokens.length, i + LONGEST_NAME); k++) {
    const t = tokens[k] as NameToken;
    const prev = tokens[k - 1] as NameToken;
    if (!t.cyrillic || !t.capital) break;
    const gap = t.gapBefore;
    const joined =
      gap === " " || gap === "-" || gap === "\u00a0" || (prev.initial && (gap === "." || gap === ". "));
    if (!joined) break;
    end = k;
  }
  return end;
}

const cyrillicLower = (t: NameToken) => t.lower.replace(/ё/g, "е");

function readCyrillic(
  text: string,
  tokens: NameToken[],
  from: number,
  to: number,
  lang: string,
  listed: readonly Span[],
  push: Push,
): number {
  const first = tokens[from] as NameToken;
  const words = tokens.slice(from, to + 1);
  const before = tokens[from - 1];
  const beforeWord = before && !before.capital ? cyrillicLower(before) : "";
  // An organisation's name starts with its generic word ("Министерство иностранных дел",
  // "Государственная Дума", "Сухопутными войсками"): it runs on through lowercase words.
  const org = readCyrillicOrganisation(tokens, from, listed);
  if (org >= 0) {
    push(from, org, "organisation");
    return org + 1;
  }
  if (words.every((w) => overlaps(w, listed))) return to + 1;
  const firstListed = words.findIndex((w) => overlaps(w, listed));
  if (firstListed > 0) return readCyrillic(text, tokens, from, from + firstListed - 1, lang, listed, push);
  if (firstListed === 0) return from + 1;
  // A capitalised title, perhaps with a listed country, before a name: "Президентом Франції Еммануелем Макроном".
  if (isCyrillicTitle(cyrillicLower(first)) && !first.initial) {
    let k = from + 1;
    // Past listed names and further titles: "Господин Президент", "Президента США Джо Байдена".
    while (
      k <= to &&
      (overlaps(tokens[k] as NameToken, listed) || isCyrillicTitle(cyrillicLower(tokens[k] as NameToken)))
    )
      k++;
    if (k > to) return to + 1;
    // "Президента Європейської ради": the office's body, not a person.
    const body = k <= to ? readCyrillicOrganisation(tokens, k, listed) : -1;
    if (body >= k) {
      push(k, body, "organisation");
      return body + 1;
    }
    if (k <= to && to - k < 3 && k > from && !(k === to && isAcronymToken(tokens[k] as NameToken))) {
      push(k, to, "person", k === to, undefined, true);
      return to + 1;
    }
    if (k === from + 1 && k <= to) return readCyrillic(text, tokens, k, to, lang, listed, push);
  }
  // Initials start a name: "Заявление М.Джоли" is a word and a name.
  const initialAt = words.findIndex(
    (w, k) =>
      k > 0 && w.initial && !(words[k - 1] as NameToken).initial && words.slice(k).some((x) => !x.initial),
  );
  if (initialAt > 0) {
    readCyrillic(text, tokens, from, from + initialAt - 1, lang, listed, push);
    return readCyrillic(text, tokens, from + initialAt, to, lang, listed, push);
  }
  const named = words.filter((w) => !w.initial);
  const latin = bracketedLatinName(text, tokens, to);
  // Initials and a surname: "Дж.Байден", "С.В.Лавров", "М. Джоли".
  if (first.initial && named.length === 1 && words.length <= 4) {
    push(from, to, "person");
    return to + 1;
  }
  // A patronymic in second place: "Сергей Викторович Лавров", "Володимир Олександрович".
  if (words.length >= 2 && words.length <= 3 && PATRONYMIC.test(cyrillicLower(words[1] as NameToken))) {
    push(from, to, "person");
    return to + 1;
  }
  // A Cyrillic name followed by its Latin spelling: "Роберт Гиббс (Robert Brian Gibbs)".
  if (latin && words.length <= 4) {
    push(from, to, "person", false, latin.name);
    push(latin.from, latin.to, "person");
    return latin.to + 1;
  }
  if (CYRILLIC_NOT_NAMES.has(cyrillicLower(first)) && words.length === 1) return to + 1;
  // "ВВС Великобритании", "ВС Украины": an acronym the list does not hold, and the country it belongs to.
  const country = tokens[to + 1];
  if (
    words.length === 1 &&
    isAcronymToken(first) &&
    country?.gapBefore === " " &&
    listedAt(country, listed)?.[2] === "country"
  ) {
    const end = listedAt(country, listed)?.[1] ?? country.end;
    let last = to + 1;
    while (last + 1 < tokens.length && (tokens[last + 1] as NameToken).end <= end) last++;
    push(from, last, "organisation");
    return last + 1;
  }
  // A title is no name: "супруга Президента США" names the President by office only.
  if (words.length === 1 && (stemIn(cyrillicLower(first), CYRILLIC_TITLE_STEMS) || isAcronymToken(first)))
    return to + 1;
  if (
    words.length <= 2 &&
    stemIn(cyrillicLower(words[words.length - 1] as NameToken), CYRILLIC_WORLD_REGION_STEMS, 3)
  ) {
    push(from, to, "place");
    return to + 1;
  }
  // "заместитель Государственного секретаря": a capitalised adjective of an office, not a name.
  const next = tokens[to + 1];
  if (
    next &&
    !next.capital &&
    next.cyrillic &&
    next.gapBefore === " " &&
    stemIn(cyrillicLower(next), CYRILLIC_TITLE_STEMS)
  )
    return to + 1;
  // Official style, surname before initials: "Албогачиев М.О.", "Коновальчика П.Б.".
  const named0 = words.findIndex((w) => w.initial);
  if (named0 > 0 && words.slice(named0).every((w) => w.initial) && words.length - named0 <= 2) {
    // Only the word before the initials: "Совета Абрамова С.А." names Абрамова.
    push(from + named0 - 1, to, "person");
    return to + 1;
  }
  // A list entry that is only a name, or a name and a dash: "Эшли БАЙДЕН", "Нерсисян Ерзас - епископ".
  if (
    words.length >= 2 &&
    words.length <= 4 &&
    (wholeEntry(text, tokens, from, to) || listEntry(text, tokens, from, to))
  ) {
    push(from, to, "person");
    return to + 1;
  }
  // A title before a name: "президент Зеленский", "министра Лаврова", "пані Урсулу фон дер Ляєн".
  // But "первый министр Шотландии", "губернатор Калифорнии": one word in the genitive of a name
  // on -ия is the office's place, not its holder.
  if (
    beforeWord &&
    isCyrillicTitle(beforeWord) &&
    words.length <= 3 &&
    !(words.length === 1 && isAcronymToken(first))
  ) {
    if (words.length === 1 && /(?:ии|ії)$/.test(cyrillicLower(first))) {
      push(from, to, "place");
      return to + 1;
    }
    push(from, to, "person", words.length === 1, undefined, true);
    return to + 1;
  }
  // A place's generic word before or after it: "шт. Калифорния", "штата Огайо", "Харьковской области".
  const after = tokens[to + 1];
  // Ukrainian regions named after their centre: "Сумщини", "Донеччина", "на Харківщині".
  if (words.length === 1 && REGION_SUFFIX.test(cyrillicLower(first))) {
    push(from, to, "place");
    return to + 1;
  }
  if (
    (beforeWord &&
      !first.opening &&
      stemIn(beforeWord, CYRILLIC_PLACE_STEMS) &&
      (before?.gapBefore ?? "") !== "" &&
      // "2002 г. Положение": г. after a number is a year, not a town.
      !/\d/.test(tokens[from - 2]?.raw ?? "")) ||
    (after &&
      !first.opening &&
      !after.capital &&
      after.cyrillic &&
      after.gapBefore === " " &&
      stemIn(cyrillicLower(after), CYRILLIC_PLACE_STEMS) &&
      after.raw.length > 2)
  ) {
    if (words.length <= 3) {
      push(from, to, "place");
      return to + 1;
    }
  }
  const cues = CYRILLIC_PLACE_CUES[lang] ?? CYRILLIC_PLACE_CUES.ru;
  if (beforeWord && cues?.has(beforeWord) && words.length <= 2 && !first.opening) {
    // "в Казани Генерального консульства": the place is one word, an organisation follows.
    if (words.length === 2 && readCyrillicOrganisation(tokens, to, listed) >= to) {
      push(from, from, "place");
      return to;
    }
    push(from, to, "place");
    return to + 1;
  }
  // A surname alone, or a town the lists hold ("Мелітополі") when the document names no one so.
  if (words.length === 1 && !first.opening && !CYRILLIC_NOT_NAMES.has(cyrillicLower(first)))
    push(
      from,
      to,
      "person",
      true,
      undefined,
      false,
      !isAcronymToken(first) && knownCyrillicCity(first.raw, lang),
    );
  return to + 1;
}

/**
 * An organisation named by a capitalised generic word, or by capitalised words before a generic
 * one, then the lowercase words that complete it ("Комитет по иностранным делам", "Канадской
 * ассоциации предприятий аэрокосмической промышленности"). Returns its last token, or -1.
 */
function readCyrillicOrganisation(tokens: NameToken[], from: number, listed: readonly Span[]): number {
  const first = tokens[from] as NameToken;
  let head = -1;
  for (let k = from; k < Math.min(tokens.length, from + 3); k++) {
    const t = tokens[k] as NameToken;
    if (!t.cyrillic || (k > from && t.gapBefore !== " ")) break;
    if (stemIn(cyrillicLower(t), CYRILLIC_ORGANISATION_STEMS) && t.raw.length > 2) {
      head = k;
      break;
    }
    // Words before the generic one are adjectives: "Всемирного конгресса", "Канадской торговой палаты";
    // "в Казани Генерального консульства" starts at "Генерального".
    if (!ADJECTIVE_ENDING.test(cyrillicLower(t))) break;
  }
  if (head < 0) return -1;
  if (isCyrillicTitle(cyrillicLower(first)) && !stemIn(cyrillicLower(first), CYRILLIC_ORGANISATION_STEMS))
    return -1;
  // The official gazette ("Собрание законодательства Российской Федерации") is a publication.
  if (
    /^собрани/.test(cyrillicLower(tokens[head] as NameToken)) &&
    /^законодательств/.test(cyrillicLower(tokens[head + 1] ?? first))
  )
    return -1;
  // "Евакуаційна місія триває": an adjective opening a sentence before a lowercase generic word is no name.
  if (head > from && first.opening && !(tokens[head] as NameToken).capital) return -1;
  // A generic word alone ("Совет", "Рада") opening a sentence names nothing.
  let end = head;
  for (let k = head + 1; k < Math.min(tokens.length, head + 5); k++) {
    const t = tokens[k] as NameToken;
    if (!t.cyrillic || t.gapBefore !== " ") break;
    const w = cyrillicLower(t);
    if (!t.capital && (w.length < 3 || STOP_AFTER_ORGANISATION.has(w)) && !(w === "по" && k === head + 1))
      break;
    // Another organisation's name begins: "Совета директоров | Канадской коммерческой корпорации";
    // after a generic word alone it is the body's own ("Сената Конгресса США").
    if (t.capital && end > head && readCyrillicOrganisation(tokens, k, listed) > k) break;
    // A person follows: "Совета Абрамова С.А.".
    if (t.capital && tokens[k + 1]?.initial) break;
    if (!t.capital && (DETERMINERS.test(w) || VERB_OR_ADVERB.test(w) || /[^і]і$/.test(w))) break;
    // A title and the person holding it: "Ради Європи пані Марією…".
    if (!t.capital && isCyrillicTitle(w)) break;
    end = k;
  }
  if (end === from && tokens[from]?.opening) return -1;
  // A generic word on its own ("Совета", "Комитет") refers to a body named elsewhere.
  if (end === head && head === from) return -1;
  // A listed name ("Российской Федерации") is not an organisation found again; one inside an
  // organisation's name ("Канадской коммерческой корпорации") is.
  if (tokens.slice(from, end + 1).every((t) => overlaps(t, listed))) return -1;
  if (overlaps(tokens[head] as NameToken, listed)) return -1;
  return end;
}

const ADJECTIVE_ENDING =
  /(?:ой|ей|ого|его|ый|ий|ая|яя|ое|ее|ых|их|ым|им|ую|юю|ыми|ими|ської|ського|ська|ський|ські|ної|ного|на|ний|ні|ська|цька|ого)$/;

/** Verbs and adverbs that end a name: "…ради російські військові знову завдали", "заявило". */
const VERB_OR_ADVERB =
  /(?:ли|ла|ло|ть|ться|тся|ет|ют|ит|ят|ает|яет|ає|ють|ить|ал|ял|ил|знову|снова|вновь|уже|вже|також|также)$/;

/** Words that point rather than name: "Совета следующих лиц", "указанного комитета". */
const DETERMINERS =
  /^(?:следующ|указанн|настоящ|данн|этого|этой|этих|этом|своего|своей|всех|котор|цього|цієї|цих|якого|якої)/;

/** Words that end an organisation's name: conjunctions, prepositions other than "по", verbs of reporting. */
const STOP_AFTER_ORGANISATION = new Set(
  "и или в во на с со к ко от до из за об о у при для под над без про через который которая которые которое что как также і й та або з зі із до від для про через який яка які що як також заявил заявила заявило заявив заявила сообщил сообщила повідомив повідомила".split(
    " ",
  ),
);

/** "(Robert Brian Gibbs)" right after tokens[to]: the Latin spelling of a Cyrillic name. */
function bracketedLatinName(
  text: string,
  tokens: NameToken[],
  to: number,
): { from: number; to: number; name: string } | null {
  const open = tokens[to + 1];
  if (!open || open.cyrillic || !open.capital || !/^\s*\($/.test(open.gapBefore)) return null;
  let end = to + 1;
  while (end + 1 < tokens.length) {
    const t = tokens[end + 1] as NameToken;
    if (t.cyrillic || !(t.capital || t.lower === "de" || t.lower === "van" || t.lower === "von")) break;
    if (!/^(?:\s|\.\s?|-|\.)$/.test(t.gapBefore)) break;
    end++;
  }
  const last = tokens[end] as NameToken;
  if (text[last.end] !== ")" || end - to > 5) return null;
  const words = tokens.slice(to + 1, end + 1);
  if (words.length < 2 && !(words[0] as NameToken).raw.includes("-")) return null;
  return { from: to + 1, to: end, name: text.slice(open.start, last.end) };
}

/**
 * A lowercase generic word and the name it introduces: "компании «Морган Стэнли»", "группы
 * «Экономисты за Украину»", "университет Тафтса", "школы Флэтчера". Returns where to continue.
 */
function readNamedByGenericWord(
  text: string,
  tokens: NameToken[],
  i: number,
  listed: readonly Span[],
  push: Push,
): number {
  const head = tokens[i] as NameToken;
  const next = tokens[i + 1];
  if (!next || !stemIn(cyrillicLower(head), CYRILLIC_ORGANISATION_STEMS) || head.raw.length < 4) return i + 1;
  const quoted = /^\s*[«"„“]$/.test(next.gapBefore);
  if (quoted) {
    const close = text.slice(next.start).search(/[»"“”]/);
    if (close <= 0 || close > 80) return i + 1;
    let end = i + 1;
    while (end + 1 < tokens.length && (tokens[end + 1] as NameToken).end <= next.start + close) end++;
    if (tokens.slice(i + 1, end + 1).every((t) => overlaps(t, listed))) return end + 1;
    push(i + 1, end, "organisation");
    return end + 1;
  }
  if (!next.capital || next.gapBefore !== " " || overlaps(next, listed) || next.initial) return i + 1;
  // A company written in Latin letters: "компания Micro Focus Group Limited", "компании Thales UK".
  if (!next.cyrillic) {
    let last = i + 1;
    while (last + 1 < tokens.length) {
      const t = tokens[last + 1] as NameToken;
      if (
        t.cyrillic ||
        t.gapBefore !== " " ||
        !(t.capital || /^\d/.test(t.raw) || t.lower === "of" || t.lower === "and")
      )
        break;
      last++;
    }
    while (last > i + 1 && !(tokens[last] as NameToken).capital) last--;
    push(i + 1, last, "organisation");
    return last + 1;
  }
  // A surname in the genitive after the generic word names the body: "университет Тафтса".
  let end = i + 1;
  while (
    end + 1 < tokens.length &&
    (tokens[end + 1] as NameToken).capital &&
    (tokens[end + 1] as NameToken).gapBefore === " " &&
    !overlaps(tokens[end + 1] as NameToken, listed) &&
    end - i < 3
  )
    end++;
  push(i, end, "organisation");
  return end + 1;
}
