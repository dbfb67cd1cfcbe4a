/**
 * Helps annotate who speaks each turn by hand (tests/gold/speakers). Two steps:
 *
 *   npx tsx scripts/speaker-gold.ts dump <corpus source> [doc]
 *     prints the document's title and date, then every turn as the segmenter splits it: index,
 *     label and text, and nothing the speaker resolution decided.
 *
 *   npx tsx scripts/speaker-gold.ts write <corpus source> <doc> <annotation.txt> <out.json>
 *     turns a hand-written annotation into a gold file: one line per turn, "<index> <speaker>",
 *     where the speaker is the person's full name as the document (title, labels, introductions)
 *     and the date establish it, "reporter" for a questioner the document does not name, or
 *     "unknown" for anyone else it does not name. It adds each turn's first three words as a
 *     checksum and refuses an annotation that misses a turn.
 */
import { writeFileSync } from "node:fs";
import {
  annotationLines,
  dumpTurns,
  firstWords,
  goldDocument,
  goldJson,
} from "../tests/support/gold-files.js";

const [mode, source, docArg, annotation, out] = process.argv.slice(2);
if (!mode || !source) throw new Error("usage: see the comment at the top");
const docIndex = Number(docArg ?? 0);
const doc = goldDocument(source, docIndex);

if (mode === "dump") dumpTurns(doc);
else if (mode === "write") {
  if (!annotation || !out) throw new Error("write needs <annotation.txt> <out.json>");
  const speakers = new Map<number, string>();
  for (const { raw, line } of annotationLines(annotation)) {
    const m = /^(\d+)\s+(.+)$/.exec(line);
    if (!m) throw new Error(`cannot read "${raw}"`);
    speakers.set(Number(m[1]), (m[2] as string).trim());
  }
  const missing = doc.turns.map((_, i) => i).filter((i) => !speakers.has(i));
  if (missing.length) throw new Error(`no speaker for turns ${missing.join(", ")}`);
  const extra = [...speakers.keys()].filter((i) => i >= doc.turns.length);
  if (extra.length) throw new Error(`no turns ${extra.join(", ")} in the document`);
  const gold = {
    source,
    doc: docIndex,
    turnCount: doc.turns.length,
    turns: doc.turns.map((t, i) => [speakers.get(i), firstWords(t.paragraphs[0])]),
  };
  writeFileSync(out, goldJson(gold));
  console.log(`wrote ${out}: ${doc.turns.length} turns`);
} else throw new Error(`unknown mode ${mode}`);
