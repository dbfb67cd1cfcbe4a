/**
 * The kind of each turn, from its label, its words and its neighbours. Precision first: a turn
 * becomes `moderator` or `other` only on a clear sign, and otherwise keeps the kind its label and
 * position give (question, answer, remarks). The rules are listed in docs/ARCHITECTURE.md
 * ("Turn kinds and pairs").
 */
import type { TurnKind } from "../../model/document.js";
import {
  announcesQuestions,
  asksLeave,
  isFloorBid,
  isNamedBid,
  namesSubject,
  onlyBids,
  opensAsking,
  putsAQuestion,
} from "./asking.js";
import {
  endsWithSignOff,
  isCourtesy,
  isCourtesySentence,
  thanksForJoining,
  thanksTheRoom,
} from "./courtesy.js";
import { type LabelRole, QUESTION_WORDS } from "./labels.js";
import {
  ADDRESS_TITLES,
  callsOnSomeone,
  goesToBreak,
  introducesSomeone,
  isAudioTrouble,
  isBackchannel,
  isChairOpening,
  isClarification,
  isClosing,
  isContinuation,
  isEditorialNote,
  isHandOff,
  isPlaceLine,
  isQuestionsLeft,
  isSpeech,
  isTimeCall,
  mentionsHandOff,
  opensWithItems,
} from "./procedural.js";
import {
  echoes,
  endsOnLaughter,
  endsOnQuestionMark,
  hasQuestionMark,
  isBrokenOff,
  isCutOff,
  isStageDirectionOnly,
  LAUGHTER_AT_END,
  sentencesOf,
  splitSentences,
  spokenWordCount,
  spokenWords,
  withoutStageDirections,
} from "./words.js";

export interface TurnShape {
  /** The label's role, or null for unlabelled opening remarks. */
  role: LabelRole | null;
  /** The label as written ("MS. PSAKI", "AIDE", "Q"). */
  label: string | null;
  paragraphs: string[];
}

/** Who a turn speaks for: the people asking, the people asked, or the people running the event. */
type Side = "ask" | "official" | "chair" | "opening";

/** Staff who run the room rather than answer: "AIDE", "WHITE HOUSE AIDE", "THE OPERATOR", "STAFF". */
const STAFF_LABEL =
  /^(?:THE\s+)?(?:(?:WHITE HOUSE|PRESS|STAFF)\s+)?(?:AIDE|OPERATOR|STAFF|STAFFER|ASSISTANT)$/iu;

function sideOf(t: TurnShape): Side {
  if (t.role === null) return "opening";
  if (t.role === "question") return "ask";
  if (t.role === "moderator") return "chair";
  // Transcripts print staff labels in capitals; a chat export's lower-case "assistant" is a role name.
  const label = t.label?.replace(/\.$/, "") ?? "";
  return label && label === label.toUpperCase() && STAFF_LABEL.test(label) ? "chair" : "official";
}

const textOf = (t: TurnShape) => t.paragraphs.join("\n");
const SHORT_REPLY = 15;
/** Words at least in a reporter's pressing and in the official's reply to it (fewer: "He did.", "Up or out."). */
const PRESSED_REPLY = 3;
/** Words of a question an official asks back about the one just put ("Are we talking about Afghanistan and Pakistan?"). */
const ASKED_BACK = 12;
/**
 * A question back that asks the reporter what they have or did ("Do you have a record of people
 * throwing phones away?", "Have you done a vote count?") disputes the premise: it answers.
 */
const REBUTS =
  /^(?:(?:well|but|and|so|look|okay|ok)[,\s]+)*(?:do|did|have|had) you (?!mean\b|want\b|wanna\b|ask|talk|refer|say)/iu;
