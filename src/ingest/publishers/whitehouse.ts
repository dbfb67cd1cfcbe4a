import { bareQ, capitalsLabel, moderatorWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";

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
  sources: null,
};
