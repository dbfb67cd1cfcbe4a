/** Facet counts (speaker, year, publisher, language, kind, entity) over matching turns, in typed arrays. */
import { TURN_KINDS } from "../../model/document.js";
import type { FacetName, FacetValue } from "../../model/search-results.js";
import type { TurnCatalog } from "./catalog.js";

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface FacetCounters {
  /** Whether entity and speaker counts may be anywhere (copied from every turn's), not only at the codes seen. */
  dense: boolean;
  entity: Int32Array;
  /** The entity codes counted: entitiesSeen[0..entitiesSeenCount] (a buffer as long as the entities). */
  entitiesSeen: Int32Array;
  entitiesSeenCount: number;
  speaker: Int32Array;
  /** Speaker codes seen, so reading the counts costs the matches, not the whole speaker list. */
  speakersSeen: Int32Array;
  speakersSeenCount: number;
  /** Counts by year, offset from YEAR_BASE. */
  year: Int32Array;
  publisher: Int32Array;
  language: Int32Array;
  kind: Int32Array;
}

export function newFacetCounters(cat: TurnCatalog): FacetCounters {
  return {
    dense: false,
    entity: new Int32Array(cat.entities.length),
    entitiesSeen: new Int32Array(cat.entities.length),
    entitiesSeenCount: 0,
    speaker: new Int32Array(cat.speakers.length),
    speakersSeen: new Int32Array(cat.speakers.length),
    speakersSeenCount: 0,
    year: new Int32Array(YEAR_SPAN),
    publisher: new Int32Array(cat.publishers.length),
    language: new Int32Array(cat.languages.length),
    kind: new Int32Array(TURN_KINDS.length),
  };
}

/**
 * Adds the facets of turns (ascending numbers), in one loop over arrays held in locals: a
 * document's facets (year, publisher) are added once per run of its turns, since matches come in turn order and a
 * document's turns are numbered together. A common word's matches cost about a quarter of a
 * search here. With `f.dense`, the entities seen are not listed as they are counted (the caller
 * finds them in the counts): noting each entity's first mention cost as much as the counting.
 */
function countMatches(
  f: FacetCounters,
  cat: TurnCatalog,
  rowids: Int32Array,
  length: number,
  /** -1 takes the turns' facets away again. */
  sign = 1,
): void {
  const { doc, speaker, language, kind, mentionStart, mentionEnd, mentionCodes, docYear, docPublisher } = cat;
  const years = f.year;
  const publishers = f.publisher;
  // A document's year and publisher, for `turns` of its turns.
  const countDocument = (d: number, turns: number) => {
    const y = (docYear[d] as number) - YEAR_BASE;
    if (y >= 0 && y < YEAR_SPAN) years[y] = (years[y] as number) + turns;
    const p = docPublisher[d] as number;
    publishers[p] = (publishers[p] as number) + turns;
  };
  const speakers = f.speaker;
  const languages = f.language;
  const kinds = f.kind;
  const entities = f.entity;
  // Codes counted for the first time go into typed buffers: pushing onto arrays cost 85 ns a code.
  const speakersSeen = f.speakersSeen;
  const entitiesSeen = f.entitiesSeen;
  let speakersCounted = f.speakersSeenCount;
  let entitiesCounted = f.entitiesSeenCount;
  const dense = f.dense;
  let runDoc = -1;
  let run = 0;
  for (let i = 0; i < length; i++) {
    const r = rowids[i] as number;
    const d = doc[r] as number;
    if (d !== runDoc) {
      if (run > 0) countDocument(runDoc, sign * run);
      runDoc = d;
      run = 0;
    }
    run++;
    const s = speaker[r] as number;
    if (s >= 0) {
      if (speakers[s] === 0) speakersSeen[speakersCounted++] = s;
      speakers[s] = (speakers[s] as number) + sign;
    }
    const l = language[r] as number;
    languages[l] = (languages[l] as number) + sign;
    const k = kind[r] as number;
    kinds[k] = (kinds[k] as number) + sign;
    const to = mentionEnd[r] as number;
    if (dense) {
      for (let j = mentionStart[r] as number; j < to; j++) {
        const e = mentionCodes[j] as number;
        entities[e] = (entities[e] as number) + sign;
      }
    } else {
      for (let j = mentionStart[r] as number; j < to; j++) {
        const e = mentionCodes[j] as number;
        if (entities[e] === 0) entitiesSeen[entitiesCounted++] = e;
        entities[e] = (entities[e] as number) + sign;
      }
    }
  }
  if (run > 0) countDocument(runDoc, sign * run);
  f.speakersSeenCount = speakersCounted;
  f.entitiesSeenCount = entitiesCounted;
}

