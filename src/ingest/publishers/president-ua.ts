import type { PublisherProfile } from "./profile.js";
import { listing } from "./sources.js";

/** The Office of the President of Ukraine: addresses and briefings, published in Ukrainian and English. */
export const presidentUa: PublisherProfile = {
  id: "president.gov.ua",
  name: "President of Ukraine",
  hosts: ["president.gov.ua"],
  timeZone: "Europe/Kyiv",
  conventions: [],
  furniture: [],
  attachmentsHeading: null,
  html: null,
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
