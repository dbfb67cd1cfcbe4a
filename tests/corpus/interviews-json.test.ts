/**
 * The Obama interviews file (../shared/corpus/interviews) read in place by the chat-interview
 * reader: its messages are ground truth for turn splitting, so every interview must come back
 * with one turn per message, in order, with the message's text and speaker.
 */
import { readFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { normaliseSpace } from "../../src/ingest/extract/paragraphs.js";
import type { Document } from "../../src/model/document.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { ingestFile } from "../support/ingest.js";

interface Message {
  conversationId: string;
  conversationWithName: string;
  senderName: string;
  text: string;
}

const FILE = corpusPath("interviews", "barack_obama_interviews.json");

describe.skipIf(!corpusAvailable)("the Obama interviews file, read as chat-style JSON", () => {
  let messages: Message[] = [];
  let documents: Document[] = [];
  const byConversation = new Map<string, Message[]>();

  beforeAll(async () => {
    messages = JSON.parse(readFileSync(FILE, "utf8")) as Message[];
    for (const m of messages)
      byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m]);
    await nextTurn();
    documents = ingestFile(FILE);
  });

  it("becomes one document per conversation", () => {
    expect(documents).toHaveLength(byConversation.size);
  });

  it("has exactly as many turns as the file has messages, interview by interview", () => {
    const counts = documents.map((d) => d.turns.length);
    expect(counts).toEqual([...byConversation.values()].map((list) => list.length));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(messages.length);
  });

  it("keeps each message's text and speaker in its turn, in order", () => {
    [...byConversation.values()].forEach((list, d) => {
      const doc = documents[d];
      list.forEach((m, i) => {
        const turn = doc?.turns[i];
        expect(turn?.paragraphs.join(" "), `${m.conversationWithName} turn ${i}`).toBe(
          normaliseSpace(m.text),
        );
        expect(turn?.label).toBe(m.senderName);
        // The president is a registered person; the outlet is not a person, so nobody is named.
        expect(turn?.speakerId ?? null).toBe(m.senderName === "Barack Obama" ? "barack-obama" : null);
      });
    });
  });

  it("makes the outlet's messages questions and pairs them with the president's answers", () => {
    for (const doc of documents) {
      expect(doc.kind).toBe("interview");
      // Conversational interjections ("Uh-huh.", "Right.") are asides on either side; a host going
      // to a commercial break runs the programme.
      for (const turn of doc.turns)
        expect(
          turn.label === "Barack Obama" ? ["answer", "other"] : ["question", "other", "moderator"],
        ).toContain(turn.kind);
      const asked = doc.turns.filter((t) => t.label !== "Barack Obama");
      // Read by hand, 38 of the CNN conversation's 126 interviewer turns ask something; the rest
      // are remarks in passing and listening (tests/gold/turns-second/interviews__obama-1.json).
      expect(asked.filter((t) => t.kind === "question").length).toBeGreaterThan(asked.length * 0.2);
      expect(doc.qa.length).toBeGreaterThan(0);
    }
  });

  it("names the interview from its participants and leaves the placeholder timestamps out of the date", () => {
    for (const doc of documents) {
      expect(doc.title).toMatch(/^Interview of Barack Obama by \S+$/);
      expect(doc.when.date).toBeNull();
      expect(doc.warnings).toContain("DATELINE_MISSING");
      expect(doc.language).toBe("en");
    }
  });
});
