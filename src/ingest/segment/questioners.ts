/**
 * Who asks: a questioner the transcript names, on a press call or at a press conference, though
 * the label says only "Q". The chair calls the next one by full name ("Our next question will come
 * from Jenny Leonard from Bloomberg.", "Let's go to Kaitlan Collins at CNN.", "Liz Szabo at
 * Kaiser Health News.") or the reporter says who is asking ("It's Eamon Javers with CNBC.",
 * "Dan Vergano, BuzzFeed."). The name holds for that reporter's follow-ups until the floor is
 * handed on. Precision first: a name is a given name and a surname in Latin letters, never an
 * office ("Secretary Blinken", "Madam Vice President") or a place ("North Korea"); a first name
 * alone ("Go ahead, Peter.") names nobody but ends the last name's hold; words asked back ("Ted
 * Cruz." after "Ted Cruz --") call nobody; a reporter who introduces themselves as someone other
 * than the one called is given their own name, when it is a full one or the first name of someone
 * called before ("Oh, hi. It's Liz.").
 */
import { isGivenName } from "../../enrich/english-words.js";
import type { TurnKind } from "../../model/document.js";
import { isTitleWord } from "../speakers/names.js";
import { isCourtesy } from "./courtesy.js";
import { callsOnSomeone, isHandOff } from "./procedural.js";
import { echoes, spokenWords } from "./words.js";

const PART = String.raw`\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*`;
/** Two or three capitalised words: a full name, never a first name alone. */
const NAME = String.raw`${PART}(?:\s+${PART}){1,2}`;
/** What follows a name that is the whole of a call: its outlet, or the end of the sentence. */
const AFTER = String.raw`(?=\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu}|\s*[,.!?]|\s*$)`;
/** An outlet after the name: "at Politico", "from the Wall Street Journal", "with CNBC". */
const OUTLET = String.raw`(?=\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu})`;
/** "Let's go to …", "We'll go to …", "Let's start with …", "So why don't we close it off with …" */
const GO_TO = String.raw`\b(?:[Ll]et(?:'s|’s| us)|[Ww]e(?:'ll|’ll| will)|I(?:'ll|’ll| will)|[Ww]hy don(?:'t|’t) we)\s+(?:go|turn|start|begin|close(?: it)? (?:off|out)|end|wrap(?: it)? up)\s+(?:(?:over\s+)?to|with)\s+`;

/** Calls that name the next questioner and an outlet, whoever says them. */
const CALLS = [
  // "Our next question will come from …", "First question goes to …"
  new RegExp(
    String.raw`\bquestions?\s+(?:will\s+|is going to\s+)?(?:come|comes|is|goes|go)\s+(?:from|to)\s+(${NAME})${AFTER}`,
    "u",
  ),
  // "Let's go to Kaitlan Collins at CNN."
  new RegExp(`${GO_TO}(${NAME})${OUTLET}`, "u"),
];
/** Calls by name alone, which only a chair's turn makes ("Let's go to Tommy Christopher.", "Liz Szabo at Kaiser Health News."). */
const CHAIR_CALLS = [
  new RegExp(`${GO_TO}(${NAME})${AFTER}`, "u"),
  new RegExp(
    String.raw`^(?:(?:[Oo]kay|OK|[Aa]ll right|[Gg]reat|[Nn]ext),?\s+)?(${NAME})(?:\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu}[^.?!]{0,60})?[.?]?$`,
    "u",
  ),
];

/** A reporter saying who asks, with the outlet: "It's Eamon Javers with CNBC.", "This is Dina Temple-Raston from NPR." */
const INTRODUCES = new RegExp(
  String.raw`(?:^|[.!?,]\s+|^(?:\S+\s+){0,3})(?:[Ii]t(?:'s|’s| is)|[Tt]his is|[Mm]y name is|I(?:'m|’m| am))\s+(${NAME})${OUTLET}`,
  "u",
);
/** "Thanks very much. Dan Vergano, BuzzFeed.": a name and an outlet as a sentence of its own, after greetings only. */
const SIGNS = new RegExp(
  String.raw`^(?:(?:[^.!?]{0,40}[.!?])\s+)?(${NAME}),\s+(?:the\s+)?(\p{Lu}[\p{L}.&’' -]{1,40})[.!]`,
  "u",
);
/** "Oh, hi. It's Liz.": a first name only, which names someone called before. */
const SAYS_FIRST = /(?:^|[.!?,]\s+)(?:[Ii]t(?:'s|’s| is)|[Tt]his is)\s+(\p{Lu}[\p{Ll}’'-]+)[.!]/u;
/** "A question for President Biden from NHK:": another outlet's reporter, whom no call named. */
const OWN_OUTLET =
  /\b(?:question|questions)\s+(?:for|to)\b|\b(?:from|with)\s+(?:the\s+)?\p{Lu}[\p{L}&.’'-]*(?:\s+\p{Lu}[\p{L}&.’'-]*){0,3}\s*:/u;

