/**
 * Labels that give the speaker's office before the name, as en.kremlin.ru introduces a speaker
 * the first time: "President of Russia Vladimir Putin:", "Prime Minister of India Narendra Modi:",
 * "Presidential Aide Yury Ushakov (retranslated):". Kept apart from labels.ts so the name part
 * alone is what gets resolved: the office words would otherwise read as given names.
 */
import type { LabelConvention } from "./labels.js";

/** Words an office starts with; a label must open with one, so ordinary sentences never match. */
const OFFICE_START =
  "(?:President|Prime Minister|Vice President|Vice-President|Federal Chancellor|Chancellor|Foreign Minister|Minister|Deputy|First Deputy|Presidential|Press Secretary|Secretary|Secretary-General|UN Secretary-General|Chairman|Chairwoman|Chair|Head|Governor|Mayor|Director|General Director|Director General|Aide|Spokesman|Spokeswoman|Spokesperson|High Representative|Special Representative|Special Envoy|Envoy|Commissioner|Ambassador|King|Queen|Emir|Crown Prince|Sultan|Premier|Russian|Kremlin)";
/** Further office words: capitalised words and the small words between them ("of the", "for"). */
const OFFICE_REST = String.raw`(?:\s(?:of|the|for|and|on|to|in|de|\p{Lu}[\p{L}’'\-]*))*?`;
/** The person: a given name and a surname (two or three capitalised words, hyphens and apostrophes allowed). */
const PERSON = String.raw`(\p{Lu}[\p{Ll}’'\-]+(?:\s\p{Lu}[\p{Ll}’'\-]+){1,2})`;
const QUALIFIER = String.raw`(?:\s*\(([^()]{1,160})\))?`;

/** The body an office belongs to, by its letters, before the office: "NATO Secretary General…", "EU High Representative…". */
const BODY = String.raw`(?:\p{Lu}[\p{Lu}.]{1,7}\s)?`;

const TITLED = new RegExp(
  String.raw`^${BODY}${OFFICE_START}${OFFICE_REST}\s${PERSON}${QUALIFIER}\s*:\s*`,
  "du",
);

/** "President of Russia Vladimir Putin:" → name "Vladimir Putin", label the whole office and name. */
export const officeAndName: LabelConvention = (paragraph) => {
  const m = TITLED.exec(paragraph);
  if (!m?.[1]) return null;
  // The office part is lazy, so up to three capitalised words are left at the end; when three
  // are left the first is still the office's ("of Russia Vladimir Putin"): the name is given name
  // and surname, as en.kremlin.ru writes every name.
  let words = m[1].split(/\s+/);
  // After "of", "the"… the first capitalised word is still the office's ("of Russia Putin"):
  // what is left is the name, a bare surname included, which is resolved by role and date.
  const before = paragraph.slice(0, m.indices?.[1]?.[0] ?? 0).trimEnd();
  if (/\s(?:of|the|for|and|on|to|in|de)$/u.test(before)) words = words.slice(1);
  const name = words.length === 3 ? words.slice(1).join(" ") : words.join(" ");
  const labelEnd = m[0].replace(/\s*:\s*$/, "").length;
  return {
    label: paragraph.slice(0, labelEnd).trim(),
    name,
    qualifier: m[2]?.trim() ?? null,
    role: "speaker",
    textStart: m[0].length,
  };
};
