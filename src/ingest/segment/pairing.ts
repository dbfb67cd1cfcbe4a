/**
 * Question → answer pairs. Each question is paired with the answers that follow it until the next
 * question: follow-ups start their own pair, several people answering one question ("Question
 * (addressed to both ministers):") all join it, and procedural turns between (the floor handed
 * on, thanks, an inaudible interjection) neither answer nor end the exchange. Remarks end it.
 */
import type { QaPair, Turn } from "../../model/document.js";

export function pairQuestions(turns: Pick<Turn, "index" | "kind">[]): QaPair[] {
  const pairs: QaPair[] = [];
  let current: QaPair | null = null;
  for (const turn of turns) {
    if (turn.kind === "question") {
      current = { question: turn.index, answers: [] };
      pairs.push(current);
    } else if (turn.kind === "answer") {
      current?.answers.push(turn.index);
    } else if (turn.kind === "remarks") {
      current = null;
    }
  }
  return pairs;
}
