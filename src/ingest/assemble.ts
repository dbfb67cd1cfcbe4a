/**
 * From a reader's Draft to a Document: language, speakers resolved through the registry,
 * turns and question-answer pairs from the shared segmenter, a stable id, provenance.
 */
import { createHash } from "node:crypto";
import type { WarningCode } from "../errors/catalog.js";
import {
  DOCUMENT_FORMAT_VERSION,
  type Document,
  type Participant,
  type Provenance,
  type Turn,
} from "../model/document.js";
import type { Speaker } from "../model/speaker.js";
import type { Draft, DraftParticipant } from "./extract/draft.js";
import { guessLanguage } from "./extract/language.js";
import { hostSpeaker, interviewConventions } from "./hosted.js";
import { namedAskerConventions } from "./named-askers.js";
import { profileById } from "./publishers/index.js";
import type { PublisherProfile } from "./publishers/profile.js";
import { type KnownSpeaker, knownLabels } from "./segment/known-labels.js";
import {
  bareA,
  boldQuestions,
  dialogueDashes,
  type LabelConvention,
  labelsQAndA,
  SPOKESPERSON_WORDS,
} from "./segment/labels.js";
import { isEditorialNote, isPlaceLine } from "./segment/procedural.js";
import { type SpeakerRef, segment } from "./segment/segment.js";
import { fullNameFor, type Introductions, readIntroductions } from "./speakers/full-names.js";
import {
  cyrillicSystem,
  hasCyrillic,
  nameParts,
  romanise,
  surnameKeys,
  writtenInCyrillic,
} from "./speakers/names.js";
import { genderOfHonorific, roleHeldOn, type SpeakerRegistry, unregisteredId } from "./speakers/registry.js";

/** Kinds where a page with no labels is expected, so no warning is raised for it. */
const MONOLOGUE_KINDS = new Set(["statement", "speech", "decree", "remarks"]);

export function documentId(publisher: string, idKey: string): string {
  const slug = publisher.replace(/[^a-z0-9]+/gi, "").toLowerCase() || "doc";
  return `${slug}-${createHash("sha256").update(idKey).digest("hex").slice(0, 12)}`;
}

/** How names not in the registry are shown: in Latin letters in a Latin-script document, as written otherwise. */
type ShowName = (name: string) => string;

function nameShower(language: string, publisher: string): ShowName {
  if (writtenInCyrillic(language)) return (name) => name;
  return (name) => (hasCyrillic(name) ? romanise(name, cyrillicSystem(name, publisher)) : name);
}

function resolveParticipant(p: DraftParticipant, registry: SpeakerRegistry, show: ShowName): Participant {
  const speaker = registry.findByName(p.name);
  if (speaker) return { speakerId: speaker.id, name: speaker.name, role: p.role };
  // The id comes from the name as written, so the Cyrillic and Latin documents of one address meet.
  const shown = show(p.name);
  return shown === p.name
    ? { speakerId: unregisteredId(p.name), name: p.name, role: p.role }
    : { speakerId: unregisteredId(p.name), name: shown, role: p.role, aliases: [p.name] };
}

/**
 * Titles name people in whatever grammatical case the sentence needs ("с Х.Фернандесом"); their
 * turns name them in the nominative ("Х.Фернандес:"). An unregistered participant whose surname
 * stem matches a turn's speaker takes that speaker's id and name.
 */
function reconcileWithTurns(
  participants: Participant[],
  turns: Turn[],
  registry: SpeakerRegistry,
): Participant[] {
  return participants.map((p) => {
    if (p.speakerId && registry.get(p.speakerId)) return p;
    const keys = new Set(surnameKeys(nameParts(p.name).surname));
    const turn = turns.find((t) => {
      if (!t.speakerId || !t.speakerName || registry.get(t.speakerId)) return false;
      const turnSurname = nameParts(t.speakerName).surname;
      return surnameKeys(turnSurname).some((k) => keys.has(k)) || keys.has(turnSurname);
    });
    if (!turn) return p;
    // Keep the title's wording unless it is an inflected form of the label's name.
    const sameSurname = nameParts(turn.speakerName ?? "").surname === nameParts(p.name).surname;
    return {
      speakerId: turn.speakerId,
      name: sameSurname ? p.name : (turn.speakerName ?? p.name),
      role: p.role,
      ...(p.aliases ? { aliases: p.aliases } : {}),
    };
  });
}

export type ProvenanceInput = Omit<Provenance, "reader" | "profile">;

