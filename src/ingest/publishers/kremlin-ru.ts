import { fullName, initialsSurname, moderatorWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";

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
  sources: null,
};
