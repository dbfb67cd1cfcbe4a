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
  const pre = preFold(token).toLowerCase();
  if (!LATIN_WITH_MARKS.test(pre)) return pre;
  let out = "";
  for (const ch of pre) out += LATIN_WITH_MARKS.test(ch) ? ch.normalize("NFD").replace(COMBINING, "") : ch;
  return out;
}

// Combining marks belong to the token they follow; with remove_diacritics, FTS5 drops those of the
// combining diacritical block whatever letter they follow (text in decomposed form).
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;

/**
 * Text split into index terms the way SQLite's FTS5 unicode61 tokenizer (remove_diacritics 2)
 * splits it: runs of letters, digits and private-use characters, folded (`ftsFold`).
 */
export function indexTerms(text: string): string[] {
  // Most texts have no Latin letter with a mark and no combining mark: lowercased whole, their
  // tokens are their terms, with no work per token (index writers split every turn they store).
  const lower = preFold(text).toLowerCase();
  if (!NEEDS_TOKEN_FOLD.test(lower)) return lower.match(TOKEN) ?? [];
  return (preFold(text).match(TOKEN) ?? []).map((t) => ftsFold(t.replace(COMBINING, "")));
}

const NEEDS_TOKEN_FOLD = /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/;
