/**
 * The query language users type (shared by the CLI, the web app and the API):
 *
 *   words              stemmed: "sanctions" finds "sanction", "sanctioned"; Russian case forms alike
 *   "exact phrase"     unstemmed, in order
 *   prefix*            words starting with "prefix"
 *   a OR b             either
 *   -word, -"phrase"   exclusion; also -field:value
 *   field:value        speaker:lavrov  role:"foreign minister"  kind:question|answer  lang:ru
 *                      type:briefing|interview  publisher:mid.ru  date:2020-01..2020-12  doc:ID  mentions:TR
 *
 * speaker: matches any name of a person (any script, any alias); role: the role held on the
 * document's date; kind: is the kind of turn, type: the kind of document.
 *
 * Parsing never throws anything but a QUERY_INVALID catalog error that names the position.
 */
import { VerbatimError } from "../../errors/catalog.js";
import { DOCUMENT_KINDS, type DocumentKind, TURN_KINDS, type TurnKind } from "../../model/document.js";
import {
  type DateRange,
  emptyFilters,
  FILTER_FIELDS,
  type FilterField,
  type SearchQuery,
  type TermGroup,
  type TextTerm,
} from "../../model/search-query.js";
import { tokenize } from "../text/normalise.js";

export const MAX_QUERY_LENGTH = 1000;
const MAX_TERMS = 64;

type Lexeme =
  | { type: "text"; term: TextTerm | null; negated: boolean; at: number }
  | { type: "field"; field: FilterField; value: string; negated: boolean; at: number }
  | { type: "or"; at: number }
  | { type: "not"; at: number };

function fail(position: number, reason: string): never {
  throw new VerbatimError("QUERY_INVALID", { position: position + 1, reason });
}

/** A word as typed becomes a word, a prefix, or (when it holds several tokens, "5+5", "U.S.") a phrase. */
function wordTerm(raw: string): TextTerm | null {
  const prefix = raw.endsWith("*");
  const tokens = tokenize(prefix ? raw.slice(0, -1) : raw).map((t) => t.text);
  if (tokens.length === 0) return null;
  if (tokens.length > 1) return { type: "phrase", words: tokens };
  const text = tokens[0] as string;
  return prefix ? { type: "prefix", text } : { type: "word", text };
}

/** A lexeme and where it stands in the query text: [start, end). */
export type QueryPart = Lexeme & { end: number };

