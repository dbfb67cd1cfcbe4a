/**
 * The search engine, one for every backend: filters, exact counts, facets, ranking, cursors,
 * snippets, concordance, per-period counts and the result cache. A backend's TextIndex
 * (model/text-index.ts) finds the turns a typed plan matches and scores them; everything here is
 * computed over the catalog (catalog.ts), and only a page's turns are read back for snippets.
 */
import { TURN_KINDS } from "../../model/document.js";
import type { DateRange, Filters, SearchQuery, TextTerm } from "../../model/search-query.js";
import type {
  Concordance,
  ConcordanceLine,
  ConcordanceOptions,
  DocumentHit,
  MonthCounts,
  SearchOptions,
  SearchResult,
  SortOrder,
  YearCounts,
} from "../../model/search-results.js";
import type { Speaker } from "../../model/speaker.js";
import type { Matches, ParagraphSpan, TextIndex, TurnRow } from "../../model/text-index.js";
import {
  namesOf,
  type PreparedNames,
  preparedMatches,
  prepareNames,
  prepareValue,
  rolePeriods,
} from "../people.js";
import { type CompiledText, compileText, type Highlighter } from "../query/expand.js";
import { contextLines, findMatches, highlighted, SNIPPET_WIDTH, type Span, snippet } from "../snippet.js";
import { dateBounds, TurnCatalog } from "./catalog.js";
import { cursorSalt, decodeCursor, encodeCursor } from "./cursor.js";
import { facetsOf, facetValues, releaseFacets } from "./facets.js";
import { baseLanguages, baseQuery, type PeriodUnit, periodsBetween } from "./periods.js";
import type { TitleMatches } from "./title-index.js";

/** How much a title match adds to a document's best turn score (bm25 is negative: lower ranks higher). */
const TITLE_WEIGHT = 0.5;
const MAX_LIMIT = 200;
const CONCORDANCE_READ_LIMIT = 20_000;

/** Matching turns, and what the documents' titles add: rank, and documents found by title alone. */
interface TextMatches extends Matches {
  /** Documents whose title matches some groups of the query: how many, and when scored, the bm25 of those matching every group. */
  titles: TitleMatches;
  /** Whether a turn passes the query's filters and exclusions. */
  passes: (rowid: number) => boolean;
}

/** How far a document whose title matches every word is lifted above documents that only mention them. */
const TITLE_TIER = 1000;

/** Folds names for field filters as the index folds text: case, diacritics, ё→е, ı→i. */
const fold = (s: string) =>
  s
    .replace(/ı/g, "i")
    .replace(/[ёЁ]/g, "е")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/** Results kept for repeated searches (popular queries, polled feeds); dropped when the archive changes. */
const RESULT_CACHE_SIZE = 500;

/** A catalog, and the archive state it holds (TextIndex.state); null while a refresh is part way. */
type HeldCatalog = { catalog: TurnCatalog; key: string | null };

/** Changed documents a refresh reads and applies at a time, between which requests are answered. */
const REFRESH_STEP = 20;

export class SearchEngine {
  private cached: { key: string; catalog: TurnCatalog } | null = null;
  private readonly results = new Map<string, SearchResult>();
  private resultsKey = "";

  constructor(private readonly index: TextIndex) {}

  /**
   * Per document: whether a search has met it, its best turn's score, and how many of the query's
   * groups its title holds and the title's score; reset by the search after use.
   */
  private scratch = {
    seen: new Uint8Array(0),
    best: new Float64Array(0),
    titleGroups: new Int32Array(0),
    titleScore: new Float64Array(0),
    documents: new Int32Array(0),
  };

  private scratchFor(documents: number): SearchEngine["scratch"] {
    if (this.scratch.seen.length < documents) {
      const size = Math.ceil(documents * 1.25);
      this.scratch = {
        seen: new Uint8Array(size),
        best: new Float64Array(size).fill(Number.POSITIVE_INFINITY),
        titleGroups: new Int32Array(size),
        titleScore: new Float64Array(size),
        documents: new Int32Array(size),
      };
    }
    return this.scratch;
  }

