/**
 * What a UTF-16 code unit is, asked of a table instead of a regular expression: the hand-written
 * scanners that replace a pattern on hot paths (the name finder's words, the turn rules' word
 * counts) read text a unit at a time. Each table is filled on first sight of a unit.
 */

/** Per code unit: 1 whitespace as \s matches it, 0 not, 255 not yet asked. */
const space = new Uint8Array(65536).fill(255);

/**
 * A reader of one character class (a pattern of one character, `u` flag): the length of the
 * character of that class at `i`, 1, or 2 for one outside the Basic Multilingual Plane (a pair of
 * surrogates); 0 when there is none. Per code unit a table remembers the answer (lone surrogates
 * are none).
 */
export function classReader(pattern: RegExp): (text: string, i: number) => number {
  const known = new Uint8Array(65536).fill(255);
  return (text, i) => {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) return pattern.test(text.slice(i, i + 2)) ? 2 : 0;
    }
    let c = known[code] as number;
    if (c === 255) {
      c = code >= 0xd800 && code <= 0xdfff ? 0 : pattern.test(String.fromCharCode(code)) ? 1 : 0;
      known[code] = c;
    }
    return c;
  };
}

/** The length of the letter or digit (\p{L}\p{N}) at `i`, as classReader has it. */
export const letterOrDigitAt = classReader(/^[\p{L}\p{N}]$/u);

/** Whether a code unit is whitespace, as \s has it. */
export function isSpaceUnit(code: number): boolean {
  let c = space[code] as number;
  if (c === 255) {
    c = /^\s$/u.test(String.fromCharCode(code)) ? 1 : 0;
    space[code] = c;
  }
  return c === 1;
}
