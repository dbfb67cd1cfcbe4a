/** Divergence ranks what versions say differently above how they lay it out. */
import { describe, expect, it } from "vitest";
import { alignDocuments } from "../../src/align/align-documents.js";
import { divergence } from "../../src/align/divergence.js";
import { isFormattingOnly, withoutItemMarker } from "../../src/align/formatting.js";
import type { Document } from "../../src/model/document.js";
import { makeDocument, makeTurn } from "../support/documents.js";

function doc(id: string, language: string, paragraphs: string[]): Document {
  return makeDocument({
    id,
    language,
    publisherRef: null,
    sourceUrl: null,
    when: { date: "2024-06-26", time: null, timeZone: null, dateTime: null },
    turns: [makeTurn(0, { paragraphs, notes: [] })],
    qa: [],
  });
}

const score = (a: Document, b: Document) => divergence(a, b, alignDocuments(a, b)).score;

const PEOPLE = [
  ["Джон Смит", "John Smith", "журналист радиокомпании «Рэдио Нью Зиланд»", "Journalist, Radio New Zealand"],
  ["Мэри Браун", "Mary Brown", "мэр г.Веллингтон", "Mayor, Wellington"],
  ["Питер Грин", "Peter Green", "профессор Университета Мэсси", "Professor, Massey University"],
  ["Анна Уайт", "Anna White", "директор департамента Министерства обороны", "Director, Ministry of Defence"],
  ["Том Блэк", "Tom Black", "корреспондент газеты «Пост»", "Correspondent, The Post"],
];
const INTRO_RU =
  "В ответ на враждебные действия правительства Новой Зеландии въезд в Российскую Федерацию закрывается для 5 граждан этой страны, перечисленных ниже, на бессрочной основе.";
const INTRO_EN =
  "In response to the hostile actions of the Government of New Zealand, entry to the Russian Federation is closed indefinitely to 5 citizens of that country, listed below.";
const OUTRO_RU =
  "Работа над актуализацией российского стоп-листа будет продолжена, пока официальный Веллингтон не откажется от своего курса.";
const OUTRO_EN = "Work to update the Russian stop list will continue until Wellington abandons its course.";

describe("divergence", () => {
  it("tells list furniture from content", () => {
    expect(isFormattingOnly("12")).toBe(true);
    expect(isFormattingOnly("№ п/п")).toBe(true);
    expect(isFormattingOnly("–")).toBe(true);
    expect(isFormattingOnly("2022")).toBe(false);
    expect(isFormattingOnly("Mayor")).toBe(false);
    expect(withoutItemMarker("3. John Smith")).toBe("John Smith");
    expect(withoutItemMarker("36 New Zealand citizens")).toBe("36 New Zealand citizens");
  });

  it("gives a name list numbered in one version only no divergence", () => {
    const ru = doc("ru", "ru", [
      INTRO_RU,
      ...PEOPLE.flatMap(([nameRu, , posRu], k) => [`${k + 1}. ${nameRu}`, posRu as string]),
      OUTRO_RU,
    ]);
    const en = doc("en", "en", [
      INTRO_EN,
      ...PEOPLE.flatMap(([, nameEn, , posEn]) => [`${nameEn};`, posEn as string]),
      OUTRO_EN,
    ]);
    const report = divergence(ru, en, alignDocuments(ru, en));
    expect(report.numberMismatches).toBe(0);
    expect(report.score).toBeLessThan(0.02);
  });

  it("leaves numbers on lines of their own and names repeated in Cyrillic out of the score", () => {
    const ru = doc("ru", "ru", [
      INTRO_RU,
      ...PEOPLE.flatMap(([nameRu, nameEn, posRu], k) => [
        String(k + 1),
        nameEn as string,
        nameRu as string,
        posRu as string,
      ]),
      OUTRO_RU,
    ]);
    const en = doc("en", "en", [
      INTRO_EN,
      ...PEOPLE.flatMap(([, nameEn, , posEn]) => [nameEn as string, posEn as string]),
      OUTRO_EN,
    ]);
    const report = divergence(ru, en, alignDocuments(ru, en));
    expect(report.onlyA).toBe(0);
    expect(report.score).toBeLessThan(0.02);
  });

  it("ranks a missing passage and a changed number above a list numbered in one version only", () => {
    const listRu = doc("list-ru", "ru", [
      INTRO_RU,
      ...PEOPLE.flatMap(([nameRu, , posRu], k) => [`${k + 1}. ${nameRu}`, posRu as string]),
      OUTRO_RU,
    ]);
    const listEn = doc("list-en", "en", [
      INTRO_EN,
      ...PEOPLE.flatMap(([, nameEn, , posEn]) => [nameEn as string, posEn as string]),
      OUTRO_EN,
    ]);
    const missingRu = doc("missing-ru", "ru", [INTRO_RU, OUTRO_RU]);
    const missingEn = doc("missing-en", "en", [INTRO_EN]);
    const changedRu = doc("changed-ru", "ru", [INTRO_RU, OUTRO_RU]);
    const changedEn = doc("changed-en", "en", [INTRO_EN.replace("5 citizens", "6 citizens"), OUTRO_EN]);
    const formatting = score(listRu, listEn);
    expect(score(missingRu, missingEn)).toBeGreaterThan(formatting);
    expect(score(changedRu, changedEn)).toBeGreaterThan(formatting);
  });
});
