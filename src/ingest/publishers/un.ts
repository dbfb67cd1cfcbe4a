import {
  answerWord,
  capitalsLabel,
  fullName,
  moderatorWord,
  questionWord,
  spokespersonWord,
} from "../segment/labels.js";
import { officeAndName } from "../segment/titled-name.js";
import type { PublisherProfile } from "./profile.js";

/**
 * The United Nations: General Debate speeches (one speaker per text, no labels, read by the
 * un-debate reader) and, as pages, the Secretary-General's spokesperson's noon briefings
 * ("Question:", "Spokesman:", "Correspondent:").
 */
export const unGeneralDebate: PublisherProfile = {
  id: "un.org",
  name: "United Nations General Assembly",
  hosts: ["un.org", "gadebate.un.org", "undocs.org"],
  timeZone: "America/New_York",
  conventions: [
    questionWord,
    spokespersonWord,
    answerWord,
    moderatorWord,
    capitalsLabel,
    officeAndName,
    fullName,
  ],
  furniture: [],
  attachmentsHeading: null,
  html: null,
  // Not followed: General Debate speeches come as yearly collections (UNGDC), and press.un.org's
  // meetings coverage is a summary in the third person, not what was said, so it is no record here.
  sources: null,
};
