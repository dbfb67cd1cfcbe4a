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
    await db.query(
      `INSERT INTO enrichment_state (doc_id, version) VALUES ($1, $2)
       ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version`,
      [e.documentId, e.version],
    );
  },

  async get(db, docId) {
    const n = await docN(db, docId);
    const state = await one<{ version: number }>(
      db,
      "SELECT version FROM enrichment_state WHERE doc_id = $1",
      [docId],
    );
    if (n === undefined || !state) return null;
    const languages = await rows<{ language: string | null }>(
      db,
      "SELECT language FROM turns WHERE doc_id = $1 ORDER BY idx",
      [docId],
    );
    // The columns after start only make ties (several participants' names at one place) come back
    // in one order every time; SQLite returns them in the order they were stored.
    const mentions = await rows<{
      turn_idx: number;
      entity: string;
      type: string;
      paragraph: number;
      start: number;
      end: number;
    }>(
      db,
      `SELECT turn_idx, entity, type, paragraph, start, "end" FROM mentions WHERE doc_n = $1
       ORDER BY turn_idx, paragraph, start, "end", entity COLLATE "C", type COLLATE "C"`,
      [n],
    );
    const times = await rows<{
      turn_idx: number;
      paragraph: number;
      start: number;
      end: number;
      text: string;
      value: string;
    }>(
      db,
      `SELECT turn_idx, paragraph, start, "end", text, value FROM time_expressions WHERE doc_n = $1
       ORDER BY turn_idx, paragraph, start, "end", text COLLATE "C", value COLLATE "C"`,
      [n],
    );
    return {
      version: state.version,
      documentId: docId,
      turnLanguages: languages.map((r) => r.language ?? ""),
      mentions: mentions.map((m) => ({
        entityId: m.entity,
        type: m.type as EntityType,
        start: m.start,
        end: m.end,
        text: "",
        turn: m.turn_idx,
        paragraph: m.paragraph,
      })),
      times: times.map((t) => ({
        start: t.start,
        end: t.end,
        text: t.text,
        value: t.value,
        turn: t.turn_idx,
        paragraph: t.paragraph,
      })),
    };
  },
};
