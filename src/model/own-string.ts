/**
 * The same characters in a string of their own. V8 makes a slice of a long string (a regular
 * expression's match, `slice`, and what `replace` builds from one) point into the whole string, so
 * a slice kept for long keeps the whole alive: cached snippets kept every turn they were cut from,
 * and a stem cache keyed by index terms kept the turn texts the terms were found in. Slices under
 * 13 characters are copies already. Prefixing a character makes a new string that slicing it back
 * copies out flat.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}