  /** The refresh under way: the archive state it is for, its first step, and its end. */
  private loading: { key: string; firstStep: Promise<HeldCatalog>; done: Promise<HeldCatalog> } | null = null;
  /** The catalog as the last refresh left it, and that refresh. */
  private latest: TurnCatalog | null = null;
  private refreshed: Promise<unknown> = Promise.resolve();
  /** This process's writes (TextIndex.ownWrites) that the last finished refresh started after. */
  private ownWritesHeld = 0;

  private async catalog(): Promise<TurnCatalog> {
    return (await this.current()).catalog;
  }

  /**
   * The catalog to search, and the archive state it holds (null while a refresh is part way).
   * A search that arrives while a refresh for another process's writes is under way searches the
   * catalog as far as that refresh has brought it, a step at a time, and one that finds another
   * process's writes with no refresh under way waits for its first step only (all of it when the
   * writes changed a step's worth of documents or fewer): under a running ingest each commit would
   * otherwise hold every search behind it. One that follows a write of this process's own not yet
   * held (or on a backend that cannot tell its writes from others') waits for the whole refresh,
   * so that whoever writes and then searches finds what was written.
   */
  private async current(): Promise<HeldCatalog> {
    const own = this.index.ownWrites?.() ?? null;
    const key = await this.index.state();
    if (this.cached?.key === key) return this.cached;
    const ownPending = own === null || own > this.ownWritesHeld;
    if (this.loading && this.latest && !ownPending) return { catalog: this.latest, key: null };
    if (this.loading?.key !== key) {
      let stepped: (held: HeldCatalog) => void = () => {};
      const firstStep = new Promise<HeldCatalog>((resolve) => {
        stepped = resolve;
      });
      // One refresh at a time, each starting from what the last one left: two applying changes to
      // the same catalog out of order would leave it older than its mark.
      const run = () => this.refresh((catalog, complete) => stepped({ catalog, key: complete ? key : null }));
      const catalog = this.refreshed.then(run, run);
      this.refreshed = catalog;
      const done = catalog.then((c) => ({ catalog: c, key }));
      // A refresh that fails before its first step fails the searches waiting for that step too.
      const loading = { key, firstStep: Promise.race([firstStep, done]), done };
      for (const p of [loading.firstStep, loading.done]) p.catch(() => {});
      this.loading = loading;
      const settled = () => {
        if (this.loading === loading) this.loading = null;
      };
      catalog.then((c) => {
        if (own !== null) this.ownWritesHeld = Math.max(this.ownWritesHeld, own);
        // Refreshes finish in the order they started, so this is the newest state held, even
        // when a later one is already under way.
        this.cached = { key, catalog: c };
        settled();
      }, settled);
    }
    return ownPending ? this.loading.done : this.loading.firstStep;
  }

