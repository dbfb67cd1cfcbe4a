/**
 * Corrections applied on top of an extracted document (model/corrections.ts): each kind of fix,
 * the order they apply in, undoing, and what happens when the document is read again differently.
 */
import { describe, expect, it } from "vitest";
import {
  anchorsFor,
  applyCorrections,
  type Correction,
  type CorrectionOp,
  invalidFor,
} from "../../src/model/corrections.js";
import type { Document, Turn } from "../../src/model/document.js";
import { reshapeEnrichment } from "../../src/model/turn-reshape.js";
import { makeDocument } from "../support/documents.js";

const turn = (index: number, text: string, kind: Turn["kind"], speakerId: string | null = null): Turn => ({
  index,
  speakerId,
  speakerName: speakerId,
  label: speakerId ? speakerId.toUpperCase() : "Q",
  kind,
  addressedTo: null,
  interpreted: false,
  paragraphs: [text],
  notes: [],
});

/** A briefing: opening remarks, a question, an aide's "Go ahead.", the answer, a follow-up and its answer. */
function briefing(): Document {
  return makeDocument({
    id: "fix-1",
    turns: [
      turn(0, "Good afternoon, everyone. Two things today.", "remarks", "psaki"),
      turn(1, "Thank you. On the sanctions, what comes next?", "question"),
      turn(2, "Go ahead.", "answer", "aide"),
      turn(3, "We will announce more steps this week.", "answer", "psaki"),
      turn(4, "And on grain exports?", "question"),
      turn(5, "The corridor stays open.", "answer", "psaki"),
    ],
    qa: [
      { question: 1, answers: [2, 3] },
      { question: 4, answers: [5] },
    ],
  });
}

let nextId = 1;
function correction(doc: Document, op: CorrectionOp, undone = false): Correction {
  return {
    id: nextId++,
    documentId: doc.id,
    op,
    anchors: anchorsFor(doc, op),
    author: "editor",
    reason: "checked against the video",
    at: "2026-12-04T12:00:00.000Z",
    undone: undone ? { by: "editor", at: "2026-12-04T13:00:00.000Z" } : null,
  };
}

describe("corrections", () => {
  it("fix a speaker, a kind and a pairing, in the order they were made", () => {
    const doc = briefing();
    const fixes = [
      correction(doc, { op: "kind", turn: 2, kind: "moderator" }),
      correction(doc, { op: "unpair", question: 1, answer: 2 }),
      correction(doc, { op: "speaker", turn: 4, speakerId: "peter-doocy", speakerName: "Peter Doocy" }),
    ];
    const { document, applied, stale } = applyCorrections(doc, fixes);
    expect(applied).toEqual(fixes.map((f) => f.id));
    expect(stale).toEqual([]);
    expect(document.turns[2]?.kind).toBe("moderator");
    expect(document.qa).toEqual([
      { question: 1, answers: [3] },
      { question: 4, answers: [5] },
    ]);
    expect(document.turns[4]).toMatchObject({
      speakerId: "peter-doocy",
      speakerName: "Peter Doocy",
      label: "Q",
    });
    // The extracted record is untouched.
    expect(doc.turns[2]?.kind).toBe("answer");
    expect(doc.qa[0]?.answers).toEqual([2, 3]);
  });

  it("move an answer to the question it answers, out of the pair it was in", () => {
    const doc = briefing();
    const { document } = applyCorrections(doc, [correction(doc, { op: "pair", question: 1, answer: 5 })]);
    expect(document.qa).toEqual([
      { question: 1, answers: [2, 3, 5] },
      { question: 4, answers: [] },
    ]);
  });

  it("skip one that was undone", () => {
    const doc = briefing();
    const { document, applied } = applyCorrections(doc, [
      correction(doc, { op: "kind", turn: 2, kind: "moderator" }, true),
    ]);
    expect(applied).toEqual([]);
    expect(document.turns[2]?.kind).toBe("answer");
  });

  it("follow their turns to a new place when a re-extraction adds a turn before them", () => {
    const doc = briefing();
    const fix = correction(doc, { op: "kind", turn: 2, kind: "moderator" });
    const reread = {
      ...doc,
      turns: [turn(0, "(Press conference begins.)", "other"), ...doc.turns].map((t, i) => ({
        ...t,
        index: i,
      })),
    };
    const { document, applied } = applyCorrections(reread, [fix]);
    expect(applied).toEqual([fix.id]);
    expect(document.turns[3]).toMatchObject({ kind: "moderator" });
    expect(document.turns[3]?.paragraphs).toEqual(["Go ahead."]);
  });

  it("are flagged, not applied elsewhere, when their turn reads differently now", () => {
    const doc = briefing();
    const fix = correction(doc, {
      op: "speaker",
      turn: 3,
      speakerId: "jake-sullivan",
      speakerName: "Jake Sullivan",
    });
    const edited = {
      ...doc,
      turns: doc.turns.map((t) =>
        t.index === 3 ? { ...t, paragraphs: ["We will announce new steps."] } : t,
      ),
    };
    const { document, applied, stale } = applyCorrections(edited, [fix]);
    expect(applied).toEqual([]);
    expect(stale).toEqual([{ id: fix.id, reason: "turn 3 no longer reads as it did" }]);
    expect(document.turns[3]?.speakerId).toBe("psaki");
  });

  it("refuse what cannot be done, with the reason", () => {
    const doc = briefing();
    expect(invalidFor(doc, { op: "kind", turn: 9, kind: "answer" })).toBe("the document has no turn 9");
    expect(invalidFor(doc, { op: "kind", turn: 1, kind: "speech" as never })).toMatch(/not a kind of turn/);
    expect(invalidFor(doc, { op: "pair", question: 3, answer: 1 })).toBe(
      "an answer comes after its question",
    );
    expect(invalidFor(doc, { op: "unpair", question: 4, answer: 3 })).toBe(
      "turn 3 is not paired with turn 4",
    );
    expect(invalidFor(doc, { op: "pair", question: 1, answer: 1 })).toBe("a turn cannot answer itself");
  });
});

