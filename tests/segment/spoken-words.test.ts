/**
 * The turn-kind rules count a turn's words without splitting it (spokenWordCount); the count must
 * be the one the words themselves give (spokenWords), up to the limit asked, for any text. Their
 * word edges hold in Cyrillic too (a regular expression's \b knows only ASCII letters).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { midRu } from "../../src/ingest/publishers/index.js";
import { isCourtesy, thanksTheRoom } from "../../src/ingest/segment/courtesy.js";
import { isHandOff } from "../../src/ingest/segment/procedural.js";
import { segment } from "../../src/ingest/segment/segment.js";
import { splitSentences, spokenWordCount, spokenWords } from "../../src/ingest/segment/words.js";

const segmentKinds = (paragraphs: string[]) => ({
  kinds: segment({
    paragraphs,
    conventions: midRu.conventions,
    resolve: (name: string) => ({ speakerId: name.toLowerCase(), speakerName: name }),
    titleSpeaker: null,
    hasDialogue: true,
  }).turns.map((t) => t.kind),
});

/** Words, spaces, brackets in and out of order, marks and astral characters. */
// biome-ignore format: one list
const PIECES = ["a", "Я", "5", "٣", " ", "\n", "\u00a0", "\u200b", "(", ")", "[", "]", "(Laughter.)", "[inaudible]", "—", ".", "?", "e\u0301", "\u0301", "\u{1d400}", "\u{1f600}", "\ud800", "\udc00"];

describe("spoken word counts", () => {
  it("are the number of spoken words, counted no further than one past the limit, for any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 50 }),
        fc.string(),
        fc.integer({ min: 0, max: 20 }),
        (pieces, noise, limit) => {
          const text = pieces.join("") + noise;
          const words = spokenWords(text).length;
          expect(spokenWordCount(text)).toBe(words);
          expect(spokenWordCount(text, limit)).toBe(Math.min(words, limit + 1));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leave stage directions out", () => {
    expect(spokenWordCount("(Laughter.) Thank you [inaudible] — all.")).toBe(3);
    expect(spokenWordCount("(Crosstalk.)")).toBe(0);
  });
});

describe("sentences and replies in Cyrillic", () => {
  it("thanks to all in Russian and Ukrainian are courtesy that thanks the room; thanks with a request are not", () => {
    for (const text of ["Спасибо вам всем.", "Всем спасибо.", "Дякую всім.", "Благодарю всех за внимание."]) {
      expect(isCourtesy(text)).toBe(true);
      expect(thanksTheRoom(text)).toBe(true);
    }
    expect(isCourtesy("Доброго дня! Дякую.")).toBe(true);
    expect(thanksTheRoom("Спасибо, Владимир Владимирович.")).toBe(false);
    expect(isCourtesy("Спасибо. А что с ценами на газ?")).toBe(false);
  });

  it("keep a Russian abbreviation inside its sentence, as an English title is", () => {
    expect(splitSentences("Встреча прошла 12 мая 2021 г. в Москве. Спасибо.")).toEqual([
      "Встреча прошла 12 мая 2021 г. в Москве.",
      "Спасибо.",
    ]);
    expect(splitSentences("Thank you, Mr. President. Next.")).toEqual(["Thank you, Mr. President.", "Next."]);
  });

  it("read «Да, встречаемся.» to a question put as a statement as an answer, not an aside", () => {
    const { kinds } = segmentKinds([
      "Вопрос: Вы встречаетесь с министром иностранных дел Турции на этой неделе в Сочи.",
      "С.В.Лавров: Да, встречаемся.",
      "Вопрос: Когда начнутся переговоры о зерновой сделке?",
      "С.В.Лавров: Переговоры начнутся в следующем месяце, как мы и договаривались с партнёрами.",
    ]);
    expect(kinds).toEqual(["question", "answer", "question", "answer"]);
  });

  it("read «Мария, хотите добавить?» as handing the question to a colleague, as «Maria, anything to add?» is", () => {
    expect(isHandOff("Мария, хотите добавить?")).toBe(true);
    expect(isHandOff("Олег, что-нибудь добавить?")).toBe(true);
    expect(isHandOff("Maria, anything to add?")).toBe(true);
  });

  it("read a colleague's name that opens like a discourse word and goes on in a letter outside ASCII (Noé) as a name", () => {
    expect(isHandOff("Noé, anything to add?")).toBe(true);
    expect(isHandOff("No, anything to add?")).toBe(false);
  });
});
