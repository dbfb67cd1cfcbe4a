/**
 * Invariants of segmentation, over generated transcripts: nothing of the body is lost, every
 * answer follows its question, and export then import gives the same document.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentToJsonLine } from "../../src/export/jsonl.js";
import { readJsonl } from "../../src/ingest/extract/jsonl.js";
import { generic, midRu, whitehouse } from "../../src/ingest/publishers/index.js";
import { segment } from "../../src/ingest/segment/segment.js";
import { continuations } from "../../src/ingest/segment/turn-kinds.js";
import { ingestText } from "../support/ingest.js";

const LABELS = [
  "",
  "",
  "",
  "Question: ",
  "Question (addressed to both ministers): ",
  "Sergey Lavrov: ",
  "С.Лавров: ",
  "Т.Карлсон (как переведено): ",
  "MS. PSAKI: ",
  "THE PRESIDENT: ",
  "Q    ",
  "MODERATOR: ",
  "Вопрос: ",
];

const words = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "sanctions",
        "Libya",
        "(Laughter.)",
        "переговоры",
        "—",
        "2021",
        "OK.",
        "Türkiye",
        "ответ",
        "what?",
      ),
      fc.string({ minLength: 1, maxLength: 12 }).map((s) => s.replace(/\s+/g, "x")),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((w) => w.join(" "));

const paragraphs = fc.array(
  fc.tuple(fc.constantFrom(...LABELS), words).map(([label, text]) => `${label}${text}`.trim()),
  { minLength: 1, maxLength: 25 },
);

const squeeze = (s: string) => s.replace(/[\s:]+/g, "");
const resolve = (name: string) => ({ speakerId: name.toLowerCase(), speakerName: name });

describe("segmentation", () => {
  it("loses no character of the body, whatever the labels", () => {
    fc.assert(
      fc.property(paragraphs, fc.constantFrom(midRu, whitehouse, generic), (body, profile) => {
        const { turns } = segment({
          paragraphs: body,
          conventions: profile.conventions,
          resolve,
          titleSpeaker: null,
          hasDialogue: true,
        });
        const rebuilt = turns.map((t) => `${t.label ?? ""}${t.paragraphs.join("")}`).join("");
        expect(squeeze(rebuilt)).toBe(squeeze(body.join("")));
      }),
      { numRuns: 300 },
    );
  });

  it("pairs every answer with the question before it, with only answers and procedural turns between (or, for the rest of a cut-off answer, the question that cut in, for a cut-off question, its rest, and other parts of one question that the same answer answers)", () => {
    fc.assert(
      fc.property(paragraphs, fc.constantFrom(midRu, whitehouse, generic), (body, profile) => {
        const { turns, qa } = segment({
          paragraphs: body,
          conventions: profile.conventions,
          resolve,
          titleSpeaker: null,
          hasDialogue: true,
        });
        const answered = new Set<number>();
        const continued = continuations(turns);
        const answersOf = new Map(qa.map((p) => [p.question, p.answers]));
        /** Turn i is the rest of question q, taken up once or more after cut-ins. */
        const restOf = (i: number, q: number): boolean => {
          for (let j = continued[i]; j !== null && j !== undefined; j = continued[j]) {
            if (turns[j]?.kind !== "question") return false;
            if (j === q) return turns[i]?.kind === "question";
          }
          return false;
        };
        for (const pair of qa) {
          expect(turns[pair.question]?.kind).toBe("question");
          let after = pair.question;
          for (const a of pair.answers) {
            expect(a).toBeGreaterThan(after);
            expect(turns[a]?.kind).toBe("answer");
            const resumes = continued[a] !== null && pair.answers.includes(continued[a] as number);
            for (const between of turns.slice(after + 1, a)) {
              // The rest of this very question, taken up after cut-ins, stands between it and its answer.
              if (restOf(between.index, pair.question)) continue;
              // So may the rest of an earlier answer, cut off by this question and taken up before this answer.
              if (between.kind === "answer" && continued[between.index] !== null) continue;
              // And another part of the same question, put while the person asked only listened or
              // after an answer broken off before it said anything (pairing.ts): the same answer answers both.
              if (between.kind === "question" && answersOf.get(between.index)?.includes(a)) continue;
              expect(resumes ? ["moderator", "other", "question"] : ["moderator", "other"]).toContain(
                between.kind,
              );
            }
            answered.add(a);
            after = a;
          }
        }
        for (const t of turns) if (t.kind === "answer") expect(answered.has(t.index)).toBe(true);
        for (const [i, t] of turns.entries()) expect(t.index).toBe(i);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps stage directions in the text and points notes at them exactly", () => {
    fc.assert(
      fc.property(paragraphs, (body) => {
        const { turns } = segment({
          paragraphs: body,
          conventions: whitehouse.conventions,
          resolve,
          titleSpeaker: null,
          hasDialogue: true,
        });
        for (const t of turns)
          for (const n of t.notes) expect(t.paragraphs[n.paragraph]?.slice(n.start, n.end)).toBe(n.text);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the JSON Lines format", () => {
  it("gives back the same document after export then import", () => {
    fc.assert(
      fc.property(paragraphs, words, (body, title) => {
        const page = `29 December 202018:13\n\n${title}\n\n  • en-GB1 ru-RU1\n\n${body.join("\n\n")}\n`;
        const docs = ingestText("generated/page.txt", page);
        const again = readJsonl(docs.map(documentToJsonLine).join("\n"));
        expect(again).toEqual(docs);
      }),
      { numRuns: 100 },
    );
  });
});
