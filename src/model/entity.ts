/**
 * What the archive knows of an entity (a country, an organisation, a person…): a stable id
 * (ISO 3166 codes for countries, Wikidata ids elsewhere, `vb:` slugs where none is certain), its
 * type and its names. The gazetteer (src/enrich/gazetteer.ts) builds them; the store keeps the
 * list that stored mentions refer to.
 */

export const ENTITY_TYPES = [
  "country",
  "organisation",
  "format",
  "agreement",
  "project",
  "person",
  "place",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface SurfaceForm {
  text: string;
  lang: string;
  /** A name that is also a common word or another entity's name: matched only when the document names the entity unambiguously too. */
  ambiguous: boolean;
  /** Also a person's given name ("Chad", "Jordan"): before a capitalised surname it is a person. */
  givenName?: boolean;
  /** A capital or a seat of power standing for the country ("Moscow", "Київ"): after "in" it is the city. */
  metonym?: boolean;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  forms: SurfaceForm[];
}

/** Ids of entities found in documents by their names' conventions, not taken from a list: "found:person:robert-gibbs". */
export const FOUND_PREFIX = "found:";

export const isFoundEntity = (id: string) => id.startsWith(FOUND_PREFIX);
