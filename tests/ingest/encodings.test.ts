/**
 * Old Russian pages arrive in windows-1251 or KOI8-R: without a declaration the encoding is
 * detected, with one it is obeyed, and either way the text and turns match the UTF-8 page.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Document } from "../../src/model/document.js";
import { ingestBytes } from "../support/ingest.js";

const TRANSCRIPT = `29.12.2020 18:13

Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова в ходе совместной пресс-конференции, Сочи, 29 декабря 2020 года

С.Лавров: Дамы и господа, мы провели очень полезные переговоры с нашими турецкими коллегами.

Вопрос: Как вы оцениваете итоги встречи и что будет дальше с совместными проектами?

С.Лавров: Мы удовлетворены итогами. Договорились продолжать работу над всеми проектами.

Вопрос: Спасибо. Когда состоится следующая встреча министров?

С.Лавров: Следующая встреча запланирована на весну, в Анкаре.
`;

const NAME = "mid-ru/2020-12-29-lavrov.txt";

function readOne(bytes: Uint8Array): Document {
  const outcome = ingestBytes(NAME, bytes);
  if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  expect(outcome.documents).toHaveLength(1);
  return outcome.documents[0] as Document;
}

/** Everything but provenance and warnings, which legitimately differ between encodings. */
const content = ({ provenance: _p, warnings: _w, ...rest }: Document) => rest;

describe("russian transcripts in single byte encodings", () => {
  const fromUtf8 = readOne(Buffer.from(TRANSCRIPT, "utf8"));

  it("the utf-8 transcript reads as a press conference with lavrov's answers", () => {
    expect(fromUtf8.provenance.encoding).toBe("utf-8");
    expect(fromUtf8.warnings).toEqual([]);
    expect(fromUtf8.kind).toBe("press-conference");
    expect(fromUtf8.when.date).toBe("2020-12-29");
    expect(fromUtf8.when.time).toBe("18:13");
    expect(fromUtf8.turns.map((t) => [t.kind, t.label, t.speakerId])).toEqual([
      ["remarks", "С.Лавров", "sergey-lavrov"],
      ["question", "Вопрос", null],
      ["answer", "С.Лавров", "sergey-lavrov"],
      ["question", "Вопрос", null],
      ["answer", "С.Лавров", "sergey-lavrov"],
    ]);
    expect(fromUtf8.turns[4]?.paragraphs).toEqual(["Следующая встреча запланирована на весну, в Анкаре."]);
    expect(fromUtf8.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  for (const encoding of ["windows-1251", "koi8-r"] as const) {
    it(`the same transcript in ${encoding} without a declaration decodes to the same text and turns`, () => {
      const bytes = iconv.encode(TRANSCRIPT, encoding);
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
      const doc = readOne(bytes);
      expect(doc.provenance.encoding).toBe(encoding);
      expect(doc.provenance.byteLength).toBe(bytes.length);
      expect(doc.warnings).toEqual(["ENCODING_GUESSED"]);
      expect(doc.title).toBe(fromUtf8.title);
      expect(doc.turns).toStrictEqual(fromUtf8.turns);
      expect(content(doc)).toStrictEqual(content(fromUtf8));
    });
  }

  it("the windows-1251 and koi8-r bytes differ so each decoding is really tested", () => {
    const cp1251 = iconv.encode(TRANSCRIPT, "windows-1251");
    const koi8 = iconv.encode(TRANSCRIPT, "koi8-r");
    expect(cp1251.equals(koi8)).toBe(false);
    expect(iconv.decode(cp1251, "koi8-r")).not.toBe(TRANSCRIPT);
  });
});

describe("declared charsets", () => {
  const page = (charsetTag: string) => `<!doctype html>
<html lang="ru"><head>${charsetTag}<title>Брифинг</title></head>
<body>
<h1>Брифинг официального представителя МИД России М.В.Захаровой, Москва, 10 марта 2021 года</h1>
<p>Вопрос: Прокомментируйте, пожалуйста, итоги переговоров в Анталье.</p>
<p>М.Захарова: Переговоры прошли в рабочей атмосфере, подробности будут опубликованы.</p>
</body></html>
`;

  for (const tag of [
    '<meta charset="windows-1251">',
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
  ]) {
    it(`an html page declaring windows-1251 with ${tag.includes("http-equiv") ? "http-equiv" : "meta charset"} decodes by its declaration`, () => {
      const html = page(tag);
      const fromUtf8 = readOne(Buffer.from(html.replace(tag, '<meta charset="utf-8">'), "utf8"));
      const doc = readOne(iconv.encode(html, "windows-1251"));
      expect(doc.provenance.encoding).toBe("windows-1251");
      expect(doc.warnings).not.toContain("ENCODING_GUESSED");
      expect(doc.title).toBe(
        "Брифинг официального представителя МИД России М.В.Захаровой, Москва, 10 марта 2021 года",
      );
      expect(doc.turns.map((t) => [t.kind, t.label])).toEqual([
        ["question", "Вопрос"],
        ["answer", "М.Захарова"],
      ]);
      expect(doc.turns).toStrictEqual(fromUtf8.turns);
    });
  }

  it("an html page declaring koi8-r decodes as koi8-r by its declaration", () => {
    const tag = '<meta charset="koi8-r">';
    const doc = readOne(iconv.encode(page(tag), "koi8-r"));
    expect(doc.provenance.encoding).toBe("koi8-r");
    expect(doc.warnings).not.toContain("ENCODING_GUESSED");
    expect(doc.turns[1]?.paragraphs).toEqual([
      "Переговоры прошли в рабочей атмосфере, подробности будут опубликованы.",
    ]);
  });
});
