/**
 * The speaker registry: who is who, under which names and in which roles. It is a YAML file
 * users can edit (data/speakers.yaml by default); resolution falls back to transliteration
 * for names it does not know.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isDictionaryWord, isGivenName } from "../../enrich/english-words.js";
import { VerbatimError } from "../../errors/catalog.js";
import type { Speaker } from "../../model/speaker.js";
import { QUESTION_WORDS } from "../segment/labels.js";
import {
  displayCase,
  foldName,
  hasCyrillic,
  idForName,
  isTitleWord,
  nameParts,
  surnameKeys,
  TITLE_CASE_WORD,
  toLatin,
} from "./names.js";

const isoDate = z.union([
  z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

const RegistryFile = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    gender: z.enum(["female", "male"]).nullable().default(null),
    aliases: z.record(z.string().regex(/^[a-z]{2}$/), z.array(z.string().min(1))).default({}),
    roles: z
      .array(
        z.object({
          title: z.string().min(1),
          from: isoDate.nullable().default(null),
          to: isoDate.nullable().default(null),
          labels: z.array(z.string()).default([]),
          publisher: z.string().nullable().default(null),
        }),
      )
      .default([]),
  }),
);

export const DEFAULT_REGISTRY_PATH = fileURLToPath(new URL("../../../data/speakers.yaml", import.meta.url));

export interface ResolvedSpeaker {
  speakerId: string | null;
  speakerName: string | null;
  registered: boolean;
}

interface IndexEntry {
  speaker: Speaker;
  initials: string[];
  given: string[];
}

/** Labels that name a function, not a person: kept as written, with no speaker id. */
const ANONYMOUS_LABEL = new RegExp(
  `^(?:${QUESTION_WORDS}|correspondent|запитання|moderator|модератор|модераторка|ведущий|ведущая|ведучий|ведуча|participant|участник|учасник|учасниця|audience member|audience|aide|white house aide|senior administration official|senior state department official|senior official|official|staff|operator|interpreter|переводчик|voice|voices|unidentified speaker|speaker|reply|ответ|answer)$`,
  "i",
);

const normaliseLabel = (label: string) =>
  label.toUpperCase().replace(/[.:]/g, "").replace(/\s+/g, " ").trim();

/** Short forms of given names that share no opening with the full one. */
const NICKNAMES: Record<string, string> = {
  bill: "william",
  billy: "william",
  bob: "robert",
  bobby: "robert",
  dick: "richard",
  rick: "richard",
  jim: "james",
  jimmy: "james",
  ted: "edward",
  ned: "edward",
  ed: "edward",
  peggy: "margaret",
  maggie: "margaret",
  chuck: "charles",
  hank: "henry",
  jack: "john",
  jake: "jacob",
  tony: "anthony",
  liz: "elizabeth",
  beth: "elizabeth",
  betsy: "elizabeth",
  kate: "katherine",
  sasha: "alexander",
  sergei: "sergey",
};

/** Whether two given names (folded, Latin) can be one person's: equal, one inside the other, the same opening, or a short form. */
function sameGivenName(a: string, b: string): boolean {
  if (a === b || a.includes(b) || b.includes(a) || a.slice(0, 2) === b.slice(0, 2)) return true;
  const full = (n: string) => NICKNAMES[n] ?? n;
  return full(a) === full(b) || full(a).includes(full(b)) || full(b).includes(full(a));
}

export class SpeakerRegistry {
  readonly speakers: Speaker[];
  private readonly bySurname = new Map<string, IndexEntry[]>();
  private readonly byId = new Map<string, Speaker>();
  /** Each role label, normalised, with the roles that carry it in registry order (every turn's label is asked). */
  private readonly byRoleLabel = new Map<string, { speaker: Speaker; role: Speaker["roles"][number] }[]>();

  constructor(speakers: Speaker[]) {
    this.speakers = speakers;
    for (const speaker of speakers) {
      this.byId.set(speaker.id, speaker);
      for (const role of speaker.roles) {
        for (const label of new Set(role.labels.map(normaliseLabel))) {
          const list = this.byRoleLabel.get(label) ?? [];
          list.push({ speaker, role });
          this.byRoleLabel.set(label, list);
        }
      }
      const names = [speaker.name, ...speaker.aliases.map((a) => a.name)];
      for (const name of names) {
        const parts = nameParts(name);
        if (!parts.surname) continue;
        const keys = new Set([parts.surname]);
        if (hasCyrillic(parts.surname)) {
          keys.add(foldName(toLatin(parts.surname)));
          // Stems too, so that any case form meets the nominative: "Захаровой" and "Захарова" share "захаров".
          for (const stem of surnameKeys(parts.surname)) keys.add(stem);
        }
        for (const key of keys) {
          const list = this.bySurname.get(key) ?? [];
          if (!list.some((e) => e.speaker === speaker && e.initials.join() === parts.initials.join())) {
            list.push({
              speaker,
              initials: parts.initials,
              given: parts.given.map((g) => foldName(toLatin(g))),
            });
          }
          this.bySurname.set(key, list);
        }
      }
    }
  }

