import type { PublisherProfile } from "./profile.js";

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
  sources: null,
};
