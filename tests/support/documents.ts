/**
 * A small factory of valid documents for store and export tests: a press conference with
 * opening remarks, one question and its answer. Overrides replace whole top-level fields.
 * makeTranscript builds documents for search tests from a short spec of turns and metadata.
 */
import {
  DOCUMENT_FORMAT_VERSION,
  type Document,
  type DocumentKind,
  type QaPair,
  type Turn,
  type TurnKind,
} from "../../src/model/document.js";

export function makeTurn(index: number, overrides: Partial<Turn> = {}): Turn {
  return {
    index,
    speakerId: "sergey-lavrov",
    speakerName: "Sergey Lavrov",
    label: "С.Лавров",
    kind: "remarks",
    addressedTo: null,
    interpreted: false,
    paragraphs: [`Paragraph of turn ${index}.`],
    notes: [],
    ...overrides,
  };
}

export function makeDocument(overrides: Partial<Document> = {}): Document {
  const id = overrides.id ?? "midru-000000000001";
  return {
    formatVersion: DOCUMENT_FORMAT_VERSION,
    id,
    publisher: "mid.ru",
    sourceUrl: `https://mid.ru/en/press_service/${id}/`,
    language: "en",
    title: `Foreign Minister Sergey Lavrov’s remarks and answers to media questions (${id})`,
    kind: "press-conference",
    event: "joint news conference",
    place: "Sochi",
    when: {
      date: "2020-12-29",
      time: "18:13",
      timeZone: "Europe/Moscow",
      dateTime: "2020-12-29T18:13:00+03:00",
    },
    participants: [
      { speakerId: "sergey-lavrov", name: "Sergey Lavrov", role: "Minister of Foreign Affairs" },
    ],
    attachments: [{ title: "Photos", url: null }],
    publisherRef: "2461-29-12-2020",
    turns: [
      makeTurn(0, {
        paragraphs: ["Ladies and gentlemen,", "We have held useful talks. (Applause.)"],
        notes: [{ paragraph: 1, start: 27, end: 38, text: "(Applause.)" }],
      }),
      makeTurn(1, {
        speakerId: null,
        speakerName: null,
        label: "Question (addressed to both ministers)",
        kind: "question",
        addressedTo: "both ministers",
        paragraphs: ["How do you assess the results?"],
      }),
      makeTurn(2, { kind: "answer", paragraphs: ["We are satisfied with them."] }),
    ],
    qa: [{ question: 1, answers: [2] }],
    provenance: {
      source: `corpus/${id}.txt`,
      reader: "text-page",
      profile: "mid.ru",
      readAt: "2026-01-01T00:00:00.000Z",
      contentHash: `hash-of-${id}`,
      encoding: "utf-8",
      byteLength: 1234,
    },
    warnings: [],
    ...overrides,
  };
}

/** One turn of a transcript built for search tests. */
export interface TurnSpec {
  /** The turn's text; an array gives several paragraphs. */
  text: string | string[];
  /** Who speaks: a registered speaker (id and name), a name alone, or nobody (an anonymous question). */
  speaker?: { id: string | null; name: string } | null;
  kind?: TurnKind;
  /** The label as printed; defaults to the speaker's name, or "Question" for an anonymous turn. */
  label?: string | null;
}

/** A transcript built for search tests: every field a search can filter or report on is settable. */
export interface TranscriptSpec {
  id: string;
  turns: TurnSpec[];
  language?: string;
  /** ISO date, or reduced precision ("2020-03", "2020"), or null when the source gives none. */
  date?: string | null;
  publisher?: string;
  title?: string;
  kind?: DocumentKind;
}

/**
 * A valid document from a transcript spec: turns numbered in order, question/answer pairs and
 * participants derived from the turns, the date set without a time.
 */
export function makeTranscript(spec: TranscriptSpec): Document {
  const turns = spec.turns.map((t, index) => {
    const speaker = t.speaker ?? null;
    return makeTurn(index, {
      speakerId: speaker?.id ?? null,
      speakerName: speaker?.name ?? null,
      label: t.label !== undefined ? t.label : (speaker?.name ?? "Question"),
      kind: t.kind ?? (speaker ? "remarks" : "question"),
      paragraphs: typeof t.text === "string" ? [t.text] : [...t.text],
    });
  });
  const qa: QaPair[] = [];
  for (const turn of turns) {
    if (turn.kind === "question") qa.push({ question: turn.index, answers: [] });
    else if (turn.kind === "answer") qa[qa.length - 1]?.answers.push(turn.index);
  }
  const participants = new Map<string, Document["participants"][number]>();
  for (const turn of turns) {
    if (turn.speakerName && !participants.has(turn.speakerName)) {
      participants.set(turn.speakerName, { speakerId: turn.speakerId, name: turn.speakerName, role: null });
    }
  }
  const base = makeDocument({ id: spec.id });
  return {
    ...base,
    publisher: spec.publisher ?? base.publisher,
    language: spec.language ?? base.language,
    title: spec.title ?? base.title,
    kind: spec.kind ?? base.kind,
    when: {
      date: spec.date === undefined ? base.when.date : spec.date,
      time: null,
      timeZone: null,
      dateTime: null,
    },
    participants: [...participants.values()],
    turns,
    qa,
    provenance: { ...base.provenance, profile: spec.publisher ?? base.provenance.profile },
  };
}
