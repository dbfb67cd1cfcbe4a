import { preFold } from "./index-text.js";

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
