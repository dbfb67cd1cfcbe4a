/**
 * The Obama interviews (../shared/corpus/interviews) are already split into turns: rendered as a
 * labelled transcript and read back, they must come out as the same turns with the same speakers,
 * the interviewer's turns questions and the president's answers, but for asides.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseSpace } from "../../src/ingest/extract/paragraphs.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { ingestText } from "../support/ingest.js";

interface Message {
  conversationId: string;
  conversationWithName: string;
  senderName: string;
  text: string;
}

function conversations(): Map<string, Message[]> {
  const messages = JSON.parse(
    readFileSync(corpusPath("interviews/barack_obama_interviews.json"), "utf8"),
  ) as Message[];
  const byId = new Map<string, Message[]>();
  for (const m of messages) byId.set(m.conversationId, [...(byId.get(m.conversationId) ?? []), m]);
  return byId;
}

describe.skipIf(!corpusAvailable)("the Obama interviews", () => {
  for (const [id, messages] of corpusAvailable ? conversations() : []) {
    const outlet = messages[0]?.conversationWithName ?? "";
    it(`come back from ${outlet} as the same turns with the same speakers`, () => {
      // The interviewer is "Question:", as transcripts print it; the president by name.
      const body = messages
        .map((m) => `${m.senderName === "Barack Obama" ? "Barack Obama" : "Question"}: ${m.text}`)
        .join("\n\n");
      const page = `15 July 2015\n\nInterview of President Barack Obama by ${outlet}\n\n${body}\n`;
      const [doc] = ingestText(`interviews/${id}.txt`, page);
      expect(doc?.turns.length).toBe(messages.length);
      messages.forEach((m, i) => {
        const turn = doc?.turns[i];
        expect(turn?.speakerId ?? null, `turn ${i}`).toBe(
          m.senderName === "Barack Obama" ? "barack-obama" : null,
        );
        // Asides ("Uh-huh.", a half-sentence the other talks over) are `other`, the host going to a
        // break `moderator`; no side takes the other's kind.
        expect(
          m.senderName === "Barack Obama" ? ["other", "answer"] : ["other", "question", "moderator"],
          `turn ${i}`,
        ).toContain(turn?.kind);
        expect(turn?.paragraphs.join(" "), `turn ${i}`).toBe(normaliseSpace(m.text));
      });
      expect(doc?.kind).toBe("interview");
    });
  }
});
