/**
 * Scores `alignDocuments`' sentence links against the hand-checked gold (tests/gold/sentences). A
 * gold link counts when the aligner makes exactly that link (the same sentences on both sides); a
 * sentence the aligner leaves out of every link (as it does in a paragraph found in one version
 * only) is a link of its own with nothing opposite.
 */
import { readdirSync, readFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { alignDocuments, documentSentences } from "../../src/align/align-documents.js";
import type { EntityFinder } from "../../src/align/anchors.js";
import type { Document } from "../../src/model/document.js";
import { corpusPath } from "../support/corpus.js";
import { ingestFile } from "../support/ingest.js";
import { checksum, type SentenceGold, sentenceTexts } from "../support/sentence-gold.js";

const GOLD = fileURLToPath(new URL("../gold/sentences", import.meta.url));

export interface SentenceScore {
  file: string;
  group: string;
  links: number;
  exact: number;
  /** Links the aligner made among the annotated sentences. */
  made: number;
  /** Gold links the aligner got wrong, as "a-refs = b-refs" (for reading, not for tuning). */
  errors: string[];
}

const key = (a: string[], b: string[]) => `${[...a].sort().join(" ")} = ${[...b].sort().join(" ")}`;

export async function sentenceGold(
  finder: (a: string, b: string) => EntityFinder | null,
): Promise<SentenceScore[]> {
  const rows: SentenceScore[] = [];
  for (const file of readdirSync(GOLD)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    await nextTurn();
    const gold = JSON.parse(readFileSync(`${GOLD}/${file}`, "utf8")) as SentenceGold;
    let docs = ingestFile(corpusPath(gold.source));
    if (gold.record) docs = docs.filter((d) => d.publisherRef === gold.record);
    const a = docs[gold.a.doc] as Document;
    const b = docs[gold.b.doc] as Document;
    const texts = { a: sentenceTexts(documentSentences(a)), b: sentenceTexts(documentSentences(b)) };
    // The checksums must still hold: a change of splitting would otherwise be scored as errors.
    const refsOf = (named: string[], side: "a" | "b") =>
      named.map((n) => {
        const [ref = "", ...words] = n.split(" ");
        const text = texts[side].get(ref);
        if (text === undefined || checksum(text) !== words.join(" "))
          throw new Error(
            `${file}: sentence ${side} ${ref} is now "${checksum(text ?? "")}", gold says "${words.join(" ")}"`,
          );
        return ref;
      });
    const goldLinks = gold.links.map((l) => key(refsOf(l.a, "a"), refsOf(l.b, "b")));
    const alignment = alignDocuments(a, b, finder(a.language, b.language));
    const predicted: string[] = [];
    const covered = { a: new Set<string>(), b: new Set<string>() };
    for (const s of alignment.sentences) {
      const ra = s.a.map(([p, k]) => `${p}.${k}`);
      const rb = s.b.map(([p, k]) => `${p}.${k}`);
      for (const r of ra) covered.a.add(r);
      for (const r of rb) covered.b.add(r);
      predicted.push(key(ra, rb));
    }
    const inScope = (ref: string, span: [number, number]) => {
      const p = Number(ref.split(".")[0]);
      return p >= span[0] && p <= span[1];
    };
    for (const ref of texts.a.keys())
      if (!covered.a.has(ref) && inScope(ref, gold.paragraphs.a)) predicted.push(key([ref], []));
    for (const ref of texts.b.keys())
      if (!covered.b.has(ref) && inScope(ref, gold.paragraphs.b)) predicted.push(key([], [ref]));
    const made = new Set(
      predicted.filter((k) => {
        const [left = "", right = ""] = k.split(" = ");
        return (
          left.split(" ").some((r) => r && inScope(r, gold.paragraphs.a)) ||
          right.split(" ").some((r) => r && inScope(r, gold.paragraphs.b))
        );
      }),
    );
    rows.push({
      file,
      group: gold.source.startsWith("zelensky/") ? "Zelensky addresses (uk/en)" : "MFA statements (ru/en)",
      links: goldLinks.length,
      exact: goldLinks.filter((k) => made.has(k)).length,
      made: made.size,
      errors: goldLinks.filter((k) => !made.has(k)),
    });
  }
  return rows;
}
