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
  /^(?:THE WHITE HOUSE|Office of the (?:Press Secretary|Vice President|First Lady)|_{5,}|EMBARGOED.*|Internal Transcript)$/i;
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
    for (const line of header) {
      const release = RELEASE.exec(line);
      if (release) {
        releaseDate = parseDateline(release[1] ?? "").date;
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
    if (placeLines.length) place = placeLines.join(", ");
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
