/**
 * Press conferences of bodies no profile knows (NATO, the EU, other ministries), read by the
 * generic reader: an office and a name in one label, reporters named with their outlet, the
 * chair giving the floor by newsroom, the daily farewell.
 */
import { describe, expect, it } from "vitest";
import { readHeaderFrame } from "../../src/ingest/extract/header-frame.js";
import { generic } from "../../src/ingest/publishers/generic.js";
import { isCourtesy } from "../../src/ingest/segment/courtesy.js";
import {
  addressee,
  isOutletName,
  labelsQAndA,
  matchLabel,
  nameWithOffice,
  newsroomLabel,
} from "../../src/ingest/segment/labels.js";
import { callsOnSomeone, mentionsHandOff } from "../../src/ingest/segment/procedural.js";
import { officeAndName } from "../../src/ingest/segment/titled-name.js";
import { ingestText, registry, textPage } from "../support/ingest.js";

describe("press conferences of other bodies", () => {
  it("a NATO-style press conference: the spokesperson chairs, reporters named with their outlet ask, the Secretary General answers", () => {
    const [doc] = ingestText(
      "nato.txt",
      textPage([
        "https://www.example.int/press/opinions_1.htm",
        "Press conference by the Secretary General ahead of the meetings of Defence Ministers",
        "12 Feb. 2024",
        "NATO Spokesperson Anna Kovacs: Good afternoon. The Secretary General will start with some opening remarks and then we'll take your questions.",
        "NATO Secretary General Peter Lindqvist: Good afternoon. Later this week, Defence Ministers will meet here in Brussels.",
        "NATO Spokesperson Anna Kovacs: Thank you. We'll start with Reuters.",
        "Mark Dunne (Reuters): Thank you. What is your reaction to the remarks made at the weekend?",
        "NATO Secretary General Peter Lindqvist: Any suggestion that allies will not defend each other undermines our security.",
        "NATO Spokesperson Anna Kovacs: Thank you. The Financial Times.",
        "Clara Holm (Financial Times): How many allies will meet the target this year?",
        "NATO Secretary General Peter Lindqvist: We expect eighteen allies to meet it.",
        "NATO Spokesperson Anna Kovacs: Thank you. That concludes this press conference.",
      ]),
    );
    expect(doc?.kind).toBe("press-conference");
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerName}`)).toEqual([
      "moderator:Anna Kovacs",
      "remarks:Peter Lindqvist",
      "moderator:Anna Kovacs",
      "question:Mark Dunne",
      "answer:Peter Lindqvist",
      "moderator:Anna Kovacs",
      "question:Clara Holm",
      "answer:Peter Lindqvist",
      "moderator:Anna Kovacs",
    ]);
    expect(doc?.qa).toEqual([
      { question: 3, answers: [4] },
      { question: 6, answers: [7] },
    ]);
  });

  it("an office label may open with the body's letters; a sentence with a colon does not", () => {
    expect(officeAndName("NATO Secretary General Jens Stoltenberg: Good afternoon.")?.name).toBe(
      "Jens Stoltenberg",
    );
    expect(officeAndName("EU High Representative Josep Borrell: Thank you.")?.name).toBe("Josep Borrell");
    expect(officeAndName("NATO Spokesperson Oana Lungescu: Thank you.")?.name).toBe("Oana Lungescu");
    expect(officeAndName("NATO allies agreed on three things: first, more support.")).toBeNull();
  });

  it("a reporter's outlet in brackets is who asks, not whom the question is put to", () => {
    expect(addressee("Reuters")).toBeNull();
    expect(addressee("Financial Times")).toBeNull();
    expect(addressee("Minister Lavrov")).toBe("Minister Lavrov");
  });

  it("a newsroom is a label by its letters or its own name, not by a word committees share", () => {
    expect(newsroomLabel("AFP: Could you say more?")?.name).toBe("AFP");
    expect(newsroomLabel("Reuters: Could you say more?")?.name).toBe("Reuters");
    expect(newsroomLabel("Chemical Review Committee: developments for action")).toBeNull();
  });

  it("the chair calls on a newsroom by name; an answer that names one first answers", () => {
    expect(isOutletName("The Financial Times.")).toBe(true);
    expect(isOutletName("Reuters?")).toBe(true);
    expect(isOutletName("AFP, please.")).toBe(true);
    expect(isOutletName("No. VOA.")).toBe(false);
    expect(isOutletName("The Chemical Review Committee.")).toBe(false);
    expect(isOutletName("The International Atomic Energy Agency.")).toBe(false);
    expect(isOutletName("the Nuclear Posture Review")).toBe(false);
    // Alone, a paper named may answer ("Who reported it?"); asked for, or a wire, it calls.
    expect(callsOnSomeone("The Wall Street Journal.")).toBe(false);
    expect(callsOnSomeone("Financial Times?")).toBe(true);
    expect(callsOnSomeone("Reuters.")).toBe(true);
    expect(mentionsHandOff("Thank you. We'll start with Reuters.")).toBe(true);
    expect(mentionsHandOff("Let me start with Ukraine.")).toBe(false);
    expect(mentionsHandOff("Today we will begin with the Nuclear Posture Review.")).toBe(false);
    // Not searched through: a long run of stops is no name.
    const started = performance.now();
    expect(isOutletName(`${".".repeat(40_000)} 3`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("the spokesperson's daily farewell is courtesy", () => {
    expect(isCourtesy("All right. Thank you all. I'll see you tomorrow.")).toBe(true);
    expect(isCourtesy("We'll see you on Monday.")).toBe(true);
    expect(isCourtesy("I'll see you next week, guys.")).toBe(true);
    expect(isCourtesy("I'll see you in court.")).toBe(false);
  });

  it("a State Department briefing: the briefer, place and clock above the first label frame the page, and nobody says them", () => {
    const [doc] = ingestText(
      "briefing.txt",
      textPage([
        "https://www.state.gov/briefings/department-press-briefing-march-5-2024/",
        "Department Press Briefing – March 5, 2024",
        "Matthew Miller, Department Spokesperson",
        "Washington, D.C.",
        "1:21 p.m. EST",
        "MR MILLER: Good afternoon, everyone. I have one announcement at the top.",
        "QUESTION: Thanks, Matt. What is the latest on the talks?",
        "MR MILLER: We continue to work to secure a deal.",
      ]),
    );
    expect(doc?.when).toMatchObject({ date: "2024-03-05", time: "13:21", timeZone: "America/New_York" });
    expect(doc?.place).toBe("Washington, D.C.");
    expect(doc?.participants.map((p) => `${p.name} (${p.role})`)).toEqual([
      "Matthew Miller (Department Spokesperson)",
    ]);
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerName}`)).toEqual([
      "remarks:Matthew Miller",
      "question:null",
      "answer:Matthew Miller",
    ]);
  });

  it("short lines above the first label without a clock are left as they are: they may be someone's opening words", () => {
    expect(
      readHeaderFrame(["Good afternoon.", "Thank you all.", "MR MILLER: Let us begin."], generic.conventions),
    ).toBeNull();
    expect(
      readHeaderFrame(
        [
          "Washington, D.C.",
          "1:21 p.m. EST",
          "This line is far too long to be a header line of any briefing page at all, so none is read.",
          "MR MILLER: Hi.",
        ],
        generic.conventions,
      ),
    ).toBeNull();
  });

  it("an official labelled with the office after the name speaks, an honorific aside; a reporter with an outlet does not", () => {
    const m = nameWithOffice("Shri Randhir Jaiswal, Official Spokesperson: Good afternoon friends.");
    expect(m?.name).toBe("Randhir Jaiswal");
    expect(m?.role).toBe("speaker");
    expect(nameWithOffice("Anna Smith, Reuters: What is the latest?")).toBeNull();
    expect(nameWithOffice("John Smith, our old friend: hello.")).toBeNull();
  });

  it("the same briefing as an HTML page: the lines beside the title name the briefer and the place", () => {
    const html = `<!DOCTYPE html><html lang="en"><head><title>Department Press Briefing - March 5, 2024</title>
<link rel="canonical" href="https://www.state.gov/briefings/department-press-briefing-march-5-2024/"></head>
<body><main><div class="featured"><h1>Department Press Briefing – March 5, 2024</h1>
<p>Matthew Miller, Department Spokesperson</p><p>Washington, DC</p></div>
<div class="entry-content"><p>1:21 p.m. EST</p>
<p>MR MILLER: Good afternoon, everyone. I have one announcement at the top. The Secretary will travel to Brussels next week.</p>
<p>QUESTION: Thanks, Matt. Can we start with Gaza? What is the latest on the ceasefire talks?</p>
<p>MR MILLER: We continue to work to secure a deal that would bring the hostages home.</p>
</div></main></body></html>`;
    const [doc] = ingestText("briefing.html", html);
    expect(doc?.place).toBe("Washington, DC");
    expect(doc?.when).toMatchObject({ date: "2024-03-05", time: "13:21" });
    expect(doc?.participants.map((p) => p.name)).toEqual(["Matthew Miller"]);
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerName}`)).toEqual([
      "remarks:Matthew Miller",
      "question:null",
      "answer:Matthew Miller",
    ]);
  });

  it("a Ukrainian Foreign Ministry briefing: the spokesperson the title names in the genitive answers, the questions are nobody's by name", () => {
    const [doc] = ingestText(
      "brifing.txt",
      textPage([
        "https://mfa.gov.ua/news/brifing-rechnika-mzs-ukrayini-12-bereznya-2024-roku",
        "Брифінг речника МЗС України Георгія Тихого 12 березня 2024 року",
        "12 березня 2024, 12:30",
        "Добрий день, шановні журналісти. Почну з кількох анонсів.",
        "Питання (Укрінформ): Чи є новини щодо саміту миру?",
        "Відповідь: Підготовка до саміту триває, ми працюємо з партнерами.",
      ]),
    );
    expect(doc?.language).toBe("uk");
    expect(doc?.participants.map((p) => p.speakerId)).toEqual(["heorhii-tykhyi"]);
    expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId}:${t.speakerName}`)).toEqual([
      "remarks:heorhii-tykhyi:Heorhii Tykhyi",
      "question:null:null",
      "answer:heorhii-tykhyi:Heorhii Tykhyi",
    ]);
  });

  it("a Ukrainian surname in any case finds its person: adjectival (Тихого) and in -енко (Ніколенка, Ніколенком)", () => {
    expect(registry.findByName("Георгія Тихого")?.id).toBe("heorhii-tykhyi");
    expect(registry.findByName("Олега Ніколенка")?.id).toBe("oleh-nikolenko");
    expect(registry.findByName("Олегом Ніколенком")?.id).toBe("oleh-nikolenko");
    expect(registry.findByName("Георгія Тихонова")).toBeNull();
  });

  it("an interview printed as Q: and A: is split at both, each answer paired with its question", () => {
    const [doc] = ingestText(
      "interview.txt",
      textPage([
        "https://www.example.gov/news/interview-of-the-foreign-minister",
        "Interview of the Foreign Minister to the Financial Times",
        "14 June 2023",
        "Q: Minister, how do you see the situation after the summit?",
        "A: The summit gave us a clear signal that our partners stand with us.",
        "Q: And sanctions?",
        "A: The next package is being prepared.",
      ]),
    );
    expect(doc?.turns.map((t) => `${t.kind}:${t.label}`)).toEqual([
      "question:Q",
      "answer:A",
      "question:Q",
      "answer:A",
    ]);
    expect(doc?.qa).toEqual([
      { question: 0, answers: [1] },
      { question: 2, answers: [3] },
    ]);
  });

  it('"A:" is a label only on a page that also asks with "Q:"', () => {
    expect(labelsQAndA(["Q: What now?", "A: We wait."])).toBe(true);
    expect(labelsQAndA(["The options are:", "A: a new round of talks.", "B: sanctions."])).toBe(false);
  });

  describe("what is none of these (a review's cases)", () => {
    it("a byline or a salutation beside an HTML page's title is nobody's speech and no place", () => {
      const page = (beside: string) =>
        `<!DOCTYPE html><html lang="en"><head><title>Statement</title></head><body><main><div>
<h1>Statement after the Leaders' Summit, Vilnius, 11 July 2023</h1>${beside}</div>
<div class="content"><p>The leaders met today and agreed on a new package of support for Ukraine, including air defence.</p>
<p>They will meet again next year in Washington to review the progress made since the summit.</p></div></main></body></html>`;
      for (const beside of [
        "<p>Mark Brown, Research Director</p><p>Jane Doe, Senior Advisor, Europe Program</p>",
        "<p>Mr President, Distinguished Ministers</p>",
        "<div>Share</div><div>Print</div>",
      ]) {
        const [doc] = ingestText("statement.html", page(beside));
        expect(doc?.participants).toEqual([]);
        expect(doc?.place).toBe("Vilnius");
        expect(doc?.turns.every((t) => t.speakerId === null)).toBe(true);
      }
    });

    it("short lines above the first label that someone says stay words, clock or not", () => {
      const [doc] = ingestText(
        "remarks.txt",
        textPage([
          "https://www.example.gov/news/remarks",
          "Press Briefing by the Minister of Defence",
          "5 March 2024",
          "10:02 A.M. CET",
          "Good morning, everyone.",
          "Please have a seat.",
          "MODERATOR: Thank you, Minister. First question, Reuters.",
        ]),
      );
      expect(doc?.turns[0]?.paragraphs).toEqual([
        "10:02 A.M. CET",
        "Good morning, everyone.",
        "Please have a seat.",
      ]);
    });

    it("a clause after a name and a comma is no office: the paragraph is no label", () => {
      expect(
        nameWithOffice("Mark Rutte, whose officers trained Ukrainian pilots, said: the jets will fly."),
      ).toBeNull();
      expect(nameWithOffice("Rahul Singh, Headlines Today: Sir, a question.")).toBeNull();
      expect(
        nameWithOffice("Володимир Зеленський, зустрівшись із Президентом Франції, заявив: «Ми разом»."),
      ).toBeNull();
    });

    it("a name with where it was said in brackets speaks; only a newsroom's name there asks", () => {
      const [doc] = ingestText(
        "interview.txt",
        textPage([
          "https://www.example.org/news/sunday-interviews",
          "Sunday interviews: the Foreign Minister on television",
          "5 March 2023",
          "Jake Porter (CNN): Minister, welcome. Will the talks resume next week?",
          "Dmytro Kuleba (in the CNN studio): Yes, we expect them to resume next week in Geneva.",
        ]),
      );
      expect(doc?.turns.map((t) => `${t.kind}:${t.speakerId}`)).toEqual([
        "question:j-porter",
        "answer:dmytro-kuleba",
      ]);
    });

    it("a short Cyrillic stem names nobody alone, and a village in -ово is nobody's surname", () => {
      expect(registry.findByName("Тихому")).toBeNull();
      expect(registry.findByName("Захарово")).toBeNull();
      expect(registry.findByName("Медведево")).toBeNull();
      expect(registry.findByName("Г.Тихого")?.id).toBe("heorhii-tykhyi");
    });

    it("links in capitals before a colon (READ MORE:, SEE ALSO:, RELATED:) are page furniture, not speakers", () => {
      for (const p of [
        "READ MORE: Biden to visit Kyiv",
        "SEE ALSO: The summit in brief",
        "RELATED: Ministers meet",
        "EDITOR’S NOTE: Updated.",
      ])
        expect(matchLabel(p, generic.conventions)).toBeNull();
      expect(matchLabel("MS. PSAKI: Good afternoon.", generic.conventions)?.name).toBe("MS. PSAKI");
    });

    it("a question's options A:, B: are no answer labels", () => {
      expect(labelsQAndA(["Q: Which is it?", "A: a new round of talks;", "B: sanctions."])).toBe(false);
    });
  });

  it("an interview printed as dialogue with dashes: the lead is nobody's, the utterance that asks is the question, the one after it the answer of the person the title names", () => {
    const [doc] = ingestText(
      "intervyu.txt",
      textPage([
        "https://www.example.ru/20240312/intervyu.html",
        "Интервью министра иностранных дел России Сергея Лаврова агентству РИА Новости",
        "12 марта 2024",
        "Накануне саммита министр ответил на вопросы нашего корреспондента.",
        "— Сергей Викторович, в прошлом году вы говорили о новой архитектуре безопасности.",
        "Как вы оцениваете итоги саммита?",
        "— Итоги саммита мы оцениваем положительно.",
        "Были приняты важные решения.",
        "— Будут ли новые переговоры?",
        "— Мы открыты для переговоров, но на основе реальности.",
      ]),
    );
    expect(doc?.turns.map((t) => `${t.kind}:${t.label}:${t.speakerId}:${t.paragraphs.length}`)).toEqual([
      // The agency's lead introduces the minister: not his words.
      "remarks:null:null:1",
      "question:—:null:2",
      "answer:—:sergey-lavrov:2",
      "question:—:null:1",
      "answer:—:sergey-lavrov:1",
    ]);
    expect(doc?.qa).toEqual([
      { question: 1, answers: [2] },
      { question: 3, answers: [4] },
    ]);
  });

  it("a statement's dashed list is no dialogue", () => {
    const [doc] = ingestText(
      "zayavlenie.txt",
      textPage([
        "https://www.example.ru/statement",
        "Интервью: основные тезисы заявления",
        "12 марта 2024",
        "Стороны договорились:",
        "— продолжить консультации;",
        "— расширить торговлю;",
        "— развивать культурные связи;",
        "— провести следующую встречу в Москве.",
      ]),
    );
    expect(doc?.turns.some((t) => t.label === "—")).toBe(false);
  });

  it("the registry knows the regular speakers of these bodies and of the Russian and Ukrainian governments, in their scripts", () => {
    const ids = [
      "М.Мишустин",
      "С.А.Рябков",
      "Сергей Шойгу",
      "Jens Stoltenberg",
      "Mark Rutte",
      "Josep Borrell",
      "Сергій Никифоров",
    ].map((n) => registry.findByName(n)?.id);
    expect(ids).toEqual([
      "mikhail-mishustin",
      "sergei-ryabkov",
      "sergei-shoigu",
      "jens-stoltenberg",
      "mark-rutte",
      "josep-borrell",
      "serhiy-nykyforov",
    ]);
  });
});
