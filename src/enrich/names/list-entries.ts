/**
 * The parts of a list entry that describes a person, as sanctions lists and delegations write
 * them: "Payam Banazadeh, CEO, Capella Space;", "Charles Becker, Deputy Head, Department of
 * Economics, Duke University", "Rob Flack, Member of the Legislative Assembly of Ontario". After
 * the name, comma-separated parts give the person's roles and where they work. A role's words are
 * no names ("Research Scholar", "Chief Operating Officer", "SVP"); the last part, when it is no
 * role, is the employer, whatever its words ("Capella Space", "Northrop Grumman", "Oxitec").
 */
import type { NameToken } from "./name-tokens.js";
import { ENGLISH_CONNECTORS } from "./name-words.js";

export interface EntryParts {
  /** Token ranges [from, to] of the parts that give a role. */
  roles: [number, number][];
  /** Token range of the entry's last part when it names a body, not a role. */
  employer: [number, number] | null;
}

/** Lowercase words that join a body's name: "Centre for Russian…", "University of Texas at Austin". */
const CONNECTORS = new Set([...ENGLISH_CONNECTORS, "at", "in", "to"]);
/** Longest employer read from its place alone, in words. */
const LONGEST_EMPLOYER = 6;

/**
 * The parts after a name that ends at tokens[nameEnd] and is followed by a comma, or null when
 * the text is no such entry (a role must follow the name). `isRole` says whether a word gives
 * a role (an office, an occupation, "CEO").
 */
export function entryParts(
  text: string,
  tokens: NameToken[],
  nameEnd: number,
  isRole: (t: NameToken) => boolean,
): EntryParts | null {
  const parts: [number, number][] = [];
  let from = nameEnd + 1;
  for (let k = nameEnd + 1; k < tokens.length; k++) {
    const next = tokens[k + 1];
    // A part ends at a comma or a bracket; the entry at a semicolon or a full stop (not an initial's).
    const gap = next?.gapBefore ?? text.slice((tokens[k] as NameToken).end);
    if (next === undefined || /[,;(]/.test(gap) || (/\./.test(gap) && !(tokens[k] as NameToken).initial)) {
      parts.push([from, k]);
      from = k + 1;
      if (next === undefined || /[;.]/.test(gap)) break;
    }
  }
  // A role's word comes before any "of": "Chief of Staff", "Member of the Board"; "Department
  // of Justice" is a body whatever word follows its "of".
  const roles = parts.filter(([a, b]) => {
    const words = tokens.slice(a, b + 1);
    const of = words.findIndex((w) => !w.capital && CONNECTORS.has(w.lower));
    return words.slice(0, of < 0 ? words.length : of).some(isRole);
  });
  if (roles.length === 0 || roles[0]?.[0] !== nameEnd + 1) return null;
  const last = parts[parts.length - 1] as [number, number];
  const lastEnd = (tokens[last[1]] as NameToken).end;
  const words = tokens.slice(last[0], last[1] + 1);
  const employer =
    !roles.includes(last) &&
    // The entry ends there: nothing but closing marks follows.
    /^[\s.;,)]*$/.test(text.slice(lastEnd)) &&
    !/\(\s*$/.test((tokens[last[0]] as NameToken).gapBefore) &&
    words.length <= LONGEST_EMPLOYER &&
    (words[0] as NameToken).capital &&
    words.every((w) => w.capital || CONNECTORS.has(w.lower))
      ? last
      : null;
  return { roles, employer };
}
