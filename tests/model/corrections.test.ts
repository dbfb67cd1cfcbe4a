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
