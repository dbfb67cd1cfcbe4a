/**
 * Question → answer pairs. Each question is paired with the answers that follow it until the next
 * question: follow-ups start their own pair, several people answering one question ("Question
 * (addressed to both ministers):") all join it, and procedural turns between (the floor handed
 * on, thanks, an inaudible interjection) neither answer nor end the exchange. Remarks end it. A
 * speaker's answer that goes on after a question cut in (turn-kinds.ts, continuations) answers the
 * question its first part answered.
 */
import type { QaPair, Turn } from "../../model/document.js";

export function pairQuestions(
  turns: Pick<Turn, "index" | "kind">[],
  continues: (number | null)[] = [],
): QaPair[] {
  const pairs: QaPair[] = [];
  /** The pair each question or answer belongs to, by turn index. */
  const pairOf = new Map<number, QaPair[]>();
  let current: QaPair[] = [];
  for (const turn of turns) {
    const earlier = continues[turn.index];
    const before = earlier === null || earlier === undefined ? undefined : pairOf.get(earlier);
    if (turn.kind === "question") {
      // The rest of a cut-off question is paired on its own: whether its answer also answers the
      // first part is a reader's call, and a wrong pair costs more than a missing one.
      current = [{ question: turn.index, answers: [] }];
      pairs.push(...current);
      pairOf.set(turn.index, current);
    } else if (turn.kind === "answer") {
      // The rest of an answer cut off by a question answers the question its first part answered.
      const to = before ?? current;
      for (const p of to) p.answers.push(turn.index);
      pairOf.set(turn.index, to);
    } else if (turn.kind === "remarks") {
      current = [];
    }
  }
  return pairs;
}
