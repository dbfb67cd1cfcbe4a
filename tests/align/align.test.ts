/** The align stage's parts on small synthetic texts: sentences, anchors, the aligner, version keys, evidence. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignDocuments } from "../../src/align/align-documents.js";
import { anchorsOf, nameKey, normaliseNumber } from "../../src/align/anchors.js";
import { align, type Unit } from "../../src/align/gale-church.js";
import { documentAnchors, evidence, languagelessUrl, versionKeys } from "../../src/align/link.js";
import { splitSentences } from "../../src/enrich/sentences.js";
import type { Document } from "../../src/model/document.js";
import { makeDocument, makeTurn } from "../support/documents.js";

const unit = (length: number, anchors = ""): Unit => ({ length, anchors: anchorsOf(anchors, null) });

function doc(id: string, language: string, paragraphs: string[], date = "2024-03-14"): Document {
  return makeDocument({
    id,
    language,
    publisherRef: null,
    sourceUrl: null,
    when: { date, time: null, timeZone: null, dateTime: null },
    turns: [makeTurn(0, { paragraphs, notes: [] })],
    qa: [],
  });
}

describe("sentences and anchors", () => {
  it("splits sentences at full stops but not after titles, initials or abbreviated months", () => {
    expect(
      splitSentences("Mr. Lavrov met Mr. Cavusoglu. They spoke on Dec. 29. Then they left.", "en").map(
        (s) => s.text,
      ),
    ).toEqual(["Mr. Lavrov met Mr. Cavusoglu.", "They spoke on Dec. 29.", "Then they left."]);
    expect(
      splitSentences("В.В. Путин встретился с С.Лавровым. Переговоры продолжатся.", "ru").map((s) => s.text),
    ).toEqual(["В.В. Путин встретился с С.Лавровым.", "Переговоры продолжатся."]);
  });

  it("reads one number whatever the thousands separator and decimal mark", () => {
    expect(["1,000", "1 000", "1000"].map(normaliseNumber)).toEqual(["1000", "1000", "1000"]);
    expect(["1.5", "1,5"].map(normaliseNumber)).toEqual(["1.5", "1.5"]);
  });

  it("gives a name one key across scripts and Russian cases", () => {
    expect(nameKey("Лаврова")).toBe(nameKey("Lavrov"));
    expect(nameKey("Канберра")).toBe(nameKey("Canberra"));
    expect(nameKey("Эбботт")).toBe(nameKey("Abbott"));
    expect(nameKey("Lavrov")).not.toBe(nameKey("Blinken"));
  });
});

describe("the aligner", () => {
  it("links every passage exactly once and in order, whatever the lengths and the band", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 0, maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 900 }), { minLength: 0, maxLength: 25 }),
        fc.constantFrom(undefined, 2, 5),
        (la, lb, band) => {
          // A narrow band (as long documents get) must cover every passage too.
          const links = align(
            la.map((l) => unit(l)),
            lb.map((l) => unit(l)),
            band === undefined ? {} : { band },
          );
          expect(links.flatMap((l) => l.a)).toEqual(la.map((_, i) => i));
          expect(links.flatMap((l) => l.b)).toEqual(lb.map((_, i) => i));
          for (const l of links) {
            expect(l.a.length + l.b.length).toBeGreaterThan(0);
            expect(l.confidence).toBeGreaterThanOrEqual(0);
            expect(l.confidence).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leaves a long passage the other version lacks on its own", () => {
    const a = [
      unit(300, "Moscow 2024"),
      unit(420, "Paraguay 17"),
      unit(380, "Asuncion"),
      unit(250, "MERCOSUR 5"),
    ];
    const b = [unit(310, "Москва 2024"), unit(430, "Парагвай 17"), unit(260, "МЕРКОСУР 5")];
    expect(align(a, b, { ratio: 1 }).map((l) => [l.a, l.b])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], []],
      [[3], [2]],
    ]);
  });

  it("is sure a passage stands alone only as far as the passages around it are sure of their links", () => {
    const alone = (a: Unit[], b: Unit[]) =>
      align(a, b, { ratio: 1 }).find((l) => l.a.length === 0 || l.b.length === 0)?.confidence ?? null;
    const clear = alone(
      [unit(300, "Moscow 2024"), unit(420, "Paraguay 17"), unit(380, "Asuncion"), unit(250, "MERCOSUR 5")],
      [unit(310, "Москва 2024"), unit(430, "Парагвай 17"), unit(260, "МЕРКОСУР 5")],
    );
    // Lengths that fit no way well: whatever is left alone is left alone by a guess.
    const muddled = alone(
      [unit(300), unit(420), unit(380), unit(250), unit(500)],
      [unit(520), unit(90), unit(640)],
    );
    expect(clear).toBeGreaterThan(0.8);
    expect(muddled).not.toBeNull();
    expect(muddled).toBeLessThan(0.6);
  });

  it("joins a paragraph the translation split in two", () => {
    const a = [unit(200), unit(600, "Sochi 29 December 2020 Cavusoglu Lavrov"), unit(220)];
    const b = [unit(205), unit(290, "Сочи 29 декабря 2020"), unit(300, "Чавушоглу Лавров"), unit(215)];
    expect(align(a, b, { ratio: 1 }).map((l) => [l.a, l.b])).toEqual([
      [[0], [0]],
      [[1], [1, 2]],
      [[2], [3]],
    ]);
  });

  it("links to nothing the dashes only one version prints between names and descriptions, and keeps the list in step", () => {
    const entries = [
      [
        "Мэтью АКСЕЛЬРОД (Matthew S. Axelrod)",
        "заместитель Министра торговли США",
        "Matthew S. Axelrod",
        "Deputy Secretary of Commerce",
      ],
      [
        "Брюс БОДИН (Bruce M. Bodine)",
        "старший вице-президент компании «Мозаик»",
        "Bruce M. Bodine",
        "Senior Vice President, Mosaic",
      ],
      [
        "Дэвид БУРРИТ (David Burritt)",
        "президент компании «Ю.С. Стил»",
        "David Burritt",
        "President, U.S. Steel",
      ],
      [
        "Ларри ДАЙМОНД (Larry Diamond)",
        "профессор Стэнфордского университета",
        "Larry Diamond",
        "Professor, Stanford University",
      ],
    ];
    const ru = doc(
      "ru",
      "ru",
      entries.flatMap(([name, role]) => [name as string, "–", role as string]),
    );
    const en = doc(
      "en",
      "en",
      entries.flatMap(([, , name, role]) => [name as string, role as string]),
    );
    const links = alignDocuments(ru, en).paragraphs.map((l) => [l.a, l.b]);
    expect(links).toEqual(
      entries.flatMap((_, k) => [
        [[3 * k], [2 * k]],
        [[3 * k + 1], []],
        [[3 * k + 2], [2 * k + 1]],
      ]),
    );
    // Both versions with their dashes: dash to dash.
    const enDashed = doc(
      "en",
      "en",
      entries.flatMap(([, , name, role]) => [name as string, "–", role as string]),
    );
    expect(alignDocuments(ru, enDashed).paragraphs.every((l) => l.a.length === 1 && l.b.length === 1)).toBe(
      true,
    );
  });

  it("aligns sentences inside linked paragraphs and numbers paragraphs through the document", () => {
    const en = doc("en", "en", ["Ladies and gentlemen,", "We signed 3 agreements. Talks continue in 2025."]);
    const ru = doc("ru", "ru", [
      "Дамы и господа,",
      "Подписали 3 соглашения. Переговоры продолжатся в 2025 году.",
    ]);
    const result = alignDocuments(en, ru);
    expect(result.paragraphs.map((l) => [l.a, l.b])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    expect(result.sentences.filter((s) => s.group === 1).map((s) => [s.a, s.b])).toEqual([
      [[[1, 0]], [[1, 0]]],
      [[[1, 1]], [[1, 1]]],
    ]);
  });
});

describe("linking versions", () => {
  it("gives URLs that differ only in their language part the same key", () => {
    expect(languagelessUrl("https://mid.ru/ru/foreign_policy/news/1234567/")).toBe(
      languagelessUrl("https://mid.ru/en/foreign_policy/news/1234567/"),
    );
    expect(languagelessUrl("http://en.kremlin.ru/events/president/news/73662")).toBe(
      languagelessUrl("http://kremlin.ru/events/president/news/73662"),
    );
    expect(languagelessUrl("https://example.org/page?id=5&lang=en")).toBe(
      languagelessUrl("https://example.org/page?id=5&lang=ru"),
    );
    expect(versionKeys({ publisher: "mid.ru", publisherRef: "1224-26-06-2024", sourceUrl: null })).toEqual([
      "mid.ru#1224-26-06-2024",
    ]);
  });

  it("finds a translation by its evidence and not a different text of the same day", () => {
    const en = doc("e", "en", [
      "On 14 March 2024 Sergey Lavrov met Luis Carvallo in Moscow. They signed 3 agreements worth 120 million.",
      "Paraguay and Russia will hold consultations in 2025 and 2026 in Asuncion.",
    ]);
    const ru = doc("r", "ru", [
      "14 марта 2024 года Сергей Лавров встретился с Луисом Карвальо в Москве. Подписаны 3 соглашения на 120 млн.",
      "Парагвай и Россия проведут консультации в 2025 и 2026 годах в Асунсьоне.",
    ]);
    const other = doc("o", "ru", [
      "Совещание по вопросам сельского хозяйства прошло в Казани.",
      "Обсудили урожай 1998 года.",
    ]);
    const translated = evidence(en, ru, documentAnchors(en, null), documentAnchors(ru, null));
    const unrelated = evidence(en, other, documentAnchors(en, null), documentAnchors(other, null));
    expect(translated.confidence).toBeGreaterThanOrEqual(0.6);
    expect(unrelated.confidence).toBeLessThan(0.3);
    const later = doc(
      "l",
      "ru",
      ["14 марта 2024 года Сергей Лавров встретился с Луисом Карвальо."],
      "2024-04-20",
    );
    expect(evidence(en, later, documentAnchors(en, null), documentAnchors(later, null)).confidence).toBe(0);
  });
});
