/**
 * Where a query matched inside a turn's original text, for highlighted snippets and
 * keyword-in-context lines. Matching re-tokenises the text the way the index did, so what is
 * highlighted is exactly what was counted. Output is plain segments: renderers escape them.
 */
import type { Highlighter } from "./query/expand.js";
import { ftsFold } from "./text/fold.js";
import { tokenize } from "./text/normalise.js";

export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  match: boolean;
}

export function findMatches(text: string, h: Highlighter): Span[] {
  const tokens = tokenize(text);
  const folded = tokens.map((t) => ftsFold(t.text));
  const spans: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = folded[i] as string;
    const token = tokens[i] as { start: number; end: number };
    if (h.words.has(word) || h.prefixes.some((p) => word.startsWith(p))) {
      spans.push({ start: token.start, end: token.end });
      continue;
    }
    for (const phrase of h.phrases) {
      if (phrase.length === 0 || phrase[0] !== word) continue;
      if (phrase.every((w, k) => folded[i + k] === w)) {
        const last = tokens[i + phrase.length - 1] as { end: number };
        spans.push({ start: token.start, end: last.end });
        i += phrase.length - 1;
        break;
      }
    }
  }
  return spans;
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

/** A snippet around the first match (or the start of the text), with every match inside marked. */
export function snippet(text: string, spans: Span[], width = 240): Segment[] {
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
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, " ") }));
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
