/**
 * Where a query matched inside a turn's original text, for highlighted snippets and
 * keyword-in-context lines. The text is folded the way the index folds it, keeping every
 * character's position, and searched with one regular expression built from the index terms
 * the query expanded to: what is highlighted is exactly what was counted. Output is plain
 * segments; renderers escape them.
 */
import { ownString } from "../model/own-string.js";
import type { Segment } from "../model/search-results.js";
import type { Highlighter } from "./query/expand.js";

export interface Span {
  start: number;
  end: number;
}

const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/;
/** What folding changes once lowercased, found in one pass (two cost a 30,000-character speech twice). */
const FOLDED = /[ёı\u00c0-\u024f\u1e00-\u1eff]/g;
const foldOne = (c: string) => (c === "ё" ? "е" : c === "ı" ? "i" : (c.normalize("NFD")[0] ?? c));

/**
 * Lowercases and folds like the index (ё→е, ı→i, Latin diacritics off) one character at a time,
 * so that offsets in the result are offsets in the original.
 */
export function foldKeepingOffsets(text: string): string {
  // Fast path: lowercasing that keeps the length (nearly always), then per-character folds.
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    return lower.replace(FOLDED, foldOne);
  }
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
      continue;
    }
    let f = ch === "ё" || ch === "Ё" ? "е" : ch === "ı" || ch === "İ" ? "i" : ch.toLowerCase();
    if (f.length !== 1) f = ch;
    if (LATIN_WITH_MARKS.test(f)) f = f.normalize("NFD")[0] ?? f;
    out += f;
  }
  return out;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const AFTER = "(?![\\p{L}\\p{N}])";
/** A letter or digit just before a position: checked by hand, see matcherFor. */
const WORD_BEFORE = /[\p{L}\p{N}]$/u;
/** A letter or digit at lastIndex: a word match that does not end a word. */
const WORD_AT = /[\p{L}\p{N}]/uy;
/** The rest of a word from lastIndex: where a prefix's word ends. */
const WORD_REST = /[\p{L}\p{N}]*/uy;

/**
 * A query's terms as one regular expression. Without phrases it is literal: words and prefixes
 * only, the end of the word checked and a prefix's word extended by hand (prefixes are its
 * first group). A search compiles a new one, and the Unicode classes a boundary needs made V8's
 * compilation cost 0.24 ms against 0.02 ms for the literal alternatives, more than the matching.
 * Phrases keep the boundaries in the expression: when a phrase does not end a word there, the
 * expression goes on to the words that may begin at the same place.
 */
interface Matcher {
  regex: RegExp;
  literal: boolean;
}

const matchers = new WeakMap<Highlighter, Matcher | null>();

function matcherFor(h: Highlighter): Matcher | null {
  if (matchers.has(h)) return matchers.get(h) ?? null;
  const phrases = h.phrases.filter((phrase) => phrase.length > 0);
  const words = [...h.words].sort((a, b) => b.length - a.length).map(escapeRegex);
  const prefixes = h.prefixes.map(escapeRegex);
  let matcher: Matcher | null = null;
  if (phrases.length === 0 && (words.length > 0 || prefixes.length > 0)) {
    // Prefixes first, as below: a prefix's word always ends a word, so it wins where both match.
    // Their group is left out when there are none: an empty alternative in front, "((?!))", made
    // V8 try it at every position, and a speech's scan cost three to five times as much.
    const alternatives = prefixes.length ? [`(${prefixes.join("|")})`] : [];
    if (words.length) alternatives.push(`(?:${words.join("|")})`);
    matcher = { regex: new RegExp(alternatives.join("|"), "g"), literal: true };
  } else if (phrases.length > 0) {
    // Phrases first, so "united nations" wins over "united" alone.
    const alternatives = phrases.map((phrase) => phrase.map(escapeRegex).join("[^\\p{L}\\p{N}]+"));
    for (const p of prefixes) alternatives.push(`${p}[\\p{L}\\p{N}]*`);
    if (words.length) alternatives.push(`(?:${words.join("|")})`);
    // No lookbehind in front: with one, the engine tries every position of the text; starting with
    // the terms themselves, it skips ahead to where one could begin. The boundary before a match
    // is checked in `matchesIn`.
    matcher = { regex: new RegExp(`(?:${alternatives.join("|")})${AFTER}`, "gu"), literal: false };
  }
  matchers.set(h, matcher);
  return matcher;
}

