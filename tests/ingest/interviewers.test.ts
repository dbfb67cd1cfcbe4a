/**
 * Who asks in an interview whose labels are all names: on mid.ru and other sites whose titles
 * name who is interviewed, the other labelled voice is the interviewer's, unless the registry
 * knows that person as an official.
 */
import { describe, expect, it } from "vitest";
import { ingestText, midRuPage } from "../support/ingest.js";

/** The document a mid.ru page of this title and body reads as. */
const read = (title: string, body: string) => ingestText("mid-ru/page.txt", midRuPage(title, body))[0];

const kinds = (title: string, body: string) =>
  read(title, body)?.turns.map((t) => `${t.speakerName}: ${t.kind}`);

describe("interviewers named in labels", () => {
  it("a named interviewer's turns are questions and the minister's their answers", () => {
    const doc = read(
      "Foreign Minister Sergey Lavrov’s interview with the Rossiya Segodnya agency, Moscow, March 12, 2021",
      "Anna Petrova: What will you discuss in Geneva?\n\nSergey Lavrov: Strategic stability, first of all.\n\nAnna Petrova: And after that?\n\nSergey Lavrov: Regional crises.",
    );
    expect(doc?.turns.map((t) => t.kind)).toEqual(["question", "answer", "question", "answer"]);
    expect(doc?.qa).toEqual([
      { question: 0, answers: [1] },
      { question: 2, answers: [3] },
    ]);
  });

  it("a registered official who joins the interview answers rather than asks", () => {
    expect(
      kinds(
        "Foreign Minister Sergey Lavrov’s interview with the Rossiya Segodnya agency, Moscow, March 12, 2021",
        "Anna Petrova: Will the presidents meet?\n\nSergey Lavrov: That is for the Kremlin to say.\n\nDmitry Peskov: A meeting is being prepared.",
      ),
    ).toEqual(["Anna Petrova: question", "Sergey Lavrov: answer", "Dmitry Peskov: answer"]);
  });

  it("names in the labels of a page that is no interview keep the kind their position gives", () => {
    expect(
      kinds(
        "Foreign Minister Sergey Lavrov’s remarks at a meeting with Anna Petrova, Moscow, March 12, 2021",
        "Anna Petrova: We are glad to welcome you.\n\nSergey Lavrov: Thank you for the invitation; our talks were useful.",
      ),
    ).not.toContain("Anna Petrova: question");
  });

  it("a television host's turns in an interview are questions, not the chair's", () => {
    const doc = read(
      "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова программе «Воскресный вечер», Москва, 14 марта 2021 года",
      "Ведущий: Добрый вечер. Как Вы оцениваете заявления Вашингтона?\n\nС.В.Лавров: Мы привыкли к таким заявлениям.\n\nВедущий: А что дальше?\n\nС.В.Лавров: Будем работать.",
    );
    expect(doc?.turns.map((t) => t.kind)).toEqual(["question", "answer", "question", "answer"]);
  });
});
