/**
 * Sentence-alignment gold files (tests/gold/sentences): links between sentences of two language
 * versions, checked by hand. A sentence is named "paragraph.sentence" (flat paragraph index through
 * the document, as the aligner numbers them) followed by its first three words, a checksum that
 * catches a change of paragraph or sentence splitting instead of scoring against stale indices.
 */
import type { Sentence } from "../../src/enrich/sentences.js";

export interface SentenceGold {
  source: string;
  record: string | null;
  a: { doc: number; language: string };
  b: { doc: number; language: string };
  /** The paragraphs annotated, first and last (inclusive), on each side. */
  paragraphs: { a: [number, number]; b: [number, number] };
  links: { a: string[]; b: string[] }[];
}

/** The first three words of a sentence: enough to tell it from its neighbours, too little to copy it. */
export const checksum = (text: string): string => text.trim().split(/\s+/).slice(0, 3).join(" ");

/** Every sentence's text by its "paragraph.sentence" name; a paragraph with no sentence is "p.0". */
export function sentenceTexts(paragraphs: Sentence[][]): Map<string, string> {
  const out = new Map<string, string>();
  paragraphs.forEach((sentences, p) => {
    if (sentences.length === 0) out.set(`${p}.0`, "");
    for (const [k, s] of sentences.entries()) out.set(`${p}.${k}`, s.text);
  });
  return out;
}