const COMBINING_MARK = /[\u0300-\u036f]/;

/**
 * Text in decomposed form (letters followed by combining marks) folds to fewer characters:
 * drop the marks and remember where each remaining character came from.
 */
function foldDecomposed(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (COMBINING_MARK.test(ch)) continue;
    folded += foldKeepingOffsets(ch);
    origin.push(i);
  }
  origin.push(text.length);
  return { folded, origin };
}

/**
 * Matches in folded text that begin a word, in order. After one that does not (it starts inside
 * a longer word), the search goes on from the next character, not from its end, so a match that
 * begins inside it (a word after the phrase's first) is still found. Stops after the first match
 * past `until` characters beyond the first one.
 */
function* matchesIn(
  folded: string,
  matcher: Matcher,
  until: number,
): Generator<{ index: number; length: number }> {
  const re = matcher.regex;
  re.lastIndex = 0;
  let first = -1;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const index = m.index;
    let end = index + m[0].length;
    if (matcher.literal) {
      if (m[1] !== undefined) {
        WORD_REST.lastIndex = end;
        WORD_REST.test(folded);
        end = WORD_REST.lastIndex;
      } else {
        WORD_AT.lastIndex = end;
        if (WORD_AT.test(folded)) {
          // A shorter form matching here ends inside the same word: none can.
          re.lastIndex = index + 1;
          continue;
        }
      }
      re.lastIndex = end;
    }
    if (index > 0 && WORD_BEFORE.test(folded.slice(Math.max(0, index - 2), index))) {
      re.lastIndex = index + 1;
      continue;
    }
    if (first < 0) first = index;
    else if (index > first + until) return;
    yield { index, length: end - index };
  }
}

/**
 * Where the highlighter's terms match in `text`. With `until`, only the first match and those
 * that begin within `until` characters after it: all a snippet around the first can show, found
 * without searching the rest of a long speech. A long text is then folded a piece of `piece`
 * characters at a time until the first match, and from there only as far as `until` reaches: a
 * page of 20 documents' snippets folded whole UN speeches, a third of a common search's time.
 */
export function findMatches(
  text: string,
  h: Highlighter,
  until = Number.POSITIVE_INFINITY,
  piece = PIECE,
): Span[] {
  const matcher = matcherFor(h);
  if (!matcher) return [];
  // Pieces are looked at for combining marks as they are folded: testing the whole text first
  // read a 30,000-character speech through once more.
  if (Number.isFinite(until) && text.length > piece) {
    const found = firstMatches(text, matcher, until, h, piece);
    if (found) return found;
  }
  const spans: Span[] = [];
  if (!COMBINING_MARK.test(text)) {
    for (const m of matchesIn(foldKeepingOffsets(text), matcher, until))
      spans.push({ start: m.index, end: m.index + m.length });
    return spans;
  }
  const { folded, origin } = foldDecomposed(text);
  for (const m of matchesIn(folded, matcher, until)) {
    const start = origin[m.index] as number;
    let end = origin[m.index + m.length] as number;
    // The last letter's combining marks belong to the match.
    while (end < text.length && COMBINING_MARK.test(text[end] as string)) end++;
    spans.push({ start, end });
  }
  return spans;
}

/** How much of a long text is folded at a time while looking for its first match. */
const PIECE = 4096;
const SPACE = /\s/g;
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * Where the `count`-th run of letters and digits from `at` ends (one `at` is inside counts). A
 * match is whole runs (a word, a prefix's word, a phrase's words), so text folded up to there
 * holds whole every match that begins before `at` and spans at most `count` runs, and no match
 * that the rest of the text would undo.
 */
