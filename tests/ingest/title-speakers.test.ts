/** Who the title says speaks: the person a remarks page names, never the people a report is about. */
import { describe, expect, it } from "vitest";
import { analyseTitle } from "../../src/ingest/extract/title.js";
import { ingestText, midRuPage, registry } from "../support/ingest.js";

const page = (title: string, body: string) => midRuPage(title, body, "5 March 202118:00");

describe("the speaker a title names", () => {
  it("gives a press office's report about a meeting to no one named in its title", () => {
    const [doc] = ingestText(
      "mid-ru/page.txt",
      page(
        "Press release on Deputy Foreign Minister Sergey Ryabkov’s meeting with US Ambassador to Russia John Sullivan",
        "On March 5, Deputy Foreign Minister Sergey Ryabkov met with the US Ambassador.",
      ),
    );
    expect(doc?.turns[0]?.speakerId).toBeNull();
    expect(doc?.participants.map((p) => p.speakerId)).not.toContain("jake-sullivan");
  });

  it("reads the country after an office in Russian and Ukrainian as no part of the name", () => {
    const names = (t: string) => analyseTitle(t, registry, "2024-01-22").participants.map((p) => p.name);
    expect(
      names("Пресконференція Президента України Володимира Зеленського та Прем'єр-міністра Польщі"),
    ).toEqual(["Volodymyr Zelensky"]);
    expect(names("Переговоры с Президентом Бразилии Луисом Инасиу Лулой да Силвой")).not.toContain(
      "Бразилии Луисом Инасиу",
    );
    expect(names("Встреча с Президентом Франции Эмманюэлем Макроном")).not.toContain(
      "Франции Эмманюэлем Макроном",
    );
    expect(analyseTitle("Пресконференція Президента України", registry, null).kind).toBe("press-conference");
  });

  it("gives a Ukrainian journalist's label no speaker of its own", () => {
    const [doc] = ingestText(
      "president-ua/presser.txt",
      "Пресконференція Президента України Володимира Зеленського\n\n22 січня 2024 року - 14:30\n\nВолодимир Зеленський: Добрий день.\n\nЖурналістка: Яка ситуація на фронті?\n\nВолодимир Зеленський: Складна.\n",
    );
    // «Добрий день.» alone is a greeting, as "Good afternoon." is.
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId}`)).toEqual([
      "other:volodymyr-zelensky",
      "question:null",
      "answer:volodymyr-zelensky",
    ]);
  });

  it("gives the UN's SG: label to whoever was Secretary-General on the date, whatever the title names", () => {
    const encounter = (date: string) =>
      `https://www.un.org/sg/en/content/sg/press-encounter/x\n\nSecretary-General's press encounter on the situation\n\nNew York, ${date}\n\nSG: Good afternoon.\n\nQuestion: Will the Council act?\n\nSG: I hope so.\n`;
    const [now] = ingestText("un/encounter.txt", encounter("2 January 2024"));
    expect(now?.kind).toBe("press-conference");
    expect(now?.turns.map((t) => `${t.kind}:${t.speakerId}`)).toEqual([
      "other:antonio-guterres",
      "question:null",
      "answer:antonio-guterres",
    ]);
    const [then] = ingestText("un/encounter.txt", encounter("14 March 2012"));
    expect(then?.turns[0]?.speakerId).toBe("ban-ki-moon");
  });

  it("gives an office's label to the title's speaker who held it, and a spokesman's to nobody but a spokesperson", () => {
    const [doc] = ingestText(
      "un/presser.txt",
      "Press Conference by Secretary-General António Guterres at United Nations Headquarters\n\n20 December 2023\n\nSECRETARY-GENERAL: Good morning. Let me begin with Gaza.\n\nQuestion: Will the Council act?\n\nSECRETARY-GENERAL: I hope so.\n\nSpokesman: Next question, Edie.\n\nQuestion: On Sudan, what is your message?\n\nSECRETARY-GENERAL: The fighting must stop.\n",
    );
    expect(doc?.turns.map((t) => `${t.label}:${t.speakerId}`)).toEqual([
      "SECRETARY-GENERAL:antonio-guterres",
      "Question:null",
      "SECRETARY-GENERAL:antonio-guterres",
      "Spokesman:null",
      "Question:null",
      "SECRETARY-GENERAL:antonio-guterres",
    ]);
  });
});
