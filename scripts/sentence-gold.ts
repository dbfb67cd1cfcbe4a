/**
 * Writes a sentence-alignment gold file (tests/gold/sentences) from links written by hand, one a
 * line: "3.1 = 4.0", "43.2 = 68.2 69.0", "5.0 = -" (flat paragraph.sentence of each side, "-" for
 * a sentence in one version only). It adds only what a machine can: each sentence's first three
 * words as a checksum (so a change in paragraph or sentence splitting is caught, not scored), and
 * it refuses links that skip or repeat a sentence of the annotated paragraphs. The judgments are
 * the annotator's; never feed it the aligner's output.
 *
 *   npx tsx scripts/sentence-gold.ts <corpus source> <record|-> <links.txt> <out.json> [paragraphs a0-a1 b0-b1]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { documentSentences } from "../src/align/align-documents.js";
import type { Document } from "../src/model/document.js";
import { corpusPath } from "../tests/support/corpus.js";
import { ingestFile } from "../tests/support/ingest.js";
import { checksum, sentenceTexts } from "../tests/support/sentence-gold.js";

const [source, record, linksFile, out, spanA, spanB] = process.argv.slice(2);
if (!source || !record || !linksFile || !out) throw new Error("usage: see the comment at the top");
let docs = ingestFile(corpusPath(source));
if (record !== "-") docs = docs.filter((d) => d.publisherRef === record);
const [a, b] = docs as [Document, Document];
const range = (span: string | undefined, n: number): [number, number] => {
  const [x, y] = (span ?? `0-${n - 1}`).split("-").map(Number);
  return [x ?? 0, y ?? n - 1];
};
const textsA = sentenceTexts(documentSentences(a));
const textsB = sentenceTexts(documentSentences(b));
const scope = { a: range(spanA, documentSentences(a).length), b: range(spanB, documentSentences(b).length) };
const inScope = (ref: string, s: [number, number]) => {
  const p = Number(ref.split(".")[0]);
  return p >= s[0] && p <= s[1];
};
const seen = { a: new Set<string>(), b: new Set<string>() };
const links = readFileSync(linksFile, "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((line) => {
    const [left, right] = line.split("=").map((s) =>
      s
        .trim()
        .split(/\s+/)
        .filter((r) => r !== "-"),
    );
    const side = (refs: string[] | undefined, texts: Map<string, string>, used: Set<string>) =>
      (refs ?? []).map((ref) => {
        const text = texts.get(ref);
        if (text === undefined) throw new Error(`no sentence ${ref} (${line})`);
        if (used.has(ref)) throw new Error(`sentence ${ref} linked twice`);
        used.add(ref);
        return `${ref} ${checksum(text)}`;
      });
    return { a: side(left, textsA, seen.a), b: side(right, textsB, seen.b) };
  });
for (const [name, texts, used, s] of [
  ["a", textsA, seen.a, scope.a],
  ["b", textsB, seen.b, scope.b],
] as const)
  for (const ref of texts.keys())
    if (inScope(ref, s) && !used.has(ref)) throw new Error(`sentence ${name} ${ref} has no link`);
const gold = {
  source,
  record: record === "-" ? null : record,
  a: { doc: docs.indexOf(a), language: a.language },
  b: { doc: docs.indexOf(b), language: b.language },
  paragraphs: scope,
  links,
};
// One link a line, so that a review reads down the pairs.
const head = JSON.stringify({ ...gold, links: [] }, null, 2).replace(/"links": \[\]\n\}$/, "");
const body = links.map((l) => `    { "a": ${JSON.stringify(l.a)}, "b": ${JSON.stringify(l.b)} }`).join(",\n");
writeFileSync(out, `${head}"links": [\n${body}\n  ]\n}\n`);
console.log(`${out}: ${links.length} links`);
