/** Facet counts (speaker, year, publisher, language, kind, entity) over matching turns, in typed arrays. */
import { TURN_KINDS } from "../../model/document.js";
import type { FacetName, FacetValue } from "../../model/search-results.js";
import type { TurnCatalog } from "./catalog.js";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface FacetCounters {
  entity: Int32Array;
  entitiesSeen: number[];
  speaker: Int32Array;
  /** Speaker codes seen, so reading the counts costs the matches, not the whole speaker list. */
  speakersSeen: number[];
  /** Counts by year, offset from YEAR_BASE. */
  year: Int32Array;
  publisher: Int32Array;
  language: Int32Array;
  kind: Int32Array;
}

export function newFacetCounters(cat: TurnCatalog): FacetCounters {
  return {
    entity: new Int32Array(cat.entities.length),
    entitiesSeen: [],
    speaker: new Int32Array(cat.speakers.length),
    speakersSeen: [],
    year: new Int32Array(YEAR_SPAN),
    publisher: new Int32Array(cat.publishers.length),
    language: new Int32Array(cat.languages.length),
    kind: new Int32Array(TURN_KINDS.length),
  };
}

export function countFacets(f: FacetCounters, cat: TurnCatalog, r: number, d: number): void {
  const s = cat.speaker[r] as number;
  if (s >= 0) {
    if (f.speaker[s] === 0) f.speakersSeen.push(s);
    f.speaker[s] = (f.speaker[s] as number) + 1;
  }
  const y = cat.docYear[d] as number;
  if (y >= YEAR_BASE && y < YEAR_BASE + YEAR_SPAN)
    f.year[y - YEAR_BASE] = (f.year[y - YEAR_BASE] as number) + 1;
  const p = cat.docPublisher[d] as number;
  f.publisher[p] = (f.publisher[p] as number) + 1;
  const l = cat.language[r] as number;
  f.language[l] = (f.language[l] as number) + 1;
  const k = cat.kind[r] as number;
  f.kind[k] = (f.kind[k] as number) + 1;
  const to = cat.mentionEnd[r] as number;
  for (let i = cat.mentionStart[r] as number; i < to; i++) {
    const e = cat.mentionCodes[i] as number;
    if (f.entity[e] === 0) f.entitiesSeen.push(e);
    f.entity[e] = (f.entity[e] as number) + 1;
  }
}

const FACET_LIMIT = 20;
const YEAR_BASE = 1800;
const YEAR_SPAN = 400;

export function facetValues(f: FacetCounters, cat: TurnCatalog): Record<FacetName, FacetValue[]> {
  const fromArray = (counts: Int32Array, label: (i: number) => { value: string; label: string }) =>
    Array.from(counts, (count, i) => ({ ...label(i), count }))
      .filter((v) => v.count > 0)
      .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
      .slice(0, FACET_LIMIT);
  return {
    speaker: f.speakersSeen
      .map((i) => {
        const s = cat.speakers[i] as { id: string | null; name: string };
        return { value: s.id ?? s.name, label: s.name, count: f.speaker[i] as number };
      })
      .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
      .slice(0, FACET_LIMIT),
    year: Array.from(f.year, (count, i) => ({
      value: String(YEAR_BASE + i),
      label: String(YEAR_BASE + i),
      count,
    })).filter((v) => v.count > 0),
    publisher: fromArray(f.publisher, (i) => ({
      value: cat.publishers[i] as string,
      label: cat.publishers[i] as string,
    })),
    language: fromArray(f.language, (i) => ({
      value: cat.languages[i] as string,
      label: cat.languages[i] as string,
    })),
    kind: fromArray(f.kind, (i) => ({ value: TURN_KINDS[i] as string, label: TURN_KINDS[i] as string })),
    entity: f.entitiesSeen
      .map((i) => {
        const e = cat.entities[i] as { id: string; name: string };
        return { value: e.id, label: e.name, count: f.entity[i] as number };
      })
      .sort((a, b) => b.count - a.count || cmp(a.value, b.value))
      .slice(0, FACET_LIMIT),
  };
}
