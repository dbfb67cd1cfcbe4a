/** What both backends share in keeping editors' decisions about found entities. */
import type { NewEntityDecision } from "../model/entity-curation.js";

/** What a decision points at, which must outlive a new gazetteer. */
export function decisionTarget(d: NewEntityDecision["decision"]): string | null {
  switch (d.action) {
    case "merge":
    case "split":
      return d.into;
    case "link":
      return d.wikidata;
    case "promote":
      return d.entity.id;
    default:
      return null;
  }
}

/** LIKE's own characters in a user's text are matched as themselves. */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