/**
 * A person's name as a reporter is called: the first word a given name, no word an office or a
 * title ("President Putin", "Chancellor Scholz", "Madam Vice President"), in Latin letters.
 */
function personName(name: string | undefined): string | null {
  if (!name) return null;
  const words = name.split(/\s+/);
  if (!isGivenName(words[0] as string)) return null;
  if (words.some((w) => isTitleWord(w.toLowerCase()))) return null;
  return name;
}

function calledIn(text: string, chairing: boolean): string | null {
  const t = text.trim();
  for (const pattern of chairing ? [...CALLS, ...CHAIR_CALLS] : CALLS) {
    const name = personName(pattern.exec(t)?.[1]);
    if (name) return name;
  }
  return null;
}

function introducedIn(text: string): string | null {
  // Only where a reporter says who they are: before the question itself.
  const opening = text.slice(0, 200);
  const introduced = personName(INTRODUCES.exec(opening)?.[1]);
  if (introduced) return introduced;
  // "Happy Father's Day, Jay.": a greeting to someone, not a name and an outlet.
  const signed = SIGNS.exec(opening);
  const after = signed?.[2]?.trim() ?? "";
  if (!signed || (!/\s/u.test(after) && isGivenName(after))) return null;
  return personName(signed[1]);
}

export interface QuestionerTurn {
  kind: TurnKind;
  /** Whether the turn speaks for the people asking. */
  asks: boolean;
  /** Whether the turn already names its speaker. */
  named: boolean;
  paragraphs: string[];
}

/** Per turn, the full name of the reporter asking, where the transcript says it; null elsewhere. */
export function nameQuestioners(turns: QuestionerTurn[]): (string | null)[] {
  const out: (string | null)[] = turns.map(() => null);
  const calledBefore: string[] = [];
  /** The name of whoever has the floor on the asking side, until it is handed on. */
  let floor: string | null = null;
  /** A call no questioner has answered yet: an official speaking next was the one called. */
  let pending = false;
  /** Whether the reporter holding the floor has put a question yet (or only checked the line). */
  let asked = false;
  let previous = "";
  for (const [i, turn] of turns.entries()) {
    const text = turn.paragraphs.join("\n");
    const before = previous;
    previous = text;
    if (!turn.asks) {
      const last = turn.paragraphs[turn.paragraphs.length - 1] ?? "";
      // A name echoed from the turn before is no call; asked only of a name called, since reading
      // the turn before costs more than the call.
      const named = calledIn(last, turn.kind === "moderator");
      const called = named !== null && !echoes(last, before) ? named : null;
      if (called) {
        floor = called;
        pending = true;
        asked = false;
        calledBefore.push(called);
        continue;
      }
      // "Go ahead, Jenny." after the operator called Jenny Leonard confirms the call; any other
      // hand-off, a name called ("… next week. Peter."), remarks, or an official answering a call
      // made for them ends the hold.
      const lastSentence = last.split(/(?<=[.!?])\s+/).pop() ?? "";
      const handsOn =
        turn.kind === "moderator" ||
        callsOnSomeone(lastSentence) ||
        (isHandOff(lastSentence) && !isCourtesy(lastSentence));
      // So does "Yeah, go ahead." once the reporter called has only checked the line.
      const confirms = (pending || !asked) && floor !== null && handsOn && confirmsCall(lastSentence, floor);
      if (!confirms && (handsOn || turn.kind === "remarks" || (pending && turn.kind !== "other"))) {
        floor = null;
        pending = false;
      }
      continue;
    }
    const fresh = pending;
    pending = false;
    if (turn.named) continue;
    const introduced = introducedIn(text);
    const first = introduced ? null : SAYS_FIRST.exec(text.slice(0, 120))?.[1];
    const earlier = first ? calledBefore.filter((n) => n.split(/\s+/)[0] === first) : [];
    if (introduced && introduced !== floor) asked = false;
    if (introduced) floor = introduced;
    // Someone called before by that first name, and only one.
    else if (first) floor = earlier.length === 1 ? (earlier[0] as string) : null;
    // A follow-up that puts a question from an outlet of its own is another reporter's.
    else if (!fresh && OWN_OUTLET.test(text.slice(0, 150))) floor = null;
    out[i] = floor;
    if (turn.kind === "question") asked = true;
  }
  return out;
}

/** A hand-off that names no one but the reporter just called ("Go ahead, Jenny.", "Go ahead."). */
function confirmsCall(sentence: string, called: string): boolean {
  const given = called.split(/\s+/)[0] as string;
  // The stops after a name are taken off, not its last letter: \W holds "é" and every Cyrillic letter.
  const names = spokenWords(sentence).filter(
    (w) => /^\p{Lu}\p{Ll}/u.test(w) && isGivenName(w.replace(/[^\p{L}\p{N}]+$/u, "")),
  );
  return names.every((w) => w.replace(/[^\p{L}\p{N}]+$/u, "") === given);
}
