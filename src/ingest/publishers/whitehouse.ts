import { bareQ, capitalsLabel, moderatorWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";
import { listing } from "./sources.js";

/** The White House (whitehouse.gov and its archived administrations). */
export const whitehouse: PublisherProfile = {
  id: "whitehouse.gov",
  name: "The White House",
  hosts: [
    "whitehouse.gov",
    "bidenwhitehouse.archives.gov",
    "obamawhitehouse.archives.gov",
    "trumpwhitehouse.archives.gov",
    "georgewbush-whitehouse.archives.gov",
  ],
  timeZone: "America/New_York",
  conventions: [questionWord, bareQ, moderatorWord, capitalsLabel],
  furniture: [/^END$/u, /^#{1,6}\s*$/u, /^\*\s*\*\s*\*$/u],
  attachmentsHeading: null,
  html: {
    detect: (doc) =>
      doc.querySelector(
        ".field-name-field-forall-body, .forall-body, .wp-block-whitehouse-topper__headline",
      ) !== null,
    title: ["h1.wp-block-whitehouse-topper__headline", "h1.page-title", "h1"],
    date: [".wp-block-post-date time", "time.posted-on", "time[datetime]"],
    time: [],
    place: [],
    body: [
      ".forall-body",
      ".field-name-field-forall-body",
      ".entry-content",
      ".body-content",
      "article",
      "body",
    ],
    drop: ["script", "style", "nav", "h1"],
    attachments: [],
    publisherRef: [],
  },
  sources: {
    entries: [
      // Since January 2025 the briefing room is /remarks/ and /briefings-statements/, paged as
      // WordPress does (/page/N/), as public scrapers read them; /briefing-room/… moved to
      // bidenwhitehouse.archives.gov, which publishes nothing new.
      listing("en", "https://www.whitehouse.gov/remarks/page/{page}/"),
      listing("en", "https://www.whitehouse.gov/briefings-statements/page/{page}/"),
      // The Yoast sitemap index; records are in post-sitemap*.xml (a rhetoric-corpus collector
      // `us_whitehouse.py` reads it so; robots.txt names it).
      { kind: "sitemap", language: "en", url: "https://www.whitehouse.gov/sitemap_index.xml" },
    ],
    records: [
      // /remarks/2025/02/slug/ (year and month, then a slug), as `us_whitehouse.py` matches them;
      // fact sheets and presidential actions are not speech, and month archives have no slug.
      /^https:\/\/www\.whitehouse\.gov\/(?:remarks|briefings-statements|releases)\/\d{4}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/,
      // Before 2025: /briefing-room/<section>/YYYY/MM/DD/slug/ (on the archive host since then).
      /^https:\/\/(?:www\.whitehouse\.gov|bidenwhitehouse\.archives\.gov)\/briefing-room\/(?:press-briefings|speeches-remarks|statements-releases)\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9]+(?:-[a-z0-9]+)*\/$/,
    ],
    languageLinks: [],
    otherLanguage: [],
    listingEveryMinutes: 30,
  },
};
