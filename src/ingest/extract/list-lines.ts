/**
 * Line-structured content inside a block of text: a list of names one per line, numbered items, a
 * table's cells. Joining such lines as if they were hard-wrapped prose makes one paragraph of a
 * whole list, and two language versions of it can then only be aligned as one lump. Kept one
 * paragraph per line, the versions align item by item.
 */
import { normaliseSpace } from "./paragraphs.js";

const BLANK = /^[\s\u00a0\u200b]*$/;

/**
 * An item starts like a new entry: a capital letter, a digit, a bullet or dash, a quotation mark.
 * A wrapped line of prose or of one cell starts in lowercase or with a bracket ("(Jill Biden)",
 * "(шт. Мэн)"), which is how the two are told apart.
 */
const ITEM_START = /^[\p{Lu}\p{N}•·*\-–—«"“]/u;
/** A line that breaks a word or a phrase in the middle ("Министерства вну-", "commander of the"). */
const BROKEN_END = /(?:[\p{L}]-|\s(?:of|the|and|to|in|for|on|at|by|with|и|в|по|на|с|из|для|от|к|о))$/u;

/**
 * True when every line of the block starts a new item, holds at least two words (a single word is
 * a name wrapped in a narrow cell: "Bronwyn" / "Evans-Kent") and none breaks off mid-phrase. Two
 * lines whose first ends in a comma are one cell wrapped ("Co-Founder, Director," / "CT Group");
 * a longer run of such lines is a list ("Stephen Paul BARCLAY," / "David Michael DAVIS," / ...).
 */
export function isLineList(lines: string[]): boolean {
  if (lines.length < 2) return false;
  if (lines.length === 2 && /,\s*$/.test(lines[0] ?? "")) return false;
  return lines.every((raw, i) => {
    const line = raw.trim();
    const last = i === lines.length - 1;
    return ITEM_START.test(line) && /\S\s+\S/.test(line) && (last || !BROKEN_END.test(line));
  });
}

/**
 * Splits on blank lines like `splitOnBlankLines`, except that a block whose lines are all items
 * (see `isLineList`) gives one paragraph per line.
 */
export function splitBlocksKeepingLists(text: string): string[] {
  const out: string[] = [];
  let block: string[] = [];
  const flush = () => {
    if (isLineList(block)) out.push(...block.map(normaliseSpace));
    else if (block.length) out.push(normaliseSpace(block.join(" ")));
    block = [];
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (BLANK.test(line)) flush();
    else block.push(line);
  }
  flush();
  return out.filter((p) => p.length > 0);
}
