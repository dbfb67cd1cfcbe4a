/**
 * Turn kinds and question→answer pairs against transcripts annotated by hand (tests/gold/turns:
 * the kind of every turn and which answers answer which question, decided by reading the
 * documents, not the segmenter's output). Eight samples: one the rules were tuned on, one
 * annotated before any tuning and not tuned on (tests/gold/turns-fresh), and six from other
 * annotators (tests/gold/turns-second … -seventh; the fourth and seventh not tuned on).
 * `npm run quality` writes all eight to docs/quality.md.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document, TurnKind } from "../../src/model/document.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { firstWords } from "../support/gold-files.js";
import { ingestFile } from "../support/ingest.js";
import { measuredLine, writeQualitySection } from "../support/quality-report.js";

/** Annotated while the rules were being tuned on it. */
const TUNING = fileURLToPath(new URL("../gold/turns", import.meta.url));
/** Annotated before the rules were tuned, and not tuned on since: the honest measure. */
const FRESH = fileURLToPath(new URL("../gold/turns-fresh", import.meta.url));
/** Annotated later by a second annotator who never saw the rules' output; measured before any change. */
const SECOND = fileURLToPath(new URL("../gold/turns-second", import.meta.url));
/** Annotated by a third annotator who never saw the rules' output, after the second sample's tuning. */
const THIRD = fileURLToPath(new URL("../gold/turns-third", import.meta.url));
/** Documents of the fresh and third samples annotated again, blind, by another annotator: how far people agree. */
const AGREEMENT = fileURLToPath(new URL("../gold/turns-agreement", import.meta.url));
/** Annotated by a fourth annotator who never saw the rules' output; not tuned on (its figures only were read). */
const FOURTH = fileURLToPath(new URL("../gold/turns-fourth", import.meta.url));
/** Annotated blind by two more annotators from a written guide; measured before any change, then tuned on. */
const FIFTH = fileURLToPath(new URL("../gold/turns-fifth", import.meta.url));
/** Annotated blind from the same guide after the fifth sample's rules; measured once, then tuned on. */
const SIXTH = fileURLToPath(new URL("../gold/turns-sixth", import.meta.url));
/** Annotated blind from the same guide after the sixth sample's rules, at the session's end; measured once, not tuned on. */
const SEVENTH = fileURLToPath(new URL("../gold/turns-seventh", import.meta.url));

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
    const sample = [FRESH, THIRD, SECOND, FOURTH, FIFTH, SIXTH, SEVENTH, TUNING].find((d) =>
      existsSync(`${d}/${file}`),
    );
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
    "How far two people reading the same transcript agree, which bounds what any rule can score against one of them. Four documents already in the fresh and third samples were annotated again on 2026-12-04 by another annotator who saw neither the first annotation nor the rules' output. Kind agreement is over turns; pair agreement is the F1 of one annotation's pairs against the other's (symmetric).",
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
const SEVENTH_INTRO =
  "Five more transcripts (a press secretary's briefing, a COVID-19 team briefing, a President's remarks with questions, two Obama-era briefings), annotated on 2026-12-06 by two annotators from the same written guide, blind, after every rule written from the fifth and sixth samples' errors. Measured once, not tuned on: the figure to quote. The code of the session's start (0ad02c1) scores it kind 0.913, pair precision 0.906, recall 0.853, F1 0.879 (its own test in a worktree, on these files): on transcripts none of the session's rules were written from, they moved one turn's kind the wrong way and pair F1 up by 0.004.";

const SIXTH_INTRO =
  'Eight more transcripts (a press secretary\'s briefing, an Obama-era briefing, four background press calls, two sets of a President\'s remarks with questions), annotated on 2026-12-06 by two annotators from the fifth sample\'s written guide, blind, after every rule written from the fifth sample\'s errors. Measured once, not tuned on: this is the figure to quote. The code of the session\'s start (0ad02c1, before the fifth sample\'s rules) gives every one of its 341 turns the same kind and pairs (compared turn by turn, without the gold): none of those rules fires on these transcripts, so on them the session changed nothing, for better or worse; on the blind fourth sample they moved kinds 0.928 to 0.936 and F1 0.906 to 0.918. Then its errors were read (kind 0.903, F1 0.854 before) and rules written for the kinds of mistake they showed: officials of a press call handing a question to each other ("I don’t know. [Senior administration official], do you want to talk about …?"), "Yeah, please." and "The podium is yours." giving the floor, "we’re going to take two more" and "He has to go." calling time, a guest introduced with a long biography, a start with nothing in it ("So —") cut off by the reporter, an apology for being on mute, and items "at the top" even right after a shout. The figures below are therefore no longer unseen.';

