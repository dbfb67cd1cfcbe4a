/**
 * Datelines and time stamps as publishers print them, in English, Russian and Ukrainian, including the
 * mid.ru export's glued form "29 December 202018:13" (date and time with no space).
 */
import type { DocumentDate } from "../../model/document.js";

const MONTHS: Record<string, number> = {};
const addMonths = (names: string[]) =>
  names.forEach((n, i) => {
    for (const form of n.split("|")) MONTHS[form] = i + 1;
  });
addMonths([
  "january|jan",
  "february|feb",
  "march|mar",
  "april|apr",
  "may",
  "june|jun",
  "july|jul",
  "august|aug",
  "september|sep|sept",
  "october|oct",
  "november|nov",
  "december|dec",
]);
addMonths([
  "января|январь|янв",
  "февраля|февраль|фев",
  "марта|март|мар",
  "апреля|апрель|апр",
  "мая|май",
  "июня|июнь|июн",
  "июля|июль|июл",
  "августа|август|авг",
  "сентября|сентябрь|сен|сент",
  "октября|октябрь|окт",
  "ноября|ноябрь|ноя",
  "декабря|декабрь|дек",
]);
// Ukrainian, as president.gov.ua prints datelines ("2 листопада 2022 року - 21:15").
addMonths([
  "січня|січень",
  "лютого|лютий",
  "березня|березень",
  "квітня|квітень",
  "травня|травень",
  "червня|червень",
  "липня|липень",
  "серпня|серпень",
  "вересня|вересень",
  "жовтня|жовтень",
  "листопада|листопад",
  "грудня|грудень",
]);

const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function time24(hour: number, minute: number, meridiem?: string): string | null {
  let h = hour;
  if (meridiem) {
    const pm = /^p/i.test(meridiem);
    if (h === 12) h = pm ? 12 : 0;
    else if (pm) h += 12;
  }
  if (h > 23 || minute > 59) return null;
  return `${pad(h)}:${pad(minute)}`;
}

export interface ParsedDateline {
  date: string | null;
  time: string | null;
  timeZone: string | null;
}

const DAY_MONTH_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(\\d{1,2})\\s+(${MONTH_PATTERN})\\.?,?\\s+(\\d{4})(?:\\s*(?:г\\.|года?|року))?(?:\\s*[,–-]?\\s*(\\d{1,2})[:.](\\d{2}))?`,
  "iu",
);
const MONTH_DAY_YEAR = new RegExp(
  `(?<![\\p{L}\\d])(${MONTH_PATTERN})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:\\s*,?\\s*(\\d{1,2}):(\\d{2}))?`,
  "iu",
);
const NUMERIC_DMY = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?/;
const NUMERIC_ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
const NUMERIC_US = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/;

/**
 * Finds the first date (and a time right after it) in a line. Returns nulls rather than
 * guessing when nothing date-like is there.
 */
export function parseDateline(text: string): ParsedDateline {
  const none: ParsedDateline = { date: null, time: null, timeZone: null };
  const candidates: { index: number; result: ParsedDateline }[] = [];
  const push = (m: RegExpExecArray | null, build: (m: RegExpExecArray) => ParsedDateline) => {
    if (!m) return;
    const result = build(m);
    if (result.date) candidates.push({ index: m.index, result });
  };
  push(DAY_MONTH_YEAR.exec(text), (m) => ({
    date: isoDate(Number(m[3]), MONTHS[(m[2] ?? "").toLowerCase()] ?? 0, Number(m[1])),
    time: m[4] ? time24(Number(m[4]), Number(m[5])) : null,
    timeZone: null,
  }));
  push(MONTH_DAY_YEAR.exec(text), (m) => ({
    date: isoDate(Number(m[3]), MONTHS[(m[1] ?? "").toLowerCase()] ?? 0, Number(m[2])),
    time: m[4] ? time24(Number(m[4]), Number(m[5])) : null,
    timeZone: null,
  }));
  push(NUMERIC_ISO.exec(text), (m) => ({
    date: isoDate(Number(m[1]), Number(m[2]), Number(m[3])),
    time: m[4] ? time24(Number(m[4]), Number(m[5])) : null,
    timeZone: null,
  }));
  push(NUMERIC_DMY.exec(text), (m) => ({
    date: isoDate(Number(m[3]), Number(m[2]), Number(m[1])),
    time: m[4] ? time24(Number(m[4]), Number(m[5])) : null,
    timeZone: null,
  }));
  push(NUMERIC_US.exec(text), (m) => {
    const y = Number(m[3]);
    const year = y < 100 ? (y > 50 ? 1900 + y : 2000 + y) : y;
    return { date: isoDate(year, Number(m[1]), Number(m[2])), time: null, timeZone: null };
  });
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0]?.result ?? none;
}

/** US-style clock lines from briefings: "10:31 A.M. EST", "1:42 P.M. EDT". */
const CLOCK_LINE = /^(\d{1,2}):(\d{2})\s*([AP])\.?\s?M\.?\s*(?:([A-Z]{2,5})\b)?\.?$/i;

const ZONE_ABBREVIATIONS: Record<string, string> = {
  EST: "America/New_York",
  EDT: "America/New_York",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  MST: "America/Denver",
  MDT: "America/Denver",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  AKDT: "America/Anchorage",
  AKST: "America/Anchorage",
  HST: "Pacific/Honolulu",
  GMT: "Europe/London",
  BST: "Europe/London",
  CET: "Europe/Paris",
  CEST: "Europe/Paris",
  EET: "Europe/Athens",
  EEST: "Europe/Athens",
  MSK: "Europe/Moscow",
  ICT: "Asia/Bangkok",
  JST: "Asia/Tokyo",
  KST: "Asia/Seoul",
  SGT: "Asia/Singapore",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
  IST: "Asia/Kolkata",
};

export function parseClockLine(line: string): { time: string; timeZone: string | null } | null {
  const m = CLOCK_LINE.exec(line.trim());
  if (!m) return null;
  const time = time24(Number(m[1]), Number(m[2]), m[3]);
  if (!time) return null;
  const zone = m[4] ? (ZONE_ABBREVIATIONS[m[4].toUpperCase()] ?? null) : null;
  return { time, timeZone: zone };
}

// Building a formatter costs a third of a millisecond, more than the rest of a page's date: one per zone.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** UTC offset of a zone at a local date and time, e.g. "+03:00", from the platform's tz database. */
function offsetAt(timeZone: string, date: string, time: string): string | null {
  try {
    const guess = new Date(`${date}T${time}:00Z`);
    const name = offsetFormat(timeZone)
      .formatToParts(guess)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!name) return null;
    if (name === "GMT") return "+00:00";
    const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
    return m ? `${m[1]}:${m[2] ?? "00"}` : null;
  } catch {
    return null;
  }
}

/** Builds the full date record, with an ISO instant when date, time and zone are all known. */
export function documentDate(
  date: string | null,
  time: string | null,
  timeZone: string | null,
): DocumentDate {
  let dateTime: string | null = null;
  if (date && time && timeZone) {
    const offset = offsetAt(timeZone, date, time);
    if (offset) dateTime = `${date}T${time}:00${offset}`;
  }
  return { date, time, timeZone: date ? timeZone : null, dateTime };
}
