/**
 * Corrections: an editor's fixes to Verbatim's reading of a document, kept apart from the record
 * extraction made, and applied on top of it whenever the document is read or indexed. Each one
 * names the turns it touches by their text as well as their place ("anchors"), so after a
 * re-extraction or a new version it lands on the same words, or is flagged as no longer applying
 * instead of landing on different ones.
 *
 * The rules here are pure: the store keeps corrections and calls `applyCorrections` whenever a
 * version becomes current or a correction is made or undone (store/… putCorrection).
 */
import { type Document, TURN_KINDS, type Turn, type TurnKind } from "./document.js";
import { invalidSplit, mergeTurns, type Reshape, splitTurn } from "./turn-reshape.js";

export type CorrectionOp =
  /** Who spoke the turn: a registry id and display name, or nobody (unknown). */
  | { op: "speaker"; turn: number; speakerId: string | null; speakerName: string | null }
  | { op: "kind"; turn: number; kind: TurnKind }
  /** The answer answers the question. */
  | { op: "pair"; question: number; answer: number }
  | { op: "unpair"; question: number; answer: number }
  /**
   * The turn is two: the second begins at character `at` of its paragraph `paragraph` (0 and a
   * later paragraph: that whole paragraph begins it). The second part has no speaker until one is
   * given.
   */
  | { op: "split"; turn: number; paragraph: number; at: number }
  /** The turn and the one after it are one turn, the first one's speaker's. */
  | { op: "merge"; turn: number };

/** A turn a correction touches, as it read when the correction was made. */
export interface TurnAnchor {
  turn: number;
  /** The turn's words, normalised (see turnText). */
  text: string;
}

export interface Correction {
  /** Numbered by the archive in the order corrections are made; they apply in that order. */
  id: number;
  documentId: string;
  op: CorrectionOp;
  anchors: TurnAnchor[];
  author: string;
  reason: string;
  /** ISO timestamp. */
  at: string;
  undone: { by: string; at: string } | null;
}

export type NewCorrection = Omit<Correction, "id" | "undone">;

/** What applying a document's corrections did. */
export interface CorrectionOutcome {
  document: Document;
  /** Ids of the corrections applied. */
  applied: number[];
  /** Ids of those that no longer apply (their turns read differently now), with why. */
  stale: { id: number; reason: string }[];
  /** The splits and merges applied, in order: what moves positions in the extracted turns (turn-reshape.ts). */
  reshapes: Reshape[];
}

const MAX_ANCHOR = 2000;

/** The text a turn is anchored by: its words, whitespace collapsed (a reflowed page still matches). */
export function turnText(turn: Turn): string {
  return turn.paragraphs.join(" ").replace(/\s+/g, " ").trim().slice(0, MAX_ANCHOR);
}

export function turnsOf(op: CorrectionOp): number[] {
  if (op.op === "pair" || op.op === "unpair") return [op.question, op.answer];
  if (op.op === "merge") return [op.turn, op.turn + 1];
  return [op.turn];
}

/** The anchors a new correction gets, read from the document as the editor saw it (corrections applied). */
export function anchorsFor(doc: Document, op: CorrectionOp): TurnAnchor[] {
  return turnsOf(op).map((turn) => ({ turn, text: doc.turns[turn] ? turnText(doc.turns[turn]) : "" }));
}

/** Why an operation cannot apply to this document, or null when it can. */
export function invalidFor(doc: Document, op: CorrectionOp): string | null {
  for (const t of turnsOf(op))
    if (!Number.isInteger(t) || t < 0 || t >= doc.turns.length) return `the document has no turn ${t}`;
  if (op.op === "kind" && !(TURN_KINDS as readonly string[]).includes(op.kind))
    return `"${op.kind}" is not a kind of turn; the kinds are ${TURN_KINDS.join(", ")}`;
  if ((op.op === "pair" || op.op === "unpair") && op.question === op.answer)
    return "a turn cannot answer itself";
  if (op.op === "pair" && op.answer < op.question) return "an answer comes after its question";
  if (op.op === "unpair" && !doc.qa.some((p) => p.question === op.question && p.answers.includes(op.answer)))
    return `turn ${op.answer} is not paired with turn ${op.question}`;
  if (op.op === "split") return invalidSplit(doc, op.turn, op.paragraph, op.at);
  return null;
}

