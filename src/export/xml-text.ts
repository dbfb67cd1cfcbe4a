/** Characters XML 1.0 cannot hold at all (control characters other than tab and newlines), removed. */
export function xmlSafe(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}
