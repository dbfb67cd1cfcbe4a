/**
 * Turn kinds and question→answer pairs against transcripts annotated by hand (tests/gold/turns*:
 * the kind of every turn and which answers answer which question, decided by reading the
 * documents, not the segmenter's output). The samples, which of them the rules were tuned on and
 * which are still unseen, are listed in turn-samples.ts; `npm run quality` writes them all to
 * docs/quality.md.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document, TurnKind } from "../../src/model/document.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { firstWords } from "../support/gold-files.js";
import { ingestFile } from "../support/ingest.js";
import { measuredLine, writeQualitySection } from "../support/quality-report.js";
import { AGREEMENT, TURN_SAMPLES, type TurnSample } from "./turn-samples.js";

interface GoldFile {
  /** Path under ../shared/corpus. */
  source: string;
  /** Which of the file's documents. */
  doc: number;
  turnCount: number;
  /** Per turn: its kind, and its first three words (a checksum: the gold is void if boundaries move). */
  turns: [TurnKind, string][];
  /** [question turn, answer turn], one per answer. */
  pairs: [number, number][];
}

interface FileScore {
  file: string;
  publisher: string;
  turns: number;
  kindsRight: number;
  tp: number;
  fp: number;
  fn: number;
  errors: string[];
}

const listGold = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];

function scoreFile(file: string, gold: GoldFile, doc: Document): FileScore {
  const errors: string[] = [];
  if (doc.turns.length !== gold.turnCount) {
    throw new Error(`${file}: ${doc.turns.length} turns, the gold has ${gold.turnCount}: re-annotate`);
  }
  let kindsRight = 0;
  gold.turns.forEach(([kind, words], i) => {
    const turn = doc.turns[i];
    if (firstWords(turn?.paragraphs[0]) !== words) {
      throw new Error(`${file}: turn ${i} begins "${firstWords(turn?.paragraphs[0])}", not "${words}"`);
    }
    if (turn?.kind === kind) kindsRight++;
    else
      errors.push(`turn ${i} (${turn?.label ?? "no label"}, "${words}…"): ${turn?.kind}, should be ${kind}`);
  });
  const goldPairs = new Set(gold.pairs.map(([q, a]) => `${q}-${a}`));
  const made = new Set(doc.qa.flatMap((p) => p.answers.map((a) => `${p.question}-${a}`)));
  const tp = [...made].filter((p) => goldPairs.has(p)).length;
  for (const p of made) if (!goldPairs.has(p)) errors.push(`pair ${p} made, not in the gold`);
  for (const p of goldPairs) if (!made.has(p)) errors.push(`pair ${p} missed`);
  return {
    file,
    publisher: gold.source.split("/").slice(0, 2).join("/"),
    turns: gold.turnCount,
    kindsRight,
    tp,
    fp: made.size - tp,
    fn: goldPairs.size - tp,
    errors,
  };
}

/** Scores one gold folder; the worker gets a turn of its event loop after each file (see support/event-loop.ts). */
async function score(dir: string): Promise<FileScore[]> {
  const rows: FileScore[] = [];
  for (const file of listGold(dir)) {
    await nextTurn();
    const gold = JSON.parse(readFileSync(`${dir}/${file}`, "utf8")) as GoldFile;
    const doc = ingestFile(corpusPath(gold.source))[gold.doc] as Document;
    rows.push(scoreFile(file, gold, doc));
  }
  return rows;
}

/** Two annotations of one document compared as one scores the other: turns of the same kind, shared pairs. */
interface Agreement {
  turns: number;
  same: number;
  shared: number;
  /** Pairs in the first and in the second annotation. */
  first: number;
  second: number;
}

function agreement(a: Pick<GoldFile, "turns" | "pairs">, b: Pick<GoldFile, "turns" | "pairs">): Agreement {
  const key = ([q, x]: [number, number]) => `${q}-${x}`;
  const inB = new Set(b.pairs.map(key));
  return {
    turns: a.turns.length,
    same: a.turns.filter(([kind], i) => b.turns[i]?.[0] === kind).length,
    shared: a.pairs.filter((p) => inB.has(key(p))).length,
    first: a.pairs.length,
    second: b.pairs.length,
  };
}

