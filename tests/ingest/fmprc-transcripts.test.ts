/**
 * The Chinese Foreign Ministry's regular press conferences as its pages print them, in English and
 * in Chinese: the spokesperson by name, each question by the outlet that asks it.
 */
import { describe, expect, it } from "vitest";
import { guessLanguage } from "../../src/ingest/extract/language.js";
import { outletLabel } from "../../src/ingest/segment/labels.js";
import { ingestText, textPage } from "../support/ingest.js";

const page = (url: string, lines: string[]) => textPage([url, ...lines]);

describe("fmprc.gov.cn press conferences", () => {
  it("in English, the spokesperson answers the questions each outlet puts, and an outlet is nobody's name", () => {
    const [doc] = ingestText(
      "presser.txt",
      page("https://www.fmprc.gov.cn/eng/xw/fyrbt/lxjzh/202401/t20240102_1.html", [
        "Foreign Ministry Spokesperson Wang Wenbin's Regular Press Conference on January 2, 2024",
        "2024-01-02 19:55",
        "Wang Wenbin: Happy New Year! I'd like to start with an announcement.",
        "CCTV: Could you share more about the purpose of the visit?",
        "Wang Wenbin: The visit will deepen cooperation.",
        "Global Times: What is China's comment on the joint patrols?",
        "Wang Wenbin: China firmly opposes any provocation.",
      ]),
    );
    expect(doc?.kind).toBe("press-conference");
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId}:${t.speakerName}`)).toEqual([
      "remarks:wang-wenbin:Wang Wenbin",
      "question:null:CCTV",
      "answer:wang-wenbin:Wang Wenbin",
      "question:null:Global Times",
      "answer:wang-wenbin:Wang Wenbin",
    ]);
    expect(doc?.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  it("in Chinese, a reporter of an outlet asks and the spokesperson named in characters answers; the page is Chinese", () => {
    const [doc] = ingestText(
      "presser-zh.txt",
      page("https://www.fmprc.gov.cn/fyrbt_673021/jzhsl_673025/202401/t20240102_2.shtml", [
        "2024年1月2日外交部发言人毛宁主持例行记者会",
        "2024-01-02 19:55",
        "毛宁：新年好！首先发布一条消息。",
        "总台央视记者：能否介绍此访的目的？",
        "毛宁：此访将深化合作。",
      ]),
    );
    expect(doc?.language).toBe("zh");
    expect(doc?.kind).toBe("press-conference");
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId ?? t.speakerName}`)).toEqual([
      "remarks:mao-ning",
      "question:总台央视记者",
      "answer:mao-ning",
    ]);
  });

  it("an outlet's label is an acronym or names a newsroom; a person's name or a sentence is not one", () => {
    for (const label of [
      "CCTV",
      "AFP",
      "Bloomberg",
      "Xinhua News Agency",
      "Shenzhen TV",
      "China Daily",
      "RIA Novosti",
    ])
      expect(outletLabel(`${label}: A question?`)?.name).toBe(label);
    expect(outletLabel("Wang Wenbin: Yes.")).toBeNull();
    expect(outletLabel("MS. PSAKI: Go ahead.")).toBeNull();
    expect(outletLabel("MR MILLER: Go ahead.")).toBeNull();
    expect(outletLabel("THE PRESIDENT: Thank you.")).toBeNull();
    expect(outletLabel("The news today: nothing.")).toBeNull();
  });

  it("a first guess of the language reads Chinese, Japanese and Korean from their scripts", () => {
    expect(guessLanguage("外交部发言人主持例行记者会。 CCTV")).toBe("zh");
    expect(guessLanguage("外務省報道官の定例記者会見です。")).toBe("ja");
    expect(guessLanguage("외교부 대변인 정례 브리핑입니다.")).toBe("ko");
    expect(guessLanguage("The press conference on Xinhua (新华社).")).toBe("en");
  });
});
