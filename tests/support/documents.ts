/**
 * A small factory of valid documents for store and export tests: a press conference with
 * opening remarks, one question and its answer. Overrides replace whole top-level fields.
 */
import { DOCUMENT_FORMAT_VERSION, type Document, type Turn } from "../../src/model/document.js";

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
