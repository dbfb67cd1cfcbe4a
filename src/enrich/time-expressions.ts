/**
 * Dates and time expressions in the text, normalised against the document's own date (chrono-node,
 * English and Russian): "next year" in a text of 29 December 2020 is 2021; "в январе" is January
 * of the year the document means. Each keeps its span and the precision the words give.
 */
import * as chrono from "chrono-node";

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  /** ISO date at the precision the expression gives: "2021", "2021-01", "2021-01-15". */
  value: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

function parserFor(lang: string) {
  if (lang === "ru" || lang === "uk") return chrono.ru;
  return chrono.en;
}

/** Expressions too vague to place on a calendar ("now", "today" in a speech) are still dated to the day. */
export function findTimeExpressions(
  text: string,
  lang: string,
  documentDate: string | null,
): TimeExpression[] {
  if (!documentDate || !/^\d{4}-\d{2}-\d{2}$/.test(documentDate)) return [];
  const ref = new Date(`${documentDate}T12:00:00Z`);
  const results = parserFor(lang).parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  const out: TimeExpression[] = [];
  for (const r of results) {
    const s = r.start;
    const year = s.get("year");
    const month = s.get("month");
    const day = s.get("day");
    if (!year) continue;
    // chrono sometimes stops inside a phrase ("March of" in "March of last year") and then guesses
    // the year; such half-read expressions are left out rather than dated wrongly.
    if (/\s(?:of|in|on|от|в)$/iu.test(r.text.trim())) continue;
    // Precision: only the components the words themselves gave (or that a relative phrase fixes).
    const value =
      s.isCertain("day") ||
      (s.isCertain("month") && s.isCertain("year") && r.text.match(/\d/) && s.isCertain("day"))
        ? `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}`
        : s.isCertain("month")
          ? `${year}-${pad(month ?? 1)}`
          : `${year}`;
    // chrono's spans may carry the spaces around the words; the span is the words alone.
    const lead = r.text.length - r.text.trimStart().length;
    const words = r.text.trim();
    out.push({ start: r.index + lead, end: r.index + lead + words.length, text: words, value });
  }
  return out;
}
