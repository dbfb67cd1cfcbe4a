/**
 * What enrichment found in a document (src/enrich computes it): entities mentioned, time
 * expressions dated against the document's date, and the language of every turn. Stored beside
 * the document's current version and read back by search and the reader.
 */
import type { Entity, EntityType } from "./entity.js";

export interface EntityMention {
  entityId: string;
  type: EntityType;
  /** UTF-16 offsets in the text searched. */
  start: number;
  end: number;
  text: string;
}

export interface TimeExpression {
  start: number;
  end: number;
  text: string;
  /** ISO date at the precision the expression gives: "2021", "2021-01", "2021-01-15". */
  value: string;
}

/** Where in a document something was found. */
export interface Located {
  /**
   * Turn index; -1 for the document's title, -2 for its participants, -3 for its place.
   * Paragraph -1 is the turn's label.
   */
  turn: number;
  paragraph: number;
}

export interface Enrichment {
  version: number;
  documentId: string;
  /** Language of each turn, in turn order (a press conference can switch language). */
  turnLanguages: string[];
  mentions: (EntityMention & Located)[];
  times: (TimeExpression & Located)[];
  /**
   * Entities found in this document that no list holds (ids `found:…`), which its mentions name;
   * stored beside the gazetteer's. Absent when read back from the store.
   */
  entities?: Entity[];
}
