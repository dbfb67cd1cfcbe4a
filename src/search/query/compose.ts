/**
 * The advanced search form's fields written as the query language (parse.ts), so that the form
 * teaches the language and its result is a query like any other: shown in the search box, kept in
 * the URL, parsed the same way. Free text is reduced to words (letters and digits) before it is
 * written, so nothing typed into a field can become syntax.
 */
import { DOCUMENT_KINDS, TURN_KINDS } from "../../model/document.js";
import { tokenize } from "../text/normalise.js";

export interface QueryForm {
  /** Every one of these words (stemmed); a word ending in * is a prefix. */
  all?: string;
  /** This exact phrase. */
  phrase?: string;
  /** Any of these words. */
  any?: string;
  /** None of these words. */
  none?: string;
  speaker?: string;
  role?: string;
  mentions?: string;
  /** Turn kinds. */
  kind?: string[];
  /** Document kinds. */
  type?: string[];
  lang?: string[];
  publisher?: string[];
  /** Dates as 2020, 2020-03 or 2020-03-15. */
  from?: string;
  to?: string;
}

/** A typed word: a word, a prefix, or (when it holds several, "U.S.") a phrase. */
function word(raw: string): string | null {
  const words = tokenize(raw).map((t) => t.text);
  if (words.length === 0) return null;
  if (words.length > 1) return `"${words.join(" ")}"`;
  return raw.trimEnd().endsWith("*") ? `${words[0]}*` : (words[0] as string);
}

const words = (text: string | undefined) =>
  (text ?? "")
    .split(/\s+/)
    .map(word)
    .filter((w): w is string => w !== null);

/** A field value: quoted when it has spaces, with the characters that would end it dropped. */
function value(text: string): string | null {
  const clean = text.replace(/["|]/g, " ").replace(/\s+/g, " ").trim();
  if (!clean) return null;
  return /\s/.test(clean) ? `"${clean}"` : clean;
}

const CODE = /^[\p{L}\p{N}._-]+$/u;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * The query for a filled form ("" when the form is empty), and what could not be written: a date
 * that is not one is reported, never dropped in silence nor passed on as text.
 */
export function composeQuery(form: QueryForm): { query: string; problems: string[] } {
  const out: string[] = [...words(form.all)];
  const problems: string[] = [];
  const phrase = tokenize(form.phrase ?? "").map((t) => t.text);
  if (phrase.length) out.push(`"${phrase.join(" ")}"`);
  const any = words(form.any);
  if (any.length) out.push(any.length > 1 ? any.join(" OR ") : (any[0] as string));
  for (const w of words(form.none)) out.push(`-${w}`);
  for (const field of ["speaker", "role", "mentions"] as const) {
    const v = value(form[field] ?? "");
    if (v) out.push(`${field}:${v}`);
  }
  const listed = (field: string, values: string[] | undefined, allowed: (v: string) => boolean) => {
    const kept = [...new Set((values ?? []).filter(allowed))];
    if (kept.length) out.push(`${field}:${kept.join("|")}`);
  };
  listed("kind", form.kind, (v) => (TURN_KINDS as readonly string[]).includes(v));
  listed("type", form.type, (v) => (DOCUMENT_KINDS as readonly string[]).includes(v));
  listed("lang", form.lang, (v) => CODE.test(v));
  listed("publisher", form.publisher, (v) => CODE.test(v));
  const date = (text: string | undefined, name: string) => {
    const d = text?.trim() ?? "";
    if (d && !DATE.test(d))
      problems.push(`“${d}” (${name}) is not a date; write 2020, 2020-03 or 2020-03-15`);
    return DATE.test(d) ? d : "";
  };
  const from = date(form.from, "from");
  const to = date(form.to, "to");
  if (from || to) out.push(`date:${from === to ? from : `${from}..${to}`}`);
  return { query: out.join(" "), problems };
}
