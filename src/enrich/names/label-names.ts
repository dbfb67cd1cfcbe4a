/**
 * The person a speaker's label names when the registry does not know them: "MS. SANDERS" (an
 * honorific and a surname, as White House transcripts label officials), "SYMONE SANDERS" (a given
 * name the name lists know and a surname). Labels that name an office or a role ("THE PRESIDENT",
 * "SENIOR ADMINISTRATION OFFICIAL", "MODERATOR", "Q") fit neither form and name no one here.
 */
import { isGivenName } from "../english-words.js";
import type { FoundName } from "./name-finder.js";

const HONORIFIC = /^(?:MR|MS|MRS|DR|AMBASSADOR|SENATOR|GOVERNOR|MAYOR|GENERAL|ADMIRAL)\.?\s+/i;
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\p{L}$/u;

export function labelName(label: string): FoundName | null {
  const text = label.replace(/\s*:\s*$/, "");
  const honorific = HONORIFIC.exec(text);
  const rest = honorific ? text.slice(honorific[0].length) : text;
  const words = rest.split(/\s+/);
  if (!words.every((w) => NAME_WORD.test(w))) return null;
  const start = honorific ? honorific[0].length : 0;
  const found = (surnameOnly: boolean): FoundName => ({
    start,
    end: text.length,
    text: rest,
    type: "person",
    name: rest,
    surnameOnly,
    // The label introduces them as a title does: a surname alone stands for a person.
    titled: true,
  });
  // "MS. SANDERS", "DR. JHA": a surname after an honorific.
  if (honorific && words.length === 1) return found(true);
  // "SYMONE SANDERS", "MS. SYMONE SANDERS": a given name the lists know, then a surname.
  if (words.length === 2 && isGivenName(words[0] as string)) return found(false);
  return null;
}