  static fromYaml(text: string, source = "registry"): SpeakerRegistry {
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (error) {
      throw new VerbatimError("REGISTRY_INVALID", { path: source, reason: (error as Error).message });
    }
    const parsed = RegistryFile.safeParse(data ?? []);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new VerbatimError("REGISTRY_INVALID", {
        path: source,
        reason: `${issue?.path.join(".")}: ${issue?.message}`,
      });
    }
    const speakers: Speaker[] = parsed.data.map((s) => ({
      id: s.id,
      name: s.name,
      gender: s.gender,
      aliases: Object.entries(s.aliases).flatMap(([lang, names]) => names.map((name) => ({ name, lang }))),
      roles: s.roles.map((r) => ({ ...r, from: r.from ?? null, to: r.to ?? null })),
    }));
    return new SpeakerRegistry(speakers);
  }

  static load(file: string = DEFAULT_REGISTRY_PATH): SpeakerRegistry {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new VerbatimError("REGISTRY_INVALID", { path: file, reason: (error as Error).message });
    }
    return SpeakerRegistry.fromYaml(text, file);
  }

  get(id: string): Speaker | undefined {
    return this.byId.get(id);
  }

  /**
   * Finds a registered person by a name as written in any script, or null. A bare surname
   * ("MR. HARRIS") only matches someone who held a registered role on `date`, when a date is given:
   * surnames alone are too common to trust across decades. An honorific rules out a registered
   * person of the other gender.
   */
  findByName(name: string, date: string | null = null): Speaker | null {
    const parts = nameParts(name);
    if (!parts.surname || parts.surname.length < 2) return null;
    const honorific = genderOfHonorific(name);
    const keys = surnameKeys(parts.surname);
    if (hasCyrillic(parts.surname)) keys.push(foldName(toLatin(parts.surname)));
    const givenOrInitial = parts.initials.length > 0 || (parts.given[0]?.length ?? 0) > 1;
    for (const key of keys) {
      // A stem of three letters ("тих" of "Тихий") is too short to name anyone alone: "у Тихому
      // океані" is the Pacific. With a given name or an initial it may.
      if (key.length <= 3 && hasCyrillic(key) && !givenOrInitial) continue;
      const entries = this.bySurname.get(key);
      if (!entries) continue;
      const matching = parts.initials.length
        ? entries.filter((e) => e.initials.length === 0 || sameInitial(e.initials[0], parts.initials[0]))
        : entries;
      const firstGiven =
        parts.given[0] && parts.given[0].length > 1 ? foldName(toLatin(parts.given[0])) : null;
      // "US Ambassador John Sullivan" is not Jake Sullivan: a given name written in full must be the
      // person's, or a short form of it ("Tony" Blinken, "Bill" Burns).
      const named = firstGiven
        ? matching.filter(
            (e) => !e.given[0] || e.given[0].length < 2 || sameGivenName(e.given[0], firstGiven),
          )
        : matching;
      let distinct = [...new Set(named.map((e) => e.speaker))];
      if (honorific) distinct = distinct.filter((s) => !s.gender || s.gender === honorific);
      if (date && parts.initials.length === 0) distinct = distinct.filter((s) => activeOn(s, date));
      if (distinct.length > 1 && firstGiven) {
        // "Joe Biden" vs "Jill Biden": same initial, different given name.
        const byGiven = [...new Set(named.filter((e) => e.given[0] === firstGiven).map((e) => e.speaker))];
        if (byGiven.length > 0) distinct = byGiven;
      }
      if (distinct.length > 1) distinct = narrowByTitle(distinct, name, date);
      if (distinct.length === 1) return distinct[0] ?? null;
    }
    return null;
  }

  /** The holder of an institutional label ("THE PRESIDENT") for a publisher on a date. */
  findByRoleLabel(label: string, publisher: string, date: string | null): Speaker | null {
    for (const { speaker, role } of this.byRoleLabel.get(normaliseLabel(label)) ?? []) {
      if (role.publisher && role.publisher !== publisher) continue;
      if (!date || !roleHeldOn(role, date)) continue;
      return speaker;
    }
    return null;
  }

  /** Resolves a turn label to a speaker: role labels, then registered names, then transliteration. */
  resolveLabel(label: string, publisher: string, date: string | null): ResolvedSpeaker {
    const clean = label.replace(/\s*\([^)]*\)\s*/g, " ").trim();
    const byRole = this.findByRoleLabel(clean, publisher, date);
    if (byRole) return { speakerId: byRole.id, speakerName: byRole.name, registered: true };
    if (ANONYMOUS_LABEL.test(clean)) {
      const isQuestion = /^(?:q|questions?|вопрос|вопросы|питання|запитання)$/iu.test(clean);
      return { speakerId: null, speakerName: isQuestion ? null : displayCase(clean), registered: false };
    }
    const byName = this.findByName(clean, date);
    if (byName) return { speakerId: byName.id, speakerName: byName.name, registered: true };
    if (/^(the|senior|white house|a|an)(?![\p{L}\p{N}])/iu.test(clean) || /\bofficial\b/i.test(clean)) {
      return { speakerId: null, speakerName: displayCase(clean), registered: false };
    }
    return { speakerId: unregisteredId(clean), speakerName: displayCase(clean), registered: false };
  }
}

