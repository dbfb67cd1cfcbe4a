/**
 * Turning raw text into paragraphs. Publishers hard-wrap, indent, separate with lines of
 * spaces, or put one paragraph per line; these helpers undo each convention.
 */

const BLANK = /^[\s\u00a0\u200b]*$/;

/** Collapses runs of whitespace (including non-breaking spaces) to single spaces and trims. */
export function normaliseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u2009\u202f\u200b]+/g, " ").trim();
}

/** Splits on blank lines (lines of only whitespace count as blank) and joins wrapped lines. */
export function splitOnBlankLines(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (BLANK.test(line)) {
      if (current.length) out.push(normaliseSpace(current.join(" ")));
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) out.push(normaliseSpace(current.join(" ")));
  return out.filter((p) => p.length > 0);
}

const SENTENCE_END = /[.!?:;…"'»”)\]]$/;

/**
 * For text with no blank lines: decides whether lines are hard-wrapped (most lines end near a
 * common width, mid-sentence) or one paragraph per line, and rebuilds paragraphs accordingly.
 */
export function splitUnspacedLines(text: string): string[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trimEnd())
    .filter((l) => !BLANK.test(l));
  const lengths = lines.map((l) => l.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const nearWidth = lines.filter((l) => l.length >= width * 0.8).length;
  const hardWrapped = width > 0 && width <= 120 && (nearWidth / lines.length > 0.5 || lines.length < 3);
  if (!hardWrapped) return lines.map(normaliseSpace).filter(Boolean);
  const out: string[] = [];
  let current: string[] = [];
  for (const line of lines) {
    current.push(line);
    const short = line.length < width * 0.8;
    if (short && SENTENCE_END.test(line.trim())) {
      out.push(normaliseSpace(current.join(" ")));
      current = [];
    }
  }
  if (current.length) out.push(normaliseSpace(current.join(" ")));
  return out.filter(Boolean);
}

const CONTINUES = /[\p{Ll},;\-–—]$/u;

/**
 * Chooses the paragraph convention of a plain-text body, block by block: blank lines separate
 * blocks; inside a block, long lines are one paragraph each, hard-wrapped lines are joined. A
 * blank line that falls mid-sentence (next block starts in lowercase) is an artifact and is ignored.
 */
export function textToParagraphs(text: string): string[] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (BLANK.test(line)) {
      if (current.length) blocks.push(current);
      current = [];
    } else current.push(line.trimEnd());
  }
  if (current.length) blocks.push(current);

  const merged: string[][] = [];
  for (const block of blocks) {
    const previous = merged[merged.length - 1];
    const lastLine = previous?.[previous.length - 1]?.trim() ?? "";
    if (previous && CONTINUES.test(lastLine) && /^\s*\p{Ll}/u.test(block[0] ?? "")) previous.push(...block);
    else merged.push([...block]);
  }
  return merged.flatMap((block) =>
    block.length === 1 ? [normaliseSpace(block[0] ?? "")] : splitUnspacedLines(block.join("\n")),
  );
}

/**
 * The stamp above an annex, printed a phrase a line at the paragraphs' own indent ("УТВЕРЖДЕНЫ" /
 * "Указом Президента" / "Российской Федерации" / "от 12 августа 2002 г." / "N 885"): one block, as a
 * reader takes it, not five paragraphs.
 */
const STAMP = /^ {3,}(?:ПРИЛОЖЕНИЕ|Приложение|УТВЕРЖДЕН[АОЫ]?|Утвержден[аоы]?)(?:\s+N\s*\d+)?\s*$/u;
/** A stamp's line: short, no sentence ("Указом Президента", "от 12 августа 2002 г.", "N 885"). */
const STAMP_LINE = /^ {3,}\S.{0,44}$/u;
/** Spaces before a line's first character. */
export const indentOf = (line: string) => line.length - line.trimStart().length;

/** Centred or right-aligned: further in than a paragraph's first line (5 spaces). */
const SET_IN = /^ {6,}\S/;
/** A table's rule or a gap between columns: lines that are cells, not one block of text. */
const CELLS = /[¦|]|\S {8,}\S/u;

/**
 * For typewriter-style texts (kremlin.ru acts): a line indented by three or more spaces starts a
 * paragraph, other lines continue it; blank lines also end paragraphs. Centred or right-aligned
 * lines in a row are one heading or block ("ПОЛОЖЕНИЕ" / "о Министерстве …", "УТВЕРЖДЕН" /
 * "Указом Президента" / …), unless they are a table's cells.
 */