export function assemble(draft: Draft, registry: SpeakerRegistry, provenance: ProvenanceInput): Document {
  const profile = profileById(draft.profile);
  const date = draft.when.date;
  const sample = `${draft.title}\n${draft.paragraphs.slice(0, 20).join("\n")}`;
  const language = draft.language ?? guessLanguage(sample);
  const show = nameShower(language, draft.profile);
  const titleSpeaker: SpeakerRef | null = draft.titleSpeaker
    ? (({ speakerId, name }) => ({ speakerId, speakerName: name }))(
        resolveParticipant(draft.titleSpeaker, registry, show),
      )
    : null;
  const titlePerson = titleSpeaker?.speakerId ? registry.get(titleSpeaker.speakerId) : undefined;
  const { conventions, printsNoNames } = labelConventions(draft, profile, registry);
  const result = segment({
    paragraphs: draft.paragraphs,
    conventions,
    resolve: (name) => {
      const r = registry.resolveLabel(name, profile.id, date);
      // "SECRETARY-GENERAL:" on a page whose title names António Guterres: the office the title's
      // speaker held that day.
      if (!r.registered && titlePerson && holdsOffice(titlePerson, name, date))
        return { speakerId: titlePerson.id, speakerName: titlePerson.name };
      const speakerName = !r.registered && r.speakerName ? show(r.speakerName) : r.speakerName;
      return { speakerId: r.speakerId, speakerName };
    },
    titleSpeaker: profile.host && draft.hasDialogue ? hostSpeaker(draft, profile, registry) : titleSpeaker,
    hasDialogue: draft.hasDialogue,
  });
  if (draft.speakers) clearUnnamed(result.turns, draft.speakers);
  if (printsNoNames) leadIsThePublications(result.turns);
  spokespersonsOnly(result.turns, titleSpeaker, titlePerson, date);
  nameFromIntroductions(
    result.turns,
    [
      draft.title,
      ...draft.attachments.map((a) => a.title),
      // A briefer the page's header names with the office ("Matthew Miller, Department Spokesperson").
      ...draft.participants.filter((p) => p.role).map((p) => `${p.name}, ${p.role}`),
    ],
    registry,
    date,
  );
  // A page whose title names no kind is a press event only when questions dominate it.
  const kind = draft.kind ?? (result.qa.length >= 3 ? "press-conference" : "other");
  const warnings: WarningCode[] = [...draft.warnings];
  for (const w of result.warnings) {
    if (w === "NO_TURNS_RECOGNISED" && MONOLOGUE_KINDS.has(kind)) continue;
    warnings.push(w);
  }
  return {
    formatVersion: DOCUMENT_FORMAT_VERSION,
    id: documentId(draft.profile, draft.idKey),
    publisher: draft.profile,
    sourceUrl: draft.sourceUrl,
    language,
    title: draft.title,
    kind,
    event: draft.event,
    place: draft.place ?? placeFromOpening(result.turns),
    when: draft.when,
    participants: reconcileWithTurns(
      draft.participants.map((p) => resolveParticipant(p, registry, show)),
      result.turns,
      registry,
    ),
    attachments: draft.attachments,
    publisherRef: draft.publisherRef,
    turns: result.turns,
    qa: result.qa,
    provenance: { ...provenance, reader: draft.reader, profile: draft.profile },
    warnings: [...new Set(warnings)],
  };
}

/**
 * An interview that prints no names opens with the publication's lead ("The Minister answered our
 * correspondent's questions on the eve of the summit"), which is not the person asked: nobody's,
 * as far as the page says. Its kind is left as read: when the first question was not told apart,
 * what stands there is the person's answer, and unknown is the most that can be said of its speaker.
 */
function leadIsThePublications(turns: Turn[]): void {
  const lead = turns[0];
  if (!lead || lead.label !== null || lead.kind === "question" || lead.kind === "answer" || turns.length < 2)
    return;
  lead.speakerId = null;
  lead.speakerName = null;
}

/**
 * Which labels split turns: a source that names every message's speaker uses its own labels only
 * (chat-style interviews); otherwise the profile's conventions, with an interview's interviewer
 * asking on sites whose titles name guests (hosted.ts). `printsNoNames`: the page is an interview
 * that prints no names (dash dialogue, bold questions), whose opening is the publication's lead.
 */
function labelConventions(
  draft: Draft,
  profile: PublisherProfile,
  registry: SpeakerRegistry,
): { conventions: LabelConvention[]; printsNoNames: boolean } {
  if (draft.speakers) return { conventions: [knownLabels(draft.speakers)], printsNoNames: false };
  const conventions = namedAskerConventions(
    draft,
    interviewConventions(draft, profile, registry),
    profile,
    registry,
  );
  // An interview printed as dialogue, each utterance opening with a dash and no names, or with
  // its questions in bold.
  const dialogue =
    draft.kind === "interview"
      ? (dialogueDashes(draft.paragraphs, conventions) ??
        boldQuestions(draft.paragraphs, draft.emphasised, conventions))
      : null;
  if (dialogue) return { conventions: [dialogue], printsNoNames: true };
  // "Q:" and "A:" (an interview's transcript): "A:" answers, where elsewhere it may open a list's item.
  return {
    conventions: labelsQAndA(draft.paragraphs) ? [bareA, ...conventions] : conventions,
    printsNoNames: false,
  };
}

