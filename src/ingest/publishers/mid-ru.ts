import { fullName, initialsSurname, moderatorWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";

/** The Russian Ministry of Foreign Affairs (mid.ru), in its page and text-export forms. */
export const midRu: PublisherProfile = {
  id: "mid.ru",
  name: "Ministry of Foreign Affairs of the Russian Federation",
  hosts: ["mid.ru", "archive.mid.ru"],
  timeZone: "Europe/Moscow",
  conventions: [questionWord, moderatorWord, initialsSurname, fullName],
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
    title: ["h1.article__title", "h1.title", ".text-block h1", "article h1", "h1:not(.portal-title)"],
    date: [
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
    publisherRef: ["b.doc-number", ".article-note span.nowrap", ".doc-number"],
  },
  sources: null,
};
