/**
 * The frame of US briefing transcripts: place lines and a clock line before the first word
 * ("James S. Brady Press Briefing Room", "1:42 P.M. EDT"), and "END" with a clock line after
 * the last. They are metadata, not speech.
 */
import { parseClockLine, parseDateline } from "./dates.js";

export interface ClockFrame {
  place: string | null;
  /** Notes after the closing clock line ("To view the slides, visit <url>"), kept as attachments. */
  trailer: { title: string; url: string | null }[];
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

export function readClockFrame(paragraphs: string[]): ClockFrame {
  let place: string | null = null;
  let time: string | null = null;
  let timeZone: string | null = null;
  let releaseDate: string | null = null;
  let start = 0;
  const window = Math.min(paragraphs.length, 14);
  for (let i = 0; i < window; i++) {
    const clock = parseClockLine(paragraphs[i] ?? "");
    if (!clock) continue;
    const header = paragraphs.slice(0, i);
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
      // All-capitals lines repeat the title ("PRESS GAGGLE BY PRESS SECRETARY ROBERT GIBBS").
      if (line === line.toUpperCase() && /\p{Lu}{3}/u.test(line)) continue;
      // Editorial notes ("*Please see below for a correction…") are sentences; places are not.
      if (/^\*/.test(line) || (/[.!?]$/.test(line) && line.split(/\s+/).length > 4)) continue;
      placeLines.push(line);
    }
    if (placeLines.length) place = placeLines.join(", ");
    start = i + 1;
    break;
  }
  let end = paragraphs.length;
  // The closing clock line may be followed by a short note or two; they are not speech.
  const trailer: { title: string; url: string | null }[] = [];
  for (let i = end - 1; i >= Math.max(start, end - 3); i--) {
    if (parseClockLine(paragraphs[i] ?? "") && i < end - 1) {
      for (const note of paragraphs.slice(i + 1, end)) {
        const url = /<?(https?:\/\/[^\s>]+)>?/.exec(note)?.[1] ?? null;
        trailer.push({
          title: note
            .replace(/<?(https?:\/\/[^\s>]+)>?/, "")
            .replace(/\s+([.,])/g, "$1")
            .trim(),
          url,
        });
      }
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
  return { place, time, timeZone, releaseDate, trailer, paragraphs: paragraphs.slice(start, end) };
}
