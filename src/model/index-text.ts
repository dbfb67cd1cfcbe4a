/**
 * How text enters the full-text index, the one definition every backend and the search engine
 * share. FTS5's unicode61 tokenizer (remove_diacritics 2) splits, lowercases and folds Latin
 * diacritics in C; the only foldings it cannot do, ё→е and ı→i, are applied here first
 * (`preFold`, `prepareSearchText`). Backends that split text themselves (PostgreSQL) use
 * `indexTerms`, which splits and folds exactly as FTS5 does, so every backend holds the same terms
 * and counts the same matches. Query words are folded with `ftsFold` to meet those terms.
 * Stemming happens at query time instead, by expanding each query word to the indexed words that
 * share its stem (search/query/expand.ts): ingestion stays fast, and one index serves stemmed
 * words, exact phrases and prefixes alike.
 */
import type { Document } from "./document.js";

const NEEDS_FOLDING = /[ёЁıİ]/;

export function preFold(text: string): string {
  if (!NEEDS_FOLDING.test(text)) return text;
  return text.replace(/ё/g, "е").replace(/Ё/g, "Е").replace(/ı/g, "i").replace(/İ/g, "I");
}

/**
 * A turn's text as the index keeps it for display: its own words, except NUL, which no database
 * text type holds everywhere and no reader wants, shown as the replacement character.
 */
export const displayText = (text: string): string =>
  text.includes("\u0000") ? text.replaceAll("\u0000", "\ufffd") : text;

/** A document's text as the search index wants it. */
export interface SearchText {
  title: string;
  /** One entry per turn, in turn order. */
  turns: string[];
}

export function prepareSearchText(doc: Document): SearchText {
  return { title: preFold(doc.title), turns: doc.turns.map((t) => preFold(t.paragraphs.join("\n\n"))) };
}

const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/;
const COMBINING = /[\u0300-\u036f]/g;

/**
 * Folds a lowercased token the way the index folded it: ё→е and ı→i (done before FTS5), then
 * diacritics off Latin letters only (FTS5's remove_diacritics 2). "türkiye'nin" → "turkiye";
 * Cyrillic "й" stays "й", as it does in the index.
 */
export function ftsFold(token: string): string {
  const pre = finalSigma(preFold(token).toLowerCase());
  if (!LATIN_WITH_MARKS.test(pre)) return pre;
  let out = "";
  for (const ch of pre) out += LATIN_WITH_MARKS.test(ch) ? ch.normalize("NFD").replace(COMBINING, "") : ch;
  return out;
}

// Combining marks belong to the token they follow; with remove_diacritics, FTS5 drops those of the
// combining diacritical block whatever letter they follow (text in decomposed form).
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;

/**
 * Each of a text's index terms (`indexTerms`), as a stretch of some string: `source.slice(start,
 * end)` is the term. Most texts are their lowercased selves cut in pieces, and a caller that only
 * counts terms need not make a string of each (the term counts of an ingest split millions).
 */
export function forEachIndexTerm(
  text: string,
  visit: (source: string, start: number, end: number) => void,
): void {
  const lower = finalSigma(preFold(text).toLowerCase());
  if (SURROGATE.test(lower)) {
    for (const term of indexTerms(text)) visit(term, 0, term.length);
    return;
  }
  // Lowercasing keeps every character of the plane one character of the same class (İ, the one
  // that becomes two, is gone by preFold), so the lowercased text splits where the text does; only
  // a term with a Latin letter with a mark or a combining mark needs folding of its own.
  const marked = NEEDS_TOKEN_FOLD.test(lower);
  scanTokens(lower, (start, end) => {
    if (!marked) return visit(lower, start, end);
    const piece = lower.slice(start, end);
    if (!NEEDS_TOKEN_FOLD.test(piece)) return visit(lower, start, end);
    const folded = ftsFold(piece.replace(COMBINING, ""));
    visit(folded, 0, folded.length);
  });
}

/**
 * Text split into index terms the way SQLite's FTS5 unicode61 tokenizer (remove_diacritics 2)
 * splits it: runs of letters, digits and private-use characters, folded (`ftsFold`).
 */
export function indexTerms(text: string): string[] {
  // Most texts have no Latin letter with a mark and no combining mark: lowercased whole, their
  // tokens are their terms, with no work per token (index writers split every turn they store).
  const lower = finalSigma(preFold(text).toLowerCase());
  if (!NEEDS_TOKEN_FOLD.test(lower)) return SURROGATE.test(lower) ? (lower.match(TOKEN) ?? []) : split(lower);
  return (preFold(text).match(TOKEN) ?? []).map((t) => ftsFold(t.replace(COMBINING, "")));
}

/**
 * FTS5 lowercases letter by letter, so Σ is σ wherever it stands and ς is σ too; JavaScript
 * lowercases a word-final Σ to ς. Folded here, Greek words meet the index.
 */
const finalSigma = (lower: string) => (lower.includes("ς") ? lower.replaceAll("ς", "σ") : lower);

const NEEDS_TOKEN_FOLD = /[\u00c0-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/;
const SURROGATE = /[\ud800-\udfff]/;

/**
 * What each UTF-16 code unit of the Basic Multilingual Plane is to a token: 1 starts or continues
 * one (a letter, digit or private-use character), 2 only continues one (a mark), 0 ends it. Built
 * on first use from the same classes as TOKEN.
 */
let classes: Uint8Array | null = null;

function codeClasses(): Uint8Array {
  if (classes) return classes;
  const starts = /[\p{L}\p{N}\p{Co}]/u;
  const marks = /\p{M}/u;
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    table[c] = starts.test(ch) ? 1 : marks.test(ch) ? 2 : 0;
  }
  classes = table;
  return table;
}

/** Where TOKEN matches in a text of the Basic Multilingual Plane, found by a table instead of a regular expression (several times faster). */
function scanTokens(text: string, visit: (start: number, end: number) => void): void {
  const table = codeClasses();
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = table[text.charCodeAt(i)] as number;
    if (start < 0) {
      if (c === 1) start = i;
    } else if (c === 0) {
      visit(start, i);
      start = -1;
    }
  }
  if (start >= 0) visit(start, text.length);
}

/** TOKEN's matches in a text of the Basic Multilingual Plane. */
function split(text: string): string[] {
  const out: string[] = [];
  scanTokens(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}
