/**
 * The press office's line above a briefing that names the briefer, as the UN prints its noon
 * briefings: "The following is a near-verbatim transcript of today's noon briefing by Stéphane
 * Dujarric, Spokesman for the Secretary-General." The title names only the office, so this line
 * says whose the unlabelled opening remarks and the "Spokesman:" answers are; the line itself is
 * nobody's words, and is kept as a note.
 */
import type { Attachment } from "../../model/document.js";
import type { DraftParticipant } from "./draft.js";
import type { TitleFacts } from "./title.js";

const NOTE =
  /^The following is (?:a |the )?(?:near-verbatim |verbatim |partial |unofficial )*transcript of [^.]{0,80}?\bby ((?:\p{Lu}[\p{L}’'-]*\.?\s){1,3}\p{Lu}[\p{L}’'-]+),\s+([^.]{3,120}?)\.?$/u;

export interface BrieferNote {
  briefer: DraftParticipant;
  note: string;
}

/** The briefer the first paragraph names, and that paragraph; null when it is no such note. */
export function readBrieferNote(paragraphs: string[]): BrieferNote | null {
  const first = (paragraphs[0] ?? "").trim();
  const m = NOTE.exec(first);
  if (!m) return null;
  return { briefer: { name: (m[1] ?? "").trim(), role: (m[2] ?? "").trim() }, note: first };
}

/**
 * The title's facts, with the briefer a note names as the title speaker when the title names
 * none: the note is taken out of the paragraphs and kept with the attachments.
 */
export function withBriefer(facts: TitleFacts, paragraphs: string[], attachments: Attachment[]): TitleFacts {
  if (facts.titleSpeaker) return facts;
  const found = readBrieferNote(paragraphs);
  if (!found) return facts;
  paragraphs.shift();
  attachments.push({ title: found.note, url: null });
  return { ...facts, participants: [...facts.participants, found.briefer], titleSpeaker: found.briefer };
}
