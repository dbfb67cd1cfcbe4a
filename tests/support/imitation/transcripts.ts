/**
 * Synthetic transcripts in the publishers' own conventions: opening remarks, questions and
 * answers with the labels each site prints ("С.В.Лавров:", "Vladimir Putin:", "MS. LEAVITT:",
 * "Q"), in English, Russian and Ukrainian. Written for these tests, bland on purpose: schedules,
 * commissions, schools. Nothing here is anyone's words.
 */

import { dayMonthYear, easternDaylight, monthDayYear } from "./html.js";
import type { Random } from "./random.js";
import type { ImitatedPublisher } from "./types.js";

export interface Version {
  title: string;
  place: string | null;
  paragraphs: string[];
}

/** One event: the same record in each language the publisher has (keyed by language). */
export type Versions = Record<string, Version>;

interface Country {
  en: string;
  ruGen: string;
  city: string;
  cityRu: string;
}

const COUNTRIES: Country[] = [
  { en: "Austria", ruGen: "Австрии", city: "Vienna", cityRu: "Вена" },
  { en: "Brazil", ruGen: "Бразилии", city: "Brasilia", cityRu: "Бразилиа" },
  { en: "Egypt", ruGen: "Египта", city: "Cairo", cityRu: "Каир" },
  { en: "India", ruGen: "Индии", city: "New Delhi", cityRu: "Нью-Дели" },
  { en: "Indonesia", ruGen: "Индонезии", city: "Jakarta", cityRu: "Джакарта" },
  { en: "Kazakhstan", ruGen: "Казахстана", city: "Astana", cityRu: "Астана" },
  { en: "Laos", ruGen: "Лаоса", city: "Vientiane", cityRu: "Вьентьян" },
  { en: "Mongolia", ruGen: "Монголии", city: "Ulaanbaatar", cityRu: "Улан-Батор" },
  { en: "Serbia", ruGen: "Сербии", city: "Belgrade", cityRu: "Белград" },
];

/** [English, Russian] pairs, "{c}" the country (English) or its genitive (Russian). */
const MID_OPENING: [string, string][] = [
  [
    "Ladies and gentlemen, we have held substantive talks with our colleague from {c}.",
    "Уважаемые дамы и господа, мы провели содержательные переговоры с коллегой из {c}.",
  ],
  [
    "We discussed the schedule of contacts for the coming year and agreed to prepare a plan of consultations between our ministries.",
    "Обсудили график контактов на будущий год и договорились подготовить план консультаций между нашими министерствами.",
  ],
  [
    "Trade between our countries grew last year. The intergovernmental commission will meet in the autumn to review joint projects in energy, transport and education.",
    "Товарооборот между нашими странами в прошлом году вырос. Осенью соберётся межправительственная комиссия, чтобы рассмотреть совместные проекты в энергетике, транспорте и образовании.",
  ],
  [
    "We compared notes on the work of the United Nations and agreed to keep our delegations in close contact.",
    "Сверили часы по работе ООН и договорились поддерживать тесный контакт между делегациями.",
  ],
  [
    "We also talked about cultural exchanges: days of the culture of {c} in Russia are planned for next year.",
    "Поговорили и о культурных обменах: на следующий год запланированы дни культуры {c} в России.",
  ],
];

/** [question en, answer en, question ru, answer ru], an optional second answer paragraph. */
const MID_QA: [string, string, string, string, [string, string] | null][] = [
  [
    "When will the intergovernmental commission meet, and what will it discuss?",
    "The commission will meet in the autumn. The co-chairs will agree on the date; energy and transport are on the agenda.",
    "Когда соберётся межправительственная комиссия и что она обсудит?",
    "Комиссия соберётся осенью. Дату согласуют сопредседатели, в повестке дня энергетика и транспорт.",
    null,
  ],
  [
    "Did you discuss simpler visa procedures for students?",
    "Yes, we did. The consular services will prepare proposals for students and researchers.",
    "Обсуждали ли вы упрощение визовых процедур для студентов?",
    "Да, обсуждали. Консульские службы подготовят предложения для студентов и исследователей.",
    [
      "We expect them to be ready by the end of the year.",
      "Рассчитываем, что они будут готовы к концу года.",
    ],
  ],
  [
    "Is a visit at the highest level being planned?",
    "Such a visit is being discussed. It is too early to name dates.",
    "Планируется ли визит на высшем уровне?",
    "Такой визит обсуждается. Называть сроки пока рано.",
    null,
  ],
  [
    "How do you assess cooperation at the United Nations?",
    "Our positions are close on many issues. We will continue consultations in New York and Geneva.",
    "Как Вы оцениваете сотрудничество в ООН?",
    "По многим вопросам наши позиции близки. Продолжим консультации в Нью-Йорке и Женеве.",
    null,
  ],
];

