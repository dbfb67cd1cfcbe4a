/**
 * Which version of a document is current when several inputs claim it (one source URL gives one
 * id). One rule, applied by every store when it puts a document, so that ingesting the same inputs
 * again, or in another order, never changes what is stored or which version is current:
 *
 * - Every stored version is a reading of a source (a file, an archive member, a URL). The readings
 *   of one source follow each other by fetch time when the page was fetched, else in the order
 *   they were stored; only each source's latest reading can be current.
 * - Those readings are ordered by what the input says: its date and time of publication, then its
 *   fetch time, then its content hash (an arbitrary but fixed tie-break); the same bytes read again
 *   by a changed reader come after the earlier reading. The last in this order is current.
 * - Readings with the same publication and fetch time but different bytes are a conflict: all are
 *   kept, one is current by content hash, and the conflict is reported, never silently resolved.
 * - An input that repeats its source's reading (or, from a source not seen before, any stored
 *   version) is unchanged: nothing is written.
 *
 * Pure: stores pass in what they keep of each version.
 */
import type { Document, DocumentDate, Provenance } from "./document.js";

export interface Reading {
  /** Version number in the store (storage order); the next free number for an incoming reading. */
  version: number;
  /** What makes two readings the same document (see store/fingerprint.ts). */
  fingerprint: string;
  contentHash: string;
  source: string;
  /** Sortable: the UTC instant when the input gives one, else its date and local time; null when undated. */
  published: string | null;
  /** When the page was fetched from the web; null for files, whose reading time says nothing about the page. */
  fetched: string | null;
}

/** What a store must keep of a version to place new readings among it. */
export type ReadingSource = {
  when: Pick<DocumentDate, "date" | "time" | "dateTime">;
  provenance: Pick<Provenance, "source" | "readAt" | "contentHash">;
};

export function publishedKey(when: ReadingSource["when"]): string | null {
  if (when.dateTime) {
    const instant = Date.parse(when.dateTime);
    if (!Number.isNaN(instant)) return new Date(instant).toISOString();
  }
  if (!when.date) return null;
  return when.time ? `${when.date}T${when.time}` : when.date;
}

/**
 * A page read from the web (its source is the URL) was fetched when it was read. Anything else
 * was read from a file or an archive at an arbitrary moment, which must not order its versions.
 */
export function fetchedAt(provenance: ReadingSource["provenance"]): string | null {
  return /^https?:\/\//i.test(provenance.source) ? provenance.readAt : null;
}

export function readingOf(doc: ReadingSource | Document, version: number, fingerprint: string): Reading {
  return {
    version,
    fingerprint,
    contentHash: doc.provenance.contentHash,
    source: doc.provenance.source,
    published: publishedKey(doc.when),
    fetched: fetchedAt(doc.provenance),
  };
}

/** null sorts before any value: an undated reading is older than a dated one. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The order of one source's readings: by fetch time, then as stored. */
function compareWithinSource(a: Reading, b: Reading): number {
  return compareNullable(a.fetched, b.fetched) || a.version - b.version;
}

/** The order of competing readings: published, fetched, content hash, then as stored. */
export function compareReadings(a: Reading, b: Reading): number {
  return (
    compareNullable(a.published, b.published) ||
    compareNullable(a.fetched, b.fetched) ||
    compareNullable(a.contentHash, b.contentHash) ||
    a.version - b.version
  );
}

/**
 * The stored reading an incoming one repeats, or null when it is new. From a known source, it
 * repeats a neighbour in that source's order (the reading before it, or the one after it when it
 * was fetched earlier than all of them); a source not seen before repeats any stored version.
 */
export function repeatedReading(incoming: Reading, stored: readonly Reading[]): Reading | null {
  const sameSource = stored.filter((r) => r.source === incoming.source).sort(compareWithinSource);
  if (sameSource.length === 0) return stored.find((r) => r.fingerprint === incoming.fingerprint) ?? null;
  const after = sameSource.findIndex((r) => compareWithinSource(r, incoming) > 0);
  const position = after < 0 ? sameSource.length : after;
  const neighbours = [sameSource[position - 1], sameSource[position]];
  return neighbours.find((r) => r?.fingerprint === incoming.fingerprint) ?? null;
}

export interface CurrentChoice {
  current: Reading;
  /** Versions that tie with another on publication and fetch time with different bytes. */
  conflicts: number[];
}

/** The current version among all of a document's readings (at least one). */
export function chooseCurrent(readings: readonly Reading[]): CurrentChoice {
  const latest = new Map<string, Reading>();
  for (const r of readings) {
    const known = latest.get(r.source);
    if (!known || compareWithinSource(r, known) > 0) latest.set(r.source, r);
  }
  const competing = [...latest.values()].sort(compareReadings);
  const current = competing.at(-1);
  if (!current) throw new RangeError("chooseCurrent needs at least one reading");
  const conflicts: number[] = [];
  for (const r of competing) {
    const tied = competing.some(
      (o) => o.published === r.published && o.fetched === r.fetched && o.contentHash !== r.contentHash,
    );
    if (tied) conflicts.push(r.version);
  }
  return { current, conflicts: conflicts.sort((a, b) => a - b) };
}
