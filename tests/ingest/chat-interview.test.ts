/**
 * Chat-style JSON interviews (synthetic fixtures): the shapes the reader accepts, one turn per
 * message, speakers from names or from the metadata's sides, and the other JSON readers untouched.
 */
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/ingest/extract/detect.js";
import { ingestBytes, ingestText } from "../support/ingest.js";

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe("chat-style JSON interviews", () => {
  it("a list of speaker and text messages becomes one document with one turn per message", () => {
    const [doc, ...rest] = ingestText(
      "talk.json",
      json([
        { speaker: "Jane Doe", text: "Minister, what comes next?" },
        { speaker: "Sergey Lavrov", text: "We will keep working." },
        { speaker: "Jane Doe", text: "And the talks?" },
        { speaker: "Sergey Lavrov", text: "They continue.\n\nThey will resume next week." },
      ]),
    );
    expect(rest).toHaveLength(0);
    expect(doc?.provenance.reader).toBe("chat-interview");
    expect(doc?.turns.map((t) => t.label)).toEqual([
      "Jane Doe",
      "Sergey Lavrov",
      "Jane Doe",
      "Sergey Lavrov",
    ]);
    expect(doc?.turns[1]?.speakerId).toBe("sergey-lavrov");
    expect(doc?.turns[3]?.paragraphs).toEqual(["They continue.", "They will resume next week."]);
    expect(doc?.kind).toBe("interview");
  });

  it("without a side named as the interviewer, nobody's turns are guessed to be questions", () => {
    const [doc] = ingestText(
      "talk.json",
      json([
        { speaker: "Jane Doe", text: "Minister, what comes next?" },
        { speaker: "Sergey Lavrov", text: "We will keep working." },
      ]),
    );
    expect(doc?.turns.map((t) => t.kind)).toEqual(["remarks", "remarks"]);
    expect(doc?.qa).toEqual([]);
  });

  it("messages with roles take the names and metadata the interview gives", () => {
    const [doc] = ingestText(
      "interview.json",
      json({
        title: "Interview with Sergey Lavrov",
        date: "2021-03-04",
        language: "en",
        source_url: "https://example.org/interviews/lavrov",
        interviewer: "Jane Doe",
        interviewee: "Sergey Lavrov",
        messages: [
          { role: "system", content: "Transcript follows." },
          { role: "user", content: "Minister, what comes next?" },
          { role: "assistant", content: [{ type: "text", text: "We will keep working." }] },
        ],
      }),
    );
    expect(doc?.title).toBe("Interview with Sergey Lavrov");
    expect(doc?.when.date).toBe("2021-03-04");
    expect(doc?.sourceUrl).toBe("https://example.org/interviews/lavrov");
    expect(doc?.turns.map((t) => [t.label, t.kind, t.speakerName])).toEqual([
      ["user", "question", "Jane Doe"],
      ["assistant", "answer", "Sergey Lavrov"],
    ]);
    expect(doc?.qa).toEqual([{ question: 0, answers: [1] }]);
  });

  it("a role word with no name behind it is an unknown speaker, not a person called 'interviewer'", () => {
    const [doc] = ingestText(
      "roles.json",
      json({
        turns: [
          { role: "interviewer", text: "What comes next?" },
          { role: "interviewee", text: "More work." },
        ],
      }),
    );
    expect(doc?.turns.map((t) => [t.kind, t.speakerId, t.speakerName])).toEqual([
      ["question", null, null],
      ["answer", null, null],
    ]);
  });

  it("messages grouped by conversation id are separate interviews; the other party asks", () => {
    const docs = ingestText(
      "export.json",
      json([
        {
          conversationId: "a",
          conversationWithName: "example.com",
          senderName: "example.com",
          text: "What comes first in the talks?",
        },
        {
          conversationId: "a",
          conversationWithName: "example.com",
          senderName: "Sergey Lavrov",
          text: "Yes.",
        },
        {
          conversationId: "b",
          conversationWithName: "news.example",
          senderName: "news.example",
          text: "And what comes second?",
        },
        {
          conversationId: "b",
          conversationWithName: "news.example",
          senderName: "Sergey Lavrov",
          text: "No.",
        },
        { conversationId: "b", conversationWithName: "news.example", senderName: "Sergey Lavrov", text: "" },
      ]),
    );
    expect(docs.map((d) => d.turns.length)).toEqual([2, 2]);
    expect(docs.map((d) => d.title)).toEqual([
      "Interview of Sergey Lavrov by example.com",
      "Interview of Sergey Lavrov by news.example",
    ]);
    expect(docs[0]?.turns[0]).toMatchObject({ kind: "question", speakerId: null, label: "example.com" });
    expect(new Set(docs.map((d) => d.id)).size).toBe(2);
  });

  it("a paragraph inside a message that opens like a label does not split the message", () => {
    const [doc] = ingestText(
      "quote.json",
      json([
        { speaker: "Jane Doe", text: "Let me quote you." },
        { speaker: "Sergey Lavrov", text: "I said it then.\nJane Doe: that is what you asked." },
      ]),
    );
    expect(doc?.turns).toHaveLength(2);
    expect(doc?.turns[1]?.paragraphs.join(" ")).toBe("I said it then. Jane Doe: that is what you asked.");
  });

  it("an array of interview objects gives one document each", () => {
    const docs = ingestText(
      "many.json",
      json([
        { title: "Interview one", turns: [{ speaker: "Jane Doe", text: "Hello." }] },
        { title: "Interview two", turns: [{ speaker: "John Roe", text: "Hi." }] },
      ]),
    );
    expect(docs.map((d) => d.title)).toEqual(["Interview one", "Interview two"]);
  });

  it("other JSON keeps its reader: addresses in two languages, Verbatim JSON Lines, anything else", () => {
    const records = json([{ id: "1", uk: { name: "Звернення", text: "Текст", speaker: ["В.Зеленський"] } }]);
    expect(detectFormat("addresses.json", records)).toBe("bilingual-records");
    expect(detectFormat("docs.jsonl", '{"formatVersion":1}')).toBe("jsonl");
    expect(detectFormat("chat.json", json([{ speaker: "A B", text: "x" }]))).toBe("chat-interview");
    expect(detectFormat("data.json", json({ rows: [1, 2] }))).toBe("unsupported");
  });

  it("JSON that names speakers but holds no messages is reported as unsupported", () => {
    const outcome = ingestBytes("odd.json", Buffer.from(json({ speaker: "Jane Doe", text: "not a list" })));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.code).toBe("FORMAT_UNSUPPORTED");
  });
});