/** The query's parts in order, each with its place in the text (for suggestions that drop one). */
export function queryParts(input: string): QueryPart[] {
  return lex(input) as QueryPart[];
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  let ended = 0;
  const n = input.length;
  const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
  // Each lexeme ends where the scan stood when the next one was begun.
  const markEnds = () => {
    for (; ended < out.length; ended++) (out[ended] as QueryPart).end = i;
  };
  while (i < n) {
    markEnds();
    if (isSpace(input[i])) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if ((input[i] === "-" || input[i] === "!") && i + 1 < n && !isSpace(input[i + 1])) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      if (close < 0) fail(i, "this quote is never closed");
      const words = tokenize(input.slice(i + 1, close)).map((t) => t.text);
      const term: TextTerm | null =
        words.length === 0
          ? null
          : words.length === 1
            ? { type: "word", text: words[0] as string }
            : { type: "phrase", words };
      if (term?.type === "word") {
        // A quoted single word is exact: searched as itself, not its stem.
        out.push({ type: "text", term: { type: "phrase", words }, negated, at: start });
      } else out.push({ type: "text", term, negated, at: start });
      i = close + 1;
      continue;
    }
    // A field: letters, a colon, then a quoted or bare value.
    const field = /^([A-Za-z]+):(?=\S)/.exec(input.slice(i));
    if (field && !/^(https?|ftp|mailto)$/i.test(field[1] ?? "")) {
      const name = (field[1] ?? "").toLowerCase();
      if (!(FILTER_FIELDS as readonly string[]).includes(name)) {
        fail(i, `unknown field "${name}"; the fields are ${FILTER_FIELDS.join(", ")}`);
      }
      i += field[0].length;
      let value: string;
      if (input[i] === '"') {
        const close = input.indexOf('"', i + 1);
        if (close < 0) fail(i, "this quote is never closed");
        value = input.slice(i + 1, close);
        i = close + 1;
      } else {
        const end = input.slice(i).search(/\s/);
        value = end < 0 ? input.slice(i) : input.slice(i, i + end);
        i = end < 0 ? n : i + end;
      }
      out.push({ type: "field", field: name as FilterField, value, negated, at: start });
      continue;
    }
    const end = input.slice(i).search(/[\s"]/);
    const raw = end < 0 ? input.slice(i) : input.slice(i, i + end);
    i = end < 0 ? n : i + end;
    if (!negated && raw === "OR") {
      out.push({ type: "or", at: start });
      continue;
    }
    if (!negated && (raw === "AND" || raw === "&&")) continue;
    if (!negated && raw === "NOT") {
      out.push({ type: "not", at: start });
      continue;
    }
    out.push({ type: "text", term: wordTerm(raw), negated, at: start });
  }
  markEnds();
  return out;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function checkDate(value: string, at: number): string {
  const m = DATE.exec(value);
  if (!m) fail(at, `"${value}" is not a date; write 2020, 2020-03 or 2020-03-15`);
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12) fail(at, `${value} has no month ${month}`);
  const d = new Date(Date.UTC(Number(m[1]), month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    fail(at, `${value} is not a day of the calendar`);
  return value;
}

function parseDateRange(value: string, at: number): DateRange {
  const parts = value.split("..");
  if (parts.length > 2) fail(at, `"${value}" is not a date range; write 2020-01..2020-12`);
  if (parts.length === 1) {
    const d = checkDate(value, at);
    return { from: d, to: d };
  }
  const from = parts[0] ? checkDate(parts[0], at) : null;
  const to = parts[1] ? checkDate(parts[1], at) : null;
  if (!from && !to) fail(at, "a date range needs at least one end");
  if (
    from &&
    to &&
    from.slice(0, Math.min(from.length, to.length)) > to.slice(0, Math.min(from.length, to.length))
  ) {
    fail(at, `the range ${value} ends before it starts`);
  }
  return { from, to };
}

function addFilter(query: SearchQuery, lexeme: Extract<Lexeme, { type: "field" }>): void {
  const target = lexeme.negated ? query.excludeFilters : query.filters;
  const values = lexeme.value
    .split("|")
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.length === 0) fail(lexeme.at, `${lexeme.field}: needs a value`);
  for (const value of values) {
    switch (lexeme.field) {
      case "kind":
        if (!(TURN_KINDS as readonly string[]).includes(value.toLowerCase())) {
          fail(lexeme.at, `kind:${value} is not a turn kind; use ${TURN_KINDS.join(", ")}`);
        }
        target.kind.push(value.toLowerCase() as TurnKind);
        break;
      case "type": {
        // "press conference" and "press_conference" as well as "press-conference".
        const type = value.toLowerCase().replace(/[\s_]+/g, "-");
        if (!(DOCUMENT_KINDS as readonly string[]).includes(type)) {
          fail(lexeme.at, `type:${value} is not a document type; use ${DOCUMENT_KINDS.join(", ")}`);
        }
        target.type.push(type as DocumentKind);
        break;
      }
      case "lang":
        if (!/^[a-z]{2,3}$/i.test(value))
          fail(lexeme.at, `lang:${value} is not a language code such as en or ru`);
        target.lang.push(value.toLowerCase());
        break;
      case "date":
        target.date.push(parseDateRange(value, lexeme.at));
        break;
      default:
        target[lexeme.field].push(value.toLowerCase());
    }
  }
}

/** Parses user text into a SearchQuery, or throws QUERY_INVALID naming where it is wrong. */
export function parseQuery(input: string): SearchQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    fail(MAX_QUERY_LENGTH, `the query is longer than ${MAX_QUERY_LENGTH} characters`);
  }
  const query: SearchQuery = {
    groups: [],
    exclude: [],
    filters: emptyFilters(),
    excludeFilters: emptyFilters(),
  };
  const lexemes = lex(input);
  let current: TermGroup | null = null;
  let pendingOr: number | null = null;
  let pendingNot = false;
  let terms = 0;
  for (const lexeme of lexemes) {
    if (lexeme.type === "or") {
      if (!current || pendingOr !== null) fail(lexeme.at, "OR must stand between two words or phrases");
      pendingOr = lexeme.at;
      continue;
    }
    if (lexeme.type === "not") {
      // NOT x is -x.
      pendingNot = true;
      continue;
    }
    if (lexeme.type === "field") {
      if (pendingOr !== null)
        fail(pendingOr, "OR must stand between two words or phrases, not before a field");
      addFilter(query, { ...lexeme, negated: lexeme.negated || pendingNot });
      pendingNot = false;
      current = null;
      continue;
    }
    if (lexeme.term === null) continue;
    if (++terms > MAX_TERMS) fail(lexeme.at, `a query may hold at most ${MAX_TERMS} words and phrases`);
    const negated = lexeme.negated || pendingNot;
    pendingNot = false;
    if (negated) {
      if (pendingOr !== null) fail(pendingOr, "OR cannot join an excluded word");
      query.exclude.push(lexeme.term);
      current = null;
      continue;
    }
    if (pendingOr !== null && current) {
      current.terms.push(lexeme.term);
      pendingOr = null;
    } else {
      current = { terms: [lexeme.term] };
      query.groups.push(current);
    }
  }
  if (pendingOr !== null) fail(pendingOr, "OR must stand between two words or phrases");
  const f = query.filters;
  const x = query.excludeFilters;
  const anyFilter = Object.values(f).some((v) => v.length > 0) || Object.values(x).some((v) => v.length > 0);
  if (query.groups.length === 0 && query.exclude.length === 0 && !anyFilter) {
    fail(0, 'the query is empty: type a word, a "phrase" or a field such as speaker:lavrov');
  }
  return query;
}
