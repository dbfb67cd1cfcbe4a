/**
 * The lines a briefing page prints between its title and the first speaker's label, as the State
 * Department and other ministries set them out: the briefer and the office ("Matthew Miller,
 * Department Spokesperson"), the place ("Washington, D.C."), the clock ("1:21 p.m. EST"). A clock
 * line among a few short lines before the first label says they are the page's frame, not
 * anyone's words; without one they are left as they are (a speaker's unlabelled opening words).
 */
import type { LabelConvention } from "../segment/labels.js";
import { matchLabel } from "../segment/labels.js";
import { parseClockLine } from "./dates.js";
import type { DraftParticipant } from "./draft.js";
import type { TitleFacts } from "./title.js";

export interface HeaderFrame {
  time: string;
  timeZone: string | null;
  place: string | null;
  /** The briefers the header names with their office. */
  briefers: DraftParticipant[];
  /** The paragraphs from the first label on. */
  paragraphs: string[];
}

/** How far into the page the first label is looked for. */
const WINDOW = 8;
/** Words a header line has at most: a name and an office, a place, a clock. */
const LINE_WORDS = 12;

/** "Matthew Miller, Department Spokesperson", "Ned Price, Spokesperson": a name, then an office. */
const BRIEFER =
  /^((?:\p{Lu}[\p{L}’'-]*\.?\s){1,3}\p{Lu}[\p{L}’'-]+),\s+([^,]{0,60}?(?:Spokes(?:person|man|woman)|Secretary|Minister|Ambassador|Director|Advis[eo]r|Coordinator|Envoy|Representative|Deputy|Assistant|Official|Counsel(?:l?or)?|Administrator|Chief|Head)[^,]{0,60})$/u;

/** A place: capitalised words in up to four parts ("Washington, D.C.", "Brussels, Belgium"). */
const PLACE =
  /^\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,3}(?:,\s*\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,3}){0,3}$/u;

/** Words of the title set out again in the header, not a place: "Department Press Briefing". */
const TITLE_WORDS =
  /\b(?:Briefing|Press|Conference|Transcript|Remarks|Interview|Statement|Readout|Background|Teleconference|Call)\b/u;

export function readHeaderFrame(paragraphs: string[], conventions: LabelConvention[]): HeaderFrame | null {
  const first = paragraphs.slice(0, WINDOW).findIndex((p) => matchLabel(p, conventions) !== null);
  if (first <= 0) return null;
  const header = paragraphs.slice(0, first).map((p) => p.trim());
  if (header.some((line) => line.split(/\s+/u).length > LINE_WORDS)) return null;
  const clocks = header.map((line) => parseClockLine(line));
  const clock = clocks.find((c) => c !== null);
  if (!clock) return null;
  return {
    ...clock,
    ...headerFacts(header.filter((_, i) => !clocks[i])),
    paragraphs: paragraphs.slice(first),
  };
}

/**
 * What header lines say: the briefers named with their office, and the first place. Lines that
 * are neither (the title's words again) say nothing. An HTML page sets them out beside its title
 * (html.ts), a text page above the first label.
 */
export function headerFacts(lines: string[]): { place: string | null; briefers: DraftParticipant[] } {
  let place: string | null = null;
  const briefers: DraftParticipant[] = [];
  for (const line of lines) {
    const briefer = BRIEFER.exec(line);
    if (briefer) briefers.push({ name: (briefer[1] as string).trim(), role: (briefer[2] as string).trim() });
    else if (place === null && PLACE.test(line) && !TITLE_WORDS.test(line)) place = line;
  }
  return { place, briefers };
}

/**
 * The title's facts with the briefers a header names: participants, and the one briefer as the
 * title's speaker when the title names none.
 */
export function withHeader(facts: TitleFacts, header: Pick<HeaderFrame, "briefers"> | null): TitleFacts {
  if (!header || header.briefers.length === 0) return facts;
  const known = new Set(facts.participants.map((p) => p.name));
  const added = header.briefers.filter((b) => !known.has(b.name));
  return {
    ...facts,
    participants: [...facts.participants, ...added],
    titleSpeaker: facts.titleSpeaker ?? (header.briefers.length === 1 ? (header.briefers[0] ?? null) : null),
  };
}
