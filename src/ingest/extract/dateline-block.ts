/**
 * Datelines that carry a place, as kremlin.ru prints them: "9 февраля 2024 года, Москва, Кремль",
 * "February 9, 2024, The Kremlin, Moscow", with the time on the same line ("9 февраля 2024 года,
 * 17:30") or on a line of its own, and the place on its own line when the date's line has none.
 * Only profiles that declare such datelines read them, so a short first paragraph elsewhere is
 * never taken for a place.
 */
import { parseDateline } from "./dates.js";
import { normaliseSpace } from "./paragraphs.js";

export interface DatelineBlock {
  date: string;
  time: string | null;
  place: string | null;
  /** How many lines (blank ones included) the block took, from the line it started at. */
  lines: number;
}

const TIME_LINE = /^(\d{1,2})[:.](\d{2})$/;
/** A place: a few capitalised words, commas and hyphens; no digits, no sentence end, no colon. */
const PLACE = /^\p{Lu}[\p{L}’'\- ]{0,40}(?:,\s*\p{Lu}?[\p{L}’'\- ]{1,40}){0,3}$/u;

const isPlace = (text: string): boolean =>
  PLACE.test(text) && text.split(/[\s,]+/).filter(Boolean).length <= 6;

/**
 * Reads a dateline block starting at `start` (blank lines skipped), or null when the line there is
 * not a dateline. A dateline's comma-separated parts are the date and time (the parts with
 * digits) and the place (the rest, which must read as a place). A place on the next line is read
 * only when `placeLine` is set: after the title, where nothing else but the body can follow.
 */
export function readDatelineBlock(lines: string[], start: number, placeLine: boolean): DatelineBlock | null {
  const nonBlankFrom = (from: number) => {
    let i = from;
    while (i < lines.length && (lines[i] ?? "").trim() === "") i++;
    return i;
  };
  let i = nonBlankFrom(start);
  const first = normaliseSpace(lines[i] ?? "");
  if (!first || first.length > 100) return null;
  const parsed = parseDateline(first);
  if (!parsed.date) return null;
  const parts = first.split(/\s*,\s*/);
  const placeParts = parts.filter((p) => !/\d/.test(p));
  // The parts with digits hold the date and time only: numbers, month names, "года", "г.".
  const leftover = parts
    .filter((p) => /\d/.test(p))
    .join(" ")
    .replace(/\d+(?:[:.]\d+)?/g, "")
    .replace(/[\p{L}.]+/gu, (w) => (w.length <= 9 ? "" : w));
  if (leftover.trim() !== "") return null;
  let place = placeParts.length ? placeParts.join(", ") : null;
  if (place && !isPlace(place)) return null;
  let time = parsed.time;
  i++;
  const timeAt = nonBlankFrom(i);
  const timeMatch = TIME_LINE.exec((lines[timeAt] ?? "").trim());
  if (!time && timeMatch && Number(timeMatch[1]) < 24 && Number(timeMatch[2]) < 60) {
    time = `${timeMatch[1]?.padStart(2, "0")}:${timeMatch[2]}`;
    i = timeAt + 1;
  }
  const placeAt = nonBlankFrom(i);
  const next = normaliseSpace(lines[placeAt] ?? "");
  if (placeLine && !place && next && isPlace(next)) {
    place = next;
    i = placeAt + 1;
  }
  return { date: parsed.date, time, place, lines: i - start };
}
