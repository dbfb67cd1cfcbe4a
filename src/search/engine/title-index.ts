/**
 * The documents' titles as an index of their own, kept by the catalog (catalog.ts) as titles
 * arrive and change: each title's terms in order, packed in one array, and each term's documents,
 * derived when a search first needs them and again once many titles changed. Titles are matched and scored here, for
 * every backend, rather than by the backend's full-text index: FTS5's bm25() over the bench
 * corpus's titles cost 7 to 13 ms for `the` (12,183 of 15,358 titles), and matching "United
 * Nations Charter" word by word 5 ms, where a title's few terms are counted here in microseconds.
 *
 * Matching follows FTS5's on the same text: terms are model/index-text.ts's (FTS5's unicode61
 * tokenizer, its folds), a form that is several terms is a phrase of them, a prefix matches the
 * terms that start with it (a prefix of several terms, a phrase whose last term is a prefix), and
 * a phrase matches where its terms stand in a row. Scores are FTS5's bm25() (model/bm25.ts): every
 * form, prefix and phrase a term of its own, weighed by the titles it matches, over the number of
 * titles and their average length in terms. Two differences, neither of which orders titles
 * otherwise but on exact ties: the logarithm is V8's, which differs from the C library's FTS5 uses
 * in the last bit for about one score in twenty; and the number and length of titles are the
 * archive's own, where FTS5's totals drift once rows are deleted or replaced.
 */
import { idf, termScore } from "../../model/bm25.js";
import { indexTerms } from "../../model/index-text.js";
import type { MatchGroup, MatchTerm } from "../../model/text-index.js";

/**
 * What the titles say of a query, as lists in step: each document whose title matches at least one
 * group, how many it matches, and, when asked, the bm25 (negated: lower ranks higher) of those
 * matching every group (0 for the others).
 */
export interface TitleMatches {
  docs: Int32Array;
  groups: Int32Array;
  scores: Float64Array | null;
}

/** A phrase's titles and its count in each, in step. */
interface PhraseCounts {
  docs: Int32Array;
  counts: Int32Array;
}

/** Titles set since each term's titles were derived that a search reads whole before deriving them again. */
const SET_SINCE_LIMIT = 4096;
/** Terms added since the last sort that a prefix looks through one by one before sorting again. */
const SORTED_TAIL = 4096;

/** One position of an FTS5 phrase: the term ids that may stand there. */
type Slot = number[];

export class TitleIndex {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Document d's title terms are tokens[start[d]..end[d]]; start is -1 for a document with no title held. */
  private start = new Int32Array(0);
  private end = new Int32Array(0);
  private tokens = new Int32Array(0);
  private used = 0;
  private dropped = 0;
  private titles = 0;
  private totalTerms = 0;
  /**
   * Each term's titles as they were when last derived (the base), and the titles set since, which
   * a search reads whole: deriving the base again after every change cost each first search after
   * a commit of an ingest a pass over every title. A title cleared since still stands in the base,
   * and is found to hold nothing there.
   */
  private byTerm: { start: Int32Array; docs: Int32Array } | null = null;
  private setSince: number[] = [];
  /** The first `sorted.length` term ids in the order of their text; later ones are looked through one by one. */
  private sorted = new Int32Array(0);
  /** Per document, the last call of phraseCounts that met it (each title is counted once). */
  private met = new Int32Array(0);
  private meeting = 0;

  /** Holds document d's title (replacing the one it held). */
  set(d: number, title: string): void {
    this.clear(d);
    this.grow(d + 1);
    const terms = indexTerms(title);
    if (this.used + terms.length > this.tokens.length) {
      const next = new Int32Array(
        Math.max(1024, this.used + terms.length, Math.ceil(this.tokens.length * 1.5)),
      );
      next.set(this.tokens.subarray(0, this.used));
      this.tokens = next;
    }
    this.start[d] = this.used;
    for (const term of terms) this.tokens[this.used++] = this.termId(term);
    this.end[d] = this.used;
    this.titles++;
    this.totalTerms += terms.length;
    if (this.byTerm) this.setSince.push(d);
  }

  /** Forgets document d's title. */
  clear(d: number): void {
    if (d >= this.start.length || (this.start[d] as number) < 0) return;
    const length = (this.end[d] as number) - (this.start[d] as number);
    this.dropped += length;
    this.totalTerms -= length;
    this.titles--;
    this.start[d] = -1;
    this.end[d] = -1;
    if (this.dropped > 1024 && this.dropped > this.used / 2) this.compact();
  }