const FIFTH_INTRO =
  'Eight more transcripts (a gaggle, a background press call with a dropped line, a President\'s remarks with questions, an Obama-era gaggle; a press secretary\'s briefing with an economic adviser, a COVID-19 team briefing, an on-the-record press call, an Obama-era gaggle), annotated on 2026-12-06 by two annotators, four each, who read them through `scripts/turn-gold.ts dump`, never saw the rules\' output, and followed a written guide to the kinds and pairs (a human reader\'s definitions, not the rules). Measured before any change: kind accuracy 0.871, pair precision 0.827, recall 0.846, F1 0.836 (briefings 0.841 / 0.795, Obama-era 0.989 / 0.964). Its errors were then read and rules written for the kinds of mistake they showed: a nod while a question goes on in parts or after a what-question is listening; a question not heard and put again is answered in both wordings; the sound of a call and the few words that reply to it are `other`; a turn made only of running the room (courtesy, hand-offs, time called, the queue kept), a reporter called by title and name or after "All right", and "two more" after an answer are `moderator`; thanks to two people at once, "I\'m so sorry" and "We appreciate it" are courtesy; "We\'re excited to have… with us again today" introduces a guest; a press secretary\'s own items once a guest has gone ("a couple items at the top") and a briefer\'s closing words after the last question was called are remarks (the last rule from the third sample\'s errors). The figures below are therefore no longer unseen.';

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
function writeReport(
  agreed: AgreementRow[],
  seventh: FileScore[],
  sixth: FileScore[],
  fifth: FileScore[],
  fourth: FileScore[],
  fresh: FileScore[],
  second: FileScore[],
  third: FileScore[],
  tuning: FileScore[],
): void {
  const lines = [
    "## Turn kinds and question→answer pairs (`npm run quality`)",
    "",
    measuredLine(),
    "Target: kind accuracy at least 0.97 and pair F1 at least 0.97.",
    "Transcripts from `../shared/corpus` (White House briefings, gaggles, press calls and remarks, Obama-era pages, the mid.ru transcript), annotated by reading: the kind of every turn (remarks, question, answer, moderator, other) and each (question, answer) pair. The gold keeps no text but each turn's first three words, so a change of turn boundaries is caught instead of scored. Kind accuracy is over turns; pair precision and recall are over (question, answer) pairs.",
    "",
    ...agreementSection(agreed),
    ...section("Seventh sample, blind (tests/gold/turns-seventh)", SEVENTH_INTRO, seventh),
    ...section("Sixth sample (tests/gold/turns-sixth)", SIXTH_INTRO, sixth),
    ...section("Fifth sample, blind (tests/gold/turns-fifth)", FIFTH_INTRO, fifth),
    ...section(
      "Fourth annotator, blind (tests/gold/turns-fourth)",
      'Eight more transcripts (a background press call, two gaggles, one with the National Security Advisor, a COVID-19 team briefing, a press secretary\'s briefing, three Obama-era briefings), annotated on 2026-12-04 by a fourth annotator who read them through `scripts/turn-gold.ts dump` and never saw the rules\' output. This is the figure to quote: its errors have not been read. Measured before the changes made while it was being annotated: kind accuracy 0.930, pair precision 0.923, recall 0.862, F1 0.891. Those changes (a cut-off statement that is answered or taken up is a question; a question cut off and taken up before any answer is paired with that answer in both parts; a bare "Yes." while the reporter goes on is listening) were written from the second and third samples\' errors; the fourth sample\'s totals were then read once to choose between pairing only such continued questions and also every question part split by an aside (kind 0.930, precision 0.885, recall 0.897, F1 0.891: rejected). On 2026-12-06 its totals were read once more, after a rule written from the third sample\'s interviews (a question put in parts while the person asked only listens is one question): F1 0.899 before, 0.902 after; and on the same day after another from them (a few words broken off with a dash, which bid by no name and which the person asked answers at once, began a question: "You\'re saying high confidence here--"; trailing dots, which the second sample\'s podcast uses for interruptions, do not count): F1 0.902 before, 0.906 after (the third sample 0.845 to 0.847, the second 0.708 to 0.704). In a later session of the same day its totals were read once more, after the rules written from the fifth sample\'s errors: kind 0.928 to 0.936, F1 0.906 to 0.918. Two of its error lines were seen in that session, in a diff read for regressions: two answers cut off after a few words ("Yes, we have…", "He did, actually…") that a first version of the rule for turns made only of running the room took for hand-offs; the rule was mended for every turn (a turn needs a sentence that hands the floor on or calls time) before these figures. A third was seen in a diff after the questioners were named (speakers section): "North Korea?", words of the question asked back, which a rule written for a gaggle of the speakers sample no longer takes for a reporter called by name: kind 0.936 to 0.938. A review’s precision fixes written after that from general cases (the sound of a call read from whole sentences, “We’ll get back to you.” an answer, courtesy before a name called, a host’s welcome of a guest leader) moved one of its turns back (0.936); which one was not looked at. The annotator\'s conventions: each substantive part of a question split by an interruption is a question paired with the answer; a question put again after "I\'m sorry?" is paired in both wordings; a reporter\'s topic announcement ("Can I ask a —") is `other`; deflections ("I\'d refer you to the FDA") are answers.',
      fourth,
    ),
    ...section(
      "Fresh sample (tests/gold/turns-fresh)",
      'Annotated before the kind and pairing rules were written (issue 13), and not tuned on afterwards, with two exceptions made after reading its errors: "Absolutely." counted as a courtesy word like "Okay.", and a turn with no sentence at all ("1:30.") no longer counted as a courtesy. Before the rules (a turn after a question was an answer, every "Q" a question): kind accuracy 0.769, pair precision 0.727, recall 0.952, F1 0.825.',
      fresh,
    ),
    ...section(
      "Third annotator (tests/gold/turns-third)",
      'Nine more transcripts (a President\'s remarks with questions, a background press call where the moderator hands each question to officials whose names are withheld, a press secretary\'s briefing with the COVID-19 coordinator, a press secretary\'s briefing, three Obama-era briefings and gaggles, and two television interviews with Barack Obama, BBC and ABC), annotated on 2026-12-04 by a third annotator who read them through `scripts/turn-gold.ts dump` and never saw the rules\' output, after the second sample\'s rules were written. Measured before any change: kind accuracy 0.856, pair precision 0.850, recall 0.726, F1 0.783 (briefings 0.820 / 0.779, Obama-era 0.870 / 0.827, interviews 0.884 / 0.680). This annotator, too, keeps conventions of their own: a question split by a backchannel is several questions, each paired with the answer; a reporter\'s bid for the floor ("Can I ask one on Ukraine?") is `other` and the "Sure." that grants it `moderator`; a reporter\'s pushback that demands a reply is a question. Then, after reading its errors, general rules were added or fixed: titles no longer end a sentence ("Thank you, Mr. President." is thanks), a reporter\'s "Good afternoon." was not read as a greeting ("Good" was stripped as filler), apologies are courtesy, a guest introduced at the podium and "Who\'s first?" chair the briefing, a press call\'s sound check ("Hi, can you hear me?") is `other`, an official asking to hear or understand the question again ("Are you talking about…?", "I\'m having a hard time hearing you") is `other`, and a moderator\'s "Let\'s go back to Maegan", "[Senior administration official], do you want to take that?" and "You know where to find me" hand the floor or close. The figures below are therefore no longer unseen.',
      third,
    ),
    ...section(
      "Second annotator (tests/gold/turns-second)",
      "Eight more transcripts (a briefing with a guest at the podium, a background press call, a gaggle, a COVID-19 team briefing where one official hands questions to others, a President's remarks with questions, two Obama-era gaggles, and a CNN podcast interview with Barack Obama), annotated on 2026-12-04 by a second annotator who read the transcripts through `scripts/turn-gold.ts dump` (turn boundaries only) and never saw the rules' output; the annotator's own conventions differ in places (a question split by a backchannel is two questions, each paired with the answers; an interviewer's remark that invites a reply is a question). Measured before any change: kind accuracy 0.823, pair precision 0.676, recall 0.574, F1 0.621 (briefings 0.878 / 0.828, Obama-era 0.877 / 0.878, the interview 0.720 / 0.253). Then, after reading its errors, general rules were added (a reporter called by name without a question mark, an official handing a question to a colleague by name, listeners' backchannels such as \"Yeah.\" on the asking side, a turn that goes on after a cut-in keeping its kind and its question, an interviewer's few words that ask nothing, unless labelled as a question), so the figures below are no longer unseen.",
      second,
    ),
    ...section(
      "Tuning sample (tests/gold/turns)",
      "Annotated by reading too, before measuring, but the rules were then adjusted while measuring on it. Before the rules: kind accuracy 0.830, pair precision 0.808, recall 0.975, F1 0.884.",
      tuning,
    ),
  ];
  writeQualitySection("turns", lines.join("\n"));
}

