/**
 * Scores enrichment against the hand-annotated names (tests/gold/names*, written by
 * scripts/name-gold.ts): every person, organisation, place and country a document names, listed
 * or not, as spans. Scored per document and referent: a referent is found when a mention of the
 * right entity overlaps one of its spans (the gazetteer's id when the annotator gave one; an entity
 * found in the text, of a compatible type, when the list does not hold it); an entity the
 * enrichment names is right when one of its mentions overlaps a referent it is right for.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { enrichDocument } from "../../src/enrich/enrich.js";
import type { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import type { Enrichment } from "../../src/model/enrichment.js";
import { isFoundEntity } from "../../src/model/entity.js";
import { corpusPath } from "./corpus.js";
import { ingestFile } from "./ingest.js";

export interface GoldName {
  type: "person" | "organisation" | "place" | "country";
  id?: string;
  check: string;
  spans: [number, number, number, number][];
}

export interface NameGold {
  source: string;
  doc: number;
  language: string;
  names: GoldName[];
}

export interface Tally {
  /** Entities the enrichment named, and how many of them were right. */
  made: number;
  right: number;
  /** Referents in the gold, and how many of them were found. */
  gold: number;
  found: number;
}

export interface NameScore {
  documents: number;
  byLanguage: Map<string, { listed: Tally; unlisted: Tally }>;
  listed: Tally;
  unlisted: Tally;
  errors: string[];
}

/** The gazetteer's formats ("G7", "BRICS": groupings of states) are organisations to the annotators. */
const SCORED = new Set(["person", "organisation", "place", "country", "format"]);

/** Places and countries are one class to the reader: "Crimea" typed a country is not a wrong name. */
const compatible = (gold: GoldName["type"], found: string) =>
  gold === found ||
  ((gold === "place" || gold === "country") && (found === "place" || found === "country")) ||
  (gold === "organisation" && found === "format");

const right = (g: GoldName, entityId: string, type: string) =>
  g.id ? g.id === entityId : isFoundEntity(entityId) && compatible(g.type, type);

export const emptyTally = (): Tally => ({ made: 0, right: 0, gold: 0, found: 0 });

export function scoreDocument(gold: NameGold, enrichment: Enrichment, score: NameScore, label: string): void {
  const mentions = enrichment.mentions.filter((m) => SCORED.has(m.type));
  const overlapping = (m: (typeof mentions)[number], g: GoldName) =>
    g.spans.some(
      ([turn, paragraph, start, end]) =>
        turn === m.turn && paragraph === m.paragraph && m.start < end && start < m.end,
    );
  const lang = score.byLanguage.get(gold.language) ?? { listed: emptyTally(), unlisted: emptyTally() };
  score.byLanguage.set(gold.language, lang);
  const entities = new Map<string, typeof mentions>();
  for (const m of mentions) entities.set(m.entityId, [...(entities.get(m.entityId) ?? []), m]);
  for (const [id, ms] of entities) {
    const kind = isFoundEntity(id) ? "unlisted" : "listed";
    const ok = ms.some((m) => gold.names.some((g) => overlapping(m, g) && right(g, id, m.type)));
    for (const t of [score[kind], lang[kind]]) {
      t.made++;
      if (ok) t.right++;
    }
    if (ok) continue;
    const m = ms[0] as (typeof mentions)[number];
    score.errors.push(`${label}: false ${kind} ${m.type} ${id} at ${m.turn}.${m.paragraph}:${m.start}`);
  }
  for (const g of gold.names) {
    const kind = g.id ? "listed" : "unlisted";
    const found = mentions.some((m) => overlapping(m, g) && right(g, m.entityId, m.type));
    for (const t of [score[kind], lang[kind]]) {
      t.gold++;
      if (found) t.found++;
    }
    if (!found) {
      const [t, p, s] = g.spans[0] ?? [0, 0, 0];
      score.errors.push(`${label}: missed ${kind} ${g.type}${g.id ? ` ${g.id}` : ""} at ${t}.${p}:${s}`);
    }
  }
  score.documents++;
}

export function scoreFolder(dir: string, files: string[], matcher: EntityMatcher): NameScore {
  const score: NameScore = {
    documents: 0,
    byLanguage: new Map(),
    listed: emptyTally(),
    unlisted: emptyTally(),
    errors: [],
  };
  for (const file of files) {
    const gold = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as NameGold;
    const doc = ingestFile(corpusPath(gold.source))[gold.doc];
    if (!doc) throw new Error(`${file}: no document ${gold.doc} in ${gold.source}`);
    scoreDocument(gold, enrichDocument(doc, matcher), score, file.replace(/\.json$/, ""));
  }
  return score;
}

/** Precision counts entities named, recall referents: one referent named as two entities is two right entities. */
export const precision = (t: Tally) => (t.made === 0 ? 1 : t.right / t.made);
export const recall = (t: Tally) => (t.gold === 0 ? 1 : t.found / t.gold);
export const sum = (a: Tally, b: Tally): Tally => ({
  made: a.made + b.made,
  right: a.right + b.right,
  gold: a.gold + b.gold,
  found: a.found + b.found,
});
