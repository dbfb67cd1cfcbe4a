/**
 * What the hand-annotation scripts (scripts/turn-gold.ts, scripts/speaker-gold.ts) and the quality
 * tests that read their files share: a turn's checksum, the document annotated, the dump the
 * annotator reads, and the annotation's lines.
 */
import { readFileSync } from "node:fs";
import type { Document } from "../../src/model/document.js";
import { corpusPath } from "./corpus.js";
import { ingestFile } from "./ingest.js";

/** A turn's first three words: the gold keeps these instead of text, so moved boundaries are caught. */
export const firstWords = (paragraph: string | undefined) =>
  (paragraph ?? "").split(/\s+/).filter(Boolean).slice(0, 3).join(" ");

/** Document `doc` of a file under ../shared/corpus, read as the pipeline reads it. */
export function goldDocument(source: string, doc: number): Document {
  const found = ingestFile(corpusPath(source))[doc];
  if (!found) throw new Error(`${source} has no document ${doc}`);
  return found;
}

/** Every turn as the segmenter splits it (index, label, text), and nothing the rules decided. */
export function dumpTurns(doc: Document): void {
  console.log(`# ${doc.title} (${doc.when.date ?? "no date"}), ${doc.turns.length} turns`);
  doc.turns.forEach((t, i) => {
    console.log(`\n[${i}] ${t.label ?? "(no label)"}`);
    for (const p of t.paragraphs) console.log(`    ${p}`);
  });
}

/** An annotation file's lines, comments ("# …") and blank lines left out. */
export const annotationLines = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .map((raw) => ({ raw, line: raw.replace(/#.*/, "").trim() }))
    .filter((l) => l.line !== "");

/** A gold file as JSON, each [kind or speaker, words] and [question, answer] pair on one line. */
export const goldJson = (gold: unknown) =>
  `${JSON.stringify(gold, null, 2)
    .replace(/\[\n\s+("[^"\n]*"),\n\s+("[^"\n]*")\n\s+\]/g, "[$1, $2]")
    .replace(/\[\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, "[$1, $2]")}\n`;