const sum = (xs: Agreement[]): Agreement =>
  xs.reduce(
    (s, x) => ({
      turns: s.turns + x.turns,
      same: s.same + x.same,
      shared: s.shared + x.shared,
      first: s.first + x.first,
      second: s.second + x.second,
    }),
    { turns: 0, same: 0, shared: 0, first: 0, second: 0 },
  );

/** Kind agreement and pair F1 (symmetric: 2 × shared / (first + second)). */
const agreementCells = (x: Agreement) =>
  `${(x.same / x.turns).toFixed(3)} | ${(x.first + x.second ? (2 * x.shared) / (x.first + x.second) : 1).toFixed(3)}`;

interface AgreementRow {
  file: string;
  sample: string;
  people: Agreement;
  rulesFirst: Agreement;
  rulesSecond: Agreement;
}

/** Each re-annotated document against its first annotation, and the rules against both. */
async function scoreAgreement(): Promise<AgreementRow[]> {
  const out: AgreementRow[] = [];
  for (const file of listGold(AGREEMENT)) {
    await nextTurn();
    const again = JSON.parse(readFileSync(`${AGREEMENT}/${file}`, "utf8")) as GoldFile;
    const sample = TURN_SAMPLES.map((t) => t.dir).find((d) => existsSync(`${d}/${file}`));
    if (!sample) throw new Error(`${file}: annotated again, but not first in any sample`);
    const first = JSON.parse(readFileSync(`${sample}/${file}`, "utf8")) as GoldFile;
    const doc = ingestFile(corpusPath(first.source))[first.doc] as Document;
    const rules = {
      turns: doc.turns.map((t) => [t.kind, ""] as [TurnKind, string]),
      pairs: doc.qa.flatMap((p) => p.answers.map((a) => [p.question, a] as [number, number])),
    };
    out.push({
      file,
      sample: sample.split("/").pop() as string,
      people: agreement(first, again),
      rulesFirst: agreement(rules, first),
      rulesSecond: agreement(rules, again),
    });
  }
  return out;
}

function agreementSection(rows: AgreementRow[]): string[] {
  const line = (name: string, r: Omit<AgreementRow, "file" | "sample">) =>
    `| ${name} | ${r.people.turns} | ${agreementCells(r.people)} | ${agreementCells(r.rulesFirst)} | ${agreementCells(r.rulesSecond)} |`;
  return [
    "### Agreement between annotators (tests/gold/turns-agreement)",
    "",
    "How far two people reading the same transcript agree, which bounds what any rule can score against one of them. Four documents already in the fresh and third samples were annotated again on 2026-12-04 by another annotator who saw neither the first annotation nor the rules' output, the eighth sample's five on 2026-12-07 by two more annotators from the same written guide as its first two, who saw neither their annotations nor the rules' output, and the three interviews of the thirteenth sample on 2026-12-07 by a second annotator from the same guide beside the first, each blind to the other. Annotators reading from one written guide agree far more (0.98 and more on the eighth sample) than those who kept conventions of their own: the target of 0.97 is what a careful reader with the guide does, and the rules are well short of it. Kind agreement is over turns; pair agreement is the F1 of one annotation's pairs against the other's (symmetric).",
    "",
    "| document | turns | people: kinds | people: pair F1 | rules vs first: kinds | pair F1 | rules vs second: kinds | pair F1 |",
    "|---|---|---|---|---|---|---|---|",
    ...rows.map((r) => line(`${r.sample}/${r.file.replace(/\.json$/, "").slice(0, 60)}`, r)),
    line("**all**", {
      people: sum(rows.map((r) => r.people)),
      rulesFirst: sum(rows.map((r) => r.rulesFirst)),
      rulesSecond: sum(rows.map((r) => r.rulesSecond)),
    }),
    "",
  ];
}

