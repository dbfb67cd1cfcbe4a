/**
 * The storage interface. Every backend (SQLite, PostgreSQL) implements StoreBackend: the archive
 * without search, plus the text index search runs over (model/text-index.ts). Callers use
 * DocumentStore, a backend with search added by one search engine (search/engine/with-search.ts),
 * and every backend, so composed, passes the same conformance suite (tests/store/conformance.ts).
 * Callers test capability flags, never a backend's name.
 */

import type { Correction, NewCorrection } from "../model/corrections.js";
import type { Document } from "../model/document.js";
import type { Enrichment } from "../model/enrichment.js";
import type { Entity, EntityType } from "../model/entity.js";
import type {
  FoundEntitySummary,
  NewEntityDecision,
  StoredEntityDecision,
} from "../model/entity-curation.js";
import type { SearchQuery } from "../model/search-query.js";
import type {
  Concordance,
  ConcordanceOptions,
  MonthCounts,
  SearchOptions,
  SearchResult,
  YearCounts,
} from "../model/search-results.js";
import type { Speaker } from "../model/speaker.js";
import type { TextIndex } from "../model/text-index.js";
import type {
  CaptureRow,
  DivergenceSummary,
  InputReading,
  InputReadingContext,
  PageState,
  StoredVersionLink,
} from "./records.js";
import type { ArchiveTransfer } from "./transfer.js";

// Kept where they were declared first, so that importers of store.ts need no change.
export type {
  CaptureRow,
  DivergenceSummary,
  InputReading,
  InputReadingContext,
  PageState,
  StoredVersionLink,
};

export interface StoreCapabilities {
  /** Writes of one batch are all-or-nothing. */
  readonly atomicBatches: boolean;
  /** Raw input bytes are kept and can be read back (for re-extraction). */
  readonly rawInputs: boolean;
  /** A full-text index over turns is maintained (see the search stage). */
  readonly fullTextSearch: boolean;
  /** Several processes may read while one writes. */
  readonly concurrentReaders: boolean;
}

export type PutStatus = "inserted" | "versioned" | "unchanged";

export interface PutResult {
  id: string;
  /** The version stored, or the stored version the input repeats (unchanged). */
  version: number;
  status: PutStatus;
  /**
   * Versions of this document that claim the same publication (and fetch) time with different
   * bytes (see model/version-order.ts); absent when there is no such conflict.
   */
  conflicts?: number[];
}

export interface RawBlob {
  hash: string;
  /** Where the bytes were read from, as provenance names it (model/public-source.ts). */
  source: string;
  bytes: Uint8Array;
  /**
   * How the bytes were read, so that re-extraction reads them the same way: the name readers saw
   * (format hints, ids), the URL they were fetched from, and the sidecars read with them by role
   * (e.g. `debateSpeakers`: the hash of the UN speaker table, itself kept as a raw input).
   */
  reading?: InputReadingContext;
}

/** What one input contributes: its raw bytes (optional), the documents read from it, and their enrichment. */
export interface BatchItem {
  raw: RawBlob | null;
  documents: Document[];
  /** One per document when ingestion enriched them; stored with the documents. */
  enrichments?: Enrichment[];
  /**
   * One per document: the keys it shares with its language versions (a publisher's reference, its
   * URL without the language; align/link.ts decides them). Kept with the version, and the current
   * version's are what `keyPartners` compares. A document given none has none.
   */
  versionKeys?: string[][];
  /**
   * For a fetched page: its new state and its crawl-queue entry, written in the same transaction
   * as its documents, so a kill never leaves a stored page marked as still to fetch.
   */
  fetched?: { page: PageState; queue: QueueEntry | null };
}

/** A URL in a crawl run's queue. */
export interface QueueEntry {
  key: string;
  url: string;
}

export interface StoredDocument {
  /** The record as read: for the current version, with editors' corrections applied. */
  document: Document;
  version: number;
  current: boolean;
  storedAt: string;
  /** Present when corrections touch this version: those applied, and those that no longer apply. */
  corrections?: CorrectionState;
}

export interface CorrectionState {
  applied: number[];
  stale: { id: number; reason: string }[];
}

/**
 * Everything a reader page shows of one document, read together: one snapshot of the archive, and
 * over PostgreSQL one round trip instead of five.
 */
