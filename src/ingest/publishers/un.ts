import type { PublisherProfile } from "./profile.js";

/** United Nations General Debate speeches: one speaker per text, no labels. */
export const unGeneralDebate: PublisherProfile = {
  id: "un.org",
  name: "United Nations General Assembly",
  hosts: ["un.org", "gadebate.un.org", "undocs.org"],
  timeZone: "America/New_York",
  conventions: [],
  furniture: [],
  attachmentsHeading: null,
  html: null,
  sources: null,
};
