/**
 * The port every storage backend implements for the search engine (engine.ts): match a typed plan
 * of index terms, score it, read turns back, and give the vocabulary and the catalog. The engine
 * does everything else (filters, counts, facets, ranking, cursors, snippets, concordance,
 * periods, the result cache) once, for every backend.
 *
 * A turn is named by its number: a positive integer the backend assigns, stable while the archive
 * is unchanged, and the index of the catalog's per-turn arrays.
 */
import type { TurnKind } from "../../model/document.js";
import type { Speaker } from "../../model/speaker.js";
import type { MatchGroup, MatchTerm, Vocabulary } from "../query/expand.js";
import type { TurnCatalog } from "./catalog.js";

export interface Matches {
  /** Turn numbers, ascending. */
  rowids: Int32Array;
  /**
   * With scoring: each turn's Okapi BM25 (k1 = 1.2, b = 0.75, every form or phrase a term of its
   * own, idf = ln((N − n + 0.5) / (n + 0.5)), at least 1e-6), negated so that lower ranks higher:
   * the same number on every backend for the same archive.
   */
  scores: Float64Array | null;
  length: number;
}

export interface TurnRow {
  rowid: number;
  idx: number;
  speakerId: string | null;
  speakerName: string | null;
  label: string | null;
  kind: TurnKind;
  text: string;
}

export interface EntityNames {
  id: string;
  name: string;
  forms: string[];
}

export interface TextIndex {
  /** Changes whenever the archive does, by this process's writes or another's: what caches key on. */
  state(): Promise<string>;
  /** Every current turn and document, compactly (catalog.ts builds it from the backend's rows). */
  readCatalog(): Promise<TurnCatalog>;
  vocabulary: Vocabulary;
  /** Turns matching every group (a group matches when any of its terms does). */
  matchTurns(groups: MatchGroup[], scored: boolean): Promise<Matches>;
  /** Turns matching any of the terms, ascending. */
  matchAnyTurn(terms: MatchTerm[]): Promise<Int32Array>;
  /** Documents (catalog numbers) whose title matches the group. */
  matchTitles(group: MatchGroup): Promise<number[]>;
  /** BM25 of the titles that match every group, by document number, negated like turn scores. */
  scoreTitles(groups: MatchGroup[]): Promise<Map<number, number>>;
  readTurns(rowids: number[]): Promise<Map<number, TurnRow>>;
  /** The number of a document's first turn, or null when it has none. */
  openingTurn(docId: string): Promise<number | null>;
  /** The registry's people as the archive holds them. */
  speakers(): Promise<Speaker[]>;
  entities(): Promise<EntityNames[]>;
  /** Turns that mention any of the entities, ascending. */
  turnsMentioning(entityIds: string[]): Promise<number[]>;
}
