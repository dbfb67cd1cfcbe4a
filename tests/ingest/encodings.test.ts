/**
 * Old Russian pages arrive in windows-1251 or KOI8-R: without a declaration the encoding is
 * detected, with one it is obeyed, and either way the text and turns match the UTF-8 page. A
 * UTF-8 page with a damaged byte stays UTF-8, the damage replaced and counted.
 */
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ingestBatch } from "../../src/ingest/batch.js";
import { DEFAULT_MAX_BYTES } from "../../src/ingest/pipeline.js";
import { utf8Census } from "../../src/ingest/read/encoding.js";
import type { SourceItem } from "../../src/ingest/read/sources.js";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { FIXED_NOW, ingestBytes, registry } from "../support/ingest.js";

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

describe("utf-8 with a few damaged bytes", () => {
  const BRIEFING = `Press briefing by the spokesperson, March 3, 2021

MS. PSAKI: Good \u{FFFF}afternoon. It’s a pleasure to be back in the briefing room — the “new” one.

Q Thank you, Jen. What about the talks in Geneva?

MS. PSAKI: They went well, and we expect more of them soon. We’ll have more to say tomorrow.

Q And the vaccines?

MS. PSAKI: Deliveries continue on the schedule we announced last week, without any delay.
`;
  /** The briefing with one broken sequence where the marker is: 0xff 0xfe, then 0xc3 cut off by "(". */
  const damaged = () => {
    const [before, after] = BRIEFING.split("\u{FFFF}") as [string, string];
    return Buffer.concat([Buffer.from(before), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from(after)]);
  };

  it("counts the bytes outside well-formed sequences as a decoder replaces them", () => {
    expect(utf8Census(Buffer.from("plain ascii and “quotes” and ё"))).toEqual({ invalid: 0, multibyte: 8 });
    expect(utf8Census(Buffer.from([0x47, 0xff, 0xfe, 0xc3, 0x28])).invalid).toBe(3);
    // An overlong slash, a surrogate, and a four-byte sequence cut off after two bytes.
    expect(utf8Census(Buffer.from([0xc0, 0xaf])).invalid).toBe(2);
    expect(utf8Census(Buffer.from([0xed, 0xa0, 0x80])).invalid).toBe(3);
    expect(utf8Census(Buffer.from([0xf0, 0x9f, 0x41])).invalid).toBe(2);
  });

  it("a utf-8 page with one bad sequence is read as utf-8, the bad bytes replaced, with ENCODING_REPLACED", () => {
    const bytes = damaged();
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const outcome = ingestBytes("in/briefing.txt", bytes);
    if (!outcome.ok) throw outcome.error;
    const [doc] = outcome.documents;
    expect(doc?.provenance.encoding).toBe("utf-8");
    expect(doc?.warnings).toContain("ENCODING_REPLACED");
    expect(doc?.warnings).not.toContain("ENCODING_GUESSED");
    const text = doc?.turns.flatMap((t) => t.paragraphs).join("\n") ?? "";
    expect(text).toContain("Good \uFFFD\uFFFD\uFFFD(afternoon. It’s a pleasure");
    expect(text).toContain("the “new” one");
    expect(text).not.toMatch(/Ã|ÿ|â€/);
    expect(outcome.notices).toEqual([
      {
        code: "ENCODING_REPLACED",
        message: expect.stringMatching(/^3 bytes that are not valid UTF-8 were replaced/),
      },
    ]);
  });

  it("the replaced bytes are reported against their input in the batch report", async () => {
    const store = withSearch(new SqliteStore({ path: ":memory:" }));
    try {
      async function* one(): AsyncGenerator<SourceItem> {
        yield {
          type: "input",
          input: { source: "in/briefing.txt", name: "in/briefing.txt", bytes: damaged() },
        };
      }
      const report = await ingestBatch(one(), store, {
        registry,
        debateSpeakers: null,
        maxBytes: DEFAULT_MAX_BYTES,
        now: FIXED_NOW,
      });
      expect(report.notices).toEqual([
        { source: "in/briefing.txt", code: "ENCODING_REPLACED", message: expect.stringContaining("3 bytes") },
      ]);
    } finally {
      await store.close();
    }
  });

  it("an english page in windows-1252 with a few curly apostrophes keeps them: too few to be utf-8", () => {
    const english =
      "Press conference on the harvest, March 3, 2021\n\n" +
      "Question: What\u2019s next for grain exports to the neighbouring countries this year?\n\n" +
      "John Smith: We don\u2019t expect any change; the contracts that were signed last week stand.\n";
    const outcome = ingestBytes("in/harvest.txt", iconv.encode(english, "windows-1252"));
    if (!outcome.ok) throw outcome.error;
    const [doc] = outcome.documents;
    expect(doc?.warnings).not.toContain("ENCODING_REPLACED");
    expect(doc?.turns.at(-1)?.paragraphs[0]).toBe(
      "We don\u2019t expect any change; the contracts that were signed last week stand.",
    );
  });

  it("a latin page in windows-1252 with many accented letters is still detected, not replaced", () => {
    const french =
      "Conférence de presse du ministre des Affaires étrangères à Genève, le 3 mars 2021\n\n" +
      "Question : Où en sont les négociations sur l’énergie et le blé ?\n\n" +
      "Jean Dupont : Les négociations progressent ; nous espérons un accord équilibré très bientôt.\n";
    const outcome = ingestBytes("in/conference.txt", iconv.encode(french, "windows-1252"));
    if (!outcome.ok) throw outcome.error;
    const [doc] = outcome.documents;
    expect(doc?.warnings).toContain("ENCODING_GUESSED");
    expect(doc?.warnings).not.toContain("ENCODING_REPLACED");
    expect(doc?.title).toBe(
      "Conférence de presse du ministre des Affaires étrangères à Genève, le 3 mars 2021",
    );
  });
});
