/**
 * A document's stored versions as the version order reads them (model/version-order.ts): the
 * columns each version is ordered by, taken from its row and its body, and the version list
 * users see. Shared by the writer (which version becomes current) and the readers.
 */
import type { Document } from "../../model/document.js";
import { type Reading, readingOf } from "../../model/version-order.js";

export interface ReadingRow {
  version: number;
  current: boolean;
  fingerprint: string;
  content_hash: string;
  title: string;
  stored_at: string;
  source: string | null;
  read_at: string | null;
  date: string | null;
  time: string | null;
  date_time: string | null;
  /** JSON array of the version's keys; null for a version stored before versions kept them. */
  keys: string | null;
}

export interface StoredReading {
  reading: Reading;
  row: ReadingRow;
}

/** The ReadingRow columns of `documents`. */
const READING_FIELDS: readonly (keyof ReadingRow)[] = [
  "version",
  "current",
  "fingerprint",
  "content_hash",
  "title",
  "stored_at",
  "keys",
  "source",
  "read_at",
  "date",
  "time",
  "date_time",
];

/** A select list of the reading columns. */
export const READING_COLUMNS = READING_FIELDS.join(", ");

/** The same columns as one JSON array of objects, in version order (null when there are none). */
export const READINGS_JSON = `json_agg(json_build_object(${READING_FIELDS.map((name) => `'${name}', ${name}`).join(", ")}) ORDER BY version)`;

/** The reading columns a new row of `documents` is given (after date, which other readers share). */
export const READING_INSERT_COLUMNS = "source, read_at, time, date_time";

export function readingValues(doc: Document): (string | null)[] {
  return [
    doc.provenance.source,
    doc.provenance.readAt ?? null,
    doc.when.time ?? null,
    doc.when.dateTime ?? null,
  ];
}

export function toReadings(found: ReadingRow[]): StoredReading[] {
  return found.map((row) => ({
    row,
    reading: readingOf(
      {
        when: { date: row.date, time: row.time, dateTime: row.date_time },
        provenance: { source: row.source ?? "", readAt: row.read_at ?? "", contentHash: row.content_hash },
      },
      row.version,
      row.fingerprint,
    ),
  }));
}
