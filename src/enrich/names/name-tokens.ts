/**
 * Words of a text as the name finder reads them: offsets, whether capitalised, whether an initial
 * ("J.", "Дж.", "С.В."), the script, and whether the word opens a sentence, where a capital says
 * nothing. Hyphens and apostrophes stay inside a word ("McFaul-Yermak", "O'Brien", "прем'єр");
 * a possessive ending ("Biden's") is left out of the word's span.
 */
import { isCapitalUnit, letterOrDigitAt } from "../../model/letters.js";

export interface NameToken {
  raw: string;
  lower: string;
  start: number;
  end: number;
  capital: boolean;
  /** A one- or two-letter capitalised abbreviation followed by a dot: an initial or "Mr.". */
  initial: boolean;
  cyrillic: boolean;
  /** First word of the text or of a sentence. */
  opening: boolean;
  /** The characters between the previous word and this one. */
  gapBefore: string;
}

/** What a word is; nameTokens scans for it by hand (wordEnd). */
export const WORD_PATTERN = /[\p{L}\p{N}]+(?:['’ʼ-][\p{L}\p{N}]+)*/gu;
/** What a word's code units say: CYRILLIC when one is in U+0400–U+04FF, LOWERED when lowercasing may change one. */
const CYRILLIC_UNIT = 1;
const LOWERED = 2;

function unitsOf(text: string, start: number, end: number): number {
  let found = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x400 && code <= 0x4ff) found |= CYRILLIC_UNIT;
    // A surrogate pair may be a capital outside the BMP, which no single unit shows.
    if ((code >= 0xd800 && code <= 0xdfff) || isCapitalUnit(code)) found |= LOWERED;
  }
  return found;
}
/** Initials of two letters: "Дж.Байден"; and the abbreviated courtesy titles. */
const TWO_LETTER_INITIALS = new Set(["Дж", "Mr", "Ms", "Dr", "St", "Jr", "Sr"]);
const POSSESSIVE = /['’]s$/i;
/** Abbreviations whose dot ends no sentence. */
const NO_SENTENCE_END = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "st",
  "jr",
  "sr",
  "gen",
  "col",
  "lt",
  "sen",
  "rep",
  "gov",
  "prof",
  "no",
  "vs",
  "г",
  "шт",
  "им",
  "ул",
  "м",
]);

/** Apostrophes and the hyphen, which join letters into one word: ' ’ ʼ -. */
const isJoiner = (code: number) => code === 39 || code === 0x2019 || code === 0x2bc || code === 45;

/**
 * The end of the word that starts at `start`, as WORD_PATTERN would match it: letters and digits,
 * joined by an apostrophe or a hyphen between two of them. Scanned by hand, since every paragraph
 * of every document passes here.
 */
export function wordEnd(text: string, start: number): number {
  const n = text.length;
  let i = start;
  let w = letterOrDigitAt(text, i);
  for (;;) {
    while (w > 0) {
      i += w;
      w = i < n ? letterOrDigitAt(text, i) : 0;
    }
    if (i + 1 < n && isJoiner(text.charCodeAt(i))) {
      w = letterOrDigitAt(text, i + 1);
      if (w > 0) {
        i++;
        continue;
      }
    }
    return i;
  }
}

export function nameTokens(text: string): NameToken[] {
  const out: NameToken[] = [];
  let previousEnd = 0;
  for (let start = 0; start < text.length; ) {
    if (letterOrDigitAt(text, start) === 0) {
      start++;
      continue;
    }
    const matchEnd = wordEnd(text, start);
    let raw = text.slice(start, matchEnd);
    const last = raw.charCodeAt(raw.length - 1);
    if ((last === 115 || last === 83) && POSSESSIVE.test(raw)) raw = raw.slice(0, -2);
    const end = start + raw.length;
    // Most words follow a single space: the literal, not a slice of the text.
    const gapBefore =
      start - previousEnd === 1 && text.charCodeAt(previousEnd) === 32 ? " " : text.slice(previousEnd, start);
    // Read from a table, not by lowercasing: every word of every paragraph passes here.
    const capital = raw.length > 0 && isCapitalUnit(raw.charCodeAt(0));
    const before = out[out.length - 1];
    // Most words follow a single space, which opens nothing: no need to read the gap.
    const opening =
      !before ||
      (gapBefore !== " " &&
        (/[!?;:•…"“«(\n*·▪●►]\s*$/.test(gapBefore) ||
          /[—–-]\s+$/.test(gapBefore) ||
          (gapBefore.trimEnd().endsWith(".") && !before.initial && !NO_SENTENCE_END.has(before.lower))));
    const units = unitsOf(text, start, end);
    const initial = capital && text[end] === "." && (raw.length === 1 || TWO_LETTER_INITIALS.has(raw));
    out.push({
      raw,
      // Lowercasing allocates a new string even when nothing changes; most words are lowercase already.
      lower: units & LOWERED ? raw.toLowerCase() : raw,
      start,
      end,
      capital,
      initial,
      cyrillic: (units & CYRILLIC_UNIT) !== 0,
      opening,
      gapBefore,
    });
    previousEnd = matchEnd;
    start = matchEnd;
  }
  return out;
}
