import { describe, expect, it } from "vitest";
import { CORPUS, corpusAvailable, corpusPath } from "../support/corpus.js";
import { makeDocument } from "../support/documents.js";
import { ingestFile } from "../support/ingest.js";

describe.skipIf(!corpusAvailable)(`the founding mid.ru page (${CORPUS})`, () => {
  // A skipped suite's body still runs to collect its tests: read nothing when the corpus is missing.
  const [doc] = corpusAvailable
    ? ingestFile(corpusPath("mid-ru/transcripts/2020-12-29-lavrov-cavusoglu-sochi.en.txt"))
    : [makeDocument()];
  if (!doc) throw new Error("no document");

  it("is one mid.ru press conference in english with its title", () => {
    expect(doc.publisher).toBe("mid.ru");
    expect(doc.language).toBe("en");
    expect(doc.kind).toBe("press-conference");
    expect(doc.title).toMatch(/^Foreign Minister Sergey Lavrov’s remarks and answers to media questions/);
    expect(doc.title).toMatch(/Sochi, December 29, 2020$/);
  });

  it("reads the glued dateline as 2020-12-29 18:13 moscow time", () => {
    expect(doc.when).toEqual({
      date: "2020-12-29",
      time: "18:13",
      timeZone: "Europe/Moscow",
      dateTime: "2020-12-29T18:13:00+03:00",
    });
  });

  it("takes place event and participants from the title", () => {
    expect(doc.place).toBe("Sochi");
    expect(doc.event).toMatch(/^joint news conference .* Joint Strategic Planning Group$/);
    expect(doc.participants.map((p) => p.speakerId)).toEqual(["sergey-lavrov", "mevlut-cavusoglu"]);
  });

  it("gives the unlabelled opening remarks to lavrov then question answer question answer", () => {
    expect(doc.turns.map((t) => [t.kind, t.speakerId])).toEqual([
      ["remarks", "sergey-lavrov"],
      ["question", null],
      ["answer", "sergey-lavrov"],
      ["question", null],
      ["answer", "sergey-lavrov"],
    ]);
    expect(doc.turns[0]?.label).toBeNull();
    expect(doc.turns[0]?.paragraphs[0]).toBe("Ladies and gentlemen,");
    expect(doc.turns[1]?.label).toBe("Question (addressed to both ministers)");
    expect(doc.turns[1]?.addressedTo).toBe("both ministers");
    expect(doc.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  it("treats the language switcher additional materials and advanced settings as furniture", () => {
    const text = doc.turns.flatMap((t) => t.paragraphs).join("\n");
    expect(text).not.toMatch(/en-GB1|ru-RU1|Additional materials|Advanced settings/);
    expect(doc.turns.at(-1)?.paragraphs.at(-1)).toMatch(
      /We will be waiting for proposals from Antonio Guterres\.$/,
    );
  });
});
