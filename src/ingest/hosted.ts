/**
 * Publishers whose titles name the guests, not the speaker (a profile's `host`): kremlin.ru's
 * "Интервью Такеру Карлсону" is the President's interview, and "Meeting with President of China
 * Xi Jinping" does not make Xi Jinping the speaker of unlabelled text. Two rules follow, both
 * kept narrow so that nobody is guessed: unlabelled words are the host's only in monologues, and
 * in an interview the guest the title names is the interviewer, whose turns are questions.
 */
import type { Draft } from "./extract/draft.js";
import type { PublisherProfile } from "./publishers/profile.js";
import type { LabelConvention } from "./segment/labels.js";
import type { SpeakerRef } from "./segment/segment.js";
import type { SpeakerRegistry } from "./speakers/registry.js";

/** Kinds where the host speaks unlabelled: addresses, statements, remarks (not interviews or meetings). */
const HOST_KINDS = new Set(["statement", "speech", "remarks"]);

/**
 * The holder of the host's role label on the document's date, when the document is a monologue:
 * an address, statement or remarks with no label at all. Where others are labelled (press
 * statements after talks), an unlabelled opening is a report, not the host's words.
 */
export function hostSpeaker(
  draft: Draft,
  profile: PublisherProfile,
  registry: SpeakerRegistry,
): SpeakerRef | null {
  if (!profile.host || !draft.kind || !HOST_KINDS.has(draft.kind)) return null;
  if (draft.paragraphs.some((p) => profile.conventions.some((c) => c(p) !== null))) return null;
  const host = registry.findByRoleLabel(profile.host.label, profile.id, draft.when.date);
  return host ? { speakerId: host.id, speakerName: host.name } : null;
}

/**
 * The profile's conventions, with the labels of the interviewer the title names turned into
 * questions; unchanged when the document is not an interview on a host's site.
 */
export function interviewConventions(
  draft: Draft,
  profile: PublisherProfile,
  registry: SpeakerRegistry,
): LabelConvention[] {
  if (!profile.host || draft.kind !== "interview") return profile.conventions;
  const guests = new Set(
    draft.participants.map((p) => registry.findByName(p.name, draft.when.date)?.id).filter(Boolean),
  );
  if (guests.size === 0) return profile.conventions;
  return profile.conventions.map((convention) => (paragraph) => {
    const match = convention(paragraph);
    if (match?.role !== "speaker") return match;
    const id = registry.resolveLabel(match.name, profile.id, draft.when.date).speakerId;
    return id && guests.has(id) ? { ...match, role: "question" } : match;
  });
}
