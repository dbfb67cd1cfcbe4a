import { answerWord, fullName, hanName, outletLabel, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";

/**
 * The Ministry of Foreign Affairs of the People's Republic of China (fmprc.gov.cn): its regular
 * press conferences as question and answer records ("问", "答"), the spokesperson answering, and as
 * its pages print them: the spokesperson by name ("Wang Wenbin:", "汪文斌："), each question by
 * the outlet that asks it ("CCTV:", "总台央视记者："). Not followed from the web.
 */
export const fmprc: PublisherProfile = {
  id: "fmprc.gov.cn",
  name: "Ministry of Foreign Affairs of the People's Republic of China",
  hosts: ["fmprc.gov.cn", "mfa.gov.cn"],
  timeZone: "Asia/Shanghai",
  // Outlets before names: "Global Times:" would read as a person's name.
  conventions: [questionWord, answerWord, outletLabel, hanName, fullName],
  furniture: [],
  attachmentsHeading: null,
  html: null,
  sources: null,
};