/**
 * Where an anchored turn is now: its old place when it still reads the same, else the one turn
 * that reads the same, else nowhere (two turns reading the same is as good as none).
 */
function locate(doc: Document, anchor: TurnAnchor): number | null {
  const here = doc.turns[anchor.turn];
  if (here && turnText(here) === anchor.text) return anchor.turn;
  const same = doc.turns.filter((t) => turnText(t) === anchor.text);
  return same.length === 1 ? (same[0] as Turn).index : null;
}

/** The operation moved to where its turns are now; null when they no longer stand as they did. */
function relocate(op: CorrectionOp, places: number[]): CorrectionOp | null {
  if (op.op === "pair" || op.op === "unpair")
    return { ...op, question: places[0] as number, answer: places[1] as number };
  // Two turns merged must still follow one another.
  if (op.op === "merge" && places[1] !== (places[0] as number) + 1) return null;
  return { ...op, turn: places[0] as number };
}

function applyOne(doc: Document, op: CorrectionOp): { document: Document; reshape?: Reshape } {
  if (op.op === "split") return splitTurn(doc, op.turn, op.paragraph, op.at);
  if (op.op === "merge") return mergeTurns(doc, op.turn);
  const turns = doc.turns.map((t) => ({ ...t }));
  const qa = doc.qa.map((p) => ({ question: p.question, answers: [...p.answers] }));
  let participants = doc.participants;
  switch (op.op) {
    case "speaker": {
      const turn = turns[op.turn] as Turn;
      turn.speakerId = op.speakerId;
      turn.speakerName = op.speakerName;
      // Someone the page never listed now speaks: the participants name them too (a role only the registry knows).
      if (op.speakerId && !participants.some((p) => p.speakerId === op.speakerId))
        participants = [
          ...participants,
          { speakerId: op.speakerId, name: op.speakerName ?? op.speakerId, role: null },
        ];
      break;
    }
    case "kind":
      (turns[op.turn] as Turn).kind = op.kind;
      break;
    case "pair": {
      // An answer answers one question: it leaves any other pair first.
      for (const p of qa) p.answers = p.answers.filter((a) => a !== op.answer);
      const pair = qa.find((p) => p.question === op.question);
      if (pair) pair.answers = [...pair.answers, op.answer].sort((a, b) => a - b);
      else qa.push({ question: op.question, answers: [op.answer] });
      qa.sort((a, b) => a.question - b.question);
      break;
    }
    case "unpair":
      for (const p of qa)
        if (p.question === op.question) p.answers = p.answers.filter((a) => a !== op.answer);
      break;
  }
  return { document: { ...doc, turns, qa, participants } };
}

/**
 * The document with its corrections applied, in the order they were made; undone ones are
 * skipped, and one whose turns no longer read as they did is left out and reported.
 */
export function applyCorrections(doc: Document, corrections: readonly Correction[]): CorrectionOutcome {
  let current = doc;
  const applied: number[] = [];
  const stale: { id: number; reason: string }[] = [];
  const reshapes: Reshape[] = [];
  for (const c of [...corrections].sort((a, b) => a.id - b.id)) {
    if (c.undone) continue;
    const places = c.anchors.map((a) => locate(current, a));
    const lost = places.indexOf(null);
    if (lost >= 0) {
      stale.push({
        id: c.id,
        reason: `turn ${(c.anchors[lost] as TurnAnchor).turn} no longer reads as it did`,
      });
      continue;
    }
    const op = relocate(c.op, places as number[]);
    if (!op) {
      stale.push({ id: c.id, reason: "the turns to merge no longer follow one another" });
      continue;
    }
    const invalid = invalidFor(current, op);
    if (invalid) {
      stale.push({ id: c.id, reason: invalid });
      continue;
    }
    const done = applyOne(current, op);
    current = done.document;
    if (done.reshape) reshapes.push(done.reshape);
    applied.push(c.id);
  }
  return { document: current, applied, stale, reshapes };
}
