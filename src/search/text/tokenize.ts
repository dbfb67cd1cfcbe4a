/**
 * Text split into index terms the way SQLite's FTS5 unicode61 tokenizer (remove_diacritics 2)
 * splits it: runs of letters, digits and private-use characters, folded (fold.ts). Backends that
 * index text themselves (PostgreSQL) use this, so every backend holds the same terms and counts
 * the same matches.
 */
import { ftsFold } from "./fold.js";
import { preFold } from "./index-text.js";

// Combining marks belong to the token they follow; with remove_diacritics, FTS5 drops those of the
// combining diacritical block whatever letter they follow (text in decomposed form).
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;
const COMBINING_DIACRITICS = /[\u0300-\u036f]/g;

export function indexTerms(text: string): string[] {
  return (preFold(text).match(TOKEN) ?? []).map((t) => ftsFold(t.replace(COMBINING_DIACRITICS, "")));
}
