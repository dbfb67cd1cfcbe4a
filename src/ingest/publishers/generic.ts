import {
  answerWord,
  bareQ,
  capitalsLabel,
  fullName,
  initialsSurname,
  moderatorWord,
  nameWithOffice,
  nameWithOutlet,
  newsroomLabel,
  questionWord,
  spokespersonWord,
} from "../segment/labels.js";
import { officeAndName } from "../segment/titled-name.js";
import type { PublisherProfile } from "./profile.js";

/** Fallback for unknown sites: every label convention, no site-specific selectors. */
export const generic: PublisherProfile = {
  id: "generic",
  name: "Unknown publisher",
  hosts: [],
  timeZone: null,
  // An office before the name ("President of Russia Vladimir Putin:", "NATO Secretary General
  // Jens Stoltenberg:") before a bare full name, which would take the office's last words as
  // given names.
  conventions: [
    questionWord,
    answerWord,
    spokespersonWord,
    bareQ,
    moderatorWord,
    initialsSurname,
    // A newsroom's letters ("AFP:") before capitals read as a name.
    newsroomLabel,
    capitalsLabel,
    // A reporter with an outlet ("Andrew Gray (Reuters):") before a name whose parenthetical
    // would be read as whom a question is put to.
    nameWithOutlet,
    // An official with the office after the name ("Shri Randhir Jaiswal, Official Spokesperson:").
    nameWithOffice,
    officeAndName,
    fullName,
  ],
  furniture: [/^[•·*\-\s]*(?:[a-z]{2}-[A-Z]{2}\d*\s*){2,}$/u],
  attachmentsHeading: /^(?:Additional materials|Дополнительные материалы|Attachments)$/iu,
  html: null,
  sources: null,
};
