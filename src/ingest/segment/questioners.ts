/**
 * Who asks: a questioner the transcript names, on a press call or at a press conference, though
 * the label says only "Q". The chair calls the next one by full name ("Our next question will come
 * from Jenny Leonard from Bloomberg.", "Let's go to Kaitlan Collins at CNN.", "Liz Szabo at
 * Kaiser Health News.") or the reporter says who is asking ("It's Eamon Javers with CNBC.",
 * "Dan Vergano, BuzzFeed."). The name holds for that reporter's turns until the floor is handed
 * on again. Precision first: a first name alone ("Go ahead, Peter.") names nobody, and a reporter
 * who introduces themselves as someone other than the one called is not given the call's name,
 * but the name they gave, when it is a full one or the first name of someone called before ("Oh,
 * hi. It's Liz.").
 */
import type { TurnKind } from "../../model/document.js";

/** Two or three capitalised words: a full name, never a first name alone. */
const PART = String.raw`\p{Lu}[\p{Ll}’']+(?:-\p{Lu}?[\p{Ll}’']+)*`;
const NAME = String.raw`${PART}(?:\s+${PART}){1,2}`;
/** An outlet after the name: "at Politico", "from the Wall Street Journal", "with CNBC". */
const OUTLET = String.raw`(?=\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu})`;
/** What follows a name that is the whole of a call: its outlet, or the end of the sentence. */
const AFTER = String.raw`(?=\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu}|\s*[,.!?]|\s*$)`;

/** Offices before a name: a call to an official at the podium ("Let's go to Secretary Blinken"), not to a reporter. */
const OFFICE =
  /^(?:Secretary|President|Vice|Senator|Governor|Mayor|Ambassador|Director|Administrator|General|Admiral|Chairman|Chair|Leader|Speaker|Representative|Congressman|Congresswoman|Deputy|Minister|Prime|Foreign|Doctor|Surgeon|Commissioner|Chief|Senior|Special|National|White|Press|Principal|Attorney|Justice|Judge|Dr|Mr|Ms|Mrs)\b/u;

/** "Let's go to …", "We'll go to …", "Let's start with …" */
const GO_TO = String.raw`\b(?:[Ll]et(?:'s|’s| us)|[Ww]e(?:'ll|’ll| will)|I(?:'ll|’ll| will))\s+(?:go|turn|start|begin)\s+(?:(?:over\s+)?to|with)\s+`;

/** Calls that name the next questioner wherever a chair or an official says them. */
const CALLS = [
  // "Our next question will come from …", "First question goes to …"
  new RegExp(
    String.raw`\bquestions?\s+(?:will\s+|is going to\s+)?(?:come|comes|is|goes|go)\s+(?:from|to)\s+(${NAME})${AFTER}`,
    "u",
  ),
  // "Let's go to Kaitlan Collins at CNN.": with the outlet, anyone's words call a reporter.
  new RegExp(`${GO_TO}(${NAME})${OUTLET}`, "u"),
];
/** Only a chair's words call a reporter by name alone ("Let's go to Tommy Christopher."). */
const CHAIR_CALLS = [new RegExp(`${GO_TO}(${NAME})${AFTER}`, "u")];
/** A chair's turn that is only a name and an outlet: "Liz Szabo at Kaiser Health News.", "All right, Tommy Christopher." */
const CALLED_ALONE = new RegExp(
  String.raw`^(?:(?:[Oo]kay|OK|[Aa]ll right|[Gg]reat|[Nn]ext),?\s+)?(${NAME})(?:\s+(?:at|from|of|with)\s+(?:the\s+)?\p{Lu}[^.?!]{0,60})?[.?]?$`,
  "u",
);

/** A reporter saying who asks: "It's Eamon Javers with CNBC.", "This is Dina Temple-Raston from NPR.", "Dan Vergano, BuzzFeed." */
const SELF = [
  new RegExp(
    String.raw`(?:^|[.!?,]\s+|^(?:\S+\s+){0,3})(?:[Ii]t(?:'s|’s| is)|[Tt]his is|[Mm]y name is|I(?:'m|’m| am))\s+(${NAME})(?=\s+(?:with|from|at|of)\s+(?:the\s+)?\p{Lu})`,
    "u",
  ),
  new RegExp(String.raw`(?:^|[.!?]\s+)(${NAME}),\s+(?:the\s+)?\p{Lu}[\p{L}.&’' -]{1,40}[.!]`, "u"),
];
/** "A question for President Biden from NHK:": another outlet's reporter, whom no call named. */
const ANOTHER_OUTLET =
  /\b(?:question|questions)\s+(?:for|to)\b|\b(?:from|with)\s+(?:the\s+)?\p{Lu}[\p{L}&.’'-]*(?:\s+\p{Lu}[\p{L}&.’'-]*){0,3}\s*[:.,]/u;

/** "Oh, hi. It's Liz.": a first name only, which names someone called before. */
const SELF_FIRST = /(?:^|[.!?,]\s+)(?:[Ii]t(?:'s|’s| is)|[Tt]his is)\s+(\p{Lu}[\p{Ll}’'-]+)[.!]/u;

export interface QuestionerTurn {
  kind: TurnKind;
  /** Whose side the label speaks for: "question" for the people asking. */
  asks: boolean;
  /** Whether the turn already names its speaker. */
  named: boolean;
  paragraphs: string[];
}

function calledIn(text: string, chairing: boolean): string | null {
  const t = text.trim();
  for (const pattern of chairing ? [...CALLS, ...CHAIR_CALLS, CALLED_ALONE] : CALLS) {
    const name = pattern.exec(t)?.[1];
    if (name && !OFFICE.test(name)) return name;
  }
  return null;
}

function introducedIn(text: string): string | null {
  // Only where a reporter says who they are: before the question itself.
  const opening = text.slice(0, 200);
  for (const pattern of SELF) {
    const m = pattern.exec(opening);
    if (m) return m[1] as string;
  }
  return null;
}

/** Per turn, the full name of the reporter asking, where the transcript says it; null elsewhere. */
export function nameQuestioners(turns: QuestionerTurn[]): (string | null)[] {
  const out: (string | null)[] = turns.map(() => null);
  const calledBefore: string[] = [];
  /** The name of whoever has the floor on the asking side, until it is handed on. */
  let floor: string | null = null;
  /** A call no questioner has answered yet: an official speaking next was the one called. */
  let pending = false;
  /** This asking turn is the first since the call. */
  let fresh = false;
  for (const [i, turn] of turns.entries()) {
    const text = turn.paragraphs.join("\n");
    if (!turn.asks) {
      const called = calledIn(text.split("\n").pop() ?? "", turn.kind === "moderator");
      if (called) {
        floor = called;
        pending = true;
        calledBefore.push(called);
      } else if (turn.kind === "moderator" || turn.kind === "remarks" || (pending && turn.kind !== "other"))
        floor = null;
      continue;
    }
    fresh = pending;
    pending = false;
    if (turn.named) continue;
    const introduced = introducedIn(text);
    const first = introduced ? null : SELF_FIRST.exec(text.slice(0, 120))?.[1];
    const earlier = first ? calledBefore.find((n) => n.split(/\s+/)[0] === first) : undefined;
    if (introduced) floor = introduced;
    else if (first) floor = earlier ?? null;
    // A turn that the call did not answer (the call's first) and that puts a question from an
    // outlet of its own is another reporter's.
    else if (!fresh && ANOTHER_OUTLET.test(text.slice(0, 150))) floor = null;
    fresh = false;
    out[i] = floor;
  }
  return out;
}
