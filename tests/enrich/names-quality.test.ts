/**
 * Every person, organisation, place and country a document names, listed or not, against the
 * names annotated by hand (tests/gold/names: the finder's rules were written while reading its
 * errors; tests/gold/names-fresh: annotated blind by two other annotators and scored, not tuned
 * on). `npm run quality` writes precision and recall, overall, for listed and unlisted names, and
 * per language, to docs/quality.md.
 */
import { existsSync, readdirSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import "../support/language-detection.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { corpusAvailable } from "../support/corpus.js";
import { registry } from "../support/ingest.js";
import { type NameScore, precision, recall, scoreFolder, sum, type Tally } from "../support/name-score.js";
import { measuredLine, writeQualitySection } from "../support/quality-report.js";

const TUNING = fileURLToPath(new URL("../gold/names", import.meta.url));
const FRESH = fileURLToPath(new URL("../gold/names-fresh", import.meta.url));
const UNSEEN = fileURLToPath(new URL("../gold/names-unseen", import.meta.url));
const ENGLISH = fileURLToPath(new URL("../gold/names-english", import.meta.url));
const ENGLISH_UNSEEN = fileURLToPath(new URL("../gold/names-english-unseen", import.meta.url));
const ENGLISH_THIRD = fileURLToPath(new URL("../gold/names-english-third", import.meta.url));

const listGold = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".json"))
        .sort()
    : [];

const matcher = new EntityMatcher(Gazetteer.load(registry));

/** Scores a folder a file at a time, giving the worker's event loop a turn between files. */
async function score(dir: string): Promise<NameScore & { perFile: [string, Tally][] }> {
  const files = listGold(dir);
  const total: NameScore & { perFile: [string, Tally][] } = {
    perFile: [],
    documents: 0,
    byLanguage: new Map(),
    listed: { made: 0, right: 0, gold: 0, found: 0 },
    unlisted: { made: 0, right: 0, gold: 0, found: 0 },
    errors: [],
  };
  for (const file of files) {
    await nextTurn();
    const one = scoreFolder(dir, [file], matcher);
    total.perFile.push([file.replace(/\.json$/, ""), sum(one.listed, one.unlisted)]);
    total.documents += one.documents;
    total.listed = sum(total.listed, one.listed);
    total.unlisted = sum(total.unlisted, one.unlisted);
    total.errors.push(...one.errors);
    for (const [lang, t] of one.byLanguage) {
      const had = total.byLanguage.get(lang);
      total.byLanguage.set(
        lang,
        had ? { listed: sum(had.listed, t.listed), unlisted: sum(had.unlisted, t.unlisted) } : t,
      );
    }
  }
  return total;
}

const row = (label: string, t: Tally) =>
  `| ${label} | ${t.made} | ${t.right} | ${precision(t).toFixed(3)} | ${t.gold} | ${t.found} | ${recall(t).toFixed(3)} |`;

function section(title: string, about: string, s: NameScore, withErrors: boolean): string[] {
  return [
    `### ${title}`,
    "",
    `${s.documents} documents. ${about}`,
    "",
    "| names | entities named | right | precision | referents in the gold | found | recall |",
    "|---|---|---|---|---|---|---|",
    row("**all**", sum(s.listed, s.unlisted)),
    row("listed (the gazetteer's)", s.listed),
    row("unlisted (found in the text)", s.unlisted),
    ...[...s.byLanguage]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([lang, t]) => [
        row(`${lang}, all`, sum(t.listed, t.unlisted)),
        row(`${lang}, unlisted`, t.unlisted),
      ]),
    "",
    ...(withErrors ? ["Errors:", "", ...s.errors.map((e) => `- ${e}`), ""] : []),
  ];
}

/** Each document's figures, where one document (a long list of names) would outweigh the rest. */
function perDocument(s: { perFile: [string, Tally][] }): string[] {
  return [
    "| document | entities named | right | precision | referents in the gold | found | recall |",
    "|---|---|---|---|---|---|---|",
    ...s.perFile.map(([file, t]) => row(file, t)),
    "",
  ];
}

