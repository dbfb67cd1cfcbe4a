/**
 * Dates and time expressions in the text, normalised against the document's own date (chrono-node,
 * English, Russian and Ukrainian): "next year" in a text of 29 December 2020 is 2021; "в январе" is January
 * of the year the document means. Each keeps its span and the precision the words give.
 */
import * as chrono from "chrono-node";
import type { TimeExpression } from "../model/enrichment.js";
import { splitSentences } from "./sentences.js";

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Words or numbers a date expression needs: a year, a day.month pair, a month or weekday name,
 * or a relative word ("next year", "в следующем месяце"). Sentences without one are not parsed.
 */
const LATIN_DATE_CUE =
  /\b(?:1[89]\d\d|2[01]\d\d)\b|\b\d{1,2}[./]\d{1,2}\b|\b(?:year|month|week|today|tomorrow|yesterday|tonight|ago|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const CYRILLIC_DATE_CUE =
  /год|месяц|недел|сегодня|завтра|вчера|январ|феврал|март|апрел|ма[яей]|июн|июл|август|сентябр|октябр|ноябр|декабр|року|році|рік|місяц|тижн|тижд|сьогодні|вчора|січн|лют|берез|квіт|травн|червн|липн|серпн|вересн|жовтн|листопад|грудн/i;
/**
 * What the Cyrillic cues can match, case folded: the Cyrillic block and the few letters of
 * Cyrillic Extended-C that uppercase into it.
 */
const CYRILLIC_LETTER = /[\u0400-\u04ff\u1c80-\u1c8f]/;

/** Both cues in one expression cost twice as much: most text has no Cyrillic letter to try them at. */
const dateCue = (text: string) =>
  LATIN_DATE_CUE.test(text) || (CYRILLIC_LETTER.test(text) && CYRILLIC_DATE_CUE.test(text));

/**
 * A year named by its number alone, which chrono leaves in Russian and Ukrainian: "в 2021 году",
 * "у 2022 році", "с 2014 года".
 */
const SLAVIC_YEAR =
  /(?<![\p{L}\p{N}])(?:в|во|у|с|со|до|по|к|з|із|от|від)\s+((?:1[89]|2[01])\d\d)\s+(?:году|года|год|гг?\.|році|року|рік|р\.)(?![\p{L}\p{N}])/giu;

/**
 * chrono reads a month in any case: "they march on" as March, "we met in may" as May. In English a
 * month is capitalised; the bare lowercase words are the verb and the modal (a day or a year
 * with them, "march 5", is still read as a date).
 */
const VERB_NOT_MONTH = /^(?:in\s+)?(?:march|may)$/;

function parserFor(lang: string) {
  if (lang === "ru") return chrono.ru;
  if (lang === "uk") return chrono.uk;
  return chrono.en;
}

/** Expressions too vague to place on a calendar ("now", "today" in a speech) are still dated to the day. */
export function findTimeExpressions(
  text: string,
  lang: string,
  documentDate: string | null,
): TimeExpression[] {
  if (!documentDate || !/^\d{4}-\d{2}-\d{2}$/.test(documentDate)) return [];
  // chrono is thorough but slow: it reads only the sentences that hold something a date needs.
  if (!dateCue(text)) return [];
  const ref = new Date(`${documentDate}T12:00:00Z`);
  const out: TimeExpression[] = [];
  // A date never spans sentences; the shared splitter keeps "Dec. 29" and "15 янв. 2021 г." whole.
  for (const sentence of splitSentences(text, lang)) {
    if (!dateCue(sentence.text)) continue;
    const offset = sentence.start;
    for (const r of parserFor(lang).parse(
      sentence.text,
      { instant: ref, timezone: 0 },
      { forwardDate: false },
    )) {
      const found = normalise(r);
      if (found && !(lang === "en" && VERB_NOT_MONTH.test(found.text)))
        out.push({ ...found, start: found.start + offset, end: found.end + offset });
    }
  }
  if (lang === "ru" || lang === "uk") {
    for (const m of text.matchAll(SLAVIC_YEAR)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (out.some((t) => t.start < end && start < t.end)) continue;
      out.push({ start, end, text: m[0], value: m[1] as string });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

function normalise(r: chrono.ParsedResult): TimeExpression | null {
  const s = r.start;
  const year = s.get("year");
  const month = s.get("month");
  const day = s.get("day");
  if (!year) return null;
  // chrono sometimes stops inside a phrase ("March of" in "March of last year") and then guesses
  // the year; such half-read expressions are left out rather than dated wrongly.
  if (/\s(?:of|in|on|от|в)$/iu.test(r.text.trim())) return null;
  // Precision: only the components the words themselves gave (or that a relative phrase fixes).
  const value = s.isCertain("day")
    ? `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`
    : s.isCertain("month")
      ? `${year}-${pad(month ?? 1)}`
      : `${year}`;
  // chrono's spans may carry the spaces around the words; the span is the words alone.
  const lead = r.text.length - r.text.trimStart().length;
  const words = r.text.trim();
  return { start: r.index + lead, end: r.index + lead + words.length, text: words, value };
}
