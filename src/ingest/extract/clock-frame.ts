/**
 * The frame of US briefing transcripts: place lines and a clock line before the first word
 * ("James S. Brady Press Briefing Room", "1:42 P.M. EDT"), and "END" with a clock line after
 * the last. They are metadata, not speech.
 */
import { parseClockLine } from "./dates.js";

export interface ClockFrame {
  place: string | null;
  time: string | null;
  timeZone: string | null;
  paragraphs: string[];
}

const END = /^END\.?(?:\s+(.*))?$/;

export function readClockFrame(paragraphs: string[]): ClockFrame {
  let place: string | null = null;
  let time: string | null = null;
  let timeZone: string | null = null;
  let start = 0;
  for (let i = 0; i < Math.min(paragraphs.length, 5); i++) {
    const clock = parseClockLine(paragraphs[i] ?? "");
    if (clock) {
      time = clock.time;
      timeZone = clock.timeZone;
      const before = paragraphs.slice(0, i).filter((p) => p.length < 120);
      if (before.length === i && i > 0) place = before.join(", ");
      start = before.length === i ? i + 1 : 0;
      if (start === 0) {
        // Place-like lines were too long to be a header; keep them and drop only the clock line.
        paragraphs = [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1)];
      }
      break;
    }
  }
  let end = paragraphs.length;
  while (end > start) {
    const p = paragraphs[end - 1] ?? "";
    const endMatch = END.exec(p);
    if (parseClockLine(p) || (endMatch && (!endMatch[1] || parseClockLine(endMatch[1])))) end--;
    else break;
  }
  return { place, time, timeZone, paragraphs: paragraphs.slice(start, end) };
}
