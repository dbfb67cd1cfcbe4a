/**
 * Text for XML writers. XML 1.0 cannot hold most control characters at all, so they are removed.
 * And xmlbuilder2 leaves an ampersand that starts something shaped like an entity reference
 * ("J&J;", "&amp;", "&#38;") unescaped, on the theory that it already is one; transcript text is
 * not XML, so such an ampersand is escaped here first and the text reads back as it was written.
 */
export function stripInvalidXml(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters removed
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
}

/** A string for xmlbuilder2's text and attribute values. */
export function xmlText(s: string): string {
  return stripInvalidXml(s).replace(/&(?=[A-Za-z]+;|#\d+;)/g, "&amp;");
}

/**
 * An xml:id (TEI) or eId (Akoma Ntoso) from any id: NCName characters only, never starting with a
 * digit, hyphen or dot. Letters of any script stay: "Реплика" and "Ведущий" must stay two ids.
 */
export function xmlId(id: string): string {
  const s = id.replace(/[^\p{L}\p{N}_.-]/gu, "_");
  return /^[\p{L}_]/u.test(s) ? s : `_${s}`;
}
