/**
 * The one place text becomes search tokens, for indexing and for querying alike: lowercase,
 * split at apostrophes (Turkish case endings, English clitics), fold diacritics, ё→е and ı→i.
 * FTS5 sees only the result, so what it cannot do (stemming, folding) is done here.
 */

export interface Token {
  /** Lowercased form as written (before folding), for stemming. */
  text: string;
  /** UTF-16 offsets in the original string. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase; "İ" becomes "i" (its combining dot would otherwise survive until folding). */
function lower(s: string): string {
  return s.replace(/İ/g, "i").toLowerCase();
}

/** Words of a text with their offsets; letters and digits only, so no token can carry FTS syntax. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    tokens.push({ text: lower(m[0]), start, end: start + m[0].length });
  }
  return tokens;
}

// Stems are folded with it, and the store keeps stems (model/term-stems.ts): one definition.
export { fold } from "../../model/term-stems.js";
