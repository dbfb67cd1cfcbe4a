/**
 * The lines a briefing page prints between its title and the first speaker's label, as the State
 * Department and other ministries set them out: the briefer and the office ("Matthew Miller,
 * Department Spokesperson"), the place ("Washington, D.C."), the clock ("1:21 p.m. EST"). A clock
 * line among a few short lines before the first label says they are the page's frame, not
 * anyone's words; without one they are left as they are (a speaker's unlabelled opening words).
 */
import type { LabelConvention } from "../segment/labels.js";
import { matchLabel } from "../segment/labels.js";
import { parseClockLine, parseDateline } from "./dates.js";
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

/** "Matthew Miller, Department Spokesperson", "Ned Price, Spokesperson": a name, then an office (whole words). */
const BRIEFER =
  /^((?:\p{Lu}[\p{L}’'-]*\.?\s){1,3}\p{Lu}[\p{L}’'-]+),\s+([^,]{0,60}?(?<![\p{L}])(?:Spokesperson|Spokesman|Spokeswoman|Secretary|Minister|Ambassador|Director|Adviser|Advisor|Coordinator|Envoy|Representative|Deputy|Assistant|Counselor|Counsellor|Administrator|Chief|Head)(?![\p{L}])[^,]{0,60})$/u;
/** Words that open a salutation or a title, not a person's name: "Mr President, Distinguished Ministers". */
const NOT_A_PERSON =
  /^(?:Mr|Mrs|Ms|Madam|Madame|Dear|Distinguished|Excellency|Excellencies|Ladies|Honourable|Honorable|President|Your|His|Her|The)(?![\p{L}])/u;

/** A place: capitalised words in up to four parts ("Washington, D.C.", "James S. Brady Press Briefing Room"). */
const PLACE =
  /^\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,5}(?:,\s*\p{Lu}[\p{L}.’'-]*(?:\s\p{Lu}[\p{L}.’'-]*){0,5}){0,3}$/u;

/** Words that make a line a place even beside a title's words: "James S. Brady Press Briefing Room". */
const PLACE_WORD =
  /\b(?:Room|Center|Centre|Hall|Building|Hotel|Base|Airport|Palace|Residence|Headquarters|Embassy)\b/u;

/** Words of the title set out again in the header, not a place: "Department Press Briefing". */
const TITLE_WORDS =
  /\b(?:Briefing|Press|Conference|Transcript|Remarks|Interview|Statement|Readout|Background|Teleconference|Call)\b/u;

export function readHeaderFrame(
  paragraphs: string[],
  conventions: LabelConvention[],
  /** Whether a line names a person (the registry's), which is no place: "Jens Stoltenberg". */
  isPerson: (line: string) => boolean = () => false,
): HeaderFrame | null {
  const first = paragraphs.slice(0, WINDOW).findIndex((p) => matchLabel(p, conventions) !== null);
  if (first <= 0) return null;
  const header = paragraphs.slice(0, first).map((p) => p.trim());
  if (header.some((line) => line.split(/\s+/u).length > LINE_WORDS)) return null;
  const clocks = header.map((line) => parseClockLine(line));
  const clock = clocks.find((c) => c !== null);
  if (!clock) return null;
  const lines = header.filter((_, i) => !clocks[i]);
  // Every line must be one a header has: a line of anything else ("Good morning, everyone.") is
  // someone's words, and the lines stay as they are.
  if (!lines.every((line) => briefer(line) || isPlace(line) || isTitlePart(line) || parseDateline(line).date))
    return null;
  return {
    ...clock,
    ...headerFacts(lines.filter((line) => !isPerson(line))),
    paragraphs: paragraphs.slice(first),
  };
}

function briefer(line: string): DraftParticipant | null {
  const m = BRIEFER.exec(line);
  if (!m || NOT_A_PERSON.test(m[1] as string)) return null;
  return { name: (m[1] as string).trim(), role: (m[2] as string).trim() };
}

const isPlace = (line: string) => PLACE.test(line) && (!TITLE_WORDS.test(line) || PLACE_WORD.test(line));
/** The title's words set out again ("Department Press Briefing", "On-the-Record Briefing"), no sentence. */
const isTitlePart = (line: string) => TITLE_WORDS.test(line) && !/[.!?]$/u.test(line);

/**
 * What header lines say: the briefers named with their office, and the first place. Lines that
 * are neither (the title's words again) say nothing. An HTML page sets them out beside its title
 * (html.ts), a text page above the first label.
 */
export function headerFacts(lines: string[]): { place: string | null; briefers: DraftParticipant[] } {
  let place: string | null = null;
  const briefers: DraftParticipant[] = [];
  for (const line of lines) {
    const named = briefer(line);
    if (named) briefers.push(named);
    else if (place === null && isPlace(line)) place = line;
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
