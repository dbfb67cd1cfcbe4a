import {
  answerWord,
  fullName,
  moderatorWord,
  nameWithOffice,
  nameWithOutlet,
  questionWord,
} from "../segment/labels.js";
import { officeAndName } from "../segment/titled-name.js";
import type { PublisherProfile } from "./profile.js";
import { listing } from "./sources.js";

/** What a president.gov.ua report's opening says the President did, in Ukrainian and English. */
const LEAD_VERBS = [
  "провів|відповів|звернувся|виступив|зустрівся|взяв участь|обговорив|поспілкувався|підписав|відвідав",
  "привітав|вручив|нагородив|здійснив|прибув|провели|зустрілися|обговорили|взяли участь",
  "held|met|gave|took part|addressed|answered|visited|discussed|made|spoke|signed|delivered|had a phone call|had a telephone conversation|had talks",
].join("|");

/** The Office of the President of Ukraine: addresses and briefings, published in Ukrainian and English. */
export const presidentUa: PublisherProfile = {
  id: "president.gov.ua",
  name: "President of Ukraine",
  hosts: ["president.gov.ua"],
  timeZone: "Europe/Kyiv",
  // Press conferences and interviews print who speaks: «Журналіст:», «Ведучий:», a reporter with
  // an outlet, "President of Ukraine Volodymyr Zelenskyy:", «Володимир Зеленський:»; addresses print none.
  conventions: [
    questionWord,
    answerWord,
    moderatorWord,
    nameWithOutlet,
    nameWithOffice,
    officeAndName,
    fullName,
  ],
  furniture: [],
  namesReporters: true,
  // A report's opening line before a transcript, in the third person and the past tense ("Президент
  // України Володимир Зеленський провів пресконференцію.", "President Volodymyr Zelenskyy held a
  // press conference."): not the President's words. An address begins with the address itself.
  lead: new RegExp(
    String.raw`^(?=.*[.!]\s*$)(?:Президент України|Президент|Глава держави|President of Ukraine|President|The President|The Head of State)(?:\s+(?:Володимир Зеленський|Volodymyr Zelenskyy?))?\s+(?:(?!(?:and I|і я|та я)(?![\p{L}]))[^\s:]{1,40}\s+){0,3}?(?:${LEAD_VERBS})(?![\p{L}\p{N}])`,
    "u",
  ),
  attachmentsHeading: null,
  // As public scrapers read the pages: `div.article` with an h1, `p.date` ("2 листопада 2022 року
  // - 21:15") and the text in `.article_content` (a freespeech fetcher, R and scrapy scrapers).
  html: {
    detect: (doc) =>
      doc.querySelector("div.article p.date") !== null && doc.querySelector("div.article_content") !== null,
    title: ["div.article h1", "h1"],
    date: ["div.article p.date"],
    time: ["div.article p.date"],
    place: [],
    body: ["div.article_content"],
    drop: ["script", "style", ".article_tags", ".share_block"],
    attachments: [],
    publisherRef: [],
  },
  sources: {
    entries: [
      // Addresses and speeches, ?page=N, as public scrapers page them ("…/news/speeches?page=" in
      // a freespeech fetcher; "/en/news/speeches?…&page=" in R scrapers of `.item_stat_headline a`).
      listing("uk", "https://www.president.gov.ua/news/speeches?page={page}"),
      listing("en", "https://www.president.gov.ua/en/news/speeches?page={page}"),
    ],
    // /news/<transliterated slug, cut at 60 characters>-<id>, the same in both languages
    // (`/en/news/rosiya-rozpochala-novu-vijskovu-operaciyu-proti-nashoyi-derz-73105`); listings
    // such as /news/speeches or /news/all end without an id.
    records: [/^https:\/\/(?:www\.)?president\.gov\.ua\/(?:en\/)?news\/[a-z0-9]+(?:-[a-z0-9]+)*-\d{3,7}$/],
    languageLinks: [],
    // The English page is the Ukrainian path under /en (a freespeech fetcher's pull_languages).
    otherLanguage: [
      {
        from: /^https:\/\/(?:www\.)?president\.gov\.ua\/news\/([a-z0-9-]+-\d{3,7})$/,
        to: "https://www.president.gov.ua/en/news/$1",
        language: "en",
      },
      {
        from: /^https:\/\/(?:www\.)?president\.gov\.ua\/en\/news\/([a-z0-9-]+-\d{3,7})$/,
        to: "https://www.president.gov.ua/news/$1",
        language: "uk",
      },
    ],
    listingEveryMinutes: 60,
  },
};