  /**
   * Which titles match the groups (AND of ORs), and, with `scored`, the bm25 of those that match
   * them all, as FTS5 would score the whole expression. Per document, in arrays kept between
   * calls and reset after use: a common word's 12,000 titles cost 12 ms in maps.
   */
  match(groups: MatchGroup[], scored: boolean): TitleMatches {
    const phrases = groups.map((group) =>
      group.flatMap((term) => this.phrasesOf(term)).map((slots) => this.phraseCounts(slots)),
    );
    // matched: how many groups the title holds; group: the last group that counted it.
    const { matched, group: counted, score } = this.scratch;
    const found: number[] = [];
    phrases.forEach((group, g) => {
      for (const { docs } of group) {
        for (let i = 0; i < docs.length; i++) {
          const d = docs[i] as number;
          if (counted[d] === g + 1) continue;
          counted[d] = g + 1;
          if (matched[d] === 0) found.push(d);
          matched[d] = (matched[d] as number) + 1;
        }
      }
    });
    const count = found.length;
    const docs = Int32Array.from(found);
    const groupsOf = new Int32Array(count);
    if (scored) {
      const average = this.titles > 0 ? this.totalTerms / this.titles : 0;
      // Phrase by phrase, in the expression's order, as FTS5 sums them.
      for (const group of phrases)
        for (const { docs: list, counts } of group) {
          const weight = idf(this.titles, list.length);
          for (let i = 0; i < list.length; i++) {
            const d = list[i] as number;
            if (matched[d] !== groups.length) continue;
            const length = (this.end[d] as number) - (this.start[d] as number);
            score[d] = (score[d] as number) + termScore(weight, counts[i] as number, length, average);
          }
        }
    }
    const scores = scored ? new Float64Array(count) : null;
    for (let i = 0; i < count; i++) {
      const d = docs[i] as number;
      groupsOf[i] = matched[d] as number;
      if (scores) scores[i] = score[d] === 0 ? 0 : -(score[d] as number);
      matched[d] = 0;
      score[d] = 0;
      counted[d] = 0;
    }
    return { docs, groups: groupsOf, scores };
  }

  /** Per document, for match(): zero between calls. */
  private scratch = { matched: new Int32Array(0), group: new Int32Array(0), score: new Float64Array(0) };

  /** The FTS5 phrases a term is: each as the term ids that may stand at each of its positions. */
  private phrasesOf(term: MatchTerm): Slot[][] {
    const exact = (words: string[]): Slot[] => words.flatMap(indexTerms).map((t) => this.idsOf(t));
    switch (term.type) {
      case "forms":
        return term.forms.map((form) => exact([form])).filter((slots) => slots.length > 0);
      case "phrase": {
        const slots = exact(term.words);
        return slots.length > 0 ? [slots] : [];
      }
      case "prefix": {
        const parts = indexTerms(term.prefix);
        const last = parts.pop();
        if (last === undefined) return [];
        return [[...parts.map((t) => this.idsOf(t)), this.idsStartingWith(last)]];
      }
    }
  }

  private idsOf(term: string): Slot {
    const id = this.termIds.get(term);
    return id === undefined ? [] : [id];
  }