describe.skipIf(!corpusAvailable)("turn kinds and question-answer pairs against hand annotations", () => {
  let fresh: FileScore[] = [];
  let second: FileScore[] = [];
  let third: FileScore[] = [];
  let tuning: FileScore[] = [];
  let fourth: FileScore[] = [];
  let fifth: FileScore[] = [];
  let sixth: FileScore[] = [];
  let seventh: FileScore[] = [];
  let agreed: AgreementRow[] = [];

  // Measured in a hook, not at load: collection must stay quick (see support/event-loop.ts).
  beforeAll(async () => {
    fresh = await score(FRESH);
    second = await score(SECOND);
    third = await score(THIRD);
    tuning = await score(TUNING);
    fourth = await score(FOURTH);
    fifth = await score(FIFTH);
    sixth = await score(SIXTH);
    seventh = await score(SEVENTH);
    agreed = await scoreAgreement();
    if (process.env.WRITE_QUALITY === "1")
      writeReport(agreed, seventh, sixth, fifth, fourth, fresh, second, third, tuning);
  });

  it("has at least 15 annotated transcripts, 5 of them fresh, 8 from a second annotator, 9 from a third, 8 from a fourth, 8 from a fifth, 8 from a sixth and 5 from a seventh sample", () => {
    expect(fourth.length).toBeGreaterThanOrEqual(8);
    expect(fresh.length).toBeGreaterThanOrEqual(5);
    expect(second.length).toBeGreaterThanOrEqual(8);
    expect(third.length).toBeGreaterThanOrEqual(9);
    expect(fifth.length).toBeGreaterThanOrEqual(8);
    expect(sixth.length).toBeGreaterThanOrEqual(8);
    expect(seventh.length).toBeGreaterThanOrEqual(5);
    expect(fresh.length + second.length + tuning.length).toBeGreaterThanOrEqual(15);
  });

  it("has documents annotated twice, by people who agree on most turns", () => {
    expect(agreed.length).toBeGreaterThanOrEqual(4);
    const people = sum(agreed.map((r) => r.people));
    expect(people.same / people.turns).toBeGreaterThan(0.9);
  });

  // The targets hold on the tuning sample; the fresh sample is guarded against regressions below
  // its measured figures (docs/quality.md), not held to a target it was never tuned for.
  it("gets the kind of at least 0.97 of the tuning sample's turns right, 0.93 of the fresh sample's, 0.86 of the second annotator's, 0.87 of the third's, 0.92 of the fourth's, 0.92 of the fifth's, 0.92 of the sixth's and 0.90 of the seventh's", () => {
    expect(total(sixth).accuracy).toBeGreaterThanOrEqual(0.92);
    expect(total(seventh).accuracy).toBeGreaterThanOrEqual(0.9);
    expect(total(fourth).accuracy).toBeGreaterThanOrEqual(0.92);
    expect(total(fifth).accuracy).toBeGreaterThanOrEqual(0.92);
    expect(total(tuning).accuracy).toBeGreaterThanOrEqual(0.97);
    expect(total(fresh).accuracy).toBeGreaterThanOrEqual(0.93);
    expect(total(second).accuracy).toBeGreaterThanOrEqual(0.86);
    expect(total(third).accuracy).toBeGreaterThanOrEqual(0.87);
  });

  it("pairs questions with their answers with an F1 of at least 0.97 on the tuning sample, 0.92 on the fresh one, 0.69 on the second annotator's, 0.80 on the third's, 0.88 on the fourth's, 0.89 on the fifth's, 0.88 on the sixth's and 0.87 on the seventh's", () => {
    expect(total(sixth).f1).toBeGreaterThanOrEqual(0.88);
    expect(total(seventh).f1).toBeGreaterThanOrEqual(0.87);
    expect(total(fourth).f1).toBeGreaterThanOrEqual(0.88);
    expect(total(fifth).f1).toBeGreaterThanOrEqual(0.89);
    expect(total(tuning).f1).toBeGreaterThanOrEqual(0.97);
    expect(total(fresh).f1).toBeGreaterThanOrEqual(0.92);
    expect(total(second).f1).toBeGreaterThanOrEqual(0.69);
    expect(total(third).f1).toBeGreaterThanOrEqual(0.8);
  });
});
