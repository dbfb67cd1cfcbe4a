/**
 * Newspaper interviews printed with each question in bold and no names, the answer in plain type
 * below: read from an HTML page, the bold run that asks is the question, the plain paragraphs
 * after it the answer of the person the title names.
 */
import { describe, expect, it } from "vitest";
import { ingestText } from "../support/ingest.js";

const page = (title: string, date: string, body: string[]) =>
  `<!doctype html><html lang="${/[а-яё]/i.test(title) ? "ru" : "en"}"><head><title>${title}</title></head><body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
  <article><h1>${title}</h1><p class="date">${date}</p>
  ${body.join("\n  ")}
  </article><footer>© Example</footer></body></html>`;

const shape = (
  turns: { kind: string; label: string | null; speakerId: string | null; paragraphs: string[] }[],
) => turns.map((t) => `${t.kind}:${t.label}:${t.speakerId}:${t.paragraphs.length}`);

describe("an interview printed with its questions in bold", () => {
  it("an English page: the lead is nobody's, each bold run that asks is a question, what follows it the interviewee's answer, bold that asks nothing included", () => {
    const [doc] = ingestText(
      "lavrov-interview.html",
      page("Foreign Minister Sergey Lavrov’s interview with the Example Daily newspaper", "12 March 2024", [
        "<p>On the eve of the summit, the Minister answered our correspondent’s questions about Europe, the grain deal and his talks in Sochi.</p>",
        "<p><strong>Mr Lavrov, last year you spoke of a new security architecture for Europe. How do you assess the results of the summit?</strong></p>",
        "<p>We assess the results of the summit positively. Important decisions were taken on several tracks.</p>",
        "<p>Much remains to be done, however, and we are ready to continue working with our partners.</p>",
        "<p><b>Will you meet the Turkish Foreign Minister again this spring?</b></p>",
        "<p>We are open to negotiations, but only on the basis of the realities on the ground.</p>",
        "<p><strong>Tell us about your talks in Sochi last week. What did you agree on?</strong></p>",
        "<p><strong>Nothing is more important than the grain deal.</strong> We discussed it and the situation in Syria.</p>",
        "<p><strong>Any attempt to block the corridor will receive a response.</strong></p>",
        "<p>We said so plainly.</p>",
        "<p><strong>Is there a date for the next meeting?</strong></p>",
        "<p>Not yet.</p>",
      ]),
    );
    expect(doc?.kind).toBe("interview");
    expect(shape(doc?.turns ?? [])).toEqual([
      "remarks:null:null:1",
      "question:null:null:1",
      "answer:null:sergey-lavrov:2",
      "question:null:null:1",
      "answer:null:sergey-lavrov:1",
      "question:null:null:1",
      "answer:null:sergey-lavrov:3",
      "question:null:null:1",
      "answer:null:sergey-lavrov:1",
    ]);
    expect(doc?.qa.map((p) => [p.question, ...p.answers])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
    ]);
  });

  it("a Russian page with a bold heading between exchanges and a question split by <br>: the heading asks nothing", () => {
    const [doc] = ingestText(
      "intervyu.html",
      page("Интервью Министра иностранных дел России С.В.Лаврова газете «Пример»", "12 марта 2024 года", [
        "<p><strong>Сергей Викторович, как вы оцениваете итоги саммита?</strong></p>",
        "<p>Итоги саммита мы оцениваем положительно.</p>",
        "<p><strong>О ситуации в Европе</strong></p>",
        "<p><strong>Будете ли вы участвовать в новых переговорах?</strong><br>Мы открыты для переговоров, но на основе реальности.</p>",
        "<p><strong>А что с зерновой сделкой?</strong></p>",
        "<p>Наши условия известны.</p>",
      ]),
    );
    expect(shape(doc?.turns ?? [])).toEqual([
      "question:null:null:1",
      "answer:null:sergey-lavrov:2",
      "question:null:null:1",
      "answer:null:sergey-lavrov:1",
      "question:null:null:1",
      "answer:null:sergey-lavrov:1",
    ]);
    expect(doc?.turns[1]?.paragraphs[1]).toBe("О ситуации в Европе");
  });

  it("an interview whose questions are labelled keeps its labels, whatever is in bold", () => {
    const [doc] = ingestText(
      "labelled.html",
      page("Foreign Minister Sergey Lavrov’s interview with the Example Daily newspaper", "12 March 2024", [
        "<p><strong>Question: How do you assess the results of the summit?</strong></p>",
        "<p><strong>Sergey Lavrov:</strong> We assess them positively.</p>",
        "<p><strong>Question: Will there be new negotiations?</strong></p>",
        "<p><strong>Sergey Lavrov:</strong> We are open to them.</p>",
        "<p><strong>Question: When?</strong></p>",
        "<p><strong>Sergey Lavrov:</strong> Soon.</p>",
      ]),
    );
    expect(doc?.turns.map((t) => t.label)).toEqual([
      "Question",
      "Sergey Lavrov",
      "Question",
      "Sergey Lavrov",
      "Question",
      "Sergey Lavrov",
    ]);
  });

  it("bold that asks nothing opening an answer is the answer's, and a question's last asking paragraph ends it", () => {
    const [doc] = ingestText(
      "answer-bold.html",
      page("Interview of the Foreign Minister with the Example Daily", "12 March 2024", [
        "<p><b>How do you assess the summit?</b></p>",
        "<p><b>Positively, without any doubt.</b></p>",
        "<p>Important decisions were taken.</p>",
        "<p><b>Will you go to Sochi?</b></p>",
        "<p>Yes, next week.</p>",
        "<p><b>What will you discuss there?</b></p>",
        "<p>The grain deal.</p>",
      ]),
    );
    expect(doc?.turns.map((t) => `${t.kind}:${t.paragraphs[0]}`)).toEqual([
      "question:How do you assess the summit?",
      "answer:Positively, without any doubt.",
      "question:Will you go to Sochi?",
      "answer:Yes, next week.",
      "question:What will you discuss there?",
      "answer:The grain deal.",
    ]);
  });

  it("rhetorical bold subheads that address nobody, a pull quote repeating an answer, or a bold link are no questions", () => {
    const subheads = [
      "<p><strong>What did the ambassador say?</strong></p>",
      "<p>He said the talks had failed.</p>",
      "<p><strong>Why does it matter?</strong></p>",
      "<p>Because the summit decided the budget.</p>",
      "<p><strong>What comes next?</strong></p>",
      "<p>The ministers meet again in May.</p>",
    ];
    const [rhetorical] = ingestText(
      "comment.html",
      page(
        "Comment by the Spokeswoman in connection with the interview of the Ambassador",
        "12 March 2024",
        subheads,
      ),
    );
    expect(rhetorical?.turns.some((t) => t.kind === "question")).toBe(false);
    const exchanges = [
      "<p><strong>How do you assess the summit?</strong></p>",
      "<p>We are open to negotiations on the basis of reality.</p>",
      "<p><strong>Will you go to Sochi?</strong></p>",
      "<p>Yes, next week.</p>",
      "<p><strong>What will you discuss there?</strong></p>",
      "<p>The grain deal.</p>",
    ];
    const [quoted] = ingestText(
      "quoted.html",
      page("Interview of the Foreign Minister with the Example Daily", "12 March 2024", [
        ...exchanges,
        "<p><strong>We are open to negotiations on the basis of reality.</strong></p>",
      ]),
    );
    expect(quoted?.turns.some((t) => t.kind === "question")).toBe(false);
    const [linked] = ingestText(
      "linked.html",
      page("Interview of the Foreign Minister with the Example Daily", "12 March 2024", [
        ...exchanges.slice(0, 2),
        '<p><a href="/other"><b>Read also: will you see the summit differently?</b></a></p>',
        '<p><b><a href="/more">And will you read this too?</a></b></p>',
        ...exchanges.slice(2),
      ]),
    );
    expect(linked?.turns.map((t) => t.kind)).toEqual([
      "question",
      "answer",
      "question",
      "answer",
      "question",
      "answer",
    ]);
  });

  it("an article that is no interview, or bolds too little, is not read as one", () => {
    const body = [
      "<p><strong>Why does it matter?</strong></p>",
      "<p>Because the summit decided the budget.</p>",
      "<p><strong>What comes next?</strong></p>",
      "<p>The ministers meet again in May.</p>",
      "<p><strong>Who pays?</strong></p>",
      "<p>Every member.</p>",
    ];
    const [explainer] = ingestText("explainer.html", page("The summit explained", "12 March 2024", body));
    expect(explainer?.turns.some((t) => t.kind === "question")).toBe(false);
    const [two] = ingestText(
      "two.html",
      page(
        "Foreign Minister Sergey Lavrov’s interview with the Example Daily newspaper",
        "12 March 2024",
        body.slice(0, 4),
      ),
    );
    expect(two?.turns.some((t) => t.kind === "question")).toBe(false);
  });
});
