/**
 * The records an imitation site holds and how they change: generated from a seed, published,
 * edited, withdrawn. URL shapes come from the publisher's `sources` (listings give the sections,
 * rewrites give a record's other-language URL) and its markup (a new record's path).
 */
import type { PublisherProfile, PublisherSources } from "../../../src/ingest/publishers/profile.js";
import { otherLanguageUrls } from "../../../src/ingest/publishers/sources.js";
import { addDays, numericDate } from "./html.js";
import { type Random, seeded } from "./random.js";
import { makeVersions } from "./transcripts.js";
import type { ImitatedPublisher, ListedRecord, Markup, Section, SiteRecord, StoredRecord } from "./types.js";

interface Habits {
  primary: string;
  start: string;
  /** How far apart consecutive ids are (ids are global on these sites, so they jump). */
  idStep: [number, number];
  firstId: number;
  /** Every how-manyth event (from 0) is published in the primary language only. */
  untranslated: (index: number) => boolean;
}

const HABITS: Record<ImitatedPublisher, Habits> = {
  "mid.ru": {
    primary: "ru",
    start: "2024-03-04",
    idStep: [20, 60],
    firstId: 1_930_000,
    untranslated: (i) => i % 5 === 3,
  },
  "kremlin.ru": {
    primary: "ru",
    start: "2023-10-02",
    idStep: [3, 8],
    firstId: 73_400,
    untranslated: (i) => i % 4 === 2,
  },
  "whitehouse.gov": {
    primary: "en",
    start: "2025-02-03",
    idStep: [0, 0],
    firstId: 0,
    untranslated: () => true,
  },
  "president.gov.ua": {
    primary: "uk",
    start: "2024-05-06",
    idStep: [5, 15],
    firstId: 88_000,
    untranslated: (i) => i % 6 === 4,
  },
};

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const pad = (n: number) => String(n).padStart(2, "0");

/** The listings of `sources` as sections: base path (page 1 without a number) and page pattern. */
export function sectionsOf(sources: PublisherSources): Section[] {
  return sources.entries.flatMap((entry) => {
    if (entry.kind !== "listing") return [];
    const origin = new URL(entry.url.replace("{page}", "1")).origin;
    const rest = entry.url.slice(origin.length);
    const basePath = rest
      .replace(/[?&][\w]+=\{page\}$/, "")
      .replace(/\/page\/\{page\}(\/?)$/, (_m, slash: string) => (slash ? "/" : ""));
    const [before = "", after = ""] = rest.split("{page}");
    return [
      {
        language: entry.language,
        origin,
        basePath,
        page: new RegExp(`^${escapeRe(before)}(\\d+)${escapeRe(after)}$`),
        pagePath: (n: number) => rest.replace("{page}", String(n)),
      },
    ];
  });
}

export class SiteState {
  readonly sections: Section[];
  readonly languages: string[];
  readonly habits: Habits;
  private readonly sources: PublisherSources;
  private readonly byUrl = new Map<string, StoredRecord>();
  private readonly rng: Random;
  private seq = 0;
  private lastId: number;
  /** A logical clock (ms): every change moves it one minute on, so Last-Modified always grows. */
  clock = 0;
  /** When a listing or feed last changed (the logical clock). */
  lastChange = 0;

  constructor(
    readonly publisher: ImitatedPublisher,
    profile: PublisherProfile,
    readonly markup: Markup,
    /** The publisher's main real origin: paths are relative to it. */
    readonly mainOrigin: string,
    seed: number,
  ) {
    if (!profile.sources) throw new Error(`${profile.id} has no sources to imitate`);
    this.sources = profile.sources;
    this.sections = sectionsOf(profile.sources);
    this.habits = HABITS[publisher];
    this.languages = [...new Set([this.habits.primary, ...this.sections.map((s) => s.language)])];
    this.rng = seeded(seed);
    this.lastId = this.habits.firstId;
  }

  /** Generates `count` events, oldest first, each in every language unless the habits say not. */
  generate(count: number): void {
    let date = this.habits.start;
    for (let i = 0; i < count; i++) {
      date = addDays(date, this.rng.int(1, 3));
      const time = `${pad(this.rng.int(9, 20))}:${pad(this.rng.int(0, 59))}`;
      const sectionIndex = i % this.sectionsIn(this.habits.primary).length;
      const versions = makeVersions(this.publisher, this.rng, sectionIndex, date, time);
      const id = this.nextId();
      const reference =
        this.publisher === "mid.ru"
          ? `${this.rng.int(100, 2500)}-${numericDate(date).replaceAll(".", "-")}`
          : null;
      let original: StoredRecord | null = null;
      for (const language of this.languages) {
        const version = versions[language];
        if (!version || (original && this.habits.untranslated(i))) continue;
        const fields = {
          language,
          title: version.title,
          date,
          time,
          place: version.place,
          paragraphs: version.paragraphs,
        };
        const stored = this.add(fields, id, sectionIndex, original, null, reference);
        stored.modified = Date.parse(`${date}T${time}:00Z`);
        original ??= stored;
      }
    }
    this.clock = Date.parse(`${addDays(date, 1)}T00:00:00Z`);
    this.lastChange = this.clock;
  }