const fill = (text: string, value: string) => text.replaceAll("{c}", value);

function midPressConference(rng: Random, date: string): Versions {
  const c = rng.pick(COUNTRIES);
  const opening = rng.some(MID_OPENING, rng.int(2, 3));
  const qa = rng.some(MID_QA, rng.int(2, 3));
  const en = opening.map(([e]) => fill(e, c.en));
  const ru = opening.map(([, r]) => fill(r, c.ruGen));
  for (const [qe, ae, qr, ar, more] of qa) {
    en.push(`Question: ${qe}`, `Sergey Lavrov: ${ae}`);
    ru.push(`Вопрос: ${qr}`, `С.В.Лавров: ${ar}`);
    if (more) {
      en.push(more[0]);
      ru.push(more[1]);
    }
  }
  return {
    en: {
      title: `Foreign Minister Sergey Lavrov’s remarks and answers to media questions at a joint news conference following talks with the Foreign Minister of ${c.en}, ${c.city}, ${monthDayYear(date)}`,
      place: c.city,
      paragraphs: en,
    },
    ru: {
      title: `Выступление и ответы на вопросы СМИ Министра иностранных дел Российской Федерации С.В.Лаврова в ходе совместной пресс-конференции по итогам переговоров с Министром иностранных дел ${c.ruGen}, ${c.cityRu}, ${dayMonthYear(date, "ru")} года`,
      place: c.cityRu,
      paragraphs: ru,
    },
  };
}

function midBriefing(rng: Random, date: string): Versions {
  const c = rng.pick(COUNTRIES);
  const qa = rng.some(MID_QA, 2);
  const en = [
    "Good afternoon. Let me begin with the Foreign Minister’s schedule.",
    `Next week, Foreign Minister Sergey Lavrov will hold talks with the Foreign Minister of ${c.en}.`,
  ];
  const ru = [
    "Добрый день. Начну с графика Министра.",
    `На следующей неделе Министр иностранных дел С.В.Лавров проведёт переговоры с Министром иностранных дел ${c.ruGen}.`,
  ];
  for (const [qe, ae, qr, ar] of qa) {
    en.push(`Question: ${qe}`, `Maria Zakharova: ${ae}`);
    ru.push(`Вопрос: ${qr}`, `М.В.Захарова: ${ar}`);
  }
  return {
    en: {
      title: `Briefing by Foreign Ministry Spokeswoman Maria Zakharova, Moscow, ${monthDayYear(date)}`,
      place: "Moscow",
      paragraphs: en,
    },
    ru: {
      title: `Брифинг официального представителя МИД России М.В.Захаровой, Москва, ${dayMonthYear(date, "ru")} года`,
      place: "Москва",
      paragraphs: ru,
    },
  };
}

const KREMLIN_QA: [string, string, string, string][] = [
  [
    "Mr President, how do you assess the results of the visit?",
    "The visit was productive. We signed documents on energy and education and agreed that the intergovernmental commission will meet more often.",
    "Владимир Владимирович, как Вы оцениваете итоги визита?",
    "Визит был насыщенным. Подписали документы по энергетике и образованию, договорились, что межправительственная комиссия будет собираться чаще.",
  ],
  [
    "When will the next summit take place?",
    "Next year. The date will be agreed through diplomatic channels.",
    "Когда состоится следующий саммит?",
    "В следующем году. Дату согласуем по дипломатическим каналам.",
  ],
  [
    "Will schools teaching in Russian be built, as was discussed earlier?",
    "Yes. The first of them will open in September, and the governments will finance the next ones together.",
    "Будут ли построены школы с обучением на русском языке, о которых говорили раньше?",
    "Да. Первая из них откроется в сентябре, следующие правительства будут финансировать совместно.",
  ],
];

function kremlinAnswers(rng: Random): Versions {
  const c = rng.pick(COUNTRIES);
  const qa = rng.some(KREMLIN_QA, rng.int(2, 3));
  const en = ["Dmitry Peskov: Colleagues, we have time for a few questions."];
  const ru = ["Д.Песков: Коллеги, у нас есть время на несколько вопросов."];
  for (const [qe, ae, qr, ar] of qa) {
    en.push(`Question: ${qe}`, `Vladimir Putin: ${ae}`);
    ru.push(`Вопрос: ${qr}`, `В.Путин: ${ar}`);
  }
  en.push("Thank you.");
  ru.push("Спасибо.");
  return {
    en: { title: "Answers to journalists’ questions", place: c.city, paragraphs: en },
    ru: { title: "Ответы на вопросы журналистов", place: c.cityRu, paragraphs: ru },
  };
}

