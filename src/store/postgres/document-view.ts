/**
 * A reader page's reads as one statement: the version, the current version's enrichment, the
 * other-language versions, the version list and any withdrawal. Over a network each round trip
 * costs both servers a write, a wake-up and a plan; one statement also reads one snapshot, where
 * five separate reads could straddle a write.
 */
import type { Document } from "../../model/document.js";
import { versionInfos } from "../rows.js";
import type { DocumentView, StoredDocument, Withdrawal } from "../store.js";
import { correctionsFromJson, correctionsJson } from "./corrections.js";
import type { Queryable } from "./db.js";
import { type EnrichmentJson, enrichmentFromJson, enrichmentJson } from "./enrichment.js";
import { READINGS_JSON, type ReadingRow, toReadings } from "./readings.js";
import { type LinkedSummary, languageVersionsFrom, languageVersionsJson } from "./version-links.js";

/** A version with its corrected record, when it has one (only the current version can). */
export const DOCUMENT_READ = `SELECT d.id, d.version, d.current, d.stored_at, COALESCE(c.body, d.body) AS body, c.applied, c.stale
  FROM documents d LEFT JOIN corrected c ON c.doc_id = d.id AND c.version = d.version AND d.current`;

export interface DocumentRow {
  id: string;
  version: number;
  current: boolean;
  stored_at: string;
  body: string;
  applied: string | null;
  stale: string | null;
}

export function toStoredDocument(row: DocumentRow): StoredDocument {
  const stored: StoredDocument = {
    document: JSON.parse(row.body) as Document,
    version: row.version,
    current: row.current,
    storedAt: row.stored_at,
  };
  if (row.applied && row.stale)
    stored.corrections = { applied: JSON.parse(row.applied), stale: JSON.parse(row.stale) };
  return stored;
}

interface ViewRow extends DocumentRow {
  enrichment: EnrichmentJson | null;
  links: LinkedSummary[] | null;
  readings: ReadingRow[];
  withdrawal: Withdrawal | null;
  corrections: Parameters<typeof correctionsFromJson>[0];
}

const VIEW = `
  SELECT v.id, v.version, v.current, v.stored_at, v.body, v.applied, v.stale,
    (${correctionsJson("$1")}) AS corrections,
    (${enrichmentJson("$1")}) AS enrichment,
    (${languageVersionsJson("$1", "$3")}) AS links,
    (SELECT ${READINGS_JSON} FROM documents WHERE id = $1) AS readings,
    (SELECT json_build_object('url', w.url, 'status', w.status, 'at', w.at) FROM withdrawals w WHERE w.doc_id = $1) AS withdrawal
  FROM (${DOCUMENT_READ}) v
  WHERE v.id = $1 AND (CASE WHEN $2::int IS NULL THEN v.current ELSE v.version = $2 END)`;

export async function readDocumentView(
  db: Queryable,
  id: string,
  version: number | undefined,
  alignmentVersion: number | null,
): Promise<DocumentView | null> {
  // A named statement: each connection plans it once. Planning this statement costs more than
  // running it (EXPLAIN: planning about 1 ms, execution about half that), and a reader page asks
  // for it every time.
  const row = (
    await db.query({
      name: "verbatim-document-view",
      text: VIEW,
      values: [id, version ?? null, alignmentVersion],
    })
  ).rows[0] as ViewRow | undefined;
  if (!row) return null;
  return {
    stored: toStoredDocument(row),
    enrichment: row.enrichment ? enrichmentFromJson(id, row.enrichment) : null,
    languageVersions: languageVersionsFrom(row.links ?? []),
    versions: versionInfos(toReadings(row.readings)),
    withdrawal: row.withdrawal,
    corrections: correctionsFromJson(row.corrections),
  };
}
