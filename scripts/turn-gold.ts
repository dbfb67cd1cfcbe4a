/**
 * Helps annotate turn kinds and question→answer pairs by hand (tests/gold/turns*). Two steps:
 *
 *   npx tsx scripts/turn-gold.ts dump <corpus source> [doc]
 *     prints every turn as the segmenter splits it: index, label and text, and nothing the
 *     kind or pairing rules decided, so the annotator reads the transcript, not the rules.
 *
 *   npx tsx scripts/turn-gold.ts write <corpus source> <doc> <annotation.txt> <out.json>
 *     turns a hand-written annotation into a gold file: one line per turn, "<index> <kind>", and
 *     one line per answer, "<question>-<answer>". It adds each turn's first three words as a
 *     checksum (a change of boundaries is caught, not scored) and refuses an annotation that
 *     misses a turn, names an unknown kind, or pairs a turn that is not a question with one that
 *     is not an answer.
 */
import { writeFileSync } from "node:fs";
import { TURN_KINDS, type TurnKind } from "../src/model/document.js";
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
  const kinds = new Map<number, TurnKind>();
  const pairs: [number, number][] = [];
  for (const { raw, line } of annotationLines(annotation)) {
    const pair = /^(\d+)\s*-\s*(\d+)$/.exec(line);
    const kind = /^(\d+)\s+(\w+)$/.exec(line);
    if (pair) pairs.push([Number(pair[1]), Number(pair[2])]);
    else if (kind && (TURN_KINDS as readonly string[]).includes(kind[2] as string))
      kinds.set(Number(kind[1]), kind[2] as TurnKind);
    else throw new Error(`cannot read "${raw}"`);
  }
  const missing = doc.turns.map((_, i) => i).filter((i) => !kinds.has(i));
  if (missing.length) throw new Error(`no kind for turns ${missing.join(", ")}`);
  for (const [q, a] of pairs) {
    if (kinds.get(q) !== "question" || kinds.get(a) !== "answer")
      throw new Error(`pair ${q}-${a} must join a question to an answer`);
  }
  const gold = {
    source,
    doc: docIndex,
    turnCount: doc.turns.length,
    turns: doc.turns.map((t, i) => [kinds.get(i), firstWords(t.paragraphs[0])]),
    pairs,
  };
  writeFileSync(out, goldJson(gold));
  console.log(`wrote ${out}: ${doc.turns.length} turns, ${pairs.length} pairs`);
} else throw new Error(`unknown mode ${mode}`);