function runsEnd(text: string, at: number, count: number): number {
  WORD_RUN.lastIndex = at;
  let end = at;
  for (let i = 0; i < count; i++) {
    const m = WORD_RUN.exec(text);
    if (!m) return text.length;
    end = m.index + m[0].length;
  }
  return end;
}

/**
 * findMatches with `until` over a long text, a piece at a time; null, for the caller to fold it
 * whole, when no space follows a piece soon enough to start the next one at, or when what it
 * folds (and the character after, where a match's last letter may carry marks) holds a combining
 * mark, which folding whole drops.
 */
function firstMatches(
  text: string,
  matcher: Matcher,
  until: number,
  h: Highlighter,
  piece: number,
): Span[] | null {
  // The most runs one match spans: its longest phrase's words.
  const runs = Math.max(1, ...h.phrases.map((p) => p.length));
  let from = 0;
  while (from < text.length) {
    // The next piece starts after a space, so where it starts a word may start.
    let next = text.length;
    if (from + piece < text.length) {
      SPACE.lastIndex = from + piece;
      const space = SPACE.exec(text);
      if (!space || space.index > from + 2 * piece) return null;
      next = space.index + 1;
    }
    const end = runsEnd(text, next, runs);
    if (COMBINING_MARK.test(text.slice(from, end + 1))) return null;
    const folded = foldKeepingOffsets(text.slice(from, end));
    for (const m of matchesIn(folded, matcher, Number.POSITIVE_INFINITY)) {
      // One that begins in the next piece may run past what was folded: that piece finds it.
      if (from + m.index >= next) break;
      const start = from + m.index;
      const last = runsEnd(text, start + until + 1, runs);
      if (COMBINING_MARK.test(text.slice(end, last + 1))) return null;
      const rest = foldKeepingOffsets(text.slice(start, last));
      const spans: Span[] = [];
      for (const r of matchesIn(rest, matcher, until))
        spans.push({ start: start + r.index, end: start + r.index + r.length });
      return spans;
    }
    from = next;
  }
  return [];
}

/** Cuts text to whole words, at most about `width` characters either side of a point. */
function window(text: string, from: number, to: number): { start: number; end: number } {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < from + 20) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  return { start, end };
}

/** Characters a snippet shows. */
export const SNIPPET_WIDTH = 240;

/** A snippet around the first match (or the start of the text), with every match inside marked. */
export function snippet(text: string, spans: Span[], width = SNIPPET_WIDTH): Segment[] {
  const first = spans[0];
  const centre = first ? first.start : 0;
  const { start, end } = window(text, centre - width / 3, centre + (width * 2) / 3);
  const segments: Segment[] = [];
  if (start > 0) segments.push({ text: "…", match: false });
  let cursor = start;
  for (const s of spans) {
    if (s.end <= start || s.start >= end) continue;
    if (s.start > cursor) segments.push({ text: text.slice(cursor, s.start), match: false });
    segments.push({ text: text.slice(Math.max(s.start, cursor), s.end), match: true });
    cursor = s.end;
  }
  if (cursor < end) segments.push({ text: text.slice(cursor, end), match: false });
  if (end < text.length) segments.push({ text: "…", match: false });
  return segments.map((s) => ({ ...s, text: ownString(s.text.replace(/\s+/g, " ")) }));
}

/** The whole text, its matches marked: for short texts such as titles. */
export function highlighted(text: string, spans: Span[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = 0;
  for (const s of spans) {
    if (s.end <= cursor) continue;
    if (s.start > cursor) segments.push({ text: text.slice(cursor, s.start), match: false });
    segments.push({ text: text.slice(Math.max(s.start, cursor), s.end), match: true });
    cursor = s.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false });
  return segments;
}

export interface ContextLine {
  left: string;
  match: string;
  right: string;
}

/** One keyword-in-context line per match, with `context` characters either side. */
export function contextLines(text: string, spans: Span[], context = 60): ContextLine[] {
  const flat = (s: string) => s.replace(/\s+/g, " ");
  return spans.map((s) => ({
    left: flat(text.slice(Math.max(0, s.start - context), s.start)),
    match: flat(text.slice(s.start, s.end)),
    right: flat(text.slice(s.end, s.end + context)),
  }));
}
