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
  const flush = () => {
    if (current.length) out.push(normaliseSpace(current.join(" ")));
    current = [];
  };
  let previous = "";
  for (const line of text.split(/\r\n|\r|\n/)) {
    const setInBlock =
      SET_IN.test(line) && SET_IN.test(previous) && !CELLS.test(line) && !CELLS.test(previous);
    previous = line;
    if (BLANK.test(line)) flush();
    else if (setInBlock) current.push(line);
    else if (/^ {3,}\S/.test(line)) {
      flush();
      current.push(line);
    } else current.push(line);
  }
  flush();
  return out.filter(Boolean);
}
