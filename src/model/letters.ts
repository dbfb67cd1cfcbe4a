/**
 * What a UTF-16 code unit is, asked of a table instead of a regular expression: the hand-written
 * scanners that replace a pattern on hot paths (the name finder's words, the turn rules' word
 * counts) read text a unit at a time. Each table is filled on first sight of a unit.
 */

/**
 * A predicate of one UTF-16 code unit, asked of `test` once per unit and then read from a table
 * (255: not yet asked).
 */
export function unitPredicate(test: (unit: string) => boolean): (code: number) => boolean {
  const known = new Uint8Array(65536).fill(255);
  return (code) => {
    let c = known[code] as number;
    if (c === 255) {
      c = test(String.fromCharCode(code)) ? 1 : 0;
      known[code] = c;
    }
    return c === 1;
  };
}

const isSurrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;

/**
 * A reader of one character class (a pattern of one character, `u` flag): the length of the
 * character of that class at `i`, 1, or 2 for one outside the Basic Multilingual Plane (a pair of
 * surrogates); 0 when there is none (a lone surrogate is none).
 */
export function classReader(pattern: RegExp): (text: string, i: number) => number {
  const inClass = unitPredicate((unit) => !isSurrogate(unit.charCodeAt(0)) && pattern.test(unit));
  return (text, i) => {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) return pattern.test(text.slice(i, i + 2)) ? 2 : 0;
    }
    return inClass(code) ? 1 : 0;
  };
}

/** The length of the letter or digit (\p{L}\p{N}) at `i`, as classReader has it. */
export const letterOrDigitAt = classReader(/^[\p{L}\p{N}]$/u);

/** Whether a code unit is whitespace, as \s has it. */
export const isSpaceUnit = unitPredicate((unit) => /^\s$/u.test(unit));

/** Whether lowercasing changes a code unit: a capital (one outside the BMP is a surrogate pair, which no single unit shows). */
export const isCapitalUnit = unitPredicate((unit) => unit !== unit.toLowerCase());
