import { fullName, initialsSurname, moderatorWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";
import { listing } from "./sources.js";

/** The President of Russia's site (kremlin.ru and en.kremlin.ru share markup and ids). */
export const kremlinRu: PublisherProfile = {
  id: "kremlin.ru",
  name: "President of Russia",
  hosts: ["kremlin.ru", "en.kremlin.ru"],
  timeZone: "Europe/Moscow",
  conventions: [questionWord, moderatorWord, initialsSurname, fullName],
  furniture: [
    /^\*\s*\*\s*\*$/u, // section break "* * *"
    /^(?:Опубликован в разделах?:.*|Published in sections?:.*|Ссылка на материал|Текстовая версия|Text version)$/iu,
  ],
  attachmentsHeading: /^(?:Additional materials|Дополнительные материалы|Материалы по теме|See also)$/iu,
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
