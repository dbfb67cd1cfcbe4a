/**
 * What two versions may differ in without saying anything different: a list numbered in one and
 * not the other ("1." or a paragraph "1"), list punctuation and dashes, a column header like "№".
 * Divergence leaves these out, so that a name list numbered in one version only does not rank
 * above versions that really differ.
 */

/** A list item's number or bullet at the start of a passage: "1.", "12)", "№ 3", "•", "–". */
const ITEM_MARKER = /^\s*(?:№\s*\d{1,3}\.?|\d{1,3}[.)]|[•·*–—-])\s+/u;

/** The passage without the number or bullet that marks it as a list item. */
export function withoutItemMarker(text: string): string {
  return text.replace(ITEM_MARKER, "");
}

/**
 * Nothing but list furniture: item numbers (one to three digits), "№", "п/п", bullets, dashes,
 * punctuation. A four-digit year or any word is content.
 */
export function isFormattingOnly(text: string): boolean {
  return (
    text
      .replace(/(?<!\d)\d{1,3}(?!\d)/g, "")
      .replace(/№|п\/п|no\./giu, "")
      .replace(/[\p{P}\p{S}\s]+/gu, "") === ""
  );
}