/**
 * The id of a person not in the registry: initials and surname in Latin script, so that
 * "Т.Карлсон", "T. Karlson" and "Tom Karlson" meet ("t-karlson").
 */
export function unregisteredId(name: string): string | null {
  const parts = nameParts(toLatin(name).replace(/\.(?=\p{L})/gu, ". "));
  if (!parts.surname) return null;
  return idForName([...parts.initials, parts.surname].join(" "));
}

/**
 * True when a role was held on a date. Both may be partial ("2014", "2013-02"): compared at the
 * shorter precision, so a role to "2011-02" covers 10 February 2011 and a date "2020" meets a role
 * held for part of 2020.
 */
export function roleHeldOn(role: { from: string | null; to: string | null }, date: string): boolean {
  const upTo = (a: string, b: string) =>
    a.slice(0, Math.min(a.length, b.length)) <= b.slice(0, Math.min(a.length, b.length));
  return (!role.from || upTo(role.from, date)) && (!role.to || upTo(date, role.to));
}

const MALE_HONORIFIC = /^(?:mr|mister|sir|г-н|господин|пан)(?![\p{L}])/iu;
const FEMALE_HONORIFIC = /^(?:mrs|ms|miss|madam|madame|dame|г-жа|госпожа|пані)(?![\p{L}])/iu;

/** The gender a name's honorific gives ("MR. HARRIS", "Ms. Rice"), or null. */
export function genderOfHonorific(name: string): "female" | "male" | null {
  const t = name.trim();
  if (MALE_HONORIFIC.test(t)) return "male";
  if (FEMALE_HONORIFIC.test(t)) return "female";
  return null;
}

/** True when the person held a dated role on the date (undated roles count as always held). */
function activeOn(speaker: Speaker, date: string): boolean {
  if (speaker.roles.length === 0) return true;
  return speaker.roles.some((r) => roleHeldOn(r, date));
}

/**
 * "President Biden", "Ambassador Rice" are ambiguous by surname alone; the title words pick the
 * person who held such a role (on the date, when there is one).
 */
function narrowByTitle(speakers: Speaker[], name: string, date: string | null): Speaker[] {
  const words = foldName(name)
    .split(/[\s.]+/)
    .filter((w) => w.length > 2);
  return speakers.filter((s) =>
    s.roles.some((r) => {
      if (date && !roleHeldOn(r, date)) return false;
      const title = foldName(r.title);
      return words.some((w) => title.split(/\s+/).includes(w));
    }),
  );
}

function sameInitial(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  if (a === b) return true;
  return foldName(toLatin(a))[0] === foldName(toLatin(b))[0];
}

const TITLE_CASE_SPLIT = new RegExp(String.raw`\s${TITLE_CASE_WORD}(?:\s|$)`, "u");

/** A Latin word before a surname that makes it someone else's: a given name, or no ordinary word. */
function partOfAnotherName(word: string): boolean {
  const w = word.replace(/\.$/, "");
  if (!/^[A-Za-z\u00c0-\u024f'’-]+$/u.test(w) || isTitleWord(foldName(w))) return false;
  return isGivenName(w) || !isDictionaryWord(w);
}

/** Registered people named in a text (a title), in order of first mention. */
export function findMentions(registry: SpeakerRegistry, text: string): Speaker[] {
  const found: Speaker[] = [];
  // Candidate names: "С.В.Лавров(а)", or runs of capitalised words ("Sergey Lavrov’s", "President Biden").
  const candidates = text.matchAll(
    /(?:\p{Lu}\.\s?){1,2}\s?\p{Lu}[\p{Ll}-]+|(?:\p{Lu}[\p{Ll}\p{M}'-]*\.?\s){0,3}\p{Lu}[\p{L}\p{M}-]+(?:[’']s)?/gu,
  );
  for (const m of candidates) {
    // "President Biden After Marine One": the name ends where the title goes on to the event.
    for (const phrase of m[0].replace(/[’']s$/, "").split(TITLE_CASE_SPLIT)) {
      const words = phrase.split(/\s+/).filter(Boolean);
      // Try the longest tail first so "Press Secretary Jen Psaki" finds Psaki via "Jen Psaki".
      for (let start = 0; start < words.length; start++) {
        // "…Russia John Sullivan", "Representative Wasserman Schultz": a lone surname is not tried
        // after a given name or another name the longer tail did not fit ("Secretary of State
        // Clinton", "Homeland Security Mayorkas" are tried: ordinary words before them).
        const before = words[start - 1];
        if (start === words.length - 1 && before && partOfAnotherName(before)) break;
        const speaker = registry.findByName(words.slice(start).join(" "));
        if (speaker) {
          if (!found.includes(speaker)) found.push(speaker);
          break;
        }
      }
    }
  }
  return found;
}
