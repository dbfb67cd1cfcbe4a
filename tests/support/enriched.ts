/** Enriching a small text as a document of its own, for tests that ask what enrichment names in it. */
import "./language-detection.js";
import { enrichDocument } from "../../src/enrich/enrich.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import type { Enrichment } from "../../src/model/enrichment.js";
import { ingestText, registry } from "./ingest.js";

export const matcher = new EntityMatcher(Gazetteer.load(registry));

/** The mentions enrichment makes in the first document read from `text`, given the name (and so the publisher) `name`. */
export function mentionsIn(name: string, text: string): Enrichment["mentions"] {
  const [doc] = ingestText(name, text);
  if (!doc) throw new Error(`${name}: no document`);
  return enrichDocument(doc, matcher).mentions;
}
