/**
 * Stores what enrichment found for the current version of a document, as in SQLite
 * (sqlite/enrichment-index.ts): mentions (by turn), time expressions, turn languages. Replaced
 * wholesale on re-enrichment; cleared when a new version of the document arrives without one.
 * Every method takes the connection to run on, so a batch's writes join its transaction.
 */
import type { Enrichment } from "../../model/enrichment.js";
import type { EntityType } from "../../model/entity.js";
import { one, type Queryable, rows } from "./db.js";

export interface PgEnrichmentIndex {
  put(db: Queryable, enrichment: Enrichment): Promise<void>;
  clear(db: Queryable, docId: string): Promise<void>;
  get(db: Queryable, docId: string): Promise<Enrichment | null>;
}

const docN = async (db: Queryable, docId: string) =>
  (await one<{ n: number }>(db, "SELECT n FROM doc_index WHERE id = $1", [docId]))?.n;

const clearFor = async (db: Queryable, docId: string, n: number | undefined) => {
  if (n !== undefined) {
    await db.query("DELETE FROM mentions WHERE doc_n = $1", [n]);
    await db.query("DELETE FROM time_expressions WHERE doc_n = $1", [n]);
  }
  await db.query("DELETE FROM enrichment_state WHERE doc_id = $1", [docId]);
};

export const pgEnrichment: PgEnrichmentIndex = {
  async clear(db, docId) {
    await clearFor(db, docId, await docN(db, docId));
    await db.query("UPDATE turns SET language = NULL WHERE doc_id = $1", [docId]);
  },

  async put(db, e) {
    const n = await docN(db, e.documentId);
    if (n === undefined) return;
    await clearFor(db, e.documentId, n);
    const turns = await rows<{ n: number; idx: number }>(db, "SELECT n, idx FROM turns WHERE doc_id = $1", [
      e.documentId,
    ]);
    const numberOf = new Map(turns.map((t) => [t.idx, t.n]));
    // One statement per table: a document's mentions run to thousands, each row a round trip otherwise.
    if (e.mentions.length)
      await db.query(
        `INSERT INTO mentions (doc_n, turn_idx, turn_n, entity, type, paragraph, start, "end")
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[])`,
        [
          n,
          e.mentions.map((m) => m.turn),
          // Labels and participants name who speaks, not what is spoken about: no turn filter sees them.
          e.mentions.map((m) => (m.paragraph >= 0 ? (numberOf.get(m.turn) ?? null) : null)),
          e.mentions.map((m) => m.entityId),
          e.mentions.map((m) => m.type),
          e.mentions.map((m) => m.paragraph),
          e.mentions.map((m) => m.start),
          e.mentions.map((m) => m.end),
        ],
      );
    if (e.times.length)
      await db.query(
        `INSERT INTO time_expressions (doc_n, turn_idx, paragraph, start, "end", text, value)
         SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[])`,
        [
          n,
          e.times.map((t) => t.turn),
          e.times.map((t) => t.paragraph),
          e.times.map((t) => t.start),
          e.times.map((t) => t.end),
          e.times.map((t) => t.text),
          e.times.map((t) => t.value),
        ],
      );
    const languages = e.turnLanguages.flatMap((language, idx) => {
      const turn = numberOf.get(idx);
      return turn === undefined ? [] : [{ turn, language }];
    });
    if (languages.length)
      await db.query(
        `UPDATE turns SET language = v.language
         FROM unnest($1::int[], $2::text[]) AS v(n, language) WHERE turns.n = v.n`,
        [languages.map((l) => l.turn), languages.map((l) => l.language)],
      );
    const found = e.entities ?? [];
    // An entity found in the text keeps the names of the first document that named it.
    if (found.length)
      await db.query(
        `INSERT INTO entities (id, type, name, forms)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (id) DO NOTHING`,
        [
          found.map((x) => x.id),
          found.map((x) => x.type),
          found.map((x) => x.name),
          found.map((x) => JSON.stringify(x.forms)),
        ],
      );
    await db.query(
      `INSERT INTO enrichment_state (doc_id, version) VALUES ($1, $2)
       ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version`,
      [e.documentId, e.version],
    );
  },

  async get(db, docId) {
    const row = await one<{ enrichment: EnrichmentJson | null }>(
      db,
      `SELECT (${enrichmentJson("$1")}) AS enrichment`,
      [docId],
    );
    return row?.enrichment ? enrichmentFromJson(docId, row.enrichment) : null;
  },
};

/** A document's enrichment as one JSON value (see enrichmentJson). */
export interface EnrichmentJson {
  version: number;
  languages: (string | null)[] | null;
  mentions: [number, string, string, number, number, number][] | null;
  times: [number, number, number, number, string, string][] | null;
}

/**
 * A scalar subquery giving the enrichment of the document whose id `id` (a parameter such as $1)
 * names, as one JSON value, or null: one statement where a reader page would otherwise make five
 * round trips. The tie-breaking columns after start make rows come back in one order every time
 * (several participants' names at one place); SQLite returns them in the order they were stored.
 */
export const enrichmentJson = (id: string) => `SELECT json_build_object(
    'version', s.version,
    'languages', (SELECT json_agg(t.language ORDER BY t.idx) FROM turns t WHERE t.doc_id = d.id),
    'mentions', (SELECT json_agg(json_build_array(m.turn_idx, m.entity, m.type, m.paragraph, m.start, m."end")
                   ORDER BY m.turn_idx, m.paragraph, m.start, m."end", m.entity COLLATE "C", m.type COLLATE "C")
                 FROM mentions m WHERE m.doc_n = d.n),
    'times', (SELECT json_agg(json_build_array(x.turn_idx, x.paragraph, x.start, x."end", x.text, x.value)
                ORDER BY x.turn_idx, x.paragraph, x.start, x."end", x.text COLLATE "C", x.value COLLATE "C")
              FROM time_expressions x WHERE x.doc_n = d.n))
  FROM doc_index d JOIN enrichment_state s ON s.doc_id = d.id WHERE d.id = ${id}`;

export function enrichmentFromJson(docId: string, json: EnrichmentJson): Enrichment {
  return {
    version: json.version,
    documentId: docId,
    turnLanguages: (json.languages ?? []).map((language) => language ?? ""),
    mentions: (json.mentions ?? []).map(([turn, entityId, type, paragraph, start, end]) => ({
      entityId,
      type: type as EntityType,
      start,
      end,
      text: "",
      turn,
      paragraph,
    })),
    times: (json.times ?? []).map(([turn, paragraph, start, end, text, value]) => ({
      start,
      end,
      text,
      value,
      turn,
      paragraph,
    })),
  };
}
