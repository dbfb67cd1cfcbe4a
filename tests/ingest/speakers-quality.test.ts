/**
 * Who speaks each turn, against transcripts annotated by hand (tests/gold/speakers: per turn the
 * person's full name as the document and its date establish it, "reporter" for an unnamed
 * questioner, "unknown" for anyone else unnamed; scripts/speaker-gold.ts). A turn's speaker is
 * right when the person the pipeline names (its registry entry, or the name it found) is the
 * annotated person; wrong when it names someone else, or names anyone where the annotator could
 * not; missed when it names no one where the annotator could. Precision first: an unknown
 * speaker is better than a wrong one. `npm run quality` writes the figures to docs/quality.md.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Document } from "../../src/model/document.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { firstWords } from "../support/gold-files.js";
import { ingestFile, registry } from "../support/ingest.js";
import { measuredLine, writeQualitySection } from "../support/quality-report.js";

const GOLD = fileURLToPath(new URL("../gold/speakers", import.meta.url));

interface GoldFile {
  source: string;
  doc: number;
  turnCount: number;
  /** Per turn: the speaker ("Jen Psaki", "reporter", "unknown") and the turn's first three words. */
  turns: [string, string][];
}

interface Score {
  file: string;
  turns: number;
  /** Turns the annotator named a person for. */
  named: number;
  /** Turns the pipeline named a person for. */
  claimed: number;
  right: number;
  errors: string[];
}

const NOBODY = new Set(["reporter", "unknown"]);
/** Words a name found in a label may carry besides the name: "Administrator Regan" is Michael Regan, less fully named. */
const HONORIFICS = new Set(
  "mr ms mrs dr jr sr secretary administrator ambassador general admiral director senator governor surgeon deputy chairman".split(
    " ",
  ),
);
const words = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !HONORIFICS.has(w));

/** The names the pipeline's person goes by: the registry's name and aliases, or the name it found. */
function namesOf(turn: Document["turns"][number]): string[] {
  const registered = turn.speakerId ? registry.get(turn.speakerId) : undefined;
  if (registered) return [registered.name, ...registered.aliases.map((a) => a.name)];
  return turn.speakerName ? [turn.speakerName] : [];
}

/** One of the names is the annotated person's: the same words, or some of them ending on the same surname. */
function samePerson(names: string[], gold: string): boolean {
  const g = words(gold);
  return names.some((n) => {
    const w = words(n);
    if (w.length === 0) return false;
    if (w.join(" ") === g.join(" ")) return true;
    return w[w.length - 1] === g[g.length - 1] && w.every((x) => g.includes(x));
  });
}

function scoreFile(file: string): Score {
  const gold = JSON.parse(readFileSync(`${GOLD}/${file}`, "utf8")) as GoldFile;
  const doc = ingestFile(corpusPath(gold.source))[gold.doc];
  if (!doc) throw new Error(`${file}: no document ${gold.doc} in ${gold.source}`);
  if (doc.turns.length !== gold.turnCount)
    throw new Error(`${file}: ${doc.turns.length} turns, the gold has ${gold.turnCount} (boundaries moved)`);
  const score: Score = { file, turns: doc.turns.length, named: 0, claimed: 0, right: 0, errors: [] };
  doc.turns.forEach((turn, i) => {
    const [person, words3] = gold.turns[i] as [string, string];
    if (firstWords(turn.paragraphs[0]) !== words3) throw new Error(`${file}: turn ${i} starts differently`);
    const annotated = !NOBODY.has(person);
    // A speaker id is a claim about a person; a role's label alone ("Senior Administration Official") is not.
    const claimed = turn.speakerId !== null;
    if (annotated) score.named++;
    if (claimed) score.claimed++;
    const names = claimed ? namesOf(turn) : [];
    const label = turn.label ?? "no label";
    if (annotated && claimed && samePerson(names, person)) score.right++;
    else if (claimed)
      score.errors.push(`turn ${i} (${label}): ${names[0] ?? turn.speakerId}, should be ${person}`);
    else if (annotated) score.errors.push(`turn ${i} (${label}): nobody named, should be ${person}`);
  });
  return score;
}