export function splitIndented(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  /** The two-column item being read, its name and description wrapped each in its own column. */
  let item: TwoColumns | null = null;
  const flush = () => {
    if (item) out.push(joinColumns(item));
    else if (current.length) out.push(normaliseSpace(current.join(" ")));
    current = [];
    item = null;
  };
  /** The indent of the annex stamp being read ("УТВЕРЖДЕНО" / "Указом Президента" / …), if any. */
  let stamp: number | null = null;
  let previous = "";
  for (const line of text.split(/\r\n|\r|\n/)) {
    const setInBlock =
      SET_IN.test(line) && SET_IN.test(previous) && !CELLS.test(line) && !CELLS.test(previous);
    previous = line;
    if (item && !BLANK.test(line) && continuesColumns(item, line)) continue;
    // An annex's stamp, one line a phrase at the paragraphs' indent, is one block to its blank line.
    if (
      stamp !== null &&
      !BLANK.test(line) &&
      indentOf(line) === stamp &&
      STAMP_LINE.test(line) &&
      !/^\s*\d+\./u.test(line)
    ) {
      current.push(line);
      continue;
    }
    stamp = null;
    if (BLANK.test(line)) flush();
    else if (setInBlock) current.push(line);
    else if (/^ {3,}\S/.test(line)) {
      flush();
      current.push(line);
      if (STAMP.test(line)) stamp = indentOf(line);
      else item = twoColumns(line);
    } else {
      // A line at the margin is a paragraph's own: whatever its first line looked like, no column item.
      if (item) {
        current = [joinColumns(item)];
        item = null;
      }
      current.push(line);
    }
  }
  flush();
  return out.filter(Boolean);
}

/**
 * A list of people set in two columns, as kremlin.ru's acts print councils' members: the name,
 * a dash, the description, each wrapped within its own column.
 *
 *      Албогачиев М.О.  - муфтий,  председатель  Духовного управления
 *                         мусульман       Республики       Ингушетия
 *      Нерсисян Ерзас   - епископ,    глава    Ново-Нахичеванской   и
 *      (Нерсисян М.Г.)    Российской епархии  Армянской  апостольской
 *
 * Read line by line, each wrapped line became a paragraph of its own and a name's second half
 * ("(Нерсисян М.Г.)") began the description; read as a person reads it, each item is one.
 */
interface TwoColumns {
  name: string[];
  /** The dash between the columns, as printed. */
  dash: string;
  description: string[];
  /** The column the description starts at. */
  at: number;
}

const ITEM_WITH_DASH = /^( {3,}\S.*?\S)(\s+[-–—]\s+)(\S.*)$/u;

function twoColumns(line: string): TwoColumns | null {
  const m = ITEM_WITH_DASH.exec(line.trimEnd());
  // A name in the left column: short, not a numbered clause ("2. Установить, что Министерство -").
  if (!m || (m[1] as string).trim().length > 40 || /^\s*(?:\d+\.|\p{Ll}\))/u.test(m[1] as string))
    return null;
  const at = (m[1] as string).length + (m[2] as string).length;
  return {
    name: [(m[1] as string).trim()],
    dash: (m[2] as string).trim(),
    description: [(m[3] as string).trim()],
    at,
  };
}

const joinColumns = (item: TwoColumns) =>
  normaliseSpace(`${item.name.join(" ")} ${item.dash} ${item.description.join(" ")}`);

/** Adds a line wrapped within the columns to the item; false when the line is something else. */
function continuesColumns(item: TwoColumns, line: string): boolean {
  const indent = indentOf(line);
  if (indent === item.at) {
    item.description.push(line.trim());
    return true;
  }
  // Both columns wrapped: the name's rest at the margin, the description's at its column.
  if (
    indent >= 3 &&
    indent < item.at &&
    line.slice(item.at - 2, item.at) === "  " &&
    /\S/.test(line[item.at] ?? "")
  ) {
    const left = line.slice(0, item.at).trim();
    if (!/^[(\p{L}]/u.test(left) || /\s[-–—]$/u.test(left)) return false;
    item.name.push(left);
    item.description.push(line.slice(item.at).trim());
    return true;
  }
  return false;
}
