/** The kind of event a title names, when it names more than one thing. */
import { describe, expect, it } from "vitest";
import { analyseTitle, kindFromTitle } from "../../src/ingest/extract/title.js";
import { SpeakerRegistry } from "../../src/ingest/speakers/registry.js";

describe("the kind a title names", () => {
  it("reads a press call, background or on the record, as a briefing", () => {
    expect(kindFromTitle("Background Press Call by Senior Administration Officials on Venezuela")).toBe(
      "briefing",
    );
    expect(kindFromTitle("On-the-Record Press Call by National Security Advisor Jake Sullivan")).toBe(
      "briefing",
    );
    expect(kindFromTitle("Remarks by Vice President Harris in Press Call on Affordable Childcare")).toBe(
      "briefing",
    );
  });

  it("reads remarks at a briefing given to the speaker as remarks, and remarks in a press call or gaggle as a briefing", () => {
    expect(kindFromTitle("Remarks by President Biden on the Weekly Economic Briefing")).toBe("remarks");
    expect(
      kindFromTitle("Remarks by President Biden After Briefing on Tornado Response and Recovery Efforts"),
    ).toBe("remarks");
    expect(kindFromTitle("Remarks by President Biden in Press Gaggle")).toBe("briefing");
    expect(kindFromTitle("Remarks by Press Secretary Jen Psaki at a Press Briefing")).toBe("briefing");
    expect(kindFromTitle("Remarks by President Biden in Briefing and Press Conference")).toBe(
      "press-conference",
    );
  });

  it("reads remarks at the signing of an order as remarks, and only the order itself as a decree", () => {
    expect(
      kindFromTitle("Remarks by President Biden at Signing of an Executive Order on Racial Equity"),
    ).toBe("remarks");
    expect(kindFromTitle("Executive Order on Improving the Nation’s Cybersecurity")).toBe("decree");
    expect(kindFromTitle("Memorandum on Delegation of Authority Under Public Law 117-169")).toBe("decree");
    expect(kindFromTitle("Указ Президента Российской Федерации")).toBe("decree");
  });

  it("reads address as a speech only where it is the noun", () => {
    expect(kindFromTitle("Remarks by President Biden in State of the Union Address")).toBe("speech");
    expect(
      kindFromTitle("Remarks by President Biden on Efforts to Address Global Supply Chain Bottlenecks"),
    ).toBe("remarks");
    expect(kindFromTitle("Remarks by Vice President Harris on Addressing Bias in Home Valuations")).toBe(
      "remarks",
    );
  });

  it("reads remarks in joint press statements as remarks, a readout as a statement", () => {
    expect(
      kindFromTitle("Remarks by President Biden and President Macron of France in Joint Press Statements"),
    ).toBe("remarks");
    expect(
      kindFromTitle("Readout By Press Secretary Robert Gibbs On The President's Bilateral Meeting"),
    ).toBe("statement");
    expect(kindFromTitle("Statement by President Biden on the U.S.-Africa Leaders Summit")).toBe("statement");
  });

  it("lets a press conference or a briefing named anywhere in the title win", () => {
    expect(
      kindFromTitle("Remarks by President Biden and Prime Minister Kishida in Joint Press Conference"),
    ).toBe("press-conference");
    expect(kindFromTitle("Declaraciones del Presidente Durante Rueda de Prensa")).toBe("press-conference");
    expect(kindFromTitle("Брифинг официального представителя МИД России М.В.Захаровой")).toBe("briefing");
    expect(
      kindFromTitle("Выступление и ответы на вопросы СМИ Министра иностранных дел России С.В.Лаврова"),
    ).toBe("remarks");
  });

  it("reads a spokesperson's answer to one media question as remarks, as answers to several are", () => {
    expect(kindFromTitle("Ответ официального представителя МИД России М.В.Захаровой на вопрос СМИ")).toBe(
      "remarks",
    );
    expect(kindFromTitle("Foreign Ministry Spokeswoman Maria Zakharova’s answer to a media question")).toBe(
      "remarks",
    );
    expect(kindFromTitle("Відповідь речника МЗС України на запитання ЗМІ")).toBe("remarks");
    // An answer that is no reply to a question put: "Ответ на санкции" (a response to sanctions).
    expect(kindFromTitle("Ответ на санкции")).toBeNull();
    expect(kindFromTitle("The answer to the attempt of ruble occupation")).toBeNull();
  });

  it("reads Russian opening and closing words as remarks and a message to parliament as a speech", () => {
    expect(
      kindFromTitle(
        "Вступительное слово Министра иностранных дел Российской Федерации С.В.Лаврова в ходе переговоров",
      ),
    ).toBe("remarks");
    expect(kindFromTitle("Приветственное слово С.В.Лаврова участникам конференции")).toBe("remarks");
    expect(kindFromTitle("Послание Президента Федеральному Собранию")).toBe("speech");
    expect(kindFromTitle("Слово о полку")).toBeNull();
  });

  it("reads an article and written greetings as statements", () => {
    expect(
      kindFromTitle("Foreign Minister Sergey Lavrov’s article for the International Affairs journal"),
    ).toBe("statement");
    expect(kindFromTitle("Foreign Minister Sergey Lavrov’s greetings to the participants in the forum")).toBe(
      "statement",
    );
    expect(kindFromTitle("Статья Министра иностранных дел Российской Федерации С.В.Лаврова")).toBe(
      "statement",
    );
  });
});

describe("the date a title ends on", () => {
  it("is read after a dash as after a comma, and a dash with no date after it leaves the title whole", () => {
    const registry = SpeakerRegistry.load();
    expect(analyseTitle("Department Press Briefing – January 2, 2024", registry, null)).toMatchObject({
      date: "2024-01-02",
      kind: "briefing",
    });
    expect(analyseTitle("Press Briefing - Geneva, 5 March 2021", registry, null)).toMatchObject({
      date: "2021-03-05",
      place: "Geneva",
    });
    expect(analyseTitle("Remarks on the 2024 – 2025 budget", registry, null).date).toBeNull();
    // In figures: after a bar or a space too, and with dashes, month first as with slashes.
    expect(
      analyseTitle("Press Gaggle by Press Secretary Josh Earnest | 8/27/2015", registry, null).date,
    ).toBe("2015-08-27");
    expect(analyseTitle("Press Briefing 1/29/09", registry, null).date).toBe("2009-01-29");
    expect(
      analyseTitle("Press Briefing on the Upcoming Trip to Guadalajara, 8-6-09", registry, null).date,
    ).toBe("2009-08-06");
    expect(analyseTitle("Remarks at the G-20 Summit", registry, null).date).toBeNull();
    // Not a day remembered, a road's number, or figures with a four-digit year that may be day first.
    expect(analyseTitle("Remarks by the President Commemorating 9/11/01", registry, null).date).toBeNull();
    expect(
      analyseTitle("Remarks on the Anniversary of Pearl Harbor – December 7, 1941", registry, null).date,
    ).toBeNull();
    expect(analyseTitle("Remarks on Interstate 10-12-14", registry, null).date).toBeNull();
    expect(analyseTitle("Press briefing by the Spokesperson, 05-03-2021", registry, null).date).toBeNull();
  });
});
