/**
 * The gazetteer: every entity Verbatim recognises, with a stable id (ISO 3166 codes for
 * countries, Wikidata ids elsewhere, `vb:` slugs where no Wikidata id is certain) and its names in
 * English, Russian, Turkish and Ukrainian. Countries come from i18n-iso-countries and world-countries;
 * data/gazetteer.yaml adds short forms, adjectives, metonyms, organisations, formats, agreements,
 * projects, people and places. The speaker registry contributes its people.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import countries from "i18n-iso-countries";
import type { Countries } from "world-countries";
import { parse as parseYaml } from "yaml";
import { VerbatimError } from "../errors/catalog.js";
import type { SpeakerRegistry } from "../ingest/speakers/registry.js";
import type { Entity, EntityType } from "../model/entity.js";

export const DEFAULT_GAZETTEER_PATH = fileURLToPath(new URL("../../data/gazetteer.yaml", import.meta.url));

const require = createRequire(import.meta.url);
const worldCountries = require("world-countries") as Countries;
for (const lang of ["en", "ru", "tr", "uk"])
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

interface YamlNames {
  en?: string[];
  ru?: string[];
  tr?: string[];
  uk?: string[];
}
interface YamlEntry {
  id: string;
  type: string;
  name: string;
  names?: YamlNames;
  ambiguous?: boolean;
  ambiguousForms?: string[];
}
interface YamlFile {
  countryExtras?: Record<
    string,
    YamlNames & { ambiguous?: boolean; metonyms?: YamlNames; exclude?: string[]; givenNames?: string[] }
  >;
  organisations?: YamlEntry[];
  people?: YamlEntry[];
  places?: YamlEntry[];
}

const LANGS = ["en", "ru", "tr", "uk"] as const;

/** Languages the gazetteer names entities in: entity ids compare across these only. */
export const GAZETTEER_LANGUAGES: ReadonlySet<string> = new Set(LANGS);

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

function add(entity: Entity, text: unknown, lang: string, ambiguous = false): void {
  // The YAML is edited by hand: a number or a list where a name belongs is skipped, not fatal.
  if (typeof text !== "string") return;
  const t = text.trim();
  if (!t || t.length < 2) return;
  if (entity.forms.some((f) => f.text === t && f.lang === lang)) return;
  entity.forms.push({ text: t, lang, ambiguous });
}

const TYPE_OF: Record<string, EntityType> = {
  organisation: "organisation",
  organization: "organisation",
  format: "format",
  agreement: "agreement",
  project: "project",
  person: "person",
  place: "place",
};

export class Gazetteer {
  readonly entities: Entity[];
  private readonly byId = new Map<string, Entity>();

  /**
   * `speakerEntities`: the entity id of each speaker registry id. `offices`: the titles of the
   * roles each registry person held (lowercased), which tell a namesake from them.
   */
  constructor(
    entities: Entity[],
    private readonly speakerEntities: ReadonlyMap<string, string> = new Map(),
    private readonly offices: ReadonlyMap<string, string[]> = new Map(),
  ) {
    this.entities = entities;
    for (const e of entities) this.byId.set(e.id, e);
  }

  /** The person entity of a speaker registry id, if the gazetteer knows them. */
  speakerEntity(speakerId: string): string | null {
    return this.speakerEntities.get(speakerId) ?? null;
  }