export interface DocumentView {
  stored: StoredDocument;
  /** The enrichment of the current version (as getEnrichment), whichever version was asked for. */
  enrichment: Enrichment | null;
  languageVersions: LanguageVersion[];
  versions: VersionInfo[];
  /** The publisher's withdrawal of the page, when the archive keeps a fetch log and saw one. */
  withdrawal: Withdrawal | null;
  /** Every correction made to the document, undone ones too, in the order they were made. */
  corrections: Correction[];
}

export interface Withdrawal {
  url: string;
  status: number;
  at: string;
}

export interface VersionInfo {
  version: number;
  contentHash: string;
  title: string;
  storedAt: string;
  current: boolean;
  /** Where this version was read from: a file, an archive member, a URL. */
  source: string;
  /** What the version order sorts on first (model/version-order.ts): publication instant or date. */
  published: string | null;
  /** True when another version claims the same publication time with different bytes. */
  conflict: boolean;
}

export interface ListOptions {
  publisher?: string;
  /** Documents with ids after this one, for paging. */
  after?: string;
  limit?: number;
  /**
   * The records as extraction made them, without editors' corrections: what enrichment is
   * computed on (the store moves it onto corrected turns itself).
   */
  extracted?: boolean;
  /** Only these documents (ids), in id order; `publisher` and `after` still apply. */
  ids?: readonly string[];
}

/** Enough of a document to list it. */
export interface DocumentSummary {
  id: string;
  title: string;
  date: string | null;
  publisher: string;
  language: string;
  kind: string;
}

/** How two documents came to be linked as language versions. */
export type VersionLinkMethod = "key" | "evidence" | "manual";

/** Another language version of a document, with how it was linked and how far the two diverge. */
export interface LanguageVersion extends DocumentSummary {
  method: VersionLinkMethod;
  /** 1 for keys and links made by hand; the evidence score otherwise. */
  confidence: number;
  /** The pair's divergence score once measured by the current aligner (see align/divergence), else null. */
  divergence: number | null;
}

/** A keyed pair that is not linked until a person links or unlinks it by hand. */
export interface VersionConflict {
  a: DocumentSummary;
  b: DocumentSummary;
  reasons: string[];
}

/** Which linked pairs to rank: a page of them, of one publisher, with one side in one language. */
export interface DivergentOptions {
  offset?: number;
  publisher?: string | null;
  language?: string | null;
}

export interface DivergentPair extends DivergenceSummary {
  titleA: string;
  titleB: string;
  languageA: string;
  languageB: string;
  date: string | null;
}

/**
 * Work a migration leaves for code outside the store, because it needs rules the store does not
 * hold (align's): `version-keys`, giving every stored version its keys (`putVersionKeys`);
 * `settle-version-keys`, giving every group of documents that share keys the linker's verdicts
 * (`putVersionLink`). The archive opener does it once, in that order, and marks it done.
 */
export type PendingWork = "version-keys" | "settle-version-keys";

/** The keys of one stored version (see BatchItem.versionKeys). */
export interface VersionKeys {
  id: string;
  version: number;
  keys: string[];
}

export interface StoreCounts {
  documents: number;
  versions: number;
  turns: number;
  rawInputs: number;
  speakers: number;
}

/** A new version of a document, or its withdrawal by the publisher. */
export interface ChangeEntry {
  id: string;
  kind: "edited" | "withdrawn";
  /** The new version (for edits) or the last version (for withdrawals). */
  version: number;
  at: string;
  title: string;
  publisher: string;
  language: string;
  sourceUrl: string | null;
  /** HTTP status of a withdrawal (404, 410). */
  status: number | null;
}

export interface ChangesOptions {
  since?: string;
  id?: string;
  publisher?: string;
  /** Only these documents (e.g. the matches of a search). */
  ids?: string[];
  limit?: number;
}

/**
 * The web side of the archive: pages followed, every response captured, withdrawals, the queue of
 * a crawl (so a killed run resumes), and the edits and withdrawals as a history to list and feed.
 */
