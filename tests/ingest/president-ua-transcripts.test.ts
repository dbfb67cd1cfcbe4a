/**
 * president.gov.ua press conferences in Ukrainian and English: the labels its transcripts print
 * (the President by name or office, «Журналіст:», a reporter with an outlet), the report's opening
 * line left out, and the sign-off.
 */
import { describe, expect, it } from "vitest";
import { presidentUa } from "../../src/ingest/publishers/index.js";
import { nameWithOffice, nameWithOutlet } from "../../src/ingest/segment/labels.js";
import { ingestText, textPage } from "../support/ingest.js";

const page = (url: string, lines: string[]) => textPage([url, ...lines]);

describe("president.gov.ua transcripts", () => {
  it("a press conference is split at its labels, the report before it is nobody's words, and the sign-off closes it", () => {
    const [doc] = ingestText(
      "presser.txt",
      page("https://www.president.gov.ua/news/preskonferenciya-prezidenta-99999", [
        "Пресконференція Президента України Володимира Зеленського",
        "19 грудня 2024 - 16:20",
        "Президент України Володимир Зеленський провів підсумкову пресконференцію.",
        "Володимир Зеленський: Доброго дня! Цей рік був дуже складним.",
        "Журналіст: Укрінформ. Пане Президенте, коли буде мир?",
        "Володимир Зеленський: Мир буде тоді, коли Україна буде сильною.",
        "Олена Ковальчук, «Суспільне»: Пане Президенте, а що з мобілізацією?",
        "Володимир Зеленський: Рішення ухвалює парламент.",
        "Володимир Зеленський: Дякую всім. Слава Україні!",
      ]),
    );
    expect(doc?.publisher).toBe("president.gov.ua");
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId ?? t.speakerName}`)).toEqual([
      "remarks:volodymyr-zelensky",
      "question:Журналіст",
      "answer:volodymyr-zelensky",
      "question:o-kovalchuk",
      "answer:volodymyr-zelensky",
      "moderator:volodymyr-zelensky",
    ]);
    expect(doc?.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  it("the English page's office-and-name label is the President, and a reporter's outlet is part of the label", () => {
    const [doc] = ingestText(
      "presser-en.txt",
      page("https://www.president.gov.ua/en/news/preskonferenciya-prezidenta-99999", [
        "Press conference of President of Ukraine Volodymyr Zelenskyy",
        "19 December 2024 - 16:20",
        "President of Ukraine Volodymyr Zelenskyy held a final press conference of the year.",
        "Volodymyr Zelenskyy: Good afternoon! This year was very difficult.",
        "Olena Kovalchuk, Suspilne: Mr. President, what about mobilization?",
        "President of Ukraine Volodymyr Zelenskyy: Parliament decides.",
      ]),
    );
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId}`)).toEqual([
      "remarks:volodymyr-zelensky",
      "question:o-kovalchuk",
      "answer:volodymyr-zelensky",
    ]);
    expect(doc?.turns[1]?.addressedTo).toBeNull();
  });

  it("the President's own words about a guest are never taken for a report's opening line", () => {
    for (const speech of [
      "President Nausėda and I discussed security guarantees for Ukraine today.",
      "Президент Польщі і я обговорили сьогодні гарантії безпеки.",
    ])
      expect(presidentUa.lead?.test(speech)).toBe(false);
    expect(presidentUa.lead?.test("Президент України Володимир Зеленський провів пресконференцію.")).toBe(
      true,
    );
  });

  it("a name with an outlet is a reporter's label; a sentence with a colon is not", () => {
    expect(nameWithOutlet("Anna Smith, Reuters: What is the plan?")).toMatchObject({
      label: "Anna Smith, Reuters",
      name: "Anna Smith",
      role: "question",
      qualifier: null,
    });
    expect(nameWithOutlet("Олена Ковальчук, «Суспільне»: Що далі?")?.name).toBe("Олена Ковальчук");
    // "Press" names a newsroom here, not an office.
    expect(nameWithOutlet("Anna Smith, Associated Press: What is the plan?")?.role).toBe("question");
    expect(nameWithOutlet("In Kyiv, Kharkiv and Odesa: the same picture.")).toBeNull();
    expect(nameWithOutlet("The President, as he said: we will win.")).toBeNull();
    // An office after the name is an official's label.
    expect(nameWithOutlet("Andriy Yermak, Head of the Office of the President: Thank you.")).toBeNull();
    expect(nameWithOutlet("Сергій Никифоров, речник Президента: Наступне питання.")).toBeNull();
  });

  it("an official labelled with the office after the name speaks, in either language", () => {
    expect(nameWithOffice("Andriy Yermak, Head of the Office of the President: Thank you.")?.name).toBe(
      "Andriy Yermak",
    );
    expect(nameWithOffice("Сергій Никифоров, речник Президента: Наступне питання.")?.name).toBe(
      "Сергій Никифоров",
    );
    expect(nameWithOffice("Олена Ковальчук, «Суспільне»: Пане Президенте?")).toBeNull();
  });
});