function writeReport(
  tuning: NameScore,
  fresh: NameScore,
  unseen: NameScore,
  english: NameScore & { perFile: [string, Tally][] },
  englishUnseen: NameScore & { perFile: [string, Tally][] },
  englishThird: NameScore & { perFile: [string, Tally][] },
): void {
  const lines = [
    "## Every name, listed or not (`npm run quality`)",
    "",
    measuredLine(),
    "Target: precision at least 0.95 and recall at least 0.90 overall.",
    "Documents from `../shared/corpus` (mid.ru statements in Russian and English, kremlin.ru decrees, Zelensky addresses in Ukrainian and English, White House remarks and an Obama-era gaggle), in which annotators marked every person, organisation, place and country named, and gave the gazetteer's id where the list holds that very referent (`scripts/name-gold.ts`; the gold keeps spans, not text). Scored per document: a referent is found when a mention of the right entity overlaps one of its spans (its gazetteer id, or for an unlisted referent an entity found in the text, a place or a country for a place); an entity named is right when one of its mentions overlaps a referent it is right for. Speaker labels and participants count as the text does.",
    "",
    ...section(
      "Unseen sample (tests/gold/names-unseen)",
      'Annotated blind on 2026-12-06 by an annotator who saw neither the finder nor its output, after the changes of that day; its errors have not been read. First measured at precision 0.984, recall 0.925 (English 0.800 / 0.638); measured again after two rules written from the fresh sample\'s English errors (an institution written alone, "Congress"; an acronym after "the", "the CDC"): the figure to quote.',
      unseen,
      true,
    ),
    ...section(
      "English third sample, blind (tests/gold/names-english-third)",
      "Two mid.ru statements in English (lists of 287 British MPs and of 200 US citizens under sanctions, the latter partly left in Russian), a White House speech, a background press call and an Obama-era gaggle, two Zelensky addresses in English. Annotated blind on 2026-12-06 (fourth session) by four annotators who saw neither the finder nor its output, from the written guide (`.scratch/annotation-guide.md`), while the rules written from the English unseen sample's errors were being written; its errors are not listed here and have not been read: the figure to quote for English. The code before those rules (6a3e20a) scored it at precision 0.967, recall 0.910 (`.scratch/score-folder.ts` in a worktree of that commit).",
      englishThird,
      false,
    ).flatMap((line, i, all) => (i === all.length - 1 ? [line, ...perDocument(englishThird)] : [line])),
    ...section(
      "English unseen sample (tests/gold/names-english-unseen)",
      'A White House speech and press call, an Obama-era briefing, a mid.ru statement in English (a list of 227 people under sanctions and their employers), two Zelensky addresses in English. Annotated blind on 2026-12-06 by two annotators who saw neither the finder nor its output, from the same guide, while the rules written from the English sample below were being written. The session\'s first code (d537811, before any rule from the English sample) scored it at precision 0.892, recall 0.733 (`.scratch/score-folder.ts` in a worktree of that commit), and the third session\'s last code at 0.890 / 0.768. Its errors were then read (2026-12-06, fourth session) and rules written for the kinds of mistake they showed: names typed with Cyrillic look-alike letters ("William В. Karesh"), a list entry\'s roles and employer ("Payam Banazadeh, CEO, Capella Space"), a reporter\'s outlet after "with" or "at", a capital at a journey\'s ends, "America" alone. It flatters the finder since.',
      englishUnseen,
      true,
    ).flatMap((line, i, all) =>
      i === all.indexOf("Errors:") ? [...perDocument(englishUnseen), line] : [line],
    ),
    ...section(
      "English sample (tests/gold/names-english)",
      'White House remarks, press calls and an Obama-era gaggle, mid.ru statements in English (one a list of 333 people under sanctions), Zelensky addresses in English. Annotated blind on 2026-12-06 by three annotators who saw neither the finder nor its output, from a written guide to the conventions of the samples above (`.scratch/annotation-guide.md` at the time; its rules are the ones this section\'s heading states); first measured, before any rule was written from it, at precision 0.967 and recall 0.775. Its errors were then read (2026-12-06, third session) and rules written for the kinds of mistake they showed: a list entry\'s name before a comma and an office ("Pat Rehn, Member of the Legislative Assembly"), a name a lowercase word for a body describes ("the Yorktown Solutions lobbying firm"), the parties named by their members ("Republicans"), a state that is also a given name after a place and a comma or after "in" ("Richmond, California"), and no country read from two or three capitals folded ("CAD" as Turkish "Çad"). It flatters the finder since.',
      english,
      true,
    ).flatMap((line, i, all) => (i === all.indexOf("Errors:") ? [...perDocument(english), line] : [line])),
    ...section(
      "Fresh sample (tests/gold/names-fresh)",
      'Annotated blind by two annotators who saw neither the finder nor its output. Its English errors were read on 2026-12-06 (second session): an institution written alone ("allow Congress to start over") was missed, as a generic word alone; a title’s capitalised words ran a name on ("Bill Burton Aboard Air Force One" was an organisation); "en route Cleveland" was no place cue. English before that: precision 0.948, recall 0.821. Its Ukrainian errors were read once, on 2026-12-06, and rules were written for the kinds of mistake they showed (a region named by its adjective, several adjectives sharing one noun, Ukrainian names the gazetteer lacked, a word after a bullet opening a sentence, a word that only starts like a body\'s generic word, the places of a list after a locative preposition); four referents the gazetteer now lists (the Cabinet of Ministers and the Verkhovna Rada, in both languages) were given its ids. Before: precision 0.941, recall 0.827 (Ukrainian 0.806 / 0.706).',
      fresh,
      true,
    ),
    ...section(
      "Tuning sample (tests/gold/names)",
      "The finder's rules were written while reading this sample's errors, so it flatters them.",
      tuning,
      true,
    ),
  ];
  writeQualitySection("names", lines.join("\n"));
}

