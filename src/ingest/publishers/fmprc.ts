import { answerWord, questionWord } from "../segment/labels.js";
import type { PublisherProfile } from "./profile.js";

/**
 * The Ministry of Foreign Affairs of the People's Republic of China (fmprc.gov.cn): its regular
 * press conferences as question and answer records ("问", "答"), the spokesperson answering. Not
 * followed from the web.
 */
export const fmprc: PublisherProfile = {
  id: "fmprc.gov.cn",
  name: "Ministry of Foreign Affairs of the People's Republic of China",
  hosts: ["fmprc.gov.cn", "mfa.gov.cn"],
  timeZone: "Asia/Shanghai",
  conventions: [questionWord, answerWord],
  furniture: [],
  attachmentsHeading: null,
  html: null,
  sources: null,
};
