/**
 * Publishers whose titles name the guests, not the speaker (a profile's `host`): kremlin.ru's
 * "Интервью Такеру Карлсону" is the President's interview, and "Meeting with President of China
 * Xi Jinping" does not make Xi Jinping the speaker of unlabelled text. Two rules follow, both
 * kept narrow so that nobody is guessed: unlabelled words are the host's only in monologues, and
 * in an interview the guest the title names is the interviewer, whose turns are questions. Other
 * publishers' interview titles name who is interviewed, and the interviewer is the other voice.
 */
import type { Speaker } from "../model/speaker.js";
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

/** Roles that ask rather than answer: a registered journalist is an interviewer, not a guest official. */
const ASKING_ROLE =
  /journalist|correspondent|reporter|presenter|anchor|interviewer|host\b|editor|журналист|корреспондент|ведущ|редактор/iu;

/** Whether a registered person only ever held roles that ask (a journalist, a host). */
export const asksByRole = (person: Speaker) => person.roles.every((r) => ASKING_ROLE.test(r.title));

/** The registered people a page's title and participants name, by id. */
export function namedOnPage(draft: Draft, registry: SpeakerRegistry): Set<string> {
  return new Set(
    [...draft.participants, ...(draft.titleSpeaker ? [draft.titleSpeaker] : [])]
      .map((p) => registry.findByName(p.name, draft.when.date)?.id)
      .filter((id): id is string => Boolean(id)),
  );
}

/**
 * The profile's conventions, with an interviewer's labels turned into questions; unchanged when
 * the document is not an interview. On a host's site the title names the interviewer (the guest);
 * elsewhere it names who is interviewed ("Sergey Lavrov's interview with Rossiya Segodnya"), and a
 * labelled name that is none of the title's people and no registered official ("Dmitry Kiselev:")
 * is the interviewer's.
 */
export function interviewConventions(
  draft: Draft,
  profile: PublisherProfile,
  registry: SpeakerRegistry,
): LabelConvention[] {
  if (draft.kind !== "interview") return profile.conventions;
  const named = namedOnPage(draft, registry);
  const asks = (id: string | null) => {
    if (id === null || named.size === 0) return false;
    if (profile.host) return named.has(id);
    const person = registry.get(id);
    return !named.has(id) && (!person || asksByRole(person));
  };
  return profile.conventions.map((convention) => (paragraph) => {
    const match = convention(paragraph);
    // "Ведущий:", "Host:": in an interview the host puts the questions, not chairs.
    if (match?.role === "moderator") return { ...match, role: "question" };
    if (match?.role !== "speaker") return match;
    return asks(registry.resolveLabel(match.name, profile.id, draft.when.date).speakerId)
      ? { ...match, role: "question" }
      : match;
  });
}