/**
 * Floors a little under today's figures (2026-12-06: every sample at or above the target
 * of 0.95 and 0.90), so that a change that loses names fails.
 */
const FLOORS = {
  unseen: { precision: 0.97, recall: 0.9 },
  fresh: { precision: 0.95, recall: 0.88 },
  english: { precision: 0.97, recall: 0.89 },
  englishUnseen: { precision: 0.93, recall: 0.88 },
  englishThird: { precision: 0.95, recall: 0.9 },
  tuning: { precision: 0.97, recall: 0.93 },
};

describe.skipIf(!corpusAvailable || listGold(TUNING).length === 0)(
  "every name against the hand-annotated names",
  () => {
    let tuning: NameScore | null = null;
    let fresh: NameScore | null = null;
    let unseen: NameScore | null = null;
    let english: (NameScore & { perFile: [string, Tally][] }) | null = null;
    let englishUnseen: (NameScore & { perFile: [string, Tally][] }) | null = null;
    let englishThird: (NameScore & { perFile: [string, Tally][] }) | null = null;
    beforeAll(async () => {
      tuning = await score(TUNING);
      fresh = await score(FRESH);
      unseen = await score(UNSEEN);
      english = await score(ENGLISH);
      englishUnseen = await score(ENGLISH_UNSEEN);
      englishThird = await score(ENGLISH_THIRD);
      if (process.env.WRITE_QUALITY === "1")
        writeReport(tuning, fresh, unseen, english, englishUnseen, englishThird);
    });

    for (const [name, sample, floor] of [
      ["the unseen sample", () => unseen, FLOORS.unseen],
      ["the fresh sample", () => fresh, FLOORS.fresh],
      ["the English sample", () => english, FLOORS.english],
      ["the English unseen sample", () => englishUnseen, FLOORS.englishUnseen],
      ["the English third sample", () => englishThird, FLOORS.englishThird],
      ["the tuning sample", () => tuning, FLOORS.tuning],
    ] as const) {
      it(`names people, organisations and places in ${name} with precision at least ${floor.precision} and recall at least ${floor.recall}`, () => {
        const s = sample();
        if (!s) throw new Error("not scored");
        expect(s.documents).toBeGreaterThan(0);
        const all = sum(s.listed, s.unlisted);
        expect(precision(all)).toBeGreaterThanOrEqual(floor.precision);
        expect(recall(all)).toBeGreaterThanOrEqual(floor.recall);
      });
    }
  },
);
