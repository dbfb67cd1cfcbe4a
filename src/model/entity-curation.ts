/**
 * What editors decide about entities found in documents (ids `found:…`, see entity.ts): the same
 * referent as another entity (merge), the Wikidata item it is (link), not a name at all (reject),
 * two referents under one name, told apart by document (split), or one the gazetteer should list,
 * so that every document naming it finds it (promote). Kept as a log in the archive; the latest
 * decision about an id is the one that holds. src/enrich/curation.ts applies them to enrichments.
 */
import type { Entity } from "./entity.js";

export type EntityDecision =
  | { action: "merge"; id: string; into: string }
  | { action: "link"; id: string; wikidata: string }
  | { action: "reject"; id: string }
  | { action: "split"; id: string; documents: string[]; into: string }
  | { action: "promote"; id: string; entity: Entity };

export const ENTITY_ACTIONS = ["merge", "link", "reject", "split", "promote"] as const;

export interface NewEntityDecision {
  decision: EntityDecision;
  author: string;
  reason: string;
  at: string;
}

export interface StoredEntityDecision extends NewEntityDecision {
  seq: number;
}

/** A found entity as the curation page lists it: how often the archive names it. */
export interface FoundEntitySummary {
  id: string;
  type: Entity["type"];
  name: string;
  forms: string[];
  documents: number;
  mentions: number;
}

/**
 * Where a decision (other than a split, which applies per document) leads a mention: the entity
 * merged into, the Wikidata item, the promoted entity; null for a rejection. The store keeps the
 * same id, for a split its `into`, so that a new gazetteer never removes it.
 */
export function decisionTarget(d: EntityDecision): string | null {
  switch (d.action) {
    case "merge":
    case "split":
      return d.into;
    case "link":
      return d.wikidata;
    case "promote":
      return d.entity.id;
    case "reject":
      return null;
  }
}

/** A Wikidata item id: "Q" and digits. */
export const WIKIDATA_ID = /^Q[1-9]\d{0,11}$/;
