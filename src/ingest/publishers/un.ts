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
  // Not followed: General Debate speeches come as yearly collections (UNGDC), and press.un.org's
  // meetings coverage is a summary in the third person, not what was said, so it is no record here.
  sources: null,
};