/**
 * A page with no clock line keeps its place lines as an unlabelled opening turn that is nobody's
 * ("South Lawn", "Via Teleconference", "*Munich, Germany*"): they are where it happened. A line
 * that is only a date in brackets ("(October 5, 2021)") is not part of the place.
 */
function placeFromOpening(turns: Turn[]): string | null {
  const first = turns[0];
  if (!first || first.label !== null || first.kind !== "other" || first.speakerId !== null) return null;
  const lines = first.paragraphs
    .map((p) => p.replace(/\s*\([^()]*\d{4}\)\s*$/u, "").trim())
    // A note the press office added after the place lines is not one of them.
    .filter((p) => p !== "" && !/^\(.*\)$/u.test(p) && !isEditorialNote(p));
  if (lines.length === 0 || lines.length > 3 || !lines.every(isPlaceLine)) return null;
  return lines.map((line) => line.replace(/[*_]+/gu, " ").replace(/\s+/gu, " ").trim()).join(", ");
}

/**
 * Surname labels of people outside the registry ("MR. LANDRIEU") take the full name the document
 * gives that surname (speakers/full-names.ts), and the registry's person when that name is one of
 * them, unless the label's honorific says otherwise ("MS. KIRBY" is not John Kirby). The turns
 * were just built, so they are corrected in place.
 */
function nameFromIntroductions(
  turns: Turn[],
  texts: string[],
  registry: SpeakerRegistry,
  date: string | null,
): void {
  // The document's words, gathered only once a label needs them: most documents' speakers are registered.
  let introductions: Introductions | null = null;
  const named = new Map<string, { speakerId: string | null; speakerName: string } | null>();
  for (const turn of turns) {
    const { speakerId, speakerName } = turn;
    if (!speakerId || !speakerName || registry.get(speakerId) || hasCyrillic(speakerName)) continue;
    if (!named.has(speakerName)) {
      const full = fullNameFor(
        speakerName,
        () => (introductions ??= readIntroductions([...texts, ...turns.flatMap((t) => t.paragraphs)])),
      );
      const person = full ? registry.findByName(full, date) : null;
      const honorific = genderOfHonorific(speakerName);
      named.set(
        speakerName,
        !full
          ? null
          : !person
            ? { speakerId: unregisteredId(full), speakerName: full }
            : !person.gender || !honorific || person.gender === honorific
              ? { speakerId: person.id, speakerName: person.name }
              : null,
      );
    }
    const found = named.get(speakerName);
    if (found) {
      turn.speakerId = found.speakerId;
      turn.speakerName = found.speakerName;
    }
  }
}

/** An office label, folded: "SECRETARY-GENERAL", "The President". */
const officeWords = (label: string) =>
  label
    .toLowerCase()
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\s-]/gu, "")
    .trim();

/** Whether `person` held, on `date`, an office whose title begins with the label's words ("Secretary-General of the United Nations"). */
function holdsOffice(person: Speaker, label: string, date: string | null): boolean {
  const words = officeWords(label);
  if (words.length < 4 || /\s(?:of|to)\s/u.test(words)) return false;
  return person.roles.some((r) => (!date || roleHeldOn(r, date)) && officeWords(r.title).startsWith(words));
}

const SPOKESPERSON_LABEL = new RegExp(`^${SPOKESPERSON_WORDS}$`, "iu");
/** Offices whose holder speaks as a spokesperson: a spokesperson's, a press secretary's, a press office director's. */
const SPOKESPERSON_ROLE =
  /spokes|press secretary|представител|press (?:and|&) information|information and press/iu;

/**
 * "Spokesman:" answers for whoever briefs; but on a page whose title names someone who is no
 * spokesperson ("Press Conference by Secretary-General António Guterres"), the spokesman who
 * chairs is someone else, whom the page does not name: nobody, rather than the title's speaker.
 */
function spokespersonsOnly(
  turns: Turn[],
  titleSpeaker: SpeakerRef | null,
  titlePerson: Speaker | undefined,
  date: string | null,
): void {
  if (!titleSpeaker?.speakerId) return;
  const speaks = titlePerson?.roles.some(
    (r) => (!date || roleHeldOn(r, date)) && SPOKESPERSON_ROLE.test(r.title),
  );
  if (speaks) return;
  for (const turn of turns) {
    if (turn.label && SPOKESPERSON_LABEL.test(turn.label) && turn.speakerId === titleSpeaker.speakerId) {
      turn.speakerId = null;
      turn.speakerName = turn.label;
    }
  }
}

/**
 * A known label that names no person (an outlet such as "bbc.com", a bare role word) is an unknown
 * speaker: the registry would otherwise make an id of it. The turns were just built, so they are
 * corrected in place.
 */
function clearUnnamed(turns: Turn[], speakers: KnownSpeaker[]): void {
  const unnamed = new Set(speakers.filter((s) => s.name === null).map((s) => s.label));
  for (const turn of turns) {
    if (turn.label !== null && unnamed.has(turn.label)) {
      turn.speakerId = null;
      turn.speakerName = null;
    }
  }
}