  /**
   * The catalog brought up to the archive's state: the documents changed since it was read, applied
   * in place (a search in flight reads it only between its awaits, and skips turns it no longer
   * knows), or, when the backend cannot say what changed, read whole. `stepped` hears of each
   * step, and whether it was the last.
   */
  private async refresh(stepped: (catalog: TurnCatalog, complete: boolean) => void): Promise<TurnCatalog> {
    const held = this.latest;
    if (held?.mark) {
      // A few documents at a time, letting the requests that arrived meanwhile be answered between
      // steps: a commit of hundreds of documents, read and applied at once, held the process for
      // 40 to 170 ms under load.
      for (;;) {
        const changes = await this.index.readCatalogChanges(held.mark, REFRESH_STEP);
        if (!changes) break;
        held.apply(changes);
        stepped(held, !changes.more);
        if (!changes.more) return held;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const catalog = new TurnCatalog();
    await this.index.readCatalog(catalog.loader());
    this.latest = catalog;
    stepped(this.latest, true);
    return this.latest;
  }

  /** The same query and options on an unchanged archive give the same result: serve it from memory. */
  async search(query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
    if (options.cache === false) return this.searchUncached(query, options);
    const archive = (await this.current()).key;
    // A catalog part way through a refresh holds no one state of the archive: nothing to key on.
    if (archive === null) return this.searchUncached(query, options);
    if (archive !== this.resultsKey) {
      this.results.clear();
      this.resultsKey = archive;
    }
    const key = JSON.stringify([query, options]);
    const hit = this.results.get(key);
    if (hit) {
      this.results.delete(key);
      this.results.set(key, hit);
      return hit;
    }
    const result = await this.searchUncached(query, options);
    if (this.results.size >= RESULT_CACHE_SIZE)
      this.results.delete(this.results.keys().next().value as string);
    this.results.set(key, result);
    return result;
  }

  private compile(query: SearchQuery): Promise<CompiledText> {
    return compileText(query.groups, query.exclude, this.index.vocabulary);
  }

  /**
   * All turns matching the text part and the filters, in rowid order, with scores when asked, and,
   * with `titled` (a search's page; counts, trends and concordances are turns alone), the titles
   * matching the text (the catalog's title index, title-index.ts), scored likewise.
   */
  private async matching(
    query: SearchQuery,
    compiled: CompiledText,
    scored: boolean,
    cat: TurnCatalog,
    titled = false,
  ): Promise<TextMatches> {
    const groups = compiled.groups.length;
    const base: Matches = groups
      ? inCatalog(await this.index.matchTurns(compiled.groups, scored), cat)
      : { rowids: cat.rowids, scores: null, length: cat.rowids.length };
    const titles = groups && titled ? cat.titles.match(compiled.groups, scored) : NO_TITLES;
    const excluded = compiled.exclude.length
      ? new Set(await this.index.matchAnyTurn(compiled.exclude))
      : null;
    const unfiltered = !excluded && !hasFilters(query.filters) && !hasFilters(query.excludeFilters);
    const pass = unfiltered ? () => true : await this.filter(query, cat);
    const passes = (r: number) => !excluded?.has(r) && pass(r);
    if (unfiltered && groups) return { ...base, titles, passes };
    const rowids = new Int32Array(base.length);
    const { rowids: matched, scores: matchScores, length: count } = base;
    const scores = matchScores ? new Float64Array(count) : null;
    let n = 0;
    for (let i = 0; i < count; i++) {
      const r = matched[i] as number;
      if (!passes(r)) continue;
      rowids[n] = r;
      if (scores && matchScores) scores[n] = matchScores[i] as number;
      n++;
    }
    return { rowids, scores, length: n, titles, passes };
  }

  /**
   * Documents whose title holds every group while none of their turns says any of it (`said`: the
   * search's own marks of the documents its turns met, rather than a pass of its own over every
   * match), found by title alone when at least one of their turns passes the filters.
   */
  private titleOnly(
    m: TextMatches,
    groups: number,
    cat: TurnCatalog,
    said: (d: number) => boolean,
  ): number[] {
    const found: number[] = [];
    for (let i = 0; i < m.titles.docs.length; i++) {
      const d = m.titles.docs[i] as number;
      if (m.titles.groups[i] === groups && !said(d) && cat.turnsOf(d).some(m.passes)) found.push(d);
    }
    return found.sort((a, b) => a - b);
  }

  private async filter(query: SearchQuery, cat: TurnCatalog): Promise<(rowid: number) => boolean> {
    const include = await this.compileFilters(query.filters, cat);
    const exclude = await this.compileFilters(query.excludeFilters, cat);
    return (r) => {
      const d = cat.doc[r] as number;
      if (d < 0) return false;
      if (include && !include(r, d, true)) return false;
      if (exclude?.(r, d, false)) return false;
      return true;
    };
  }

  /**
   * A predicate for one set of field filters. With `all` true (include), every field given must
   * match; with `all` false (exclude), any field matching is enough.
   */
  private async compileFilters(
    f: Filters,
    cat: TurnCatalog,
  ): Promise<((r: number, d: number, all: boolean) => boolean) | null> {
    const checks: ((r: number, d: number) => boolean)[] = [];
    if (f.speaker.length) {
      const people = await this.people(cat);
      const values = f.speaker.map(prepareValue);
      const codes = new Uint8Array(cat.speakers.length);
      people.forEach((person, i) => {
        if (values.some((v) => preparedMatches(v, person))) codes[i] = 1;
      });
      checks.push((r) => {
        const s = cat.speaker[r] as number;
        return s >= 0 && codes[s] === 1;
      });
    }
    if (f.role.length) {
      // Per speaker code, the day ranges in which they held a role named: the turn's document must fall in one.
      const registry = await this.registry();
      const periods: ({ from: number; to: number }[] | undefined)[] = cat.speakers.map((s) => {
        const registered = s.id ? registry.get(s.id) : undefined;
        if (!registered) return undefined;
        const held = f.role.flatMap((w) => rolePeriods(registered, w));
        if (held.length === 0) return undefined;
        return held.map((p) => ({
          from: p.from ? dateBounds(p.from).from : 0,
          to: p.to ? dateBounds(p.to).to : 99_999_999,
        }));
      });
      checks.push((r, d) => {
        const s = cat.speaker[r] as number;
        const held = s >= 0 ? periods[s] : undefined;
        if (!held) return false;
        const from = cat.docFrom[d] as number;
        const to = cat.docTo[d] as number;
        // An undated document can only be placed in a role held without dates.
        if (from === 0) return held.some((p) => p.from === 0 && p.to === 99_999_999);
        return held.some((p) => from <= p.to && to >= p.from);
      });
    }
    if (f.kind.length) {
      const kinds = new Set(f.kind.map((k) => TURN_KINDS.indexOf(k)));
      checks.push((r) => kinds.has(cat.kind[r] as number));
    }
    if (f.type.length) {
      const types = new Set<string>(f.type);
      checks.push((_r, d) => types.has(cat.docKind[d] as string));
    }
    if (f.lang.length) {
      const langs = new Set(f.lang.map((l) => cat.languages.indexOf(l)).filter((c) => c >= 0));
      checks.push((r) => langs.has(cat.language[r] as number));
    }
    if (f.publisher.length) {
      const pubs = new Set(
        cat.publishers.flatMap((p, i) => (f.publisher.some((w) => p === w || p.includes(w)) ? [i] : [])),
      );
      checks.push((_r, d) => pubs.has(cat.docPublisher[d] as number));
    }
    if (f.doc.length) {
      const ids = new Set(f.doc);
      checks.push((_r, d) => ids.has((cat.docId[d] as string).toLowerCase()));
    }
    if (f.mentions.length) {
      const ids = await this.entitiesNamed(f.mentions);
      const turns = new Set(await this.index.turnsMentioning([...ids]));
      checks.push((r) => turns.has(r));
    }
    if (f.date.length) {
      const ranges = f.date.map((range: DateRange) => ({
        from: range.from ? dateBounds(range.from).from : 0,
        to: range.to ? dateBounds(range.to).to : 99_999_999,
      }));
      checks.push((_r, d) => {
        const from = cat.docFrom[d] as number;
        if (from === 0) return false;
        const to = cat.docTo[d] as number;
        return ranges.some((g) => from <= g.to && to >= g.from);
      });
    }
    if (checks.length === 0) return null;
    return (r, d, all) => (all ? checks.every((c) => c(r, d)) : checks.some((c) => c(r, d)));
  }

  /** Entity ids for `mentions:` values: an id ("TR", "Q7184"), the canonical name, or any name form. */
  private async entitiesNamed(values: string[]): Promise<Set<string>> {
    const wanted = values.map((v) => fold(v));
    const ids = new Set<string>();
    for (const [id, names] of await this.entityNames()) {
      if (wanted.some((w) => names.includes(w))) ids.add(id);
    }
    // Mentions may refer to ids the gazetteer table does not hold (stored before it was written).
    for (const v of values) ids.add(/^[a-z]{2}$|^q\d+$/.test(v) ? v.toUpperCase() : v);
    return ids;
  }

  private namesKey = "";
  private names: [string, string[]][] = [];

  /** Every entity's folded id and names, read once per state of the archive. */
  private async entityNames(): Promise<[string, string[]][]> {
    const key = this.cached?.key ?? "";
    if (key !== this.namesKey || this.names.length === 0) {
      this.names = (await this.index.entities()).map((e) => [e.id, [e.id, e.name, ...e.forms].map(fold)]);
      this.namesKey = key;
    }
    return this.names;
  }

  private peopleOf: { catalog: TurnCatalog; version: number; people: PreparedNames[] } | null = null;

  /** Every speaker code's names (the archive's and the registry's), folded once per state of the archive. */
  private async people(cat: TurnCatalog): Promise<PreparedNames[]> {
    if (this.peopleOf?.catalog !== cat || this.peopleOf.version !== cat.version) {
      const registry = await this.registry();
      const people = cat.speakers.map((s, i) => {
        const registered = s.id ? registry.get(s.id) : undefined;
        const names = [...(cat.speakerNames[i] ?? [s.name]), ...(registered ? namesOf(registered) : [])];
        return prepareNames(names, s.id);
      });
      this.peopleOf = { catalog: cat, version: cat.version, people };
    }
    return this.peopleOf.people;
  }

  private registryKey = "";
  private registered = new Map<string, Speaker>();

  /** The registry's people as the archive holds them (speakers table), read once per state of the archive. */
  private async registry(): Promise<Map<string, Speaker>> {
    const key = this.cached?.key ?? "";
    if (key !== this.registryKey) {
      this.registered = new Map((await this.index.speakers()).map((speaker) => [speaker.id, speaker]));
      this.registryKey = key;
    }
    return this.registered;
  }

  async searchUncached(query: SearchQuery, options: SearchOptions = {}): Promise<SearchResult> {
    const cat = await this.catalog();
    const sort: SortOrder = options.sort ?? "relevance";
    const limit = Math.max(1, Math.min(MAX_LIMIT, options.limit ?? 20));
    const perDoc = Math.max(0, Math.min(20, options.turnsPerDocument ?? 3));
    const compiled = await this.compile(query);
    const relevance = sort === "relevance" && compiled.groups.length > 0;
    const m = await this.matching(query, compiled, relevance, cat, true);

    // From here to the page the work is synchronous: the scratch arrays are this search's alone.
    const { seen, best, titleGroups, titleScore, documents: touched } = this.scratchFor(cat.docId.length);
    const counted = options.facets !== false ? facetsOf(cat, m.rowids, m.length) : null;
    const facets = counted ? facetValues(counted, cat) : null;
    if (counted) releaseFacets(cat, counted);
    // The documents met go into a buffer kept between searches: pushing each onto an array cost
    // more than the loop (a common word meets 15,000). The arrays are read from locals, not from
    // the match object and the catalog at every turn: with this pass, the page's and the catalog
    // check's alike, `the` took 21.5 ms against 27.5 and `people` 12.3 against 15.4 (bench
    // corpus, old and new code alternated in one process, 20 runs each).
    let documents = 0;
    const { rowids: matched, scores: matchScores, length: matchCount } = m;
    const turnDoc = cat.doc;
    for (let i = 0; i < matchCount; i++) {
      const d = turnDoc[matched[i] as number] as number;
      if (seen[d] === 0) {
        seen[d] = 1;
        touched[documents++] = d;
      }
      if (matchScores && (matchScores[i] as number) < (best[d] as number)) best[d] = matchScores[i] as number;
    }
    // Documents found by their title alone are hits with no matching turns.
    for (const d of this.titleOnly(m, compiled.groups.length, cat, (d) => seen[d] === 1))
      touched[documents++] = d;
    const titles = m.titles;
    for (let i = 0; i < titles.docs.length; i++) {
      const d = titles.docs[i] as number;
      titleGroups[d] = titles.groups[i] as number;
      titleScore[d] = titles.scores ? (titles.scores[i] as number) : 0;
    }
    const keys = new Float64Array(documents);
    const groupCount = Math.max(1, compiled.groups.length);
    for (let i = 0; i < documents; i++) {
      const d = touched[i] as number;
      // A title holding the query's words ranks its document above those that only mention them.
      const top = Number.isFinite(best[d] as number) ? (best[d] as number) : 0;
      keys[i] = relevance
        ? top +
          TITLE_WEIGHT * (titleScore[d] as number) -
          (TITLE_TIER * (titleGroups[d] as number)) / groupCount
        : (cat.docFrom[d] as number);
      seen[d] = 0;
      best[d] = Number.POSITIVE_INFINITY;
    }
    for (let i = 0; i < titles.docs.length; i++) {
      const d = titles.docs[i] as number;
      titleGroups[d] = 0;
      titleScore[d] = 0;
    }
    const direction = sort === "date" ? -1 : 1;
    const before = (a: number, b: number) =>
      direction * ((keys[a] as number) - (keys[b] as number)) ||
      cmp(cat.docId[touched[a] as number] as string, cat.docId[touched[b] as number] as string);
    const cursorKey = cursorSalt(query, sort);
    const after = options.cursor ? decodeCursor(options.cursor, cursorKey) : null;
    const follows = after
      ? (i: number) => {
          const byKey = direction * ((keys[i] as number) - after.key);
          return byKey > 0 || (byKey === 0 && cmp(cat.docId[touched[i] as number] as string, after.id) > 0);
        }
      : () => true;
    // Only the page is put in order: a common word's 15,000 documents sorted whole cost more
    // than finding them.
    const { first, following } = firstInOrder(documents, limit, before, follows);
    const page = first.map((i) => ({ d: touched[i] as number, key: keys[i] as number }));
    const more = following > limit;
    // A `mentions:` search marks the mentions it matched, so its snippets show them, not the turn's start.
    const mentioned = query.filters.mentions.length
      ? [...(await this.entitiesNamed(query.filters.mentions))]
      : [];
    const hits = await this.hits(page, m, cat, compiled.highlight, perDoc, relevance, mentioned);
    const last = page[page.length - 1];
    const nextCursor =
      last && more ? encodeCursor({ key: last.key, id: cat.docId[last.d] as string }, cursorKey) : null;
    return {
      total: { turns: m.length, documents },
      hits,
      facets,
      nextCursor,
      expansions: compiled.expansions,
    };
  }

  private async hits(
    page: { d: number; key: number }[],
    m: Matches,
    cat: TurnCatalog,
    highlight: Highlighter,
    perDoc: number,
    relevance: boolean,
    /** Entities a `mentions:` filter asked for: their mentions are marked in the snippets. */
    mentioned: string[] = [],
  ): Promise<DocumentHit[]> {
    const wanted = new Map<number, { r: number; score: number }[]>(page.map((p) => [p.d, []]));
    // Which matches are on the page, by a mark per document rather than a lookup per match; the
    // arrays read from locals, as in the search's own pass over the matches.
    const onPage = new Uint8Array(cat.docId.length);
    for (const p of page) onPage[p.d] = 1;
    const { rowids, scores, length } = m;
    const turnDoc = cat.doc;
    for (let i = 0; i < length; i++) {
      const r = rowids[i] as number;
      const d = turnDoc[r] as number;
      if (onPage[d] === 1) wanted.get(d)?.push({ r, score: scores ? (scores[i] as number) : 0 });
    }
    const chosen = new Map<number, number[]>();
    for (const [d, list] of wanted) {
      if (relevance) list.sort((a, b) => a.score - b.score || a.r - b.r);
      chosen.set(
        d,
        list.slice(0, perDoc).map((x) => x.r),
      );
    }
    // A document found by its title alone shows how it opens, so the hit is more than a title.
    const opening = new Set<number>();
    for (const [d, list] of chosen) {
      if (list.length > 0 || perDoc === 0) continue;
      const first = await this.index.openingTurn(cat.docId[d] as string);
      if (first !== null) {
        list.push(first);
        opening.add(first);
      }
    }
    const rows = await this.index.readTurns([...chosen.values()].flat());
    const mentions = mentioned.length
      ? await this.index.mentionSpans(
          page.map((p) => p.d),
          mentioned,
        )
      : new Map<number, ParagraphSpan[]>();
    return page.map(({ d, key }) => {
      const id = cat.docId[d] as string;
      const turns = (chosen.get(d) ?? [])
        .map((r) => rows.get(r))
        .filter((row): row is TurnRow => row !== undefined)
        .sort((a, b) => (relevance ? 0 : a.idx - b.idx))
        .map((row) => ({
          index: row.idx,
          speakerId: row.speakerId,
          speakerName: row.speakerName,
          label: row.label,
          kind: row.kind,
          snippet: opening.has(row.rowid)
            ? snippet(row.text, [])
            : snippet(
                row.text,
                withMentions(
                  row.text,
                  findMatches(row.text, highlight, SNIPPET_WIDTH),
                  mentions.get(row.rowid),
                ),
              ),
          permalink: `/d/${encodeURIComponent(id)}#t${row.idx}`,
        }));
      return {
        id,
        title: cat.docTitle[d] as string,
        titleSnippet: highlighted(
          cat.docTitle[d] as string,
          findMatches(cat.docTitle[d] as string, highlight),
        ),
        date: cat.docDate[d] ?? null,
        publisher: cat.publishers[cat.docPublisher[d] as number] as string,
        language: cat.languages[cat.docLanguage[d] as number] as string,
        kind: cat.docKind[d] as DocumentHit["kind"],
        score: relevance ? key : null,
        matchingTurns: wanted.get(d)?.length ?? 0,
        turns,
      };
    });
  }

  async concordance(query: SearchQuery, options: ConcordanceOptions = {}): Promise<Concordance> {
    const cat = await this.catalog();
    const limit = Math.max(1, Math.min(100_000, options.limit ?? 1000));
    const context = Math.max(10, Math.min(300, options.context ?? 60));
    const compiled = await this.compile(query);
    const m = await this.matching(query, compiled, false, cat);
    const order = Array.from(m.rowids.subarray(0, m.length)).sort(
      (a, b) =>
        (cat.docFrom[cat.doc[a] as number] as number) - (cat.docFrom[cat.doc[b] as number] as number) ||
        a - b,
    );
    const lines: ConcordanceLine[] = [];
    let occurrences = 0;
    const readAll = order.length <= CONCORDANCE_READ_LIMIT;
    const toRead = readAll ? order : order.slice(0, Math.min(order.length, limit));
    for (let i = 0; i < toRead.length; i += 500) {
      const chunk = toRead.slice(i, i + 500);
      const rows = await this.index.readTurns(chunk);
      for (const r of chunk) {
        const row = rows.get(r);
        if (!row) continue;
        const spans = findMatches(row.text, compiled.highlight);
        occurrences += spans.length;
        if (lines.length >= limit) continue;
        const d = cat.doc[r] as number;
        const id = cat.docId[d] as string;
        for (const line of contextLines(row.text, spans, context)) {
          if (lines.length >= limit) break;
          lines.push({
            documentId: id,
            turnIndex: row.idx,
            date: cat.docDate[d] ?? null,
            speakerName: row.speakerName,
            ...line,
            permalink: `/d/${encodeURIComponent(id)}#t${row.idx}`,
          });
        }
      }
      if (!readAll && lines.length >= limit) break;
    }
    return {
      turns: m.length,
      totalOccurrences: readAll ? occurrences : null,
      lines,
      truncated: lines.length < (readAll ? occurrences : Number.POSITIVE_INFINITY),
    };
  }

  async countsByYear(query: SearchQuery): Promise<YearCounts> {
    const { counting, languages, periods } = await this.countsByPeriod(query, "year", (d, cat) => {
      const y = cat.docYear[d] as number;
      return y ? String(y).padStart(4, "0") : null;
    });
    return {
      counting,
      baseLanguages: languages,
      years: periods.map((p) => ({
        year: Number(p.key),
        turns: p.turns,
        documents: p.documents,
        turnsInYear: p.base,
      })),
    };
  }

  async countsByMonth(query: SearchQuery): Promise<MonthCounts> {
    const { counting, languages, periods } = await this.countsByPeriod(query, "month", (d, cat) => {
      const date = cat.docDate[d];
      return date && date.length >= 7 ? date.slice(0, 7) : null;
    });
    return {
      counting,
      baseLanguages: languages,
      months: periods.map((p) => ({
        month: p.key,
        turns: p.turns,
        documents: p.documents,
        turnsInMonth: p.base,
      })),
    };
  }

  /**
   * Matching turns and documents per period, every period from the first match to the last (those
   * without one at zero), each with its base (periods.ts).
   */
  private async countsByPeriod(
    query: SearchQuery,
    unit: PeriodUnit,
    periodOf: (doc: number, cat: TurnCatalog) => string | null,
  ): Promise<{
    counting: YearCounts["counting"];
    languages: string[] | null;
    periods: { key: string; turns: number; documents: number; base: number }[];
  }> {
    const cat = await this.catalog();
    const compiled = await this.compile(query);
    const m = await this.matching(query, compiled, false, cat);
    const found = new Map<string, { turns: number; docs: Set<number> }>();
    for (let i = 0; i < m.length; i++) {
      const d = cat.doc[m.rowids[i] as number] as number;
      const key = periodOf(d, cat);
      if (!key) continue;
      let e = found.get(key);
      if (!e) {
        e = { turns: 0, docs: new Set() };
        found.set(key, e);
      }
      e.turns++;
      e.docs.add(d);
    }
    const languages = baseLanguages(query, m, cat);
    const keys = [...found.keys()].sort(cmp);
    const periods = new Map<string, { turns: number; docs: Set<number>; base: number }>();
    if (keys.length)
      for (const key of periodsBetween(keys[0] as string, keys.at(-1) as string, unit))
        periods.set(key, { turns: 0, docs: new Set(), base: 0, ...found.get(key) });
    const base = baseQuery(query, languages);
    const inBase = await this.matching(base, await this.compile(base), false, cat);
    for (let i = 0; i < inBase.length; i++) {
      const key = periodOf(cat.doc[inBase.rowids[i] as number] as number, cat);
      const e = key ? periods.get(key) : undefined;
      if (e) e.base++;
    }
    const terms: TextTerm[] = query.groups.flatMap((g) => g.terms);
    const words = terms.some((t) => t.type === "word");
    const exact = terms.some((t) => t.type !== "word");
    return {
      counting: words && exact ? "mixed" : words ? "stemmed" : "exact",
      languages,
      periods: [...periods].map(([key, e]) => ({
        key,
        turns: e.turns,
        documents: e.docs.size,
        base: e.base,
      })),
    };
  }
}

/**
 * The words a search matched in a turn and the mentions it asked for, in text order: mentions are
 * stored by paragraph, and a turn's text is its paragraphs joined by a blank line.
 */
function withMentions(text: string, words: Span[], mentions: ParagraphSpan[] | undefined): Span[] {
  if (!mentions?.length) return words;
  const starts: number[] = [];
  let at = 0;
  for (const paragraph of text.split("\n\n")) {
    starts.push(at);
    at += paragraph.length + 2;
  }
  const spans = [...words];
  for (const m of mentions) {
    const from = starts[m.paragraph];
    if (from === undefined || from + m.end > text.length) continue;
    spans.push({ start: from + m.start, end: from + m.end });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlaps (a word inside a mention) are marked once, as the wider span.
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Of the items 0…n−1 that `follows` keeps, the first `limit` in the order `before` gives
 * (negative: a first), in that order, and how many it kept.
 */
export function firstInOrder(
  n: number,
  limit: number,
  before: (a: number, b: number) => number,
  follows: (i: number) => boolean,
): { first: number[]; following: number } {
  // Candidates gather in a buffer, cut back to the best `limit` whenever it holds twice that: the
  // last one kept then bars every later item that does not beat it, with one comparison.
  let kept: number[] = [];
  let bar = -1;
  let following = 0;
  for (let item = 0; item < n; item++) {
    if (!follows(item)) continue;
    following++;
    if (bar >= 0 && before(item, bar) >= 0) continue;
    kept.push(item);
    if (kept.length >= 2 * limit) {
      kept.sort(before);
      kept.length = limit;
      bar = kept[limit - 1] as number;
    }
  }
  kept.sort(before);
  kept = kept.slice(0, limit);
  return { first: kept, following };
}

/**
 * Matches the catalog knows: a backend that reads from a replica may match turns written after
 * the catalog was read (a write landed between the two reads); they count from the next search.
 */
function inCatalog(m: Matches, cat: TurnCatalog): Matches {
  let unknown = 0;
  const { rowids: matched, length: count } = m;
  const turnDoc = cat.doc;
  const known = turnDoc.length;
  for (let i = 0; i < count; i++) {
    const r = matched[i] as number;
    if (r >= known || (turnDoc[r] as number) < 0) unknown++;
  }
  if (unknown === 0) return m;
  const rowids = new Int32Array(m.length - unknown);
  const scores = m.scores ? new Float64Array(m.length - unknown) : null;
  let n = 0;
  for (let i = 0; i < m.length; i++) {
    const r = m.rowids[i] as number;
    if (r >= cat.doc.length || (cat.doc[r] as number) < 0) continue;
    rowids[n] = r;
    if (scores && m.scores) scores[n] = m.scores[i] as number;
    n++;
  }
  return { rowids, scores, length: n };
}

const NO_TITLES: TitleMatches = { docs: new Int32Array(0), groups: new Int32Array(0), scores: null };

const hasFilters = (f: Filters) => Object.values(f).some((v) => v.length > 0);