const SHORT_REMARK = 12;
/** Words called out over a question another reporter has just put ("Filibuster.", "Paused."). */
const SHOUT_WORDS = 4;
/** Words past which a turn is a statement of its own, not a few words between others. */
const LONG_TURN = 40;
/** So few words after a sound check or complaint that they only say the sound is fine. */
const SOUND_REPLY = 8;
/** So few words cut off that they only claim the floor ("Mr. President, on —"). */
const FALSE_START = 6;
/** Labels that say a question is put (labels.ts); the end is a letter's, which \b knows only in ASCII. */
const QUESTION_LABEL = new RegExp(`^(?:${QUESTION_WORDS})(?![\\p{L}\\p{N}])`, "iu");
const ANSWER_REPLY =
  /^(?:yes|no|nope|not yet|correct|that(?:'s|’s| is) (?:correct|true|accurate|not (?:what|true|right|correct|accurate))|i am|i do|i did|i will|i have|we are|we do|we did|we will|they do|they are|it is|it does|he is|she is|of course|definitely|да|нет|конечно)(?![\p{L}\p{N}])[^?]{0,25}[.!]?$/iu;
/** At most this many words from an official, ending on the room's laughter, only raise a laugh. */
const OFFICIAL_QUIP_WORDS = 10;
/** At most this many words said for a laugh ("Maybe they were 'pissed' at both of you. (Laughter.)"). */
const QUIP_WORDS = 25;
/** Asks the person something without a question mark: "I'd like you to say something new.", "I'm asking about you." */
const REQUESTS =
  /\b(?:i(?:'d|’d| would) like you to|i want you to|i(?:'m|’m| am) asking|tell us|explain)\b/iu;
/**
 * Words that grant the floor and nothing a listener's nod would say: "Sure.", "Go ahead.",
 * «Пожалуйста». Their end is a lookahead, not \b, which knows no Cyrillic letter ("Да." never matched).
 */
const GRANTS = "sure|certainly|of course|absolutely|go ahead|please|пожалуйста|прошу";
const FLOOR_GRANTED = new RegExp(`^(?:${GRANTS})(?![\\p{L}\\p{N}])`, "iu");
/** The floor given after a bid: a grant, or a nod ("Yes.", "Yeah.", "Okay."), which a bid makes one. */
const FLOOR_GIVEN = new RegExp(`^(?:${GRANTS}|yes|yeah|yep|okay|ok|да)(?![\\p{L}\\p{N}])`, "iu");

export function classifyTurns(turns: TurnShape[], hasLabels: boolean): TurnKind[] {
  const sides = turns.map(sideOf);
  const texts = turns.map(textOf);
  const audio = texts.map(isAudioTrouble);
  // null: substantive, decided by position below.
  const kinds: (TurnKind | null)[] = turns.map((t, i) =>
    localKind(
      t,
      sides[i] as Side,
      texts[i] as string,
      texts[i - 1] ?? "",
      hasLabels,
      audio[i] === true,
      turns[i + 1]?.label ?? undefined,
    ),
  );
  const continued = continuations(turns);
  // A reporter's words that begin a question and are waited for: the subject named ("And one on
  // Afghanistan."), or a fragment with something in it that its speaker takes up again after the
  // nod ("January 6th’s Select Committee —" "Yeah." "— first meeting takes place tomorrow…?").
  const takenUp = new Set(continued.filter((j): j is number => j !== null));
  const begunQuestion = (j: number) =>
    sides[j] === "ask" &&
    (namesSubject(texts[j] as string) || (takenUp.has(j) && !onlyBids(texts[j] as string)));
  const firstQuestion = kinds.indexOf("question");
  const lastQuestion = kinds.lastIndexOf("question");

  for (let i = 0; i < turns.length; i++) {
    const side = sides[i] as Side;
    const text = texts[i] as string;
    if (side !== "official" && side !== "chair") continue;
    const prevSide = sides[i - 1];
    const prevText = texts[i - 1] ?? "";
    const nextSide = sides[i + 1];
    // Compared with SHORT_REPLY, 6 and 40 below: counted no further.
    const words = spokenWordCount(text, 40);
    // The reporter before asked something: a question mark, or an interrogative cut off.
    const prevAsked = prevSide === "ask" && kinds[i - 1] === "question" && putsAQuestion(prevText);

    // "And can I ask one on Ukraine?" "Sure." and the question follows: leave asked and given.
    if (
      prevSide === "ask" &&
      nextSide === "ask" &&
      words <= 6 &&
      asksLeave(prevText) &&
      (FLOOR_GIVEN.test(text.trim()) || isHandOff(text))
    ) {
      kinds[i - 1] = "other";
      kinds[i] = "moderator";
      continue;
    }

    // "I have a follow-up on sanctions and energy." "Sure." and the question follows: questions
    // announced and the floor granted, as leave asked is. An announcement cut off and taken up
    // after the nod ("And I have one more question on Daleep Singh's visit to India —" "Sure."
    // "— which was…") began the question.
    if (
      prevSide === "ask" &&
      nextSide === "ask" &&
      words <= 6 &&
      FLOOR_GRANTED.test(text.trim()) &&
      announcesQuestions(prevText)
    ) {
      kinds[i] = "moderator";
      kinds[i - 1] = continued[i + 1] === i - 1 ? "question" : "other";
      continue;
    }
    // "But bottom line, this time Vladimir Putin got what he wanted." "Well-- look, I think…": a
    // statement the person asked takes up with "Well", which opens an answer, was put to draw one;
    // an aside within an answer is agreed with ("Yes, exactly. And…") and the answer goes on.
    if (
      prevSide === "ask" &&
      kinds[i - 1] === "other" &&
      /^well\b/iu.test(text.trim()) &&
      spokenWordCount(prevText, 5) >= 5 &&
      !isCourtesy(prevText) &&
      !endsOnLaughter(prevText) &&
      !onlyBids(prevText) &&
      !isFloorBid(prevText) &&
      // Not the programme run ("We have about two minutes left…", "Let me introduce our audience…")
      // nor a greeting taken up ("Well, hello everybody…").
      !isTimeCall(prevText) &&
      !mentionsHandOff(prevText) &&
      !introducesSomeone(prevText) &&
      !isCourtesySentence(
        (sentencesOf(text)[0] ?? "").replace(/^well[,!.]?\s*/iu, "").split(/,\s*/u)[0] ?? "",
      )
    ) {
      kinds[i - 1] = "question";
      if (kinds[i] === null || kinds[i] === "other") kinds[i] = null;
      continue;
    }
    // "And is 'soon' still your guidance on --" "Soon is still my guidance.", "But he's the
    // President now." "Correct. And he was not the President at the time…": a reporter's few words
    // pressing the answer just given, which the official takes up with a statement of their own,
    // were put to draw it (the guide's pushback), and the reply answers. Not a reply that only
    // echoes or quotes the reporter, trails off, goes on with the official's own answer, or is
    // courtesy, a nod or a joke; not the reporter's courtesy, a bid, a topic announced or a
    // question that goes on after the reply. Written from the second to thirteenth samples'
    // errors (kinds 0.929 to 0.932, pair F1 0.864 to 0.866 over them); on the blind fourteenth and
    // eighth samples it moved kinds 0.889 to 0.903 and 0.885 to 0.893, pair F1 0.851 to 0.862 and
    // 0.868 to 0.878, on the fourth 0.950 to 0.948 and 0.923 to 0.922 (docs/quality.md).
    if (
      prevSide === "ask" &&
      !prevAsked &&
      sides[i - 2] === "official" &&
      (kinds[i - 2] === "answer" || kinds[i - 2] === null) &&
      nextSide === "ask" &&
      words >= PRESSED_REPLY &&
      words <= SHORT_REPLY &&
      takesUpPressing(text, prevText) &&
      continued[i] !== i - 2 &&
      continued[i - 1] == null &&
      continued[i + 1] !== i - 1 &&
      !begunQuestion(i - 1) &&
      spokenWordCount(prevText, PRESSED_REPLY) >= PRESSED_REPLY &&
      !isCourtesy(prevText) &&
      !endsOnLaughter(prevText) &&
      // Words the room's noise broke off ("And we've obvious — (A cellphone rings.)").
      !/\)\s*$/u.test(prevText.trim()) &&
      !onlyBids(prevText) &&
      !isFloorBid(prevText) &&
      !isTimeCall(prevText) &&
      !announcesQuestions(prevText) &&
      !asksLeave(prevText)
    ) {
      kinds[i - 1] = "question";
      if (kinds[i] === null || kinds[i] === "other") kinds[i] = null;
      continue;
    }
    // "You're competitive." "I am.": an interviewer's statement that the person asked answers with
    // a yes, a no or "I am" was put to draw that reply (the guide's statement meant to draw one).
    if (
      prevSide === "ask" &&
      kinds[i - 1] === "other" &&
      words <= SHORT_REPLY &&
      ANSWER_REPLY.test(text.trim()) &&
      !isBackchannel(text) &&
      !onlyBids(prevText) &&
      !isCourtesy(prevText) &&
      !isCutOff(prevText) &&
      !endsOnLaughter(prevText) &&
      !isStageDirectionOnly(prevText) &&
      !isFloorBid(prevText)
    ) {
      kinds[i - 1] = "question";
      continue;
    }
    // A reporter's words that asked nothing (a half-sentence cut off, an introduction, "We're
    // landing."), a short reply, and the reporters go on: the reply is an aside, and so are the
    // reporter's words when they were few; a longer preamble stays the start of a question.
    // A yes or a no answers even a question put as a statement ("You're competitive." "I am."),
    // but a bare "Yes." or "Right." while the interviewer goes on is only listening.
    if (
      prevSide === "ask" &&
      !prevAsked &&
      nextSide === "ask" &&
      words <= SHORT_REPLY &&
      (!ANSWER_REPLY.test(text.trim()) || isBackchannel(text)) &&
      // "As he said — as he said there —", "It's a family, and...": an answer begun and cut off
      // (broken off, or trailing off as interview transcripts print it), not an aside.
      !(isCutOff(text) && !spokenWords(text).every(isFiller))
    ) {
      if (kinds[i] === null || kinds[i] === "other") {
        // A bid for the floor ("Karine?", "Change of topic?") answered by "Yeah." or "Sure.": the
        // floor given. (Not "— when the application is available —" "Yeah.": the question going
        // on bids for nothing.)
        const bid = isFloorBid(prevText) && continued[i - 1] == null && !begunQuestion(i - 1);
        if (bid && FLOOR_GIVEN.test(text.trim())) kinds[i] = "moderator";
        else if (kinds[i] === null) kinds[i] = "other";
      }
      if (kinds[i - 1] === "question" && spokenWordCount(prevText, 12) <= 12 && !begunQuestion(i - 1))
        kinds[i - 1] = "other";
      continue;
    }
    // "So can you guarantee … the appropriate amount —" "Yeah." "— before repayments are due?":
    // nodding along while the question goes on, even once it has begun to ask; but "Yes." to
    // "are you meeting with other groups of lawmakers —" answers it.
    if (
      prevSide === "ask" &&
      continued[i + 1] === i - 1 &&
      isBackchannel(text) &&
      !ANSWER_REPLY.test(text.trim())
    ) {
      kinds[i] = "other";
      continue;
    }
    // "What is the motivation?" "Yeah." "What is driving them?" [a full answer], or the last part
    // of a question put in parts, "… before repayments are due again?" "Yeah." "And then another…":
    // a nod while the reporter goes on; the answer after answers every part. "Yes." or "No." would
    // answer, and so does "Yeah." to a question asked whole that a yes answers ("So everything is
    // still on track?" "Yeah.").
    if (
      prevAsked &&
      (asksWhat(prevText) || continued[i - 1] != null) &&
      nextSide === "ask" &&
      isBackchannel(text) &&
      !ANSWER_REPLY.test(text.trim()) &&
      sides[i + 2] === "official" &&
      kinds[i + 2] === null &&
      spokenWordCount(texts[i + 2] as string, SHORT_REPLY) > SHORT_REPLY
    ) {
      kinds[i] = "other";
      continue;
    }
    // "And do you welcome their participation in the elections?" "Hamas?" "Yes.": a word or two
    // asked back about the question, which the reporter confirms, call no one to ask.
    if (
      kinds[i] === "moderator" &&
      prevAsked &&
      nextSide === "ask" &&
      endsOnQuestionMark(text) &&
      spokenWordCount(text, 4) <= 4 &&
      spokenWordCount(texts[i + 1] as string, 3) <= 3 &&
      ANSWER_REPLY.test((texts[i + 1] as string).trim())
    ) {
      kinds[i] = "other";
      continue;
    }
    if (side !== "official" || kinds[i] !== null) continue;
    // "She came to see you guys. (Laughter.)", "Oh, I was waiting for this to come up. (Laughter.)":
    // an official's few words for a laugh that neither say yes or no nor ask anything are an aside,
    // not an answer, unless nothing else answers before the next question.
    if (
      endsOnLaughter(text) &&
      spokenWordCount(text, OFFICIAL_QUIP_WORDS) <= OFFICIAL_QUIP_WORDS &&
      !ANSWER_REPLY.test(text.replace(LAUGHTER_AT_END, "").trim()) &&
      !hasQuestionMark(withoutStageDirections(text)) &&
      // "We'll see. (Laughter.)" and the reporters ask the next question: the quip was the reply.
      !(
        nextSide === "ask" &&
        putsAQuestion(texts[i + 1] as string) &&
        !endsOnLaughter(texts[i + 1] as string)
      )
    ) {
      kinds[i] = "other";
      continue;
    }

    // "So —", "Well — oh,", "Let's see —": a start with nothing in it, cut off by the reporter.
    if (nextSide === "ask" && isBrokenOff(text) && words <= 4 && spokenWords(text).every(isFiller)) {
      kinds[i] = "other";
      continue;
    }

    // The chair of a press call opens it (ground rules, the briefer introduced) and another
    // official speaks next, before any question.
    if ((firstQuestion === -1 || i < firstQuestion) && nextSide === "official" && isChairOpening(text)) {
      kinds[i] = "moderator";
      continue;
    }
    // "Okay. Just, like, two more." after an answer: the questions left, not a reply.
    if (kinds[i - 1] !== "question" && prevSide !== "ask" && isQuestionsLeft(text)) {
      kinds[i] = "moderator";
      continue;
    }
    // After the last question, a turn that closes the event, not one that answers.
    if (i > lastQuestion && kinds[i - 1] !== "question" && isClosing(text)) {
      kinds[i] = "moderator";
      continue;
    }
    // "Okay, a couple items at the top.": the press secretary's own items once a guest has gone,
    // not an answer to the guest's last question; and after the chair has called the last
    // question, the briefer's closing words ("Let me just finish off by saying…").
    const long = spokenWordCount(text, LONG_TURN) > LONG_TURN;
    // ("At the top" says so even right after a reporter's shout.)
    if (
      long &&
      ((kinds[i - 1] !== "question" &&
        (opensWithItems(text) ||
          (i > lastQuestion && kinds[i - 1] === "moderator" && isClosing(prevText)))) ||
        opensWithItems(text, true))
    ) {
      kinds[i] = "remarks";
      continue;
    }
    // "What do I think what?", "Is it in the bill?": the question asked back, then put again;
    // "Sorry, I can't hear you.", "Are you talking about the Times story?": asked to say it again.
    // So is "A Promise Zones plan? Or you mean --" or "Are you suggesting that we're trying to
    // assist the --": a few words asking what was meant, broken off as the reporter explains.
    if (
      prevSide === "ask" &&
      nextSide === "ask" &&
      ((prevAsked && words <= ASKED_BACK && endsOnQuestionMark(text) && !REBUTS.test(text)) ||
        (prevAsked &&
          words <= SHORT_REPLY &&
          isBrokenOff(text) &&
          opensAsking(text) &&
          !ANSWER_REPLY.test(text.trim())) ||
        isClarification(text))
    ) {
      kinds[i] = "other";
      continue;
    }
    // A short goodbye that follows no question: "We have to go. … Thanks, guys."
    if (
      firstQuestion !== -1 &&
      i > firstQuestion &&
      kinds[i - 1] !== "question" &&
      words <= 40 &&
      !hasQuestionMark(text) &&
      endsWithSignOff(text)
    ) {
      kinds[i] = "other";
    }
  }

  // "Can I ask you a follow-up question on COVID-19?" and the question put at once: leave asked
  // for, not yet the question.
  for (let i = 0; i + 1 < turns.length; i++)
    if (
      sides[i] === "ask" &&
      sides[i + 1] === "ask" &&
      kinds[i] === "question" &&
      kinds[i + 1] === "question" &&
      asksLeave(texts[i] as string)
    )
      kinds[i] = "other";

  // "Thank you so much for joining us." from the chair after a guest's answers closes the guest's part.
  for (let i = 1; i < turns.length; i++)
    if (
      sides[i] === "official" &&
      kinds[i] === "other" &&
      sides[i - 1] === "official" &&
      thanksForJoining(texts[i] as string) &&
      turns[i - 1]?.label !== turns[i]?.label
    )
      kinds[i] = "moderator";

  // "Thanks, everybody." once the last question has been answered closes the event.
  for (let i = lastQuestion + 1; lastQuestion !== -1 && i < turns.length; i++)
    if (sides[i] === "official" && kinds[i] === "other" && thanksTheRoom(texts[i] as string))
      kinds[i] = "moderator";

  // "Can you hear me?" "Yes." / "Franco, can you hear me any better?" "Yes, that was a little
  // clearer.": a few words in reply to the sound of the call answer nothing, unless they hand
  // the floor on.
  for (let i = 1; i < turns.length; i++) {
    if (audio[i - 1] !== true || isHandOff(texts[i] as string)) continue;
    const text = texts[i] as string;
    if (spokenWordCount(text, SOUND_REPLY) <= SOUND_REPLY && !putsAQuestion(text)) kinds[i] = "other";
  }

  // A reporter's half-sentence cut off before a question was put began one when the reporter goes
  // on with it ("— the vaccine after…") or the official answers it ("No, I didn't say that."); it
  // was only a false start when the official's reply is an aside and the reporter starts over
  // ("You spent part of your day —" "I'm over here." "Oh, hi." "You spent part of your day…").
  for (let i = 0; i < turns.length; i++) {
    const text = texts[i] as string;
    if (sides[i] !== "ask" || kinds[i] !== "other" || !isCutOff(text)) continue;
    const next = kinds[i + 1];
    // A question begun and broken off ("Why not --", "And how many --") that the official answers
    // then and there asked it, though its few words read as a bid for the floor ("On Ukraine —");
    // not leave asked ("Can I —"), a name called, nor one the official's own answer goes on past.
    if (putsAQuestion(text)) {
      if (
        isBrokenOff(text) &&
        sides[i + 1] === "official" &&
        next === null &&
        continued[i + 1] !== i - 1 &&
        !isNamedBid(text) &&
        !asksLeave(text)
      )
        kinds[i] = null;
      continue;
    }
    // Bids for the floor and bare stage directions are shorter still; but a few words broken off
    // with a dash, that bid by no name and that the person asked answers at once, began a question
    // ("You're saying high confidence here--" "This time they've got high confidence…"). Dots
    // ("Yeah...", "But obviously, the...") trail off rather than break off.
    const answeredAtOnce =
      sides[i + 1] === "official" && next === null && isBrokenOff(text) && !isNamedBid(text);
    if (spokenWordCount(text, FALSE_START) <= FALSE_START && !answeredAtOnce && !begunQuestion(i)) continue;
    const restarts =
      (sides[i + 1] === "official" || sides[i + 1] === "chair") &&
      (next === "other" || next === "moderator") &&
      sides[i + 2] === "ask" &&
      continued[i + 2] !== i;
    if (!restarts && i + 1 < turns.length) kinds[i] = null;
  }

  // A turn that goes on from where its speaker was cut off takes the kind of the turn it continues.
  for (let i = 0; i < turns.length; i++) {
    const j = continued[i];
    if (j === null || j === undefined) continue;
    const before = kinds[j] ?? (sides[j] === "ask" ? "question" : null);
    if (before === "question" || before === "answer") kinds[i] = before;
    else if (before === null && kinds[i] !== null) kinds[i] = null;
  }

  // A reporter's few words that ask nothing and get no reply of their own: another reporter speaks
  // next ("The back has never been called on." "Hello, this is April."), or the official goes on
  // with what they were saying ("(Inaudible) Title 42." "— our focus, though, …"). Shouts from the
  // room, not questions.
  for (let i = 0; i < turns.length; i++) {
    const text = texts[i] as string;
    if (sides[i] !== "ask" || (kinds[i] !== null && kinds[i] !== "question")) continue;
    if (putsAQuestion(text) || spokenWordCount(text, SHORT_REMARK) > SHORT_REMARK || isCutOff(text)) continue;
    const next = i + 1;
    if (next >= turns.length || continued[next] === i) continue;
    const goesOn = sides[next] === "ask" || (continued[next] !== null && continued[next] !== undefined);
    // Or a word or two called out over a question just put, before anyone replied ("A 'dark day'
    // for democracy and what happened up on the Hill yesterday —" "Filibuster."): the reply that
    // follows answers the question, not the shout.
    const overAQuestion =
      i > 0 &&
      sides[i - 1] === "ask" &&
      (kinds[i - 1] ?? "question") === "question" &&
      continued[i] !== i - 1 &&
      spokenWordCount(text, SHOUT_WORDS) <= SHOUT_WORDS;
    if (goesOn || overAQuestion) kinds[i] = "other";
  }

  // Substantive turns of the people asked: an answer when the exchange they belong to began with
  // a question (moderator and other turns between do not end it), otherwise remarks.
  const out: TurnKind[] = [];
  let last: TurnKind | null = null;
  for (let i = 0; i < turns.length; i++) {
    let kind = kinds[i] ?? null;
    if (kind === null)
      kind =
        sides[i] === "ask" ? "question" : last === "question" || last === "answer" ? "answer" : "remarks";
    if (kind === "question" || kind === "answer" || kind === "remarks") last = kind;
    out.push(kind);
  }
  return out;
}

/**
 * For each turn that continues its speaker's earlier turn cut off a few turns before ("— and it
 * was…" after an interjection), the index of that turn; null for the others.
 */
export function continuations(turns: Pick<TurnShape, "label" | "paragraphs">[]): (number | null)[] {
  return turns.map((t, i) => {
    if (!t.label || !isContinuation(t.paragraphs[0] ?? "")) return null;
    for (let j = i - 1; j >= Math.max(0, i - 4); j--) if (turns[j]?.label === t.label) return j;
    return null;
  });
}

/** Words that begin a reply without saying anything yet. */
const FILLERS = new Set(
  "so well oh ah uh um and but the look yeah i let let's let’s me see you know okay".split(" "),
);
const isFiller = (word: string) => FILLERS.has(word.toLowerCase().replace(/[^\p{L}’']/gu, ""));

/**
 * Whether an official's few words take up a reporter's pressing as an answer does: a statement of
 * their own, not a question back, a nod, courtesy, the floor given, a joke for the room, the
 * reporter's words echoed or quoted ("“One of the senators.” Okay."), "Oh, …" as something
 * dawns, or words that trail off.
 */
function takesUpPressing(text: string, pressing: string): boolean {
  const t = text.trim();
  return (
    !hasQuestionMark(withoutStageDirections(text)) &&
    !isBackchannel(text) &&
    !isCourtesy(text) &&
    !endsOnLaughter(text) &&
    !FLOOR_GIVEN.test(t) &&
    !/^oh\b/iu.test(t) &&
    !/^["“‘'«]/u.test(t) &&
    !echoes(text, pressing) &&
    !isCutOff(text)
  );
}

/** The question a turn ends on asks what, why, how, when, where, who or which: a yes is no answer to it. */
function asksWhat(text: string): boolean {
  const questions = text.split(/(?<=[?？])/u).filter((q) => /[?？]\s*$/u.test(q));
  const last = questions[questions.length - 1];
  if (!last) return false;
  const sentence = splitSentences(last.trim()).pop() ?? "";
  return /^(?:(?:and|but|so|okay|ok|well|now|then)[,\s]+)*(?:what|why|how|when|where|who|whom|whose|which)\b/iu.test(
    sentence.trim(),
  );
}

/** "North Korea?" after "Karine, back on North Korea: …": the words asked back, not a name called ("Dr. Walensky." hands the question on). */
const asksBack = (text: string, previousText: string) => /\?\s*$/u.test(text) && echoes(text, previousText);

const TITLE_WORDS = new Set(ADDRESS_TITLES.map((t) => t.toUpperCase()));

/** "Dr. Fauci?" and the next voice is labelled "DR. FAUCI": the question handed to him, even though the reporter named him. */
function namesNextSpeaker(text: string, nextLabel: string | undefined): boolean {
  if (!nextLabel) return false;
  const label = new Set(nextLabel.toUpperCase().split(/[^\p{L}’'-]+/u));
  return spokenWords(text).some((w) => {
    const name = w.replace(/[^\p{L}’'-]/gu, "").toUpperCase();
    return name.length > 1 && !TITLE_WORDS.has(name) && /^\p{Lu}/u.test(w) && label.has(name);
  });
}

/** What a turn's label and words say alone; null when only its position can tell. */
function localKind(
  t: TurnShape,
  side: Side,
  text: string,
  previousText: string,
  hasLabels: boolean,
  /** The turn is about the sound of the call (isAudioTrouble). */
  audio: boolean,
  nextLabel: string | undefined,
): TurnKind | null {
  switch (side) {
    case "opening":
      // A place line before the first label ("South Lawn") is page furniture, and a note the
      // press office added above the transcript ("See below for an answer…") nobody's words; but
      // a short line with paragraphs of speech after it is a spokesperson's first topic heading
      // ("Sergey Lavrov's schedule"). One paragraph after a place line may be the press office's
      // own (a policy statement noted), so two are asked for.
      if (!hasLabels) return "remarks";
      if (isEditorialNote(t.paragraphs[0] ?? "")) return "other";
      return isPlaceLine(t.paragraphs[0] ?? "") && t.paragraphs.slice(1).filter(isSpeech).length < 2
        ? "other"
        : "remarks";
    case "ask":
      if (isStageDirectionOnly(text) || isCourtesy(text) || isBackchannel(text) || audio) return "other";
      // "Karine?" bids for the floor; "Close?" after "Close." asks again.
      if (isFloorBid(text) && !echoes(text, previousText)) return "other";
      // "One last question: what do you regret?" announces the end and asks all the same.
      if ((isTimeCall(text) || goesToBreak(text)) && !hasQuestionMark(text)) return "moderator";
      // "Top five. (Laughter.)", "We got a reader. (Laughter.)": a few words for a laugh, asking nothing.
      if (
        endsOnLaughter(text) &&
        spokenWordCount(text, QUIP_WORDS) <= QUIP_WORDS &&
        !putsAQuestion(text) &&
        !REQUESTS.test(text)
      )
        return "other";
      // A half-sentence cut off before any question was put: other for now; whether it began a
      // question is decided by what follows (classifyTurns, cut-off starts).
      if (isCutOff(text) && !putsAQuestion(text)) return "other";
      // An interviewer's remark in passing ("A little grayer, too.", "Which they did."): a few words
      // that ask nothing. A turn labelled as a question ("Q", "Вопрос") is one, however short.
      if (
        !QUESTION_LABEL.test(t.label ?? "") &&
        spokenWordCount(text, SHORT_REMARK) <= SHORT_REMARK &&
        !putsAQuestion(text)
      )
        return "other";
      return "question";
    case "chair":
      // "All right, Tommy Christopher." calls on a reporter; "Thanks, Jeff." only thanks.
      if (callsOnSomeone(text)) return asksBack(text, previousText) ? "other" : "moderator";
      if (isCourtesy(text) || isStageDirectionOnly(text) || audio) return "other";
      // A moderator who puts the questions (a forum, an interview on stage) asks them.
      if (
        t.role === "moderator" &&
        hasQuestionMark(text) &&
        spokenWordCount(text, 15) > 15 &&
        !mentionsHandOff(text)
      ) {
        return "question";
      }
      return "moderator";
    case "official":
      if (callsOnSomeone(text))
        return asksBack(text, previousText) && !namesNextSpeaker(text, nextLabel) ? null : "moderator";
      if (isStageDirectionOnly(text) || isCourtesy(text) || audio) return "other";
      if (isHandOff(text) || isTimeCall(text)) return "moderator";
      return null;
  }
}