/** "10:12 A.M. EST" for an HH:MM time on a date. */
function clock(date: string, time: string): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const zone = easternDaylight(date) ? "EDT" : "EST";
  return `${((h + 11) % 12) + 1}:${String(m).padStart(2, "0")} ${h < 12 ? "A.M." : "P.M."} ${zone}`;
}

function later(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(":").map(Number);
  const t = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}

const WH_TOPICS = [
  "Infrastructure",
  "Small Business",
  "Apprenticeships",
  "Rural Broadband",
  "Veterans’ Health",
];

function whitehouseRemarks(rng: Random, date: string, time: string): Versions {
  const topic = rng.pick(WH_TOPICS);
  const place = rng.pick(["South Lawn", "Roosevelt Room", "East Room"]);
  return {
    en: {
      title: `Remarks by President Trump at a Roundtable on ${topic}`,
      place,
      paragraphs: [
        place,
        clock(date, time),
        `THE PRESIDENT: Thank you very much. We are here today to talk about ${topic.toLowerCase()}, and we have a great group of people around this table.`,
        "We will hear from each of them, and then we will take a few questions.",
        "Q Mr. President, when will the plan be announced?",
        "THE PRESIDENT: Very soon. We are finishing it now.",
        "Q Will Congress be asked to vote on it?",
        "THE PRESIDENT: We will talk to Congress next week. (Laughter.)",
        "END",
        clock(date, later(time, rng.int(12, 40))),
      ],
    },
  };
}

function whitehouseBriefing(rng: Random, date: string, time: string): Versions {
  const topic = rng.pick(WH_TOPICS);
  return {
    en: {
      title: "Press Briefing by Press Secretary Karoline Leavitt",
      place: "James S. Brady Press Briefing Room",
      paragraphs: [
        "James S. Brady Press Briefing Room",
        clock(date, time),
        `MS. LEAVITT: Good afternoon, everyone. I have one announcement at the top, on ${topic.toLowerCase()}, and then I will take your questions.`,
        "The President will travel on Thursday; the schedule will be released tomorrow.",
        "Q Thank you, Karoline. Can you say more about the trip?",
        "MS. LEAVITT: We will have more details tomorrow.",
        "Q And on the budget?",
        "MS. LEAVITT: The proposal goes to the Hill next week.",
        "END",
        clock(date, later(time, rng.int(20, 55))),
      ],
    },
  };
}

/** [English topic, Ukrainian topic (after "щодо", in the genitive), a sentence in each]. */
const UA_TOPICS: [string, string, string, string][] = [
  [
    "energy security",
    "енергетичної безпеки",
    "Today we talked with partners about new generators for frontline communities.",
    "Сьогодні ми говорили з партнерами про нові генератори для прифронтових громад.",
  ],
  [
    "rebuilding schools",
    "відновлення шкіл",
    "Forty schools will be repaired before September, and shelters will be built at each of them.",
    "До вересня буде відремонтовано сорок шкіл, і при кожній з'являться укриття.",
  ],
  [
    "winter preparations",
    "підготовки до зими",
    "The government has a plan for heating and water supply, and every region will report on it weekly.",
    "Уряд має план щодо опалення та водопостачання, і кожна область щотижня звітуватиме про нього.",
  ],
];

function presidentAddress(rng: Random): Versions {
  const [topicEn, topicUk, sentenceEn, sentenceUk] = rng.pick(UA_TOPICS);
  return {
    en: {
      title: `Address by the President of Ukraine on ${topicEn}`,
      place: null,
      paragraphs: [
        "I wish you health, fellow Ukrainians!",
        sentenceEn,
        "The government will prepare a decision by Friday.",
        "I thank everyone who is working for this.",
        "Glory to Ukraine!",
      ],
    },
    uk: {
      title: `Звернення Президента України щодо ${topicUk}`,
      place: null,
      paragraphs: [
        "Бажаю здоров’я, українці!",
        sentenceUk,
        "Уряд підготує рішення до п’ятниці.",
        "Дякую всім, хто працює для цього.",
        "Слава Україні!",
      ],
    },
  };
}

/** The record of one event, in every language the publisher has, for a section (by index). */
export function makeVersions(
  publisher: ImitatedPublisher,
  rng: Random,
  sectionIndex: number,
  date: string,
  time: string,
): Versions {
  switch (publisher) {
    case "mid.ru":
      return sectionIndex === 2 ? midBriefing(rng, date) : midPressConference(rng, date);
    case "kremlin.ru":
      return kremlinAnswers(rng);
    case "whitehouse.gov":
      return sectionIndex === 1 ? whitehouseBriefing(rng, date, time) : whitehouseRemarks(rng, date, time);
    case "president.gov.ua":
      return presidentAddress(rng);
  }
}