/** How many mentions the turns hold, summed. */
function mentionsOf(cat: TurnCatalog, rowids: Int32Array, length: number): number {
  const { mentionStart, mentionEnd } = cat;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const r = rowids[i] as number;
    n += (mentionEnd[r] as number) - (mentionStart[r] as number);
  }
  return n;
}

/** Writes the codes with a count into `codes`, in code order; how many. */
function counted(counts: Int32Array, codes: Int32Array): number {
  let n = 0;
  for (let c = 0; c < counts.length; c++) if (counts[c] !== 0) codes[n++] = c;
  return n;
}

/**
 * Past one mention to count for every DENSE_SHARE entities, the entities seen are read from the
 * counts after counting rather than noted as counted: a scan of the counters costs less than a
 * test at every mention (the bench's distinct words: 61,000 mentions a search among 40,000
 * entities, facets 0.47 ms noting each, 0.39 reading the counters after).
 */
const DENSE_SHARE = 4;

/**
 * Counters no search holds, per catalog: counted into again rather than allocated, since they are
 * as long as the catalog's lists of entities and speakers (tens of thousands) and were most of
 * what a search allocated.
 */
const spares = new WeakMap<TurnCatalog, FacetCounters[]>();
const SPARES = 4;

function countersFor(cat: TurnCatalog): FacetCounters {
  const list = spares.get(cat);
  for (let f = list?.pop(); f; f = list?.pop()) {
    // A catalog brought up to date may name more entities, speakers, publishers or languages.
    if (
      f.entity.length === cat.entities.length &&
      f.speaker.length === cat.speakers.length &&
      f.publisher.length === cat.publishers.length &&
      f.language.length === cat.languages.length
    )
      return f;
  }
  return newFacetCounters(cat);
}

/** Gives a search's counters back, zeroed, once their values are read (facetValues). */
export function releaseFacets(cat: TurnCatalog, f: FacetCounters): void {
  if (f.dense) {
    f.entity.fill(0);
    f.speaker.fill(0);
  } else {
    for (let i = 0; i < f.entitiesSeenCount; i++) f.entity[f.entitiesSeen[i] as number] = 0;
    for (let i = 0; i < f.speakersSeenCount; i++) f.speaker[f.speakersSeen[i] as number] = 0;
  }
  f.year.fill(0);
  f.publisher.fill(0);
  f.language.fill(0);
  f.kind.fill(0);
  f.dense = false;
  f.entitiesSeenCount = 0;
  f.speakersSeenCount = 0;
  let list = spares.get(cat);
  if (!list) {
    list = [];
    spares.set(cat, list);
  }
  if (list.length < SPARES) list.push(f);
}

/** Every current turn's facets, per catalog and version: what the complement is taken from. */
const everyTurn = new WeakMap<TurnCatalog, { version: number; counters: FacetCounters }>();

function facetsOfEveryTurn(cat: TurnCatalog): FacetCounters {
  const held = everyTurn.get(cat);
  if (held?.version === cat.version) return held.counters;
  const counters = newFacetCounters(cat);
  countMatches(counters, cat, cat.rowids, cat.rowids.length);
  everyTurn.set(cat, { version: cat.version, counters });
  return counters;
}

/**
 * Room for the turns a very common word does not match, kept between searches: as long as the
 * archive's turns, and allocated afresh it cost a collection of garbage now and then (20 MB for
 * `the` at 16× the bench corpus).
 */
