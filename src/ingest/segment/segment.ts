/**
 * Segmentation, shared by every publisher: body paragraphs → turns (who speaks, in what
 * capacity) → question-answer pairs. What differs between publishers is only which label
 * conventions are tried.
 */
import type { WarningCode } from "../../errors/catalog.js";
import type { QaPair, Turn } from "../../model/document.js";
import {
  addressee,
  isInterpretedMarker,
  type LabelConvention,
  type LabelMatch,
  matchLabel,
} from "./labels.js";
import { pairQuestions } from "./pairing.js";
import { asksToHearAgain, callsOnSomeone, isBackchannel, mentionsHandOff } from "./procedural.js";
import { nameQuestioners } from "./questioners.js";
import { findStageDirections } from "./stage-directions.js";
import { classifyTurns, continuations } from "./turn-kinds.js";
import {
  endsOnLaughter,
  endsOnQuestionMark,
  isBrokenOff,
  isCutOff,
  sentencesOf,
  spokenWordCount,
  withoutStageDirections,
} from "./words.js";

/** Words at most in an answer's start broken off by the next question (pairing). */
const BROKEN_START = 4;

/**
 * A turn of the people asked, between two parts of a question, that asks back or breaks off: it
 * ends on a question mark ("Which President was he talking about? (Laughter.)") or a dash ("Are
 * you suggesting that we're trying to assist the --"), so it has answered nothing yet.
 */
function asksWhatIsMeant(text: string): boolean {
  return endsOnQuestionMark(text) || isCutOff(withoutStageDirections(text).trim());
}

export interface SpeakerRef {
  speakerId: string | null;
  speakerName: string | null;
}

export interface SegmentInput {
  paragraphs: string[];
  conventions: LabelConvention[];
  /** Resolves a label's name part to a speaker (registry, role labels, transliteration). */
  resolve: (name: string) => SpeakerRef;
  /** Whom unlabelled opening remarks belong to: the speaker named in the title. */
  titleSpeaker: SpeakerRef | null;
  /** False for single-speaker texts, which become one remarks turn without looking for labels. */
  hasDialogue: boolean;
}

export interface SegmentResult {
  turns: Turn[];
  qa: QaPair[];
  warnings: WarningCode[];
}

const LEADING_INTERPRETED =
  /^\((?:as interpreted|interpreted|through an interpreter|via interpreter|как переведено|в переводе|через переводчика|синхронный перевод)\.?\)\s*/iu;

interface OpenTurn {
  match: LabelMatch | null;
  speaker: SpeakerRef;
  paragraphs: string[];
  interpreted: boolean;
}

export function segment(input: SegmentInput): SegmentResult {
  const warnings: WarningCode[] = [];
  const anonymous: SpeakerRef = { speakerId: null, speakerName: null };
  const opening: OpenTurn = {
    match: null,
    speaker: input.titleSpeaker ?? anonymous,
    paragraphs: [],
    interpreted: false,
  };
  const open: OpenTurn[] = [opening];
  let labelled = 0;

  for (const paragraph of input.paragraphs) {
    const match = input.hasDialogue ? matchLabel(paragraph, input.conventions) : null;
    if (!match) {
      (open[open.length - 1] as OpenTurn).paragraphs.push(paragraph);
      continue;
    }
    labelled++;
    let text = paragraph.slice(match.textStart).trim();
    let interpreted = match.qualifier !== null && isInterpretedMarker(match.qualifier);
    if (LEADING_INTERPRETED.test(text)) interpreted = true;
    // An unnamed "Answer:" is the title's speaker's, as the unlabelled opening is.
    const speaker =
      match.role === "answer"
        ? (input.titleSpeaker ?? anonymous)
        : match.outlet
          ? { speakerId: null, speakerName: match.name }
          : input.resolve(match.name);
    const turn: OpenTurn = { match, speaker, paragraphs: [], interpreted };
    if (text) turn.paragraphs.push(text);
    else text = "";
    open.push(turn);
  }

  if (input.hasDialogue && labelled === 0) warnings.push("NO_TURNS_RECOGNISED");

  const kept = open.filter((t) => t.paragraphs.length > 0 || t.match !== null);
  const shapes = kept.map((t) => ({
    role: t.match?.role ?? null,
    // A label printed as nothing (a question in bold) is no label.
    label: t.match?.label || null,
    paragraphs: t.paragraphs,
  }));
  const kinds = classifyTurns(shapes, labelled > 0);
  const turns: Turn[] = [];
  for (const t of kept) {
    const kind = kinds[turns.length] ?? "remarks";
    const qualifier = t.match?.qualifier ?? null;
    const addressedTo = kind === "question" && qualifier ? addressee(qualifier) : null;
    // Unlabelled lines that are not speech ("South Lawn" before the first label) are nobody's.
    const speaker = t.match === null && kind === "other" ? anonymous : t.speaker;
    turns.push({
      index: turns.length,
      speakerId: speaker.speakerId,
      speakerName: speaker.speakerName,
      label: t.match?.label || null,
      kind,
      addressedTo,
      interpreted: t.interpreted,
      paragraphs: t.paragraphs,
      notes: t.paragraphs.flatMap((p, i) => findStageDirections(p, i)),
    });
  }
  // Reporters the chair called by name, or who said who they are, under a bare "Q".
  const questioners = nameQuestioners(
    turns.map((t) => ({
      kind: t.kind,
      asks: shapes[t.index]?.role === "question",
      named: t.speakerId !== null,
      paragraphs: t.paragraphs,
    })),
  );
  questioners.forEach((name, i) => {
    const turn = turns[i];
    if (!name || !turn) return;
    const speaker = input.resolve(name);
    if (!speaker.speakerId) return;
    turn.speakerId = speaker.speakerId;
    turn.speakerName = speaker.speakerName;
  });
  // The people asked listening while a question is put: "Yes.", "Right.", "Uh-huh.", asking to
  // hear it again ("I'm so sorry." before the reporter puts it again), or asking what it means
  // ("Like who?", "A heads-up on what?", "Does he have any --"): the reporter's next words say
  // more of the same question, and the answer after them answers both.
  const listening = turns.map((t) => {
    if (t.kind !== "other" || shapes[t.index]?.role === "question") return false;
    const text = t.paragraphs.join(" ");
    return (
      isBackchannel(text) ||
      asksToHearAgain(text) ||
      asksWhatIsMeant(text) ||
      // A joke ending on the room's laughter ("Okay, three notches. (Laughter.)"): no answer yet.
      endsOnLaughter(text) ||
      /^(?:okay|ok|all right|alright)[.!]?$/iu.test(text.trim())
    );
  });
  // An answer broken off before it said anything ("Well, again --"), a few words at most.
  const brokenOff = turns.map((t) => {
    const text = t.paragraphs.join(" ");
    return t.kind === "answer" && isBrokenOff(text) && spokenWordCount(text, BROKEN_START) <= BROKEN_START;
  });
  const cutOff = turns.map((t) => t.kind === "question" && isCutOff(t.paragraphs.join(" ")));
  const handsOn = (index: number) => {
    const t = turns[index];
    if (t?.kind !== "answer") return false;
    const text = t.paragraphs.join(" ");
    return callsOnSomeone(sentencesOf(text).at(-1) ?? "") || mentionsHandOff(text);
  };
  return {
    turns,
    qa: pairQuestions(turns, continuations(shapes), listening, brokenOff, cutOff, handsOn),
    warnings,
  };
}
