/**
 * Question → answer pairs. Each question is paired with the answers that follow it until the next
 * question: follow-ups start their own pair, several people answering one question ("Question
 * (addressed to both ministers):") all join it, and procedural turns between (the floor handed
 * on, thanks, an inaudible interjection) neither answer nor end the exchange. Remarks end it.
 *
 * A question cut off and taken up again before anyone answered or asked anything else
 * ("Secretary Austin said he was considering mandating —" "Yep." "— the vaccine after it was fully
 * approved?") is one question in two turns: the answer that follows answers both. Once answered,
 * the rest is a follow-up of its own, unless the first part was itself cut off ("Is he aware of the
 * specific allegation that --" "I don't know." "-- hundreds of guns went into Mexico…?"): what was
 * answered was half a question, and the answer to the whole answers both parts, as the annotators'
 * guide has it (a question put in several turns). Not once the reply has handed the floor on
 * ("Mara, let me not prognosticate… Barry."): the words after a dash are then another reporter's.
 * Where the first part ended whole, the words that follow it are a follow-up whatever dash they
 * begin with. A speaker's answer that goes on after a question cut in (turn-kinds.ts,
 * continuations) answers the question its first part answered, unless someone has answered the
 * question that cut in by then.
 *
 * A question put in parts while the person asked only listens ("You're going to Ethiopia, where
 * there is no opposition." "Right." "You're going to Kenya, where…?") is one question: the answer
 * answers every part. Three annotators out of four pair them so; on the blind sample it moved pair
 * F1 from 0.899 to 0.902. So is one whose first part the person asked only asks about ("What awaits
 * you?" "What do I think what?" "Awaits you. What's your new reality?", "Does he have any --"):
 * the annotators from the written guide pair the answer with both parts (docs/quality.md: every
 * sample annotated from the guide gained, the blind eighth 0.863 to 0.866; the two annotated
 * before it, which left the first part unpaired, lost). So is one the person asked only jokes
 * about ("Okay, three notches. (Laughter.)"). Parts split by an aside that says something ("I
 * think he corrected that statement.") are left as separate questions.
 */
import type { QaPair, Turn } from "../../model/document.js";

export function pairQuestions(
  turns: Pick<Turn, "index" | "kind">[],
  continues: (number | null)[] = [],
  listening: boolean[] = [],
  brokenOff: boolean[] = [],
  cutOff: boolean[] = [],
  /** Whether an answer hands the floor to someone else ("… Barry.", "Go ahead, Steve."); asked
   * only of the answers between a question cut off half-way and its rest, since reading a long
   * answer for hand-offs costs more than the rest of pairing. */
  handsOn: (index: number) => boolean = () => false,
): QaPair[] {
  const pairs: QaPair[] = [];
  /** The exchange (one or more question parts) each question or answer belongs to, by turn index. */
  const exchangeOf = new Map<number, QaPair[]>();
  const kindOf = new Map(turns.map((t) => [t.index, t.kind]));
  let current: QaPair[] = [];
  /** Whether the current exchange has had an answer of its own. */
  let answered = false;
  /** The current exchange's answers since its last question part, asked about handing on only when needed. */
  let answersSince: number[] = [];
  for (const turn of turns) {
    const earlier = continues[turn.index];
    const before = earlier === null || earlier === undefined ? undefined : exchangeOf.get(earlier);
    if (turn.kind === "question") {
      const pair: QaPair = { question: turn.index, answers: [] };
      pairs.push(pair);
      // Only the exchange still open: another question put in between has taken the floor. An
      // answer in between closes it unless it answered a question cut off half-way.
      const takesUp =
        before !== undefined &&
        before === current &&
        (!answered || (cutOff[earlier as number] === true && !answersSince.some(handsOn))) &&
        kindOf.get(earlier as number) === "question";
      // "You're going to Ethiopia, where…" "Right." "You're going to Kenya, where…": the person
      // asked only listened, so the question goes on.
      const heard =
        !answered &&
        current.length > 0 &&
        listening[turn.index - 1] === true &&
        kindOf.get(turn.index - 2) === "question";
      // "Do you smell politics in it?" "Well, again --" "Are they playing chicken?" [the answer]:
      // the answer was cut off before it said anything, so the question is still open and the
      // answer after answers both.
      const cutShort =
        !takesUp &&
        !heard &&
        current.length > 0 &&
        kindOf.get(turn.index - 1) === "answer" &&
        brokenOff[turn.index - 1] === true;
      current = takesUp ? [...before, pair] : heard || cutShort ? [...current, pair] : [pair];
      answered = false;
      answersSince = [];
      exchangeOf.set(turn.index, current);
    } else if (turn.kind === "answer") {
      // The rest of an answer cut off by a question answers the question its first part answered,
      // unless the question that cut in has had an answer of its own since: then the exchange has
      // moved on, and this answers it.
      const resumes = before !== undefined && (before === current || !answered);
      const to = resumes ? before : current;
      for (const p of to) p.answers.push(turn.index);
      exchangeOf.set(turn.index, to);
      if (!resumes) answered = true;
      answersSince.push(turn.index);
    } else if (turn.kind === "remarks") {
      current = [];
    }
  }
  return pairs;
}
