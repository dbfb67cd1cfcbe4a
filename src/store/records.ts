/**
 * What a store keeps besides documents, as callers and the store's roles exchange it: how kept
 * bytes were read, links between language versions and their divergence, the state of followed
 * pages and their captures. In a file of its own so that the roles (store.ts, transfer.ts) share
 * these types without importing one another.
 */

/** What besides its bytes an input was read with. */
export interface InputReadingContext {
  name: string;
  url: string | null;
  /** Role → hash of a raw input kept in the archive. */
  sidecars: Record<string, string>;
}

/** One reading of kept bytes: which bytes, from where, and how (see RawBlob.reading). */
export interface InputReading extends InputReadingContext {
  hash: string;
  source: string;
}

/**
 * A link recorded in the store: a publisher's key the evidence does not contradict, found by
 * evidence, made by hand, undone by hand ("unlinked"), or a keyed pair left for a person to
 * decide ("conflict": contradicted by the texts, or a second version in one language).
 */
export interface StoredVersionLink {
  a: string;
  b: string;
  method: "key" | "evidence" | "manual" | "unlinked" | "conflict";
  confidence: number;
  reasons: string[];
}

/** What the divergence report found for a linked pair, kept to rank pairs across the archive. */
export interface DivergenceSummary {
  a: string;
  b: string;
  /** The alignment version it was measured with. */
  version: number;
  score: number;
  onlyA: number;
  onlyB: number;
  lengthOutliers: number;
  numberMismatches: number;
  entityMismatches: number;
}

/** What Verbatim knows of one web page it follows: its validators, its state, when to look again. */
export interface PageState {
  /** The URL as the publisher names it (before any address mapping). */
  url: string;
  publisher: string | null;
  /** Records become documents; listings and other pages are read for their links only. */
  role: "record" | "listing" | "other";
  state: "ok" | "withdrawn" | "failed" | "not-document" | "disallowed";
  etag: string | null;
  lastModified: string | null;
  /** sha256 of the last body received. */
  contentHash: string | null;
  documentIds: string[];
  firstSeen: string;
  lastFetched: string | null;
  /** When the record's text or metadata last changed (not its furniture). */
  lastChanged: string | null;
  /** The record's own date, which sets how often it is revisited. */
  published: string | null;
  nextVisit: string | null;
  /** Failures in a row; reset by a success. */
  failures: number;
  lastError: string | null;
}

/** One HTTP response as kept in the WARC files. */
export interface CaptureRow {
  url: string;
  fetchedAt: string;
  status: number;
  contentHash: string | null;
  warcFile: string;
  warcOffset: number;
  warcLength: number;
}
