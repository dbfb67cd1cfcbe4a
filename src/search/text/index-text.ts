/**
 * How text enters the full-text index. FTS5's unicode61 tokenizer (remove_diacritics 2) splits,
 * lowercases and folds Latin diacritics in C; the only foldings it cannot do, ё→е and ı→i, are
 * applied here first. Stemming happens at query time instead, by expanding each query word to
 * the indexed words that share its stem (see src/search/query/expand.ts): ingestion stays fast,
 * and one index serves stemmed words, exact phrases and prefixes alike.
 */

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
