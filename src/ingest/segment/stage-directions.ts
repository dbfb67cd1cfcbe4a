import type { Note } from "../../model/document.js";

/** Parentheticals that describe the room rather than report speech: "(Laughter.)", "(Аплодисменты.)". */
const KNOWN =
  /laugh|applause|inaudible|cross-?talk|off[- ]mic|pause|audio|video|interpret|translat|sic(?![\p{L}\p{N}])|смех|смеётся|смеется|аплодисменты|оживление|неразборчиво|пауза|перевод|в зале/iu;

const PARENTHETICAL = /\(([^()]{1,100})\)/gu;

/** Finds stage directions in a paragraph; the text keeps them, the notes point at them. */
export function findStageDirections(paragraph: string, index: number): Note[] {
  const notes: Note[] = [];
  // Few paragraphs hold a bracket: looking for one is a fifth of the cost of the pattern's scan.
  if (!paragraph.includes("(")) return notes;
  for (const m of paragraph.matchAll(PARENTHETICAL)) {
    const inner = m[1] ?? "";
    // "(The executive order is signed.)": a capitalised word, then lowercase words, then a full stop.
    const sentenceLike = /^\p{Lu}\p{Ll}*(?:\s+\p{Ll}[\p{Ll}\-’']*){1,14}[.!]$/u.test(inner.trim());
    if (KNOWN.test(inner) || sentenceLike) {
      const start = m.index ?? 0;
      notes.push({ paragraph: index, start, end: start + m[0].length, text: m[0] });
    }
  }
  return notes;
}