const listGold = () =>
  existsSync(GOLD)
    ? readdirSync(GOLD)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const total = (scores: Score[]) => {
  const sum = (f: (s: Score) => number) => scores.reduce((n, s) => n + f(s), 0);
  const right = sum((s) => s.right);
  return {
    turns: sum((s) => s.turns),
    named: sum((s) => s.named),
    claimed: sum((s) => s.claimed),
    right,
    precision: ratio(
      right,
      sum((s) => s.claimed),
    ),
    recall: ratio(
      right,
      sum((s) => s.named),
    ),
  };
};

function writeReport(scores: Score[]): void {
  const row = (name: string, s: ReturnType<typeof total>) =>
    `| ${name} | ${s.turns} | ${s.named} | ${s.claimed} | ${s.right} | ${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} |`;
  const lines = [
    "## Who speaks each turn (`npm run quality`)",
    "",
    measuredLine(),
    'Transcripts from `../shared/corpus` (White House briefings, gaggles, press calls and remarks, Obama-era pages, the mid.ru transcript, two interviews), annotated on 2026-12-06 by three annotators who read them through `scripts/speaker-gold.ts dump` and never saw the pipeline\'s speakers: per turn the person\'s full name where the document (title, labels, introductions, a moderator naming the next questioner) and its date establish it, otherwise `reporter` or `unknown`. A turn counts as named by the pipeline when it carries a speaker id (a role\'s label alone, "Senior Administration Official", names nobody). Precision: named turns whose person is the annotated one; recall: annotated persons the pipeline named. Precision first: an unknown speaker is better than a wrong one. Measured before any change: precision 0.998, recall 0.860; the errors were then read, and reporters named by the chair\'s call or their own words under a bare "Q" (`segment/questioners.ts`) and a dozen regular White House briefers in the registry (the Surgeon General\'s "SURGEON GENERAL MURTHY" was a name with its office) were added, so the figures below are no longer unseen. Most of what is left: an interviewer the page labels only by the outlet ("abcnews.go.com"), whom the annotator knew by outside knowledge. Then eight more transcripts (three Obama-era briefings, one with the UN ambassador; a President\'s press conference; two briefings with a cabinet secretary at the podium; a background press call on COP26; an Obama-era briefing of 2015) were annotated blind by two more annotators and measured once: precision 1.000, recall 0.993 (598 of 602 persons). The COP26 call\'s three misses were then read, and a chair\'s "why don\'t we close it off with…" taken for a call, and "Yep, go ahead." after a reporter\'s line check ("Sorry, am I unmuted now?") for a confirmation of it.',
    "",
    "| document | turns | persons annotated | persons named | right | precision | recall |",
    "|---|---|---|---|---|---|---|",
    ...scores.map((s) => row(s.file.replace(/\.json$/, ""), total([s]))),
    row("**all**", total(scores)),
    "",
    "Errors:",
    "",
    ...(scores.some((s) => s.errors.length)
      ? scores.flatMap((s) => s.errors.map((e) => `- ${s.file.replace(/\.json$/, "")}: ${e}`))
      : ["- none"]),
  ];
  writeQualitySection("speakers", lines.join("\n"));
}

describe.skipIf(!corpusAvailable)("who speaks each turn against hand annotations", () => {
  let scores: Score[] = [];

  // Measured in a hook, not at load: collection must stay quick.
  beforeAll(() => {
    scores = listGold().map(scoreFile);
    if (process.env.WRITE_QUALITY === "1") writeReport(scores);
  });

  it("has at least 25 annotated transcripts", () => {
    expect(scores.length).toBeGreaterThanOrEqual(25);
  });

  it("names the wrong person for at most 1% of the turns it names anyone for", () => {
    expect(total(scores).precision).toBeGreaterThanOrEqual(0.99);
  });

  it("names the annotated person for at least 90% of the turns whose speaker the document establishes", () => {
    expect(total(scores).recall).toBeGreaterThanOrEqual(0.9);
  });
});