export interface FetchLog {
  page(url: string): Promise<PageState | null>;
  /** Stores a page's state and, in the same transaction, marks its queue entry done. */
  putPage(page: PageState, queue?: QueueEntry | null): Promise<void>;
  /** Pages whose next visit is due by `now`, soonest first. */
  duePages(now: string, limit: number, publishers?: string[]): Promise<PageState[]>;
  putCapture(capture: CaptureRow): Promise<void>;
  /** The capture a document version was read from: its URL and body hash. */
  captureOf(url: string, contentHash: string): Promise<CaptureRow | null>;
  captures(url: string): Promise<CaptureRow[]>;
  /** Marks a document withdrawn (the page answered 404 or 410); the document itself is kept. */
  withdraw(id: string, url: string, status: number, at: string): Promise<void>;
  /** The page answers again: the withdrawal no longer holds. */
  reinstate(id: string): Promise<void>;
  withdrawal(id: string): Promise<Withdrawal | null>;
  /** Starts a crawl run, or resumes it when the last run with this key did not finish. */
  startCrawl(key: string, at: string): Promise<{ resumed: boolean }>;
  /** Adds URLs to a run's queue; ones already queued are left as they are. Returns how many were new. */
  enqueue(key: string, items: { url: string; depth: number }[]): Promise<number>;
  /**
   * The next URLs not yet done, in the order they were queued; with `afterSeq`, only those queued
   * after that position (a crawl reads its queue forward in chunks rather than from the top).
   */
  queued(
    key: string,
    limit: number,
    afterSeq?: number,
  ): Promise<{ url: string; depth: number; seq: number }[]>;
  queueCounts(key: string): Promise<{ done: number; total: number }>;
  finishCrawl(key: string, at: string): Promise<void>;
  /** New versions and withdrawals, newest first. */
  changes(options?: ChangesOptions): Promise<ChangeEntry[]>;
}

/**
 * What a backend implements: the archive without its search, and the text index the search engine
 * runs over. The store is given no search engine and imports none; see DocumentStore.
 */
