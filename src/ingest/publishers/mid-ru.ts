import { answerWord, fullName, initialsSurname, moderatorWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile, PublisherSources } from "./profile.js";
import { listing } from "./sources.js";

/**
 * A record's path after the language: a section and a 6–8 digit id with a closing slash, nothing
 * after it (the shape a rhetoric-corpus collector `ru_mid.py` keeps: ITEM_RE); country pages
 * (`/ru/maps/ca/1814238/`) and `detail-material-page` hold statements too (the statements corpus).
 */
const RECORD_PATH = String.raw`(?:foreign_policy/news|press_service/(?:minister_speeches|deputy_ministers_speeches|spokesman/(?:briefings|answers|comments|kommentarii|official_statement))|maps/[a-z]{2}|detail-material-page)/\d{6,8}/`;

/** The Russian Ministry of Foreign Affairs (mid.ru), in its page and text-export forms. */
export const midRu: PublisherProfile = {
  id: "mid.ru",
  name: "Ministry of Foreign Affairs of the Russian Federation",
  hosts: ["mid.ru", "archive.mid.ru"],
  timeZone: "Europe/Moscow",
  conventions: [questionWord, answerWord, moderatorWord, initialsSurname, fullName],
  furniture: [
    /^[•·*\-\s]*(?:[a-z]{2}-[A-Z]{2}\d*\s*){2,}$/u, // language switcher: "• en-GB1 ru-RU1"
    /^(?:Advanced settings|Расширенные настройки|Расширенный поиск|Print|Версия для печати|Share|Поделиться)$/iu,
    /^(?:Additional materials|Дополнительные материалы)$/iu,
  ],
  attachmentsHeading: /^(?:Additional materials|Дополнительные материалы)$/iu,
  html: {
    detect: (doc) =>
      doc.querySelector(
        ".article-status-line, .anons-status-line, .text.article-content, a[href*='mid.ru']",
      ) !== null && doc.querySelector(".text.article-content, .article-content, .anons-text") !== null,
    title: [
      "h1.photo-content__title",
      "h1.article__title",
      "h1.title",
      ".text-block h1",
      "article h1",
      "h1:not(.portal-title)",
    ],
    date: [
      ".photo-content__date",
      ".article-status-line",
      ".anons-status-line",
      ".article__date",
      ".announce__date",
      "time[datetime]",
    ],
    time: [".article__time", ".announce__time", ".article-status-line i", ".anons-status-line i"],
    place: [],
    body: [".text.article-content", ".article-content", ".anons-text", "article"],
    drop: ["script", "style", ".article-status-line", ".anons-status-line", ".share", ".tags", ".print"],
    attachments: [".article-attachments a", ".attachments a", ".additional-materials a"],
    publisherRef: [".article-line__note", "b.doc-number", ".article-note span.nowrap", ".doc-number"],
  },
  sources: midRuSources(),
};

/**
 * Sections with transcripts, statements and briefings, each in Russian and English. Records of
 * both languages share the numeric id (`/ru/foreign_policy/news/1809221/` and
 * `/en/foreign_policy/news/1809221/`): the rewrite is how to find the other version.
 */
function midRuSources(): PublisherSources {
  const sections = [
    "foreign_policy/news",
    "press_service/minister_speeches",
    "press_service/spokesman/briefings",
  ];
  return {
    entries: [
      // Bitrix pagination ?PAGEN_1=N, as public scrapers page it: terratensor/feed-parser
      // config/mid/prod.yaml (news) and a rhetoric-corpus collector `ru_mid.py` (all three sections).
      // A public collector notes robots.txt may forbid ?PAGEN_ paging: the fetcher must ask robots.
      ...sections.flatMap((s) => [
        listing("ru", `https://mid.ru/ru/${s}/?PAGEN_1={page}`),
        listing("en", `https://mid.ru/en/${s}/?PAGEN_1={page}`),
      ]),
      // The site-wide RSS per language: terratensor/feed-parser config/prod.yaml.
      { kind: "feed", language: "ru", url: "https://mid.ru/ru/rss.php" },
      { kind: "feed", language: "en", url: "https://mid.ru/en/rss.php" },
    ],
    records: [new RegExp(`^https://(?:www\\.)?mid\\.ru/(?:ru|en)/${RECORD_PATH}$`)],
    // No public scraper reads mid.ru's switcher markup; hreflang links are what a page declares
    // when it has a version in another language. The fetcher keeps only targets that are records.
    languageLinks: ['link[rel="alternate"][hreflang]', "a[hreflang][href]"],
    otherLanguage: [
      {
        from: new RegExp(`^(https://(?:www\\.)?mid\\.ru)/ru/(${RECORD_PATH})$`),
        to: "$1/en/$2",
        language: "en",
      },
      {
        from: new RegExp(`^(https://(?:www\\.)?mid\\.ru)/en/(${RECORD_PATH})$`),
        to: "$1/ru/$2",
        language: "ru",
      },
    ],
    listingEveryMinutes: 60,
  };
}
