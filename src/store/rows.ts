/**
 * The tables both backends share, read and written the same way: a page's, a capture's and a
 * divergence summary's row (the columns are named alike in SQLite and PostgreSQL), turned into
 * the store's records and back into parameters in column order. One mapping, so the fetch logs,
 * the version links and `verbatim copy` of every backend cannot drift apart.
 */
import type { Correction } from "../model/corrections.js";
import { chooseCurrent, type Reading } from "../model/version-order.js";
import type { CaptureRow, DivergenceSummary, PageState } from "./records.js";
import type { VersionInfo } from "./store.js";

export interface PageRow {
  url: string;
  publisher: string | null;
  role: PageState["role"];
  state: PageState["state"];
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  doc_ids: string;
  first_seen: string;
  last_fetched: string | null;
  last_changed: string | null;
  published: string | null;
  next_visit: string | null;
  failures: number;
  last_error: string | null;
}

export interface CaptureDbRow {
  url: string;
  fetched_at: string;
  status: number;
  content_hash: string | null;
  warc_file: string;
  warc_offset: number | string;
  warc_length: number | string;
}

export interface DivergenceRow {
  a: string;
  b: string;
  version: number;
  score: number;
  only_a: number;
  only_b: number;
  length_outliers: number;
  number_mismatches: number;
  entity_mismatches: number;
}

/** The pages table's columns, in the order pageParams gives them. */
export const PAGE_COLUMNS =
  "url, publisher, role, state, etag, last_modified, content_hash, doc_ids, first_seen, last_fetched, last_changed, published, next_visit, failures, last_error";

export const toPage = (r: PageRow): PageState => ({
  url: r.url,
  publisher: r.publisher,
  role: r.role,
  state: r.state,
  etag: r.etag,
  lastModified: r.last_modified,
  contentHash: r.content_hash,
  documentIds: JSON.parse(r.doc_ids) as string[],
  firstSeen: r.first_seen,
  lastFetched: r.last_fetched,
  lastChanged: r.last_changed,
  published: r.published,
  nextVisit: r.next_visit,
  failures: r.failures,
  lastError: r.last_error,
});

export const pageParams = (p: PageState): unknown[] => [
  p.url,
  p.publisher,
  p.role,
  p.state,
  p.etag,
  p.lastModified,
  p.contentHash,
  JSON.stringify(p.documentIds),
  p.firstSeen,
  p.lastFetched,
  p.lastChanged,
  p.published,
  p.nextVisit,
  p.failures,
  p.lastError,
];

/** The captures table's columns (but its number), in the order captureParams gives them. */
export const CAPTURE_COLUMNS = "url, fetched_at, status, content_hash, warc_file, warc_offset, warc_length";

/** PostgreSQL returns BIGINT offsets as text; a WARC offset fits a double. */
export const toCapture = (r: CaptureDbRow): CaptureRow => ({
  url: r.url,
  fetchedAt: r.fetched_at,
  status: r.status,
  contentHash: r.content_hash,
  warcFile: r.warc_file,
  warcOffset: Number(r.warc_offset),
  warcLength: Number(r.warc_length),
});

export const captureParams = (c: CaptureRow): unknown[] => [
  c.url,
  c.fetchedAt,
  c.status,
  c.contentHash,
  c.warcFile,
  c.warcOffset,
  c.warcLength,
];

/** The divergence table's columns, in the order divergenceParams gives them. */
export const DIVERGENCE_COLUMNS =
  "a, b, version, score, only_a, only_b, length_outliers, number_mismatches, entity_mismatches";

export const toDivergence = (r: DivergenceRow): DivergenceSummary => ({
  a: r.a,
  b: r.b,
  version: r.version,
  score: r.score,
  onlyA: r.only_a,
  onlyB: r.only_b,
  lengthOutliers: r.length_outliers,
  numberMismatches: r.number_mismatches,
  entityMismatches: r.entity_mismatches,
});

export const divergenceParams = (s: DivergenceSummary): unknown[] => [
  s.a,
  s.b,
  s.version,
  s.score,
  s.onlyA,
  s.onlyB,
  s.lengthOutliers,
  s.numberMismatches,
  s.entityMismatches,
];

/** A row of `corrections`, the same on both backends. */
export interface CorrectionRow {
  id: number;
  doc_id: string;
  at: string;
  author: string;
  reason: string;
  op: string;
  anchors: string;
  undone_by: string | null;
  undone_at: string | null;
}

export const toCorrection = (r: CorrectionRow): Correction => ({
  id: Number(r.id),
  documentId: r.doc_id,
  op: JSON.parse(r.op),
  anchors: JSON.parse(r.anchors),
  author: r.author,
  reason: r.reason,
  at: r.at,
  undone: r.undone_by && r.undone_at ? { by: r.undone_by, at: r.undone_at } : null,
});

/** The columns a correction is written with, numbered or not. */
export const CORRECTION_COLUMNS = "doc_id, at, author, reason, op, anchors, undone_by, undone_at";

export const correctionParams = (
  c: Omit<Correction, "id" | "undone"> & Partial<Pick<Correction, "undone">>,
): unknown[] => [
  c.documentId,
  c.at,
  c.author,
  c.reason,
  JSON.stringify(c.op),
  JSON.stringify(c.anchors),
  c.undone?.by ?? null,
  c.undone?.at ?? null,
];

/** What the version list reads of each stored version's row (either backend's). */
export interface VersionRowFields {
  version: number;
  content_hash: string;
  title: string;
  stored_at: string;
  /** SQLite stores 0 or 1. */
  current: boolean | number;
}

/** The version list users see, with the versions whose publication times conflict. */
export function versionInfos(stored: { reading: Reading; row: VersionRowFields }[]): VersionInfo[] {
  if (stored.length === 0) return [];
  const { conflicts } = chooseCurrent(stored.map((s) => s.reading));
  return stored.map(({ reading, row }) => ({
    version: row.version,
    contentHash: row.content_hash,
    title: row.title,
    storedAt: row.stored_at,
    current: row.current === true || row.current === 1,
    source: reading.source,
    published: reading.published,
    conflict: conflicts.includes(row.version),
  }));
}