  /** A new record, newest on the site; a translation when `otherLanguagePath` names a record. */
  publish(partial: Partial<SiteRecord>): StoredRecord {
    const language = partial.language ?? this.habits.primary;
    const counterpart = partial.otherLanguagePath ? this.get(partial.otherLanguagePath) : null;
    const sectionIndex = counterpart
      ? this.sectionsIn(counterpart.record.language).indexOf(counterpart.section)
      : partial.path
        ? Math.max(
            0,
            this.sectionsIn(language).findIndex((s) =>
              this.url(partial.path ?? "").startsWith(s.origin + s.basePath),
            ),
          )
        : 0;
    const newest = this.all()[0]?.record.date ?? this.habits.start;
    const date = partial.date ?? counterpart?.record.date ?? addDays(newest, 1);
    const time = partial.time ?? counterpart?.record.time ?? "12:00";
    const versions = makeVersions(this.publisher, this.rng, sectionIndex, date, time);
    const version = versions[language] ?? versions[this.habits.primary];
    if (!version) throw new Error(`no ${language} text for ${this.publisher}`);
    const fields = {
      language,
      title: partial.title ?? version.title,
      date,
      time,
      place: partial.place !== undefined ? partial.place : version.place,
      paragraphs: partial.paragraphs ?? version.paragraphs,
    };
    const id = counterpart?.id ?? this.nextId();
    const stored = this.add(
      fields,
      id,
      sectionIndex,
      counterpart,
      partial.path ?? null,
      counterpart?.reference ?? null,
    );
    stored.modified = this.tick();
    return stored;
  }

  edit(path: string, change: (r: SiteRecord) => SiteRecord): void {
    const stored = this.get(path);
    const next = change(structuredClone(stored.record));
    if (next.path !== stored.record.path) throw new Error("an edit keeps the record's path");
    stored.record = next;
    stored.modified = this.tick();
  }

  withdraw(path: string, status: 404 | 410): void {
    const stored = this.get(path);
    stored.withdrawn = status;
    stored.modified = this.tick();
  }

  /** The real URL of a path (or of an absolute URL, unchanged). */
  url(path: string): string {
    return new URL(path, this.mainOrigin).href;
  }

  /** A record's path as tests see it: relative to the main origin, absolute on another host. */
  pathOf(url: string): string {
    return url.startsWith(`${this.mainOrigin}/`) ? url.slice(this.mainOrigin.length) : url;
  }

  get(path: string): StoredRecord {
    const stored = this.byUrl.get(this.url(path));
    if (!stored) throw new Error(`no record at ${path}`);
    return stored;
  }

  find(url: string): StoredRecord | undefined {
    return this.byUrl.get(url);
  }

  /** Every record, withdrawn ones too, newest first. */
  all(): StoredRecord[] {
    return [...this.byUrl.values()].sort((a, b) => b.seq - a.seq);
  }

  /** Records still online, newest first, with their real URLs. */
  listed(filter: (s: StoredRecord) => boolean = () => true): ListedRecord[] {
    return this.all()
      .filter((s) => s.withdrawn === null && filter(s))
      .map((stored) => ({ stored, url: this.url(stored.record.path) }));
  }

  sectionsIn(language: string): Section[] {
    return this.sections.filter((s) => s.language === language);
  }

  private tick(): number {
    this.clock += 60_000;
    this.lastChange = this.clock;
    return this.clock;
  }

  private nextId(): number {
    const [min, max] = this.habits.idStep;
    this.lastId += this.rng.int(min, max);
    return this.lastId;
  }

  private add(
    fields: Omit<SiteRecord, "path" | "otherLanguagePath">,
    id: number,
    sectionIndex: number,
    counterpart: StoredRecord | null,
    path: string | null,
    reference: string | null,
  ): StoredRecord {
    const sections = this.sectionsIn(fields.language);
    const section = sections[sectionIndex] ?? sections[0];
    if (!section) throw new Error(`${this.publisher} has no ${fields.language} listing`);
    // A translation's URL is the original's, rewritten as the profile says; otherwise the markup's shape.
    const rewritten = counterpart
      ? otherLanguageUrls(this.sources, this.url(counterpart.record.path)).find(
          (r) => r.language === fields.language,
        )?.url
      : undefined;
    const shaped = section.origin + this.markup.recordPath(section, id, fields);
    let url = path ? this.url(path) : (rewritten ?? shaped);
    // Two records with one slug (two briefings in a month): WordPress adds "-2", "-3" to the later ones.
    for (let n = 2; !path && !rewritten && this.byUrl.has(url); n++)
      url = shaped.replace(/(\/?)$/, `-${n}$1`);
    if (this.byUrl.has(url)) throw new Error(`a record already lives at ${url}`);
    const record: SiteRecord = {
      ...fields,
      path: this.pathOf(url),
      otherLanguagePath: counterpart?.record.path ?? null,
    };
    const stored: StoredRecord = {
      record,
      id,
      section,
      seq: ++this.seq,
      modified: 0,
      views: 0,
      withdrawn: null,
      reference,
    };
    this.byUrl.set(url, stored);
    if (counterpart) {
      // The original's page now links its translation: a change of the original too.
      counterpart.record.otherLanguagePath = record.path;
      counterpart.modified = Math.max(counterpart.modified, this.clock);
    }
    return stored;
  }
}