export interface StoreBackend {
  readonly capabilities: StoreCapabilities;
  /** The web side of the archive, when the backend keeps one (SQLite does). */
  readonly fetchLog: FetchLog | null;
  /** The whole archive as records, out and in (`verbatim copy`). */
  readonly transfer: ArchiveTransfer;
  /**
   * Stores a batch atomically. A document that repeats a stored version (its source's last
   * reading, or any version when its source is new) is left alone (`unchanged`); a different one
   * becomes a new version and the old ones are kept. Which version is current follows the
   * version order of model/version-order.ts, whatever order the documents arrive in.
   */
  putBatch(items: BatchItem[]): Promise<PutResult[][]>;
  /** The current version, or a given one. */
  get(id: string, version?: number): Promise<StoredDocument | null>;
  versions(id: string): Promise<VersionInfo[]>;
  /**
   * Records an editor's correction of the current version and applies it (model/corrections.ts):
   * what `get`, `list`, the reader and search give is the corrected record from then on. The
   * caller checks that it applies (`invalidFor`) and gives its anchors.
   */
  putCorrection(correction: NewCorrection): Promise<Correction>;
  /** Undoes a correction (it stays in the log, marked undone); null when there is none to undo. */
  undoCorrection(id: number, by: string, at: string): Promise<Correction | null>;
  /** A document's corrections, undone ones too, in the order they were made. */
  corrections(documentId: string): Promise<Correction[]>;
  /** A version (the current one by default) with all a reader sees beside it; null when there is no such version. */
  documentView(id: string, version?: number): Promise<DocumentView | null>;
  /** Current versions in id order. */
  list(options?: ListOptions): AsyncIterable<Document>;
  getRaw(hash: string): Promise<Uint8Array | null>;
  /** Removes a document, every version of it, and its turns from search; false if there was none. */
  delete(id: string): Promise<boolean>;
  /** Every kept raw input (documents' inputs and their sidecars alike). */
  listRaw(): AsyncIterable<RawBlob>;
  /** How kept bytes were read from a source (name, URL, sidecars); null when the archive never recorded it. */
  inputReading(hash: string, source: string): Promise<InputReading | null>;
  /**
   * Speakers edited by hand (the API, the operator): stored as given and marked edited, so that
   * no seeding replaces them afterwards. The archive's speakers are the registry everything reads with.
   */
  putSpeakers(speakers: Speaker[]): Promise<void>;
  /**
   * Seeds the archive's speakers from a registry file: adds those it does not have and brings
   * those never edited up to the file; leaves edited ones alone. Returns how many changed.
   */
  seedSpeakers(speakers: Speaker[]): Promise<number>;
  /** Every speaker in the archive: in the last seed's order (which breaks ties), then those added by hand. */
  listSpeakers(): Promise<Speaker[]>;
  /** The gazetteer the stored mentions refer to (replaces the previous one). */
  putEntities(entities: Entity[]): Promise<void>;
  getEntity(id: string): Promise<Entity | null>;
  /**
   * Records an editor's decision about an entity found in documents (model/entity-curation.ts). The
   * log is kept whole; what a decision points at (the entity merged into, the Wikidata item, the
   * promoted entity) stays in the entity list when a new gazetteer replaces it.
   */
  putEntityDecision(decision: NewEntityDecision): Promise<StoredEntityDecision>;
  /** Every decision about entities, oldest first. */
  entityDecisions(): Promise<StoredEntityDecision[]>;
  /** Entities found in documents (not listed), those most current documents name first. */
  foundEntities(options: FoundEntityOptions): Promise<{ total: number; entities: FoundEntitySummary[] }>;
  /** The current documents whose enrichment names an entity, at most `limit`. */
  documentsMentioning(entityId: string, limit: number): Promise<string[]>;
  /**
   * Stores a document's enrichment, replacing any earlier one (re-enrichment). It is computed on
   * the extracted record (`list({ extracted: true })`); where editors split or merged turns, the
   * store moves it onto the corrected ones.
   */
  putEnrichment(enrichment: Enrichment): Promise<void>;
  getEnrichment(id: string): Promise<Enrichment | null>;
  getSpeaker(id: string): Promise<Speaker | null>;
  counts(): Promise<StoreCounts>;
  /** The newest current documents by their date (undated last). */
  recent(limit: number): Promise<DocumentSummary[]>;
  /**
   * Other-language versions of a document: those the publisher's keys link (same reference, same
   * URL without its language part), those linked by evidence or by hand, less those unlinked by hand.
   */
  languageVersions(id: string): Promise<LanguageVersion[]>;
  /** Records an evidence link, a link made by hand, or an unlinking by hand (which evidence never overrides). */
  putVersionLink(link: StoredVersionLink): Promise<void>;
  /**
   * Current documents in another language dated within `days` of this one (for an undated one,
   * undated documents): candidates for evidence linking.
   */
  versionCandidates(id: string, days: number): Promise<DocumentSummary[]>;
  /** Ids of current documents that share a publisher key with this one, in any language. */
  keyPartners(id: string): Promise<string[]>;
  /** Gives stored versions their keys, replacing any they had; a current version's count at once. */
  putVersionKeys(entries: VersionKeys[]): Promise<void>;
  /** Keyed pairs left for review, newest first (or those of one document). */
  versionConflicts(options?: { id?: string; limit?: number }): Promise<VersionConflict[]>;
  /** Stores a pair's divergence summary (replacing an earlier one). */
  putDivergence(summary: DivergenceSummary): Promise<void>;
  /**
   * Linked pairs by divergence, most divergent first. Only summaries measured by the aligner the
   * store was opened with count (store/open.ts `alignmentVersion`); older ones read as unmeasured.
   */
  divergentPairs(limit: number, options?: DivergentOptions): Promise<DivergentPair[]>;
  /** Current documents per publisher, most first. */
  publishers(): Promise<{ publisher: string; count: number }[]>;
  /** Work migrations left for the archive opener (see PendingWork); none for most opens. */
  pendingWork(): Promise<PendingWork[]>;
  finishWork(work: PendingWork): Promise<void>;
  close(): Promise<void>;
  /** The backend's full-text index, which the search engine matches, scores and reads turns through. */
  readonly textIndex: TextIndex;
}

export interface FoundEntityOptions {
  type?: EntityType;
  /** Part of the entity's name, any case. */
  name?: string;
  limit: number;
  offset: number;
}

/** Search over the archive: the search engine's answers (search/engine/engine.ts), the same on every backend. */
export interface StoreSearch {
  /** Full-text search over the turns of current versions (when `capabilities.fullTextSearch`). */
  search(query: SearchQuery, options?: SearchOptions): Promise<SearchResult>;
  /** Every occurrence in context, oldest first. */
  concordance(query: SearchQuery, options?: ConcordanceOptions): Promise<Concordance>;
  /** Matching turns and documents per year, with the year's total for relative frequencies. */
  countsByYear(query: SearchQuery): Promise<YearCounts>;
  /** The same by month, for documents dated to the month or day. */
  countsByMonth(query: SearchQuery): Promise<MonthCounts>;
}

/**
 * The archive as its users see it: a backend with search, composed outside the store by
 * `withSearch(backend)` (search/engine/with-search.ts; the archive opener, archive/open.ts, does it).
 */
export interface DocumentStore extends StoreBackend, StoreSearch {}
