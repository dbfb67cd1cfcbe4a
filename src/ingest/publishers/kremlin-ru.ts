import { fullName, initialsSurname, moderatorWord, questionWord } from "../segment/labels.js";
import { officeAndName } from "../segment/titled-name.js";
import type { PublisherProfile } from "./profile.js";
import { listing } from "./sources.js";

/** What a kremlin.ru lead says the President did, in the past tense, in Russian and English. */
const LEAD_VERBS = [
  "провёл|провел|подвёл|подвел|ответил|обратился|выступил|встретился|принял|дал|посетил|обсудил|сделал",
  "проинформировал|поздравил|направил|наградил|вручил|ознакомился|осмотрел|побеседовал|заслушал|открыл",
  "возложил|прибыл|провели|сделали|ответили|обсудили|встретились|приняли|выступили|подписал|подписали",
  "held|chaired|addressed|answered|met|gave|visited|discussed|made|took part|took stock|spoke|delivered",
  "congratulated|sent|presented|inspected|signed|opened|laid|arrived|had a telephone conversation|had talks",
].join("|");

/** The President of Russia's site (kremlin.ru and en.kremlin.ru share markup and ids). */
export const kremlinRu: PublisherProfile = {
  id: "kremlin.ru",
  name: "President of Russia",
  hosts: ["kremlin.ru", "en.kremlin.ru"],
  timeZone: "Europe/Moscow",
  // "President of Russia Vladimir Putin:" before "Vladimir Putin:", which would take the office as given names.
  conventions: [questionWord, moderatorWord, initialsSurname, officeAndName, fullName],
  furniture: [
    /^\*\s*\*\s*\*$/u, // section break "* * *"
    // The page's menus and tabs as a saved page prints them, one per line.
    /^(?:События|Events|Текстовая версия|Text version|Текст|Text|Фото|Photos|Видео|Video|Videos|Стенограммы|Transcripts|Новости|News|Президент России|President of Russia|English|Русский|Версия для печати|Print version)$/iu,
    /^(?:Опубликован в разделах?:.*|Published in sections?:.*|Дата публикации:.*|Publication date:.*|Ссылка на материал:?.*|Direct link:?.*|Статус материала|Publication status)$/iu,
    /^(?:https?:\/\/)?(?:en\.)?kremlin\.ru\/d\/\d+$/u, // the permalink under "Ссылка на материал:"
  ],
  attachmentsHeading: /^(?:Additional materials|Дополнительные материалы|Материалы по теме|See also)$/iu,
  // Specific enough not to claim other pages: a "Direct link:" line counts only with a kremlin.ru permalink.
  textMarks: [
    /^(?:Опубликован в разделах?|Published in sections?):/iu,
    /^(?:(?:Ссылка на материал|Direct link):?\s*)?(?:https?:\/\/)?(?:en\.)?kremlin\.ru\/d\/\d+$/iu,
  ],
  // The status block ("Статус материала", "Опубликован в разделах: …", dates, the permalink) and
  // the tag lists close the page; nothing after them is speech.
  tailStart:
    /^(?:Статус материала|Publication status|Опубликован в разделах?:.*|Published in sections?:.*|Темы|Topics|Персоны|Persons|Тэги|Tags|Географические объекты|Geography)$/iu,
  // /events/president/transcripts/73411 on both hosts, and the short permalink kremlin.ru/d/73411.
  recordId: [
    /^(?:https?:\/\/)?(?:en\.)?kremlin\.ru\/events\/president\/(?:transcripts|news)\/(\d+)\/?$/u,
    /^(?:Ссылка на материал:?|Direct link:?)?\s*(?:https?:\/\/)?(?:en\.)?kremlin\.ru\/d\/(\d+)$/iu,
  ],
  placeInDateline: true,
  // The lead (`.read__lead` on the page) reports in the third person: who (a name, "Президент",
  // "The President") and, within a few words, what they did, by one of the verbs leads use
  // ("подвёл итоги", "в режиме видеоконференции провёл", "and President of Turkey … made
  // statements"), perhaps after a circumstance ("Following Russian-Turkish talks, …"); or an event
  // that took place ("В Кремле состоялась…", "Состоялся телефонный разговор…"). Read on the first
  // paragraph only; a label ("Vladimir Putin:") never matches, its colon comes first. The verbs are
  // listed, not any word in -л or -ed: "Российская Федерация всегда выступала за диалог" and "The
  // Russian Federation has always supported dialogue" open speeches.
  lead: new RegExp(
    String.raw`^(?=.*[.!]\s*$)(?:(?:(?:Following|After|During|In the course of|По итогам|После|В ходе|Во время|В рамках)\s[^.!?:]{0,80}?,\s)?(?:(?:\p{Lu}\p{Ll}+\s){1,2}\p{Lu}\p{Ll}+|Президент России|Президент|Глава государства|The President|President of Russia|The head of state)\s+(?:[^\s:]{1,40}\s+){0,8}?(?:${LEAD_VERBS})(?![\p{L}\p{N}])|(?:В Кремле|В Ново-Огар[её]ве|At the Kremlin|In the Kremlin)[\s,]|Состоял(?:ся|ась|ось|ись)\s|(?:A |The )?[Tt]elephone conversation\s|The Kremlin hosted\s)`,
    "u",
  ),
  // kremlin.ru titles name the President's guests; "THE PRESIDENT" is the registry's label for
  // whoever held the office on the date (Vladimir Putin, Dmitry Medvedev).
  host: { label: "THE PRESIDENT" },
  namesReporters: true,
  html: {
    detect: (doc) =>
      doc.querySelector(".read__internal_content, .read__published, article.read__in") !== null,
    title: ["h1.entry-title", "h1[itemprop=name]", "h1"],
    date: ["time.read__published", "time[itemprop=datePublished]"],
    time: [".read__time"],
    place: [".read__place"],
    body: [".read__internal_content", ".entry-content", "[itemprop=articleBody]"],
    drop: [
      "script",
      "style",
      ".masha-ignore",
      ".read__bottommeta",
      ".read__tags",
      ".read__cut",
      ".read__lead",
    ],
    attachments: ["a.cut__item"],
    publisherRef: [],
  },
  sources: {
    entries: [
      // Pages as public scrapers read them: /page/N from 1
      // ("http://en.kremlin.ru/events/president/transcripts/page/{pageN}" in several of them).
      listing("ru", "http://kremlin.ru/events/president/transcripts/page/{page}"),
      listing("en", "http://en.kremlin.ru/events/president/transcripts/page/{page}"),
      // Atom feeds per section (the English one is read by public watchers; the Russian host has
      // the same paths: terratensor/feed-parser config/kremlin/prod.yaml reads /events/all/feed).
      { kind: "feed", language: "ru", url: "http://kremlin.ru/events/president/transcripts/feed" },
      { kind: "feed", language: "en", url: "http://en.kremlin.ru/events/president/transcripts/feed" },
    ],
    // `/events/president/transcripts/73411` and the same id under news; not `/page/2`, `/photos`,
    // `/videos`, `/by-date/…` or `/feed`.
    records: [/^https?:\/\/(?:en\.)?kremlin\.ru\/events\/president\/(?:transcripts|news)\/\d+$/],
    // kremlin.ru links no record's translation; both hosts use the same id.
    languageLinks: [],
    otherLanguage: [
      {
        from: /^https?:\/\/kremlin\.ru\/(events\/president\/(?:transcripts|news)\/\d+)$/,
        to: "http://en.kremlin.ru/$1",
        language: "en",
      },
      {
        from: /^https?:\/\/en\.kremlin\.ru\/(events\/president\/(?:transcripts|news)\/\d+)$/,
        to: "http://kremlin.ru/$1",
        language: "ru",
      },
    ],
    listingEveryMinutes: 30,
  },
};