let othersRoom = new Int32Array(0);

/**
 * Facet counts of the matching turns (ascending turn numbers). When they are most of the archive
 * (a very common word), the turns that do not match are fewer: their counts are taken from every
 * turn's, so the work is the smaller side's.
 */
export function facetsOf(cat: TurnCatalog, rowids: Int32Array, length: number): FacetCounters {
  if (length * 2 <= cat.rowids.length) {
    const f = countersFor(cat);
    f.dense = mentionsOf(cat, rowids, length) * DENSE_SHARE > f.entity.length;
    countMatches(f, cat, rowids, length);
    if (f.dense) f.entitiesSeenCount = counted(f.entity, f.entitiesSeen);
    return f;
  }
  const all = facetsOfEveryTurn(cat);
  const f = countersFor(cat);
  f.dense = true;
  f.entity.set(all.entity);
  f.speaker.set(all.speaker);
  f.year.set(all.year);
  f.publisher.set(all.publisher);
  f.language.set(all.language);
  f.kind.set(all.kind);
  // The turns that do not match, in order: the current turns in the gaps between matches (a merge
  // with the list of every turn cost a comparison per turn, 3 ms for `the`), taken away in the
  // same loop as matches are counted.
  const { doc } = cat;
  const last = cat.rowids.length > 0 ? (cat.rowids[cat.rowids.length - 1] as number) : -1;
  // As long as every turn: matches may name turns a refresh took out of the catalog meanwhile (at
  // the awaits after they were read), and then fewer current turns match than `length` says.
  if (othersRoom.length < cat.rowids.length) othersRoom = new Int32Array(Math.ceil(cat.rowids.length * 1.25));
  const others = othersRoom;
  let n = 0;
  let from = 0;
  for (let i = 0; i <= length; i++) {
    const to = i < length ? (rowids[i] as number) : last + 1;
    for (let r = from; r < to; r++) if ((doc[r] as number) >= 0) others[n++] = r;
    from = to + 1;
  }
  countMatches(f, cat, others, n, -1);
  f.entitiesSeenCount = counted(f.entity, f.entitiesSeen);
  f.speakersSeenCount = counted(f.speaker, f.speakersSeen);
  return f;
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
  const speakerValue = (i: number) => {
    const s = cat.speakers[i] as { id: string | null; name: string };
    return s.id ?? s.name;
  };
  return {
    speaker: topCodes(f.speakersSeen.subarray(0, f.speakersSeenCount), f.speaker, speakerValue).map((i) => ({
      value: speakerValue(i),
      label: (cat.speakers[i] as { name: string }).name,
      count: f.speaker[i] as number,
    })),
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
    entity: topCodes(
      f.entitiesSeen.subarray(0, f.entitiesSeenCount),
      f.entity,
      (i) => (cat.entities[i] as { id: string }).id,
    ).map((i) => {
      const e = cat.entities[i] as { id: string; name: string };
      return { value: e.id, label: e.name, count: f.entity[i] as number };
    }),
  };
}

/**
 * The FACET_LIMIT codes seen with the highest counts (ties by value), best first. A common word's
 * matches name tens of thousands of entities: sorting them all cost more than the rest of the
 * search, while nearly every code is turned away here by one comparison with the smallest kept.
 */
export function topCodes(
  seen: ArrayLike<number> & Iterable<number>,
  counts: Int32Array,
  value: (code: number) => string,
): number[] {
  const top: number[] = [];
  // Does code a rank before code b?
  const before = (a: number, b: number) => {
    const d = (counts[a] as number) - (counts[b] as number);
    return d > 0 || (d === 0 && value(a) < value(b));
  };
  for (const code of seen) {
    if (top.length === FACET_LIMIT && !before(code, top[FACET_LIMIT - 1] as number)) continue;
    let at = top.length === FACET_LIMIT ? FACET_LIMIT - 1 : top.length;
    while (at > 0 && before(code, top[at - 1] as number)) {
      top[at] = top[at - 1] as number;
      at--;
    }
    top[at] = code;
  }
  return top;
}