interface Total {
  files: number;
  turns: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

function total(rows: FileScore[]): Total {
  const t = rows.reduce(
    (s, r) => ({
      turns: s.turns + r.turns,
      right: s.right + r.kindsRight,
      tp: s.tp + r.tp,
      fp: s.fp + r.fp,
      fn: s.fn + r.fn,
    }),
    { turns: 0, right: 0, tp: 0, fp: 0, fn: 0 },
  );
  const precision = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const recall = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return {
    files: rows.length,
    turns: t.turns,
    accuracy: t.turns ? t.right / t.turns : 1,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

const row = (name: string, t: Total) =>
  `| ${name} | ${t.files} | ${t.turns} | ${t.accuracy.toFixed(3)} | ${t.precision.toFixed(3)} | ${t.recall.toFixed(3)} | ${t.f1.toFixed(3)} |`;

function table(rows: FileScore[]): string[] {
  const groups = new Map<string, FileScore[]>();
  for (const r of rows) groups.set(r.publisher, [...(groups.get(r.publisher) ?? []), r]);
  return [
    "| documents | files | turns | kind accuracy | pair precision | pair recall | pair F1 |",
    "|---|---|---|---|---|---|---|",
    ...[...groups].map(([g, rs]) => row(g, total(rs))),
    row("**all**", total(rows)),
  ];
}

const errorLines = (rows: FileScore[]) =>
  rows.flatMap((r) => r.errors.map((e) => `- ${r.file.replace(/\.json$/, "")}: ${e}`));

/** One sample's part of the report: what it is, its table, and every error. */
const section = (heading: string, intro: string, rows: FileScore[]) => [
  `### ${heading}`,
  "",
  intro,
  "",
  ...table(rows),
  "",
  "Errors:",
  "",
  ...(errorLines(rows).length ? errorLines(rows) : ["- none"]),
  "",
];

/** The figures as a section of docs/quality.md (`npm run quality`). */
function writeReport(agreed: AgreementRow[], scored: [TurnSample, FileScore[]][]): void {
  const lines = [
    "## Turn kinds and question→answer pairs (`npm run quality`)",
    "",
    measuredLine(),
    "Target: kind accuracy at least 0.97 and pair F1 at least 0.97.",
    "Transcripts from `../shared/corpus` (White House briefings, gaggles, press calls and remarks, Obama-era pages, the mid.ru transcript, interviews), annotated by reading: the kind of every turn (remarks, question, answer, moderator, other) and each (question, answer) pair. The gold keeps no text but each turn's first three words, so a change of turn boundaries is caught instead of scored. Kind accuracy is over turns; pair precision and recall are over (question, answer) pairs. The annotators' written guide is tests/gold/turns-guide.md (since the eighth sample; the fifth to seventh followed an earlier guide that was not kept).",
    "",
    ...agreementSection(agreed),
    ...scored.flatMap(([sample, rows]) => section(sample.heading, sample.intro, rows)),
  ];
  writeQualitySection("turns", lines.join("\n"));
}

const name = (sample: TurnSample) => sample.heading.replace(/ \(.*$/, "").toLowerCase();

describe.skipIf(!corpusAvailable)("turn kinds and question-answer pairs against hand annotations", () => {
  const scored = new Map<TurnSample, FileScore[]>();
  let agreed: AgreementRow[] = [];

  // Measured in a hook, not at load: collection must stay quick (see support/event-loop.ts).
  beforeAll(async () => {
    for (const sample of TURN_SAMPLES) scored.set(sample, await score(sample.dir));
    agreed = await scoreAgreement();
    if (process.env.WRITE_QUALITY === "1") writeReport(agreed, [...scored]);
  });

  it("has at least 15 annotated transcripts, and every sample at least as many as were annotated", () => {
    for (const sample of TURN_SAMPLES)
      expect(scored.get(sample)?.length, sample.heading).toBeGreaterThanOrEqual(sample.minFiles);
    expect([...scored.values()].flat().length).toBeGreaterThanOrEqual(15);
  });

  it("has documents annotated twice, by people who agree on most turns", () => {
    expect(agreed.length).toBeGreaterThanOrEqual(4);
    const people = sum(agreed.map((r) => r.people));
    expect(people.same / people.turns).toBeGreaterThan(0.9);
  });

  // The targets hold on the tuning sample; every other sample is guarded against regressions below
  // its measured figures (docs/quality.md), not held to a target it was never tuned for.
  for (const sample of TURN_SAMPLES) {
    it(`gets at least ${sample.minKind} of the ${name(sample)}'s turn kinds right and pairs its questions with an F1 of at least ${sample.minF1}`, () => {
      const t = total(scored.get(sample) ?? []);
      expect(t.accuracy).toBeGreaterThanOrEqual(sample.minKind);
      expect(t.f1).toBeGreaterThanOrEqual(sample.minF1);
    });
  }
});
