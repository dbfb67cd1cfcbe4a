/**
 * The port every storage backend implements for the search engine (search/engine/engine.ts):
 * match a typed plan of index terms, score it, read turns back, and give the vocabulary and the
 * catalog's rows. The engine does everything else (the catalog, filters, counts, facets, ranking,
 * cursors, snippets, concordance, periods, the result cache) once, for every backend. It lives in
 * the model because both sides share it: the store implements it, the search engine uses it, and
 * neither imports the other (search/engine/with-search.ts joins them).
 *
 * A turn is named by its number: a positive integer the backend assigns, stable while the archive
 * is unchanged, and the index of the catalog's per-turn arrays.
 */
import type { TurnKind } from "./document.js";
import type { Speaker } from "./speaker.js";

/**
 * One text term as a backend must match it: any of a word's forms, a prefix, or a phrase. Every
 * string is a folded index term (model/index-text.ts), never query syntax; each backend writes its
 * own dialect from it. The search engine makes the plan (search/query/expand.ts).
 */
export type MatchTerm =
  | { type: "forms"; forms: string[] }
  | { type: "prefix"; prefix: string }
  | { type: "phrase"; words: string[] };

/** Terms any of which may match (OR). */
export type MatchGroup = MatchTerm[];

/** The index's vocabulary, as a backend exposes it. */
export interface Vocabulary {
  /** Indexed terms starting with a prefix, in order, at most `limit`. */
  termsWithPrefix(prefix: string, limit: number): Promise<string[]>;
  /**
   * Indexed terms starting with a prefix whose main stem is one of `stems` or, with `alternate`,
   * whose alternate stem is (model/term-stems.ts, `withStems`), in order, at most `limit`.
   */
  termsWithStems(prefix: string, stems: string[], alternate: boolean, limit: number): Promise<string[]>;
}

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

/** A span of a turn's paragraph: UTF-16 offsets into that paragraph. */
export interface ParagraphSpan {
  paragraph: number;
  start: number;
  end: number;
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

/** A current document as the catalog knows it, by its catalog number `n`. */
export interface CatalogDocument {
  n: number;
  id: string;
  publisher: string;
  language: string;
  kind: string;
  date: string | null;
  title: string;
}

/**
 * The rows the search catalog is built from (search/engine/catalog.ts). Turns and mentions come
 * packed, one string each, since hundreds of thousands of row objects would cost more than the
 * search: lines joined by "\n", fields by "\t", an absent value as an empty field.
 */
export interface CatalogRows {
  documents: CatalogDocument[];
  /**
   * Every current turn in ascending number, one line each: number, document number (`n`), kind,
   * speaker id, speaker name, language (the turn's own, when enrichment found one). "" for none.
   */
  turns: string;
  /** Other names documents give their participants: [speaker id, alias], distinct. */
  aliases: [speakerId: string, alias: string][];
  /** Every entity's display name: [entity id, name]. */
  entityNames: [id: string, name: string][];
  /** Distinct (turn number, entity id) pairs in ascending turn number, one line each. "" for none. */
  mentions: string;
  /** The backend's change journal position these rows were read at, for readCatalogChanges; "" if it keeps none. */
  mark: string;
}

/**
 * What changed since a mark: the current rows of the documents that changed (their metadata, every
 * turn and mention), in the layout of CatalogRows, the whole (short) alias list, and the entities'
 * names: all of them, or, when the backend knows that none was added, renamed or removed since the
 * mark, only those the changed documents mention (`someEntityNames`).
 */
export interface CatalogChanges extends CatalogRows {
  /** Numbers of the documents that changed; one with no row in `documents` is gone. */
  changed: number[];
  /** True when `entityNames` holds only the names of entities the changed documents mention. */
  someEntityNames?: boolean;
  /** True when documents beyond the limit asked for changed too: read on from this `mark`. */
  more?: boolean;
}

/**
 * What takes a whole catalog read a part at a time (TextIndex.readCatalog): every document
 * first, then turns and mentions packed as in CatalogRows, in parts each whole in itself (a turn's
 * line in one part; a turn's mentions in one part, after the part holding the turn), then the
 * names, aliases and mark once.
 */
export interface CatalogSink {
  documents(documents: CatalogDocument[]): void;
  turns(packed: string): void;
  mentions(packed: string): void;
  finish(rest: Pick<CatalogRows, "aliases" | "entityNames" | "mark">): void;
}

export interface TextIndex {
  /** Changes whenever the archive does, by this process's writes or another's: what caches key on. */
  state(): Promise<string>;
  /**
   * How many writes this process has made through the store, where the backend can tell them from
   * other processes' (SQLite): a search after one of them waits for the catalog to hold it, while a
   * search during a refresh for other processes' writes need not (search/engine/engine.ts).
   */
  ownWrites?(): number;
  /**
   * Every current turn and document, compactly, for the engine's catalog, given to `sink` a part at
   * a time from one snapshot: packed whole, the turns and mentions of four times the bench corpus
   * were 151 MB of strings at once, most of a server's peak memory as it started.
   */
  readCatalog(sink: CatalogSink): Promise<void>;
  /**
   * The rows of documents changed since `mark` (a CatalogRows' or CatalogChanges' mark); null when
   * the whole catalog should be read again (no journal, too much changed, or everything did). With
   * a `limit`, a backend whose reads hold the process (SQLite's) reads at most that many documents
   * and says `more` when others changed too; others may read them all.
   */
  readCatalogChanges(mark: string, limit?: number): Promise<CatalogChanges | null>;
  vocabulary: Vocabulary;
  /** Turns matching every group (a group matches when any of its terms does). */
  matchTurns(groups: MatchGroup[], scored: boolean): Promise<Matches>;
  /** Turns matching any of the terms, ascending. */
  matchAnyTurn(terms: MatchTerm[]): Promise<Int32Array>;
  readTurns(rowids: number[]): Promise<Map<number, TurnRow>>;
  /**
   * Where the turns of these documents (catalog numbers) mention any of these entities: by turn
   * number, in paragraph order, for snippets that show what a `mentions:` search matched.
   */
  mentionSpans(documents: number[], entities: string[]): Promise<Map<number, ParagraphSpan[]>>;
  /** The number of a document's first turn, or null when it has none. */
  openingTurn(docId: string): Promise<number | null>;
  /** The registry's people as the archive holds them. */
  speakers(): Promise<Speaker[]>;
  entities(): Promise<EntityNames[]>;
  /** Turns that mention any of the entities, ascending. */
  turnsMentioning(entityIds: string[]): Promise<number[]>;
}
