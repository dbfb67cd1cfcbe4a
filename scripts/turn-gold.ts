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
import { readFileSync, writeFileSync } from "node:fs";
import type { TurnKind } from "../src/model/document.js";
import { corpusPath } from "../tests/support/corpus.js";
import { ingestFile } from "../tests/support/ingest.js";

const KINDS: TurnKind[] = ["remarks", "question", "answer", "moderator", "other"];
const [mode, source, docArg, annotation, out] = process.argv.slice(2);
if (!mode || !source) throw new Error("usage: see the comment at the top");
const docIndex = Number(docArg ?? 0);
const doc = ingestFile(corpusPath(source))[docIndex];
if (!doc) throw new Error(`${source} has no document ${docIndex}`);
const firstWords = (p: string | undefined) => (p ?? "").split(/\s+/).filter(Boolean).slice(0, 3).join(" ");

if (mode === "dump") {
  console.log(`# ${doc.title} (${doc.when.date ?? "no date"}), ${doc.turns.length} turns`);
  doc.turns.forEach((t, i) => {
    console.log(`\n[${i}] ${t.label ?? "(no label)"}`);
    for (const p of t.paragraphs) console.log(`    ${p}`);
  });
} else if (mode === "write") {
  if (!annotation || !out) throw new Error("write needs <annotation.txt> <out.json>");
  const kinds = new Map<number, TurnKind>();
  const pairs: [number, number][] = [];
  for (const raw of readFileSync(annotation, "utf8").split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const pair = /^(\d+)\s*-\s*(\d+)$/.exec(line);
    const kind = /^(\d+)\s+(\w+)$/.exec(line);
    if (pair) pairs.push([Number(pair[1]), Number(pair[2])]);
    else if (kind && KINDS.includes(kind[2] as TurnKind)) kinds.set(Number(kind[1]), kind[2] as TurnKind);
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
  writeFileSync(
    out,
    `${JSON.stringify(gold, null, 2)
      .replace(/\[\n\s+"(\w+)",\n\s+("[^"\n]*")\n\s+\]/g, '["$1", $2]')
      .replace(/\[\n\s+(\d+),\n\s+(\d+)\n\s+\]/g, "[$1, $2]")}\n`,
  );
  console.log(`wrote ${out}: ${doc.turns.length} turns, ${pairs.length} pairs`);
} else throw new Error(`unknown mode ${mode}`);