  private idsStartingWith(prefix: string): Slot {
    const order = this.sortedTerms();
    const ids: number[] = [];
    for (let id = order.length; id < this.terms.length; id++)
      if ((this.terms[id] as string).startsWith(prefix)) ids.push(id);
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.terms[order[mid] as number] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < order.length; i++) {
      const id = order[i] as number;
      if (!(this.terms[id] as string).startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  /** Each title holding the phrase, and how many times (its terms in a row). */
  private phraseCounts(slots: Slot[]): PhraseCounts {
    if (slots.length === 0 || slots.some((slot) => slot.length === 0))
      return { docs: new Int32Array(0), counts: new Int32Array(0) };
    const { start, docs: byTerm } = this.documentsByTerm();
    // Each title once: one under several of the narrowest slot's terms (a prefix's), or set again
    // since the base, is met again.
    if (++this.meeting === 0x7fffffff) {
      this.met.fill(0);
      this.meeting = 1;
    }
    const met = this.met;
    const meeting = this.meeting;
    // The titles of the slot with the fewest are the only candidates.
    let narrowest = slots[0] as Slot;
    let fewest = Number.POSITIVE_INFINITY;
    for (const slot of slots) {
      let n = 0;
      // A term newer than the base has none there: its titles are all among those set since.
      for (const id of slot)
        if (id < start.length - 1) n += (start[id + 1] as number) - (start[id] as number);
      if (n < fewest) {
        fewest = n;
        narrowest = slot;
      }
    }
    const single = slots.length === 1 && slots[0]?.length === 1 ? (slots[0][0] as number) : -1;
    const sets = slots.map((slot) => (slot.length === 1 ? null : new Set(slot)));
    const holds = (k: number, id: number) => {
      const set = sets[k];
      return set ? set.has(id) : (slots[k] as Slot)[0] === id;
    };
    // The titles' arrays in locals and the results in typed buffers: read through `this` and pushed
    // onto arrays, counting `the` in 200,000 titles took about 60 ms of a search's profile at 16×
    // the bench corpus, 23 ms after.
    const { start: from, end: to, tokens } = this;
    const out = new Int32Array(fewest + this.setSince.length);
    const times = new Int32Array(out.length);
    let found = 0;
    const count = (d: number) => {
      if (met[d] === meeting) return;
      met[d] = meeting;
      const last = to[d] as number;
      let n = 0;
      if (single >= 0) {
        for (let at = from[d] as number; at < last; at++) if (tokens[at] === single) n++;
      } else {
        for (let at = from[d] as number; at + slots.length <= last; at++) {
          let k = 0;
          while (k < slots.length && holds(k, tokens[at + k] as number)) k++;
          if (k === slots.length) n++;
        }
      }
      if (n > 0) {
        out[found] = d;
        times[found] = n;
        found++;
      }
    };
    for (const id of narrowest)
      if (id < start.length - 1)
        for (let i = start[id] as number; i < (start[id + 1] as number); i++) count(byTerm[i] as number);
    for (const d of this.setSince) count(d);
    return { docs: out.slice(0, found), counts: times.slice(0, found) };
  }

  /**
   * Each term's titles (each once), by a counting sort of the titles' terms: derived again once the
   * titles set since are more than SET_SINCE_LIMIT, or an eighth of the titles.
   */
  private documentsByTerm(): { start: Int32Array; docs: Int32Array } {
    if (this.byTerm && this.setSince.length <= Math.max(SET_SINCE_LIMIT, this.titles / 8)) return this.byTerm;
    const terms = this.terms.length;
    const start = new Int32Array(terms + 1);
    const last = new Int32Array(terms).fill(-1);
    for (let d = 0; d < this.start.length; d++) {
      for (let at = this.start[d] as number; at >= 0 && at < (this.end[d] as number); at++) {
        const id = this.tokens[at] as number;
        if (last[id] === d) continue;
        last[id] = d;
        start[id + 1] = (start[id + 1] as number) + 1;
      }
    }
    for (let id = 0; id < terms; id++) start[id + 1] = (start[id + 1] as number) + (start[id] as number);
    const docs = new Int32Array(start[terms] as number);
    const next = start.slice(0, terms);
    last.fill(-1);
    for (let d = 0; d < this.start.length; d++) {
      for (let at = this.start[d] as number; at >= 0 && at < (this.end[d] as number); at++) {
        const id = this.tokens[at] as number;
        if (last[id] === d) continue;
        last[id] = d;
        docs[next[id] as number] = d;
        next[id] = (next[id] as number) + 1;
      }
    }
    this.byTerm = { start, docs };
    this.setSince = [];
    return this.byTerm;
  }

  /** Term ids in the order of their text, sorted again once SORTED_TAIL terms came after the last sort. */
  private sortedTerms(): Int32Array {
    if (this.terms.length - this.sorted.length > SORTED_TAIL) {
      const order = Int32Array.from(this.terms.keys());
      const terms = this.terms;
      order.sort((a, b) => ((terms[a] as string) < (terms[b] as string) ? -1 : 1));
      this.sorted = order;
    }
    return this.sorted;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.termIds.set(term, id);
    }
    return id;
  }

  private grow(size: number): void {
    if (size <= this.start.length) return;
    const capacity = Math.max(size, Math.ceil(this.start.length * 1.5));
    const start = new Int32Array(capacity).fill(-1);
    const end = new Int32Array(capacity).fill(-1);
    start.set(this.start);
    end.set(this.end);
    this.start = start;
    this.end = end;
    const met = new Int32Array(capacity);
    met.set(this.met);
    this.met = met;
    this.scratch = {
      matched: new Int32Array(capacity),
      group: new Int32Array(capacity),
      score: new Float64Array(capacity),
    };
  }

  /** Rewrites the packed terms without the titles that went or changed. */
  private compact(): void {
    const tokens = new Int32Array(Math.max(1024, Math.ceil((this.used - this.dropped) * 1.25)));
    let used = 0;
    for (let d = 0; d < this.start.length; d++) {
      const from = this.start[d] as number;
      if (from < 0) continue;
      const to = this.end[d] as number;
      this.start[d] = used;
      tokens.set(this.tokens.subarray(from, to), used);
      used += to - from;
      this.end[d] = used;
    }
    this.tokens = tokens;
    this.used = used;
    this.dropped = 0;
  }
}