describe("Splitting and merging turns", () => {
  /** A gaggle where the page printed the press secretary's reply inside the reporter's turn. */
  function gaggle(): Document {
    return makeDocument({
      id: "fix-2",
      turns: [
        turn(0, "Good morning. One thing at the top.", "remarks", "psaki"),
        {
          ...turn(1, "Will he sign it today? MS. PSAKI: He will sign it this afternoon.", "question"),
          paragraphs: [
            "Will he sign it today? MS. PSAKI: He will sign it this afternoon.",
            "And we expect the Speaker to attend.",
          ],
          notes: [{ paragraph: 1, start: 7, end: 14, text: "expect" }],
        },
        turn(2, "And on Ukraine?", "question"),
        turn(3, "More aid is coming.", "answer", "psaki"),
      ],
      qa: [{ question: 2, answers: [3] }],
    });
  }
  const SPLIT_AT = "Will he sign it today? ".length;

  it("split a turn inside a paragraph: the second part is a turn of its own with no speaker yet, and later turns and pairs move on", () => {
    const doc = gaggle();
    const split = correction(doc, { op: "split", turn: 1, paragraph: 0, at: SPLIT_AT });
    const { document, applied, reshapes } = applyCorrections(doc, [split]);
    expect(applied).toEqual([split.id]);
    expect(document.turns.map((t) => t.paragraphs)).toEqual([
      ["Good morning. One thing at the top."],
      ["Will he sign it today?"],
      ["MS. PSAKI: He will sign it this afternoon.", "And we expect the Speaker to attend."],
      ["And on Ukraine?"],
      ["More aid is coming."],
    ]);
    expect(document.turns.map((t) => t.index)).toEqual([0, 1, 2, 3, 4]);
    expect(document.turns[2]).toMatchObject({ speakerId: null, label: null, kind: "question" });
    expect(document.turns[2]?.notes).toEqual([{ paragraph: 1, start: 7, end: 14, text: "expect" }]);
    expect(document.qa).toEqual([{ question: 3, answers: [4] }]);
    expect(reshapes).toHaveLength(1);
  });

  /** The gaggle with its second turn split, and Jen Psaki named as the new turn's speaker. */
  const splitAndNamed = () => {
    const doc = gaggle();
    const split = correction(doc, { op: "split", turn: 1, paragraph: 0, at: SPLIT_AT });
    const afterSplit = applyCorrections(doc, [split]).document;
    const speaker = correction(afterSplit, {
      op: "speaker",
      turn: 2,
      speakerId: "jen-psaki",
      speakerName: "Jen Psaki",
    });
    return { doc, split, afterSplit, speaker };
  };

  it("split an editor then names the speaker of, and pairs as an answer", () => {
    const { doc, split, afterSplit, speaker } = splitAndNamed();
    const kind = correction(afterSplit, { op: "kind", turn: 2, kind: "answer" });
    const pair = correction(afterSplit, { op: "pair", question: 1, answer: 2 });
    const { document, applied } = applyCorrections(doc, [split, speaker, kind, pair]);
    expect(applied).toHaveLength(4);
    expect(document.turns[2]).toMatchObject({ speakerName: "Jen Psaki", kind: "answer" });
    expect(document.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  it("name a speaker the page never listed among its participants, and the participants list them", () => {
    const { doc, split, afterSplit, speaker } = splitAndNamed();
    const { document } = applyCorrections(doc, [split, speaker]);
    expect(document.participants.filter((p) => p.speakerId === "jen-psaki")).toEqual([
      { speakerId: "jen-psaki", name: "Jen Psaki", role: null },
    ]);
    // Named again, they are not listed twice.
    const again = correction(afterSplit, {
      op: "speaker",
      turn: 0,
      speakerId: "jen-psaki",
      speakerName: "Jen Psaki",
    });
    const twice = applyCorrections(doc, [split, speaker, again]).document;
    expect(twice.participants.filter((p) => p.speakerId === "jen-psaki")).toHaveLength(1);
  });

  it("merge a turn with the next: one turn of the first one's speaker, pairs that named the second name it", () => {
    const doc = briefing();
    const merge = correction(doc, { op: "merge", turn: 2 });
    const { document, applied } = applyCorrections(doc, [merge]);
    expect(applied).toEqual([merge.id]);
    expect(document.turns).toHaveLength(5);
    expect(document.turns[2]).toMatchObject({
      speakerId: "aide",
      paragraphs: ["Go ahead.", "We will announce more steps this week."],
    });
    expect(document.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  it("undo a split by merging back, and a merge is stale when its turns no longer follow one another", () => {
    const doc = gaggle();
    const split = correction(doc, { op: "split", turn: 1, paragraph: 0, at: SPLIT_AT });
    const afterSplit = applyCorrections(doc, [split]).document;
    const merge = correction(afterSplit, { op: "merge", turn: 1 });
    const back = applyCorrections(doc, [split, merge]).document;
    expect(back.turns[1]?.paragraphs).toEqual([
      "Will he sign it today?",
      "MS. PSAKI: He will sign it this afternoon.",
      "And we expect the Speaker to attend.",
    ]);
    const reread = {
      ...afterSplit,
      turns: [
        afterSplit.turns[0],
        afterSplit.turns[1],
        turn(2, "(Crosstalk.)", "other"),
        ...afterSplit.turns.slice(2),
      ].map((t, i) => ({ ...(t as Turn), index: i })),
    };
    const { stale } = applyCorrections(reread, [merge]);
    expect(stale).toEqual([{ id: merge.id, reason: "the turns to merge no longer follow one another" }]);
  });

  it("refuse a split that leaves a part empty or points outside the turn", () => {
    const doc = gaggle();
    expect(invalidFor(doc, { op: "split", turn: 1, paragraph: 0, at: 0 })).toMatch(/first part empty/);
    expect(invalidFor(doc, { op: "split", turn: 1, paragraph: 2, at: 0 })).toBe("turn 1 has no paragraph 2");
    expect(invalidFor(doc, { op: "split", turn: 1, paragraph: 0, at: 500 })).toMatch(/has no character 500/);
    expect(invalidFor(doc, { op: "split", turn: 1, paragraph: 1, at: 0 })).toBeNull();
    expect(invalidFor(doc, { op: "merge", turn: 3 })).toBe("the document has no turn 4");
  });

  it("move what enrichment found onto the new turns, and drop a mention the split cuts through", () => {
    const doc = gaggle();
    const split = correction(doc, { op: "split", turn: 1, paragraph: 0, at: SPLIT_AT });
    const { reshapes } = applyCorrections(doc, [split]);
    const mention = (turnIndex: number, paragraph: number, start: number, end: number) => ({
      entityId: "x",
      type: "person" as const,
      text: "",
      turn: turnIndex,
      paragraph,
      start,
      end,
    });
    const psaki = "Will he sign it today? MS. ".length;
    const afternoon = doc.turns[1]?.paragraphs[0]?.indexOf("afternoon") as number;
    const moved = reshapeEnrichment(
      {
        version: 1,
        documentId: doc.id,
        turnLanguages: ["en", "en", "fr", "en"],
        mentions: [
          mention(-1, 0, 0, 4),
          mention(1, 0, 0, 4),
          mention(1, 0, psaki, psaki + 5),
          mention(1, 0, 16, 30),
          mention(1, 1, 19, 26),
          mention(3, 0, 0, 4),
        ],
        times: [
          { turn: 1, paragraph: 0, start: afternoon, end: afternoon + 9, text: "afternoon", value: "2022" },
        ],
      },
      reshapes,
    );
    expect(moved.turnLanguages).toEqual(["en", "en", "en", "fr", "en"]);
    expect(moved.mentions.map((m) => [m.turn, m.paragraph, m.start, m.end])).toEqual([
      [-1, 0, 0, 4],
      [1, 0, 0, 4],
      [2, 0, 4, 9],
      [2, 1, 19, 26],
      [4, 0, 0, 4],
    ]);
    const after = applyCorrections(doc, [split]).document;
    const t = moved.times[0];
    expect(after.turns[2]?.paragraphs[0]?.slice(t?.start, t?.end)).toBe("afternoon");
  });
});
