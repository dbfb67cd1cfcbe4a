/**
 * What a UTF-16 code unit is, asked of a table instead of a regular expression: the hand-written
 * scanners that replace a pattern on hot paths (the name finder's words, the turn rules' word
 * counts) read text a unit at a time. Each table is filled on first sight of a unit.
 */

/** Per code unit: 1 a letter or digit (\p{L}\p{N}), 0 not (lone surrogates included), 255 not yet asked. */
const letterOrDigit = new Uint8Array(65536).fill(255);
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Per code unit: 1 whitespace as \s matches it, 0 not, 255 not yet asked. */
const space = new Uint8Array(65536).fill(255);

/**
 * The length of the letter or digit at `i`: 1, or 2 for one outside the Basic Multilingual Plane
 * (a pair of surrogates); 0 when there is none.
 */
export function letterOrDigitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let c = letterOrDigit[code] as number;
  if (c === 255) {
    c = code >= 0xd800 && code <= 0xdfff ? 0 : LETTER_OR_DIGIT.test(String.fromCharCode(code)) ? 1 : 0;
    letterOrDigit[code] = c;
  }
  return c;
}

/** Whether a code unit is whitespace, as \s has it. */
export function isSpaceUnit(code: number): boolean {
  let c = space[code] as number;
  if (c === 255) {
    c = /^\s$/u.test(String.fromCharCode(code)) ? 1 : 0;
    space[code] = c;
  }
  return c === 1;
}
