/**
 * The frame of US briefing transcripts: place lines and a clock line before the first word
 * ("James S. Brady Press Briefing Room", "1:42 P.M. EDT"), and "END" with a clock line after
 * the last. They are metadata, not speech.
 */
import { isEditorialNote } from "../segment/procedural.js";
import { parseClockLine, parseDateline } from "./dates.js";

export interface ClockFrame {
  place: string | null;
  /**
   * The press office's notes, kept as attachments: above the transcript ("See below for an answer
   * to a question (marked with an asterisk)…") and after the closing clock line ("To view the
   * slides, visit <url>"). They are not anyone's words.
   */
  notes: { title: string; url: string | null }[];
  time: string | null;
  timeZone: string | null;
  /** The date of a "For Immediate Release" line, when the letterhead has one. */
  releaseDate: string | null;
  paragraphs: string[];
}

const END = /^END\.?(?:\s+(.*))?$/;

/** Letterhead of legacy White House releases: dropped, except the release date. */
const LETTERHEAD =
  /^(?:THE WHITE HOUSE|Office of the (?:Press Secre\w*ary|Vice President|First Lady)|_{5,}|EMBARGOED.*|Internal Transcript)$/i;
/** A date a header line ends on ("Moana Surfrider Hotel, Honolulu, Hawaii, November 12, 2011"), and what follows it. */
const TRAILING_DATE =
  /(?:^|,\s*)((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\b.*$/u;
/** Words that make a header line a place: "Aboard Air Force One", "James S. Brady Press Briefing Room". */
const PLACE_WORD =
  /\b(?:Aboard|En [Rr]oute|Room|Center|Centre|Hotel|Building|Base|Airport|Hall|Lawn|Garden|Via|Residence|Headquarters|Embassy|Palace|Auditorium|Library|School|University|Teleconference|Telephone|Conference Call)\b/u;
/** The title's own words set out on the header's lines: "Press Briefing", "By Press Secretary Robert Gibbs". */
const TITLE_PART = /^(?:by\b.*|(?:press )?(?:briefing|gaggle|conference call|call)\b.*)$/iu;
const RELEASE = /^For Immediate Release\b\s*(.*)$/i;

/** A clock at the start of a paragraph, its zone perhaps, then what follows. */
const LEADING_CLOCK = /^(\d{1,2}:\d{2}\s*[AP]\.?\s?M\.?)(?:\s+([A-Z]{2,5})\b\.?)?\s+(\S.*)$/su;
/** A speaker's label in capitals ("THE PRESIDENT:", "MS. PSAKI:", "MODERATOR:"). */
const CAPITALS_LABEL = /^[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,6}:\s/u;

/**
 * A clock line that a hard-wrapped page put on the line above the first label, with no blank line
 * between ("2:06 P.M. EST" then "THE PRESIDENT: Good afternoon"), read as one paragraph: the
 * clock and the first words, apart. Null when the paragraph is no such thing.
 */
export function splitLeadingClock(paragraph: string): [string, string] | null {
  const m = LEADING_CLOCK.exec(paragraph.trim());
  if (!m) return null;
  const [, clock, zone, rest] = m as unknown as [string, string, string | undefined, string];
  // A capitalised word after the clock is its zone only when it names one ("EST", not "THE").
  const withZone = zone && parseClockLine(`${clock} ${zone}`)?.timeZone ? `${clock} ${zone}` : null;
  const line = withZone ?? clock;
  const after = withZone ? rest : `${zone ? `${zone} ` : ""}${rest}`;
  return parseClockLine(line) && CAPITALS_LABEL.test(after) ? [line, after] : null;
}

/** Capitals but for a letter or two ("DENIS McDONOUGH,"): at least nine letters in ten, two or more. */
const mostlyCapitals = (line: string) => {
  const letters = line.match(/\p{L}/gu) ?? [];
  const capitals = line.match(/\p{Lu}/gu) ?? [];
  return capitals.length >= 2 && capitals.length * 10 >= letters.length * 9;
};

const isBracketedDate = (line: string) => {
  const m = /^\((.+)\)$/u.exec(line.trim());
  return m !== null && parseDateline(m[1] ?? "").date !== null;
};

export function readClockFrame(paragraphs: string[]): ClockFrame {
  paragraphs = paragraphs.flatMap((p, i) => (i < 14 ? (splitLeadingClock(p) ?? [p]) : [p]));
  let place: string | null = null;
  let time: string | null = null;
  let timeZone: string | null = null;
  let releaseDate: string | null = null;
  let start = 0;
  const notes: { title: string; url: string | null }[] = [];
  const window = Math.min(paragraphs.length, 14);
  for (let i = 0; i < window; i++) {
    const clock = parseClockLine(paragraphs[i] ?? "");
    if (!clock) continue;
    // Notes the press office wrote above the transcript ("See below for an answer…", "*As Mr.
    // Brennan said…", however long) end the header; the lines above them are its place lines.
    const noteAt = paragraphs.slice(0, i).findIndex(isEditorialNote);
    const header = paragraphs.slice(0, noteAt === -1 ? i : noteAt);
    if (header.some((p) => p.length >= 160)) {
      // Too long to be a header: keep those paragraphs and drop only the clock line.
      time = clock.time;
      timeZone = clock.timeZone;
      paragraphs = [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1)];
      break;
    }
    time = clock.time;
    timeZone = clock.timeZone;
    const placeLines: string[] = [];
    /** How many place lines stood before the title's last part set out on its own lines. */
    let titleParts = 0;
    for (const raw of header) {
      const release = RELEASE.exec(raw);
      if (release) {
        releaseDate = parseDateline(release[1] ?? "").date;
        continue;
      }
      // A date on a header line is the day's, not part of the place ("April 27, 2009", "Jakarta,
      // Indonesia, November 9, 2010", "Air Force Two, January 13, 2011, 6:36 P.M. …").
      const dated = TRAILING_DATE.exec(raw);
      if (dated) releaseDate ??= parseDateline(dated[1] ?? "").date;
      const line = dated ? raw.slice(0, dated.index).trim() : raw;
      if (!line) continue;
      if (TITLE_PART.test(line) && !PLACE_WORD.test(line)) {
        titleParts = placeLines.length + 1;
        continue;
      }
      if (LETTERHEAD.test(line)) continue;
      // All-capitals lines repeat the title ("PRESS GAGGLE BY PRESS SECRETARY ROBERT GIBBS", a
      // "BY" alone between its parts); rules ("-----") and a date in brackets ("(September 23,
      // 2021)", the day of the call) are no place either.
      if (mostlyCapitals(line)) continue;
      if (!/\p{L}/u.test(line) || isBracketedDate(line)) continue;
      // Editorial notes ("*Please see below for a correction…") are sentences; places are not.
      if (/^\*/.test(line) || (/[.!?]$/.test(line) && line.split(/\s+/).length > 4)) continue;
      placeLines.push(line);
    }
    // After the title's words set out a line at a time ("Press Briefing" / "By" / "Denis
    // McDonough," / "Deputy National Security Advisor…"), the briefers' names and offices run on
    // until the first line that names a place.
    if (titleParts > 0) {
      const first = placeLines.findIndex((l, i) => i >= titleParts - 1 && PLACE_WORD.test(l));
      if (first > 0) placeLines.splice(0, first);
    }
    // A place in brackets repeats the city of release above the place itself ("(Port of Spain,
    // Trinidad and Tobago)" / "Crowne Plaza Hotel, …"); alone, it is the place.
    const unbracketed = placeLines.filter((l) => !/^\(.*\)$/u.test(l));
    const kept = unbracketed.length ? unbracketed : placeLines.map((l) => l.replace(/^\((.*)\)$/u, "$1"));
    if (kept.length) place = kept.join(", ");
    if (noteAt !== -1) notes.push(...paragraphs.slice(noteAt, i).map(asNote));
    start = i + 1;
    break;
  }
  let end = paragraphs.length;
  // The closing clock line may be followed by a short note or two; they are not speech.
  for (let i = end - 1; i >= Math.max(start, end - 3); i--) {
    if (parseClockLine(paragraphs[i] ?? "") && i < end - 1) {
      notes.push(...paragraphs.slice(i + 1, end).map(asNote));
      end = i + 1;
      break;
    }
  }
  while (end > start) {
    const p = paragraphs[end - 1] ?? "";
    const endMatch = END.exec(p);
    if (parseClockLine(p) || (endMatch && (!endMatch[1] || parseClockLine(endMatch[1])))) end--;
    else break;
  }
  return { place, time, timeZone, releaseDate, notes, paragraphs: paragraphs.slice(start, end) };
}

/** A note as an attachment: its words, and the address it points to when it gives one. */
function asNote(note: string): { title: string; url: string | null } {
  const url = /<?(https?:\/\/[^\s>]+)>?/.exec(note)?.[1] ?? null;
  return {
    title: note
      .replace(/<?(https?:\/\/[^\s>]+)>?/, "")
      .replace(/\s+([.,])/g, "$1")
      .trim(),
    url,
  };
}
