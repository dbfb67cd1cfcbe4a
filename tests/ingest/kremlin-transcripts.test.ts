/**
 * kremlin.ru transcripts beyond the golden files: the English office-and-name label, datelines
 * with a place, the record id shared by the two language versions, and the decrees still read
 * by their own reader.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { versionKeys } from "../../src/align/link.js";
import { readDatelineBlock } from "../../src/ingest/extract/dateline-block.js";
import { detectFormat } from "../../src/ingest/extract/detect.js";
import { eventKindFromLead } from "../../src/ingest/extract/title.js";
import * as profiles from "../../src/ingest/publishers/index.js";
import { officeAndName } from "../../src/ingest/segment/titled-name.js";
import { ingestFile, ingestText, textPage } from "../support/ingest.js";

const golden = (name: string) => new URL(`../golden/kremlin-ru/${name}`, import.meta.url).pathname;

describe("kremlin.ru transcripts", () => {
  it("an office before the name is part of the label and the name alone is resolved", () => {
    const m = officeAndName("President of Russia Vladimir Putin: Good afternoon.");
    expect(m).toMatchObject({ label: "President of Russia Vladimir Putin", name: "Vladimir Putin" });
    expect(officeAndName("Presidential Aide Yury Ushakov (retranslated): Yes.")).toMatchObject({
      name: "Yury Ushakov",
      qualifier: "retranslated",
    });
    expect(officeAndName("Prime Minister of India Narendra Modi: Thank you.")?.name).toBe("Narendra Modi");
    // An office and a bare surname: the country is the office's, not a given name.
    expect(officeAndName("President of Russia Putin: Good afternoon.")).toMatchObject({
      label: "President of Russia Putin",
      name: "Putin",
    });
  });

  it("an ordinary sentence with a colon is not an office label", () => {
    expect(officeAndName("The President said this: we will continue.")).toBeNull();
    expect(officeAndName("Russia and China agree on one thing: trade.")).toBeNull();
  });

  it("a dateline gives date, time and place whether on one line or three", () => {
    expect(readDatelineBlock(["9 февраля 2024 года, Москва, Кремль"], 0, true)).toMatchObject({
      date: "2024-02-09",
      time: null,
      place: "Москва, Кремль",
    });
    expect(
      readDatelineBlock(["February 9, 2024", "", "17:30", "The Kremlin, Moscow", "", "Body."], 0, true),
    ).toEqual({
      date: "2024-02-09",
      time: "17:30",
      place: "The Kremlin, Moscow",
      lines: 4,
    });
  });

  it("a place on the next line is not read before the title, where the title would be taken for it", () => {
    expect(
      readDatelineBlock(["9 февраля 2024 года", "Интервью Такеру Карлсону"], 0, false)?.place,
    ).toBeNull();
  });

  it("a sentence that starts with a date is not a dateline", () => {
    expect(
      readDatelineBlock(["9 февраля 2024 года Президент провёл встречу с губернатором."], 0, true),
    ).toBeNull();
  });

  it("the Russian and English versions of a record share its id, so they are linked", () => {
    const [ru] = ingestFile(golden("interview-text-russian.txt"));
    const [en] = ingestFile(golden("interview-text-english.txt"));
    expect(ru?.publisherRef).toBe("99990");
    expect(en?.publisherRef).toBe("99990");
    expect(versionKeys(ru as never)).toContain("kremlin.ru#99990");
    expect(versionKeys(en as never)).toContain("kremlin.ru#99990");
  });

  it("В.Путин and Vladimir Putin are one speaker in the two versions", () => {
    const [ru] = ingestFile(golden("interview-text-russian.txt"));
    const [en] = ingestFile(golden("interview-text-english.txt"));
    const ids = (doc: typeof ru) => [...new Set(doc?.turns.map((t) => t.speakerId).filter(Boolean))].sort();
    expect(ids(ru)).toEqual(ids(en));
    expect(ids(ru)).toContain("vladimir-putin");
  });

  it("a meeting's unlabelled opening is nobody's, not the guest's the title names", () => {
    const [doc] = ingestFile(golden("meeting-russian.html"));
    expect(doc?.turns[0]?.label).toBeNull();
    expect(doc?.turns[0]?.speakerId).toBeNull();
  });

  it("a kremlin.ru page saved as text without its address is still recognised by its furniture", () => {
    const text = readFileSync(golden("interview-text-english.txt"), "utf8");
    const [doc] = ingestText("saved/page.txt", text);
    expect(doc?.publisher).toBe("kremlin.ru");
    expect(doc?.turns.some((t) => /Publication|Direct link|Text version/.test(t.paragraphs.join(" ")))).toBe(
      false,
    );
  });

  it("the lead of a saved page is left out, as the HTML recipe leaves out its element", () => {
    const [doc] = ingestFile(golden("address-dateline-with-place.txt"));
    expect(doc?.turns.flatMap((t) => t.paragraphs).join(" ")).not.toContain("обратился к гражданам");
    expect(doc?.turns[0]?.speakerId).toBe("vladimir-putin");
  });

  it("an unlabelled report before labelled statements is nobody's, not the President's", () => {
    const page = textPage([
      "http://kremlin.ru/events/president/transcripts/99994",
      "Заявления для прессы по итогам переговоров",
      "16 мая 2024 года, Пекин",
      "По итогам переговоров лидеры сделали заявления для прессы.",
      "В.Путин: Благодарю коллег за работу.",
    ]);
    const [doc] = ingestText("statements.txt", page);
    expect(doc?.place).toBe("Пекин");
    expect(doc?.turns[0]).toMatchObject({ label: null, speakerId: null });
    expect(doc?.turns[1]?.speakerId).toBe("vladimir-putin");
  });

  it("a lead that reports in the third person is left out, whatever its verb, and names the event when the title does not", () => {
    const page = (title: string, lead: string, body: string[]) =>
      [
        "http://kremlin.ru/events/president/transcripts/99995",
        title,
        "19 декабря 2024 года, 12:00",
        "Москва",
        lead,
        ...body,
      ].join("\n\n");
    const [yearEnd] = ingestText(
      "year-end.txt",
      page(
        "Итоги года с Владимиром Путиным",
        "Владимир Путин подвёл итоги года в ходе совмещённой с прямой линией пресс-конференции.",
        ["В.Путин: Добрый день!"],
      ),
    );
    expect(yearEnd?.kind).toBe("press-conference");
    expect(yearEnd?.turns.map((t) => t.label)).toEqual(["В.Путин"]);
    const [meeting] = ingestText(
      "meeting.txt",
      page(
        "Совещание с членами Правительства",
        "Владимир Путин в режиме видеоконференции провёл совещание с членами Правительства.",
        ["В.Путин: Добрый день, уважаемые коллеги!"],
      ),
    );
    expect(meeting?.kind).toBe("other");
    expect(meeting?.turns).toHaveLength(1);
    // An event announced for later is not the page's.
    expect(
      eventKindFromLead("Vladimir Putin held talks. The leaders will then hold a joint news conference."),
    ).toBeNull();
    const [talks] = ingestText(
      "talks.txt",
      [
        "http://en.kremlin.ru/events/president/transcripts/99996",
        "News conference following Russian-Turkish talks",
        "March 5, 2020, 18:30",
        "The Kremlin, Moscow",
        "Following Russian-Turkish talks, Vladimir Putin and President of Turkey Recep Tayyip Erdogan made statements for the press and answered journalists' questions.",
        "President of Russia Vladimir Putin: Ladies and gentlemen, the talks lasted for over six hours.",
      ].join("\n\n"),
    );
    expect(talks?.turns.map((t) => t.label)).toEqual(["President of Russia Vladimir Putin"]);
  });

  it("a speech's first paragraph is never taken for the lead, whatever its verbs", () => {
    const { kremlinRu } = profiles;
    for (const speech of [
      "The Russian Federation has always supported dialogue and cooperation.",
      "Уважаемые коллеги, Российская Федерация всегда выступала за диалог.",
      "Великая Отечественная война навсегда осталась в памяти народа.",
    ])
      expect(kremlinRu.lead?.test(speech)).toBe(false);
  });

  it("at a news conference, reporters named in their labels put questions the President answers; presenters' greetings are courtesy and his goodbye to all closes it", () => {
    const page = textPage([
      "http://kremlin.ru/events/president/transcripts/99997",
      "Большая пресс-конференция Владимира Путина",
      "19 декабря 2024 года, 12:00",
      "Москва, Гостиный двор",
      "Е.Бриллиантова: Добрый день!",
      "В.Путин: Добрый день!",
      "Е.Бриллиантова: Первый вопрос – о переговорах. Как Вы оцениваете их перспективы?",
      "В.Путин: Мы всегда говорили, что готовы к переговорам.",
      "Д.Песков: Коллеги, давайте начнём с Первого канала.",
      "П.Зарубин: Павел Зарубин, «Вести». А если условия выдвинет другая сторона?",
      "В.Путин: Тогда посмотрим, что это за условия.",
      "П.Зарубин: И ещё одно: когда будет ответ?",
      "В.Путин: Скоро.",
      "В.Путин: Спасибо вам всем. До свидания.",
    ]);
    const [doc] = ingestText("press-conference.txt", page);
    expect(doc?.turns.map((t) => t.kind)).toEqual([
      "other",
      "other",
      "question",
      "answer",
      "moderator",
      "question",
      "answer",
      "question",
      "answer",
      "moderator",
    ]);
    expect(doc?.qa).toEqual([
      { question: 2, answers: [3] },
      { question: 5, answers: [6] },
      { question: 7, answers: [8] },
    ]);
  });

  it("at a discussion club's session, the moderator who asks again and again and a guest from the floor put questions", () => {
    const page = textPage([
      "http://kremlin.ru/events/president/transcripts/99980",
      "Заседание Международного дискуссионного клуба «Валдай»",
      "7 ноября 2024 года, 17:00",
      "Сочи",
      "Ф.Лукьянов: Добрый вечер!",
      "В.Путин: Добрый вечер.",
      "Ф.Лукьянов: Какой мир, на Ваш взгляд, складывается после этого года?",
      "В.Путин: Мир становится многополярным.",
      "Ф.Лукьянов: А Запад это понимает?",
      "В.Путин: Понимает, но не хочет признавать.",
      "Ф.Лукьянов: Коллеги, вопросы из зала. Пожалуйста.",
      "Г.Дизен: Гленн Дизен, Норвегия. Как Вы видите роль Европы?",
      "В.Путин: Европа теряет самостоятельность.",
    ]);
    const [doc] = ingestText("valdai.txt", page);
    expect(doc?.qa).toEqual([
      { question: 2, answers: [3] },
      { question: 4, answers: [5] },
      { question: 7, answers: [8] },
    ]);
  });

  it("a leader named in the title, an aide and ministers reporting are never taken for reporters, even when they ask", () => {
    const conference = textPage([
      "http://kremlin.ru/events/president/transcripts/99998",
      "Пресс-конференция Владимира Путина и Президента Турции Реджепа Тайипа Эрдогана",
      "5 марта 2020 года, 18:30",
      "Москва, Кремль",
      "В.Путин: Уважаемый господин Президент! Переговоры продолжались более шести часов.",
      "Р.Т.Эрдоган (как переведено): Дорогой друг! Разве можно было договориться быстрее?",
      "Вопрос: Вопрос обоим президентам. Сколько продлится перемирие?",
      "В.Путин: Надеюсь, долго.",
    ]);
    const [doc] = ingestText("conference.txt", conference);
    expect(doc?.turns.map((t) => t.kind)).toEqual(["remarks", "remarks", "question", "answer"]);
    // A guest the registry does not know, named in the title in another case.
    const [unknownGuest] = ingestText(
      "guest.txt",
      conference
        .replace("Президента Турции Реджепа Тайипа Эрдогана", "Президента Кот-д’Ивуара Аласана Уаттары")
        .replace("Р.Т.Эрдоган", "А.Уаттара"),
    );
    expect(unknownGuest?.turns[1]).toMatchObject({ label: "А.Уаттара (как переведено)", kind: "remarks" });
    const meeting = textPage([
      "http://kremlin.ru/events/president/transcripts/99999",
      "Совещание с членами Правительства",
      "15 января 2025 года, 17:00",
      "Москва, Кремль",
      "В.Путин: Добрый день! Начнём. Пожалуйста, Денис Валентинович.",
      "Д.Мантуров: Уважаемый Владимир Владимирович! Производство выросло. Может быть, обсудим станкостроение?",
      "В.Путин: Да, давайте.",
    ]);
    const [met] = ingestText("meeting.txt", meeting);
    expect(met?.turns.some((t) => t.kind === "question")).toBe(false);
    // A minister the President calls on answers, whatever he asks back; a guest's rhetorical
    // question that a reporter's question follows is no question put.
    const called = textPage([
      "http://kremlin.ru/events/president/transcripts/99981",
      "Пресс-конференция по итогам года",
      "19 декабря 2024 года, 12:00",
      "Москва",
      "Вопрос: Когда достроят дорогу?",
      "В.Путин: Пусть ответит министр.",
      "В.Савельев: Мы уже построили тысячу километров. Разве этого мало?",
      "В.Путин: Думаю, достаточно.",
      "Ш.Мирзиёев (как переведено): Спасибо. Кто бы мог подумать, что мы договоримся так быстро?",
      "Вопрос: Вопрос обоим президентам. Что дальше?",
      "В.Путин: Дальше – работа.",
    ]);
    const [conf] = ingestText("called.txt", called);
    expect(conf?.turns.map((t) => t.kind)).not.toContain("remarks");
    expect(conf?.turns.filter((t) => t.kind === "question").map((t) => t.label)).toEqual([
      "Вопрос",
      "Вопрос",
    ]);
  });

  it("decrees still go to the act reader", () => {
    const act =
      "                              У К А З\n\n                ПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ\n\n     Текст.\n";
    expect(detectFormat("12345.txt", act)).toBe("kremlin-act");
  });

  it("an order's number with letters after the digits (N 15-рп) is its number, not a line of its text", () => {
    const act = [
      "                  Р А С П О Р Я Ж Е Н И Е",
      "",
      "                ПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ",
      "",
      "     1. Провести проверку.",
      "     2. Доложить в месячный срок.",
      "",
      "Президент Российской Федерации                               И.Петров",
      "",
      "Москва, Кремль",
      "3 марта 2004 года",
      "N 15-рп",
      "",
    ].join("\n");
    const [doc] = ingestText("12346.txt", act);
    expect(doc?.publisherRef).toBe("15-рп");
    expect(doc?.turns.flatMap((t) => t.paragraphs).join(" ")).not.toContain("15-рп");
  });
});

describe("pages of other publishers saved as text", () => {
  it("a page with its own 'Direct link:' line is not taken for kremlin.ru", () => {
    const [doc] = ingestText(
      "other/page.txt",
      "Remarks at a conference\n\nJane Doe: Thank you.\n\nDirect link: https://example.org/remarks/1\n",
    );
    expect(doc?.publisher).toBe("generic");
  });
});

describe("kremlin.ru acts as a reader takes them", () => {
  /** An order as the export prints it; `status`: the lines of its status above the subject. */
  const act = (body: string[], status: string[] = []) =>
    [
      "                      Р А С П О Р Я Ж Е Н И Е",
      "",
      "                  ПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ",
      "",
      ...(status.length ? [...status, ""] : []),
      "          О составе совета",
      "",
      ...body,
      "",
      "     Президент Российской Федерации                         В.Путин",
      "",
      "     5 августа 2002 года",
      "     N 369-рп",
    ].join("\n");

  it("a member listed in two columns, name and description each wrapped in its own, is one paragraph", () => {
    const [doc] = ingestText(
      "12345.txt",
      act([
        "     1. Включить в состав совета следующих лиц:",
        "",
        "     Иванов И.И.      - председатель  общественной  организации",
        "                        ветеранов  войны  и  труда",
        "     Петров Пётр      - епископ,    глава    Северной   и",
        "     (Петров П.П.)      Южной  епархии",
        "     Сидоров С.С.     - профессор.",
        "     2. Настоящее   распоряжение   вступает   в  силу  со  дня  его",
        "подписания.",
      ]),
    );
    expect(doc?.turns.flatMap((t) => t.paragraphs)).toEqual([
      "1. Включить в состав совета следующих лиц:",
      "Иванов И.И. - председатель общественной организации ветеранов войны и труда",
      "Петров Пётр (Петров П.П.) - епископ, глава Северной и Южной епархии",
      "Сидоров С.С. - профессор.",
      "2. Настоящее распоряжение вступает в силу со дня его подписания.",
    ]);
  });

  it("an act's status above its subject (repealed, or its editions) is kept as a note, not dropped, and is not the subject", () => {
    const text = act(
      ["     1. Утвердить состав совета."],
      [
        "                                    Утратило силу - Распоряжение",
        "                                  Президента Российской Федерации",
        "                                      от 07.02.2004 г. N 47-рп",
      ],
    );
    const [doc] = ingestText("12347.txt", text);
    expect(doc?.title).toBe("Распоряжение Президента Российской Федерации «О составе совета»");
    expect(doc?.attachments).toEqual([
      {
        title: "Утратило силу - Распоряжение Президента Российской Федерации от 07.02.2004 г. N 47-рп",
        url: null,
      },
    ]);
  });

  it("a numbered clause with a dash in its first line keeps its words in order, and a stamp ends where its short lines do", () => {
    const [doc] = ingestText(
      "12348.txt",
      act([
        "     2. Установить, что  Министерство - федеральный орган  исполнительной",
        "власти,   осуществляющий   функции  по  выработке   государственной",
        "политики в сфере образования.",
        "",
        "     УТВЕРЖДЕНО",
        "     Указом Президента",
        "     N 885",
        "     1. Настоящее Положение определяет порядок работы совета.",
        "     2. Совет образуется Президентом.",
      ]),
    );
    expect(doc?.turns.flatMap((t) => t.paragraphs)).toEqual([
      "2. Установить, что Министерство - федеральный орган исполнительной власти, осуществляющий функции по выработке государственной политики в сфере образования.",
      "УТВЕРЖДЕНО Указом Президента N 885",
      "1. Настоящее Положение определяет порядок работы совета.",
      "2. Совет образуется Президентом.",
    ]);
  });

  it("an annex's stamp, a phrase a line, is one paragraph", () => {
    const [doc] = ingestText(
      "12346.txt",
      act([
        "     1. Утвердить прилагаемый список.",
        "",
        "     УТВЕРЖДЕН",
        "     распоряжением Президента",
        "     Российской Федерации",
        "     от 5 августа 2002 г.",
        "     N 369-рп",
        "",
        "                              СПИСОК",
      ]),
    );
    expect(doc?.turns.flatMap((t) => t.paragraphs)).toContain(
      "УТВЕРЖДЕН распоряжением Президента Российской Федерации от 5 августа 2002 г. N 369-рп",
    );
  });
});
