/**
 * Structure checks over the real documents in ../shared/corpus: every one ingests, labels in
 * the text become turns one for one, furniture stays out of turns, datelines parse.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import type { DebateSpeakerLookup } from "../../src/ingest/extract/reader.js";
import { loadDebateSpeakers } from "../../src/ingest/read/debate-speakers.js";
import { HAND_OFF, HAND_OFF_CUE } from "../../src/ingest/segment/procedural.js";
import { sentencesOf } from "../../src/ingest/segment/words.js";
import type { Document } from "../../src/model/document.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { ingestFile } from "../support/ingest.js";

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    })
    .sort();
}

const isDocument = (f: string) => /\.(txt|md|html)$/.test(f) && !/README|DISCLAIMER/i.test(path.basename(f));
const allText = (doc: Document) => doc.turns.flatMap((t) => t.paragraphs);

describe.skipIf(!corpusAvailable)("the development corpus", () => {
  let debateSpeakers: DebateSpeakerLookup;
  const dirs = ["mid-ru", "whitehouse", "ungdc", "kremlin-ru"];
  const results = new Map<string, Document[]>();

  beforeAll(async () => {
    debateSpeakers = await loadDebateSpeakers(corpusPath("ungdc", "Speakers_by_session.xlsx"));
    for (const dir of dirs) {
      for (const file of filesUnder(corpusPath(dir)).filter(isDocument)) {
        await nextTurn();
        results.set(file, ingestFile(file, debateSpeakers));
      }
    }
  });

  it("ingests every document without a failure", () => {
    expect(results.size).toBeGreaterThan(170);
    for (const [file, docs] of results) {
      expect(docs.length, file).toBeGreaterThan(0);
      for (const doc of docs) expect(doc.turns.length, file).toBeGreaterThan(0);
    }
  });

  it("makes one labelled turn per speaker label in the White House markdown", () => {
    const label = /^(?:Q(?: {2,}|\s+(?=\S)|:\s*)|(?:[A-Z][A-Z.'’\- ]{1,60}|[A-Z]+ [A-ZÁÉÍÓÚÑ ]+):\s)/;
    let checked = 0;
    for (const [file, [doc]] of results) {
      if (!file.endsWith(".md") || !file.includes("whitehouse")) continue;
      const body = readFileSync(file, "utf8").split(/^---$/m).slice(2).join("---");
      const lines = body.split("\n").map((l) => l.replace(/^[\s\u00a0]+/, ""));
      let expected = 0;
      for (let i = 0; i < lines.length; i++) {
        const previousBlank = i === 0 || /^\s*$/.test(lines[i - 1] ?? "");
        // A question and its answer may be printed on consecutive lines of one paragraph: a label
        // after a line that ends a sentence, or breaks with two spaces, begins a turn too.
        const previousEnds = /(?:[.?!…"”'’)\]—–-]|[ \u00a0]{2,})[ \t\u00a0]*$/.test(lines[i - 1] ?? "");
        if (
          (previousBlank || previousEnds) &&
          label.test(lines[i] ?? "") &&
          !/^(END|NOTE)\b/.test(lines[i] ?? "")
        )
          expected++;
      }
      expect(doc?.turns.filter((t) => t.label !== null).length, file).toBe(expected);
      checked++;
    }
    expect(checked).toBe(60);
  });

  it("makes one labelled turn per speaker label on the Obama-era pages", () => {
    let checked = 0;
    for (const [file, [doc]] of results) {
      if (!file.endsWith(".html")) continue;
      const text = readFileSync(file, "utf8")
        .replace(/<br\s*\/?>|<\/p>|<p[^>]*>|<\/?div[^>]*>/g, "\n")
        .replace(/<[^>]+>/g, "")
        .replace(/&nbsp;|\u00a0/g, " ")
        // A turn printed inside another's paragraph: "…right?     Q    Robert, …", "…homes.Q    These…",
        // "…is it right?  MR. GIBBS:  Well, …".
        .replace(
          /(?<=[.?!"”)\]])(?:[ \t]*(?=Q[ \t]{2,}\S)|[ \t]{2,}(?=(?:[A-Z][A-Za-z]*\.? ){0,4}(?:Mc|Mac|La|Le|De)?[A-Z][A-Z'’-]+:[ \t]+\S))/g,
          "\n",
        );
      const expected = text
        .split("\n")
        .map((l) => l.trim())
        .filter(
          (l) =>
            /^(?:Q(?:\s+|\.\s*)(?=\S)|[A-Z](?:[A-Z.'’\- ]|(?<= )(?:Mc|Mac|La|Le|De)(?=[A-Z]{2})){1,60}:\s)/.test(
              l,
            ) && !/^END\b/.test(l),
        ).length;
      expect(doc?.turns.filter((t) => t.label !== null).length, file).toBe(expected);
      checked++;
    }
    expect(checked).toBe(40);
  });

  it("finds a hand-off cue word in every sentence that a hand-off pattern matches, so the cue never hides one", async () => {
    let matched = 0;
    for (const docs of results.values()) {
      for (const doc of docs)
        for (const p of allText(doc))
          for (const sentence of sentencesOf(p)) {
            if (!HAND_OFF.some((r) => r.test(sentence))) continue;
            matched++;
            expect(HAND_OFF_CUE.test(sentence), sentence).toBe(true);
          }
      await nextTurn();
    }
    expect(matched).toBeGreaterThan(100);
  });

  it("keeps page furniture, clock lines and END markers out of every turn", () => {
    const furniture =
      /^(?:[•·\s]*en-GB\d?\s+ru-RU\d?|Additional materials|Advanced settings|END|\d{1,2}:\d{2} [AP]\.M\. [A-Z]{2,4})$/;
    for (const [file, docs] of results) {
      for (const doc of docs)
        for (const p of allText(doc)) expect(furniture.test(p), `${file}: ${p}`).toBe(false);
    }
  });

  it("parses the dateline of every White House briefing, mid.ru statement and kremlin.ru act", () => {
    for (const [file, docs] of results) {
      for (const doc of docs) {
        if (file.includes("whitehouse/briefings")) {
          const frontDate = /^date: '(\d{4}-\d{2}-\d{2})'/m.exec(readFileSync(file, "utf8"))?.[1];
          expect(doc.when.date, file).toBe(frontDate);
          // Eastern time at home; the clock line names the zone when abroad (BST at the G7 in Cornwall).
          expect(doc.when.timeZone, file).toMatch(
            /^(America\/New_York|Europe\/London|[A-Z][a-z]+\/[A-Za-z_]+)$/,
          );
        }
        if (file.includes("mid-ru/statements") && !file.includes("federal-law")) {
          expect(doc.when.date, file).toMatch(/^20\d\d-\d\d-\d\d$/);
          expect(doc.when.dateTime, file).toMatch(/\+03:00$/);
          if (doc.publisherRef !== null) expect(doc.publisherRef, file).toMatch(/^\d+-\d\d-\d\d-\d{4}$/);
          else expect(readFileSync(file, "utf8"), file).not.toMatch(/^\d+-\d\d-\d\d-\d{4}$/m);
        }
        if (file.includes("kremlin-ru")) expect(doc.when.date, file).toMatch(/^(19|20)\d\d-\d\d-\d\d$/);
        if (file.includes("obama-html")) {
          const titleDate = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(doc.title);
          if (titleDate) {
            const iso = `${titleDate[3]}-${titleDate[1]?.padStart(2, "0")}-${titleDate[2]?.padStart(2, "0")}`;
            expect(doc.when.date, file).toBe(iso);
          }
        }
      }
    }
  });

  it("gives each UN General Debate speech one remarks turn by the speaker the table names", () => {
    let checked = 0;
    for (const [file, [doc]] of results) {
      if (!file.includes("/ungdc/")) continue;
      expect(doc?.turns.length, file).toBe(1);
      expect(doc?.turns[0]?.kind).toBe("remarks");
      expect(doc?.turns[0]?.speakerName, file).toBeTruthy();
      expect(doc?.when.date).toBe(/_(\d{4})\.txt$/.exec(file)?.[1]);
      expect(doc?.turns[0]?.paragraphs.length, file).toBeGreaterThan(10);
      checked++;
    }
    expect(checked).toBe(40);
    const russia2020 = [...results].find(([f]) => f.endsWith("RUS_75_2020.txt"))?.[1][0];
    expect(russia2020?.turns[0]?.speakerId).toBe("vladimir-putin");
  });

  it("reads both language sections of the mid.ru statements as separate documents", () => {
    const [ru, en] = results.get(corpusPath("mid-ru/statements/20220407.md")) ?? [];
    expect(ru?.language).toBe("ru");
    expect(en?.language).toBe("en");
    expect(ru?.publisherRef).toBe(en?.publisherRef);
    expect(ru?.id).not.toBe(en?.id);
    expect(ru?.title).toMatch(/^Заявление МИД России/);
  });
});