  /** The titles of the roles a registry person held, lowercased; null when the gazetteer knows none. */
  officesOf(entityId: string): string[] | null {
    return this.offices.get(entityId) ?? null;
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** Finds entities by id or by any of their names, case-insensitively: `mentions:TR`, `mentions:"UN Security Council"`. */
  lookup(value: string): Entity[] {
    const v = value.trim().toLowerCase();
    const exact = this.entities.filter((e) => e.id.toLowerCase() === v);
    if (exact.length) return exact;
    return this.entities.filter(
      (e) => e.name.toLowerCase() === v || e.forms.some((f) => f.text.toLowerCase() === v),
    );
  }

  /** `promoted`: entities editors promoted from those found in documents (src/enrich/curation.ts). */
  static load(
    registry: SpeakerRegistry | null,
    file: string = DEFAULT_GAZETTEER_PATH,
    promoted: readonly Entity[] = [],
  ): Gazetteer {
    let data: YamlFile = {};
    if (existsSync(file)) {
      try {
        data = (parseYaml(readFileSync(file, "utf8")) ?? {}) as YamlFile;
      } catch (error) {
        throw new VerbatimError("REGISTRY_INVALID", { path: file, reason: (error as Error).message });
      }
    }
    const entities: Entity[] = [];

    // Countries: ISO alpha-2 ids, names in three languages, English demonyms, alternative spellings.
    // A demonym several territories share ("American": the US, Guam, Puerto Rico…) names none of them.
    const demonymUse = new Map<string, number>();
    for (const c of worldCountries) {
      const d = c.demonyms?.eng?.m;
      if (d) demonymUse.set(d, (demonymUse.get(d) ?? 0) + 1);
    }
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      const entity: Entity = {
        id: code,
        type: "country",
        name: countries.getName(code, "en") ?? code,
        forms: [],
      };
      const extras = data.countryExtras?.[code];
      const ambiguous = extras?.ambiguous === true;
      for (const lang of LANGS) {
        const names = countries.getName(code, lang, { select: "all" }) ?? [];
        for (const n of names) add(entity, n, lang, ambiguous);
      }
      const wc = worldCountries.find((c) => c.cca2 === code);
      if (wc) {
        add(entity, wc.name.common, "en", ambiguous);
        add(entity, wc.name.official, "en", ambiguous);
        add(entity, wc.translations.rus?.common, "ru", ambiguous);
        add(entity, wc.translations.rus?.official, "ru", ambiguous);
        add(entity, wc.translations.tur?.common, "tr", ambiguous);
        const demonym = wc.demonyms?.eng?.m;
        if (demonym && demonymUse.get(demonym) === 1) add(entity, demonym, "en", ambiguous);
        // Alternative spellings are mostly native names; one Latin word among them is as likely a
        // surname or a common word in English text ("Mann", "Island", "Guadalupe"), so only names of
        // several words, hyphenated names and Cyrillic names are taken (single words come from the YAML).
        for (const alt of wc.altSpellings)
          if (alt.length > 3 && /[\s-]/.test(alt)) add(entity, alt, "en", ambiguous);
          else if (/^[\u0400-\u04ff]+$/.test(alt)) add(entity, alt, "ru", ambiguous);
      }
      for (const lang of LANGS) {
        for (const n of asList(extras?.[lang])) add(entity, n, lang, ambiguous);
        for (const n of asList(extras?.metonyms?.[lang])) {
          add(entity, n, lang, true);
          const form = entity.forms.find(
            (f) => f.text === (typeof n === "string" ? n.trim() : n) && f.lang === lang,
          );
          if (form) form.metonym = true;
        }
      }
      const excluded = new Set(asList(extras?.exclude));
      entity.forms = entity.forms.filter((f) => !excluded.has(f.text));
      const given = new Set(asList(extras?.givenNames));
      for (const f of entity.forms) if (given.has(f.text)) f.givenName = true;
      entities.push(entity);
    }

    for (const entry of [
      ...asList(data.organisations),
      ...asList(data.people),
      ...asList(data.places),
    ] as YamlEntry[]) {
      if (!entry || typeof entry.id !== "string" || typeof entry.name !== "string") continue;
      const type = TYPE_OF[entry.type] ?? "organisation";
      const entity: Entity = { id: entry.id, type, name: entry.name, forms: [] };
      add(entity, entry.name, "en", entry.ambiguous === true);
      for (const lang of LANGS) {
        for (const n of entry.names?.[lang] ?? [])
          add(entity, n, lang, entry.ambiguous === true || (entry.ambiguousForms ?? []).includes(n));
      }
      entities.push(entity);
    }

    // People of the speaker registry that the gazetteer does not already hold, under their registry ids.
    const known = new Map(
      entities.filter((e) => e.type === "person").map((e) => [e.name.toLowerCase(), e.id]),
    );
    const speakerEntities = new Map<string, string>();
    const offices = new Map<string, string[]>();
    for (const speaker of registry?.speakers ?? []) {
      const titles = speaker.roles.flatMap((r) => [r.title, ...r.labels]).map((t) => t.toLowerCase());
      const held = known.get(speaker.name.toLowerCase());
      if (held) {
        speakerEntities.set(speaker.id, held);
        if (titles.length) offices.set(held, titles);
        continue;
      }
      const entity: Entity = { id: `speaker:${speaker.id}`, type: "person", name: speaker.name, forms: [] };
      add(entity, speaker.name, "en");
      for (const alias of speaker.aliases) add(entity, alias.name, alias.lang);
      // "Dr. Fauci", "MR. EARNEST": the surname alone, settled by a title or by the full name elsewhere.
      for (const form of [...entity.forms]) {
        const words = form.text.split(/\s+/);
        const surname = words[words.length - 1] ?? "";
        if (words.length > 1 && surname.length > 2 && !surname.includes("."))
          add(entity, surname, form.lang, true);
      }
      entities.push(entity);
      speakerEntities.set(speaker.id, entity.id);
      if (titles.length) offices.set(entity.id, titles);
    }
    // A promoted entity the list already holds (its Wikidata id) gives that entity its names.
    const held = new Map(entities.map((e) => [e.id, e]));
    for (const e of promoted) {
      const listed = held.get(e.id);
      if (!listed) {
        const copy = { ...e, forms: [...e.forms] };
        entities.push(copy);
        held.set(e.id, copy);
        continue;
      }
      for (const f of e.forms) add(listed, f.text, f.lang, f.ambiguous);
    }
    return new Gazetteer(entities, speakerEntities, offices);
  }
}
