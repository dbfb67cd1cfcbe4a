/**
 * Editors' corrections in PostgreSQL, as in SQLite (sqlite/corrections.ts): the corrections made,
 * and the record they give each corrected document's current version, rebuilt whenever a
 * correction is made or undone or another version becomes current. Every function takes the
 * connection to run on, so a write joins its transaction.
 */
import { applyCorrections, type Correction, type NewCorrection } from "../../model/corrections.js";
import type { Document } from "../../model/document.js";
import { CORRECTION_COLUMNS, type CorrectionRow, correctionParams, toCorrection } from "../rows.js";
import { one, type Queryable, rows } from "./db.js";

export { toCorrection };

/** A document's corrections as one JSON array, or null: for statements that read a whole view at once. */
export const correctionsJson = (id: string) =>
  `SELECT json_agg(json_build_object('id', c.id, 'doc_id', c.doc_id, 'at', c.at, 'author', c.author, 'reason', c.reason,
      'op', c.op, 'anchors', c.anchors, 'undone_by', c.undone_by, 'undone_at', c.undone_at) ORDER BY c.id)
   FROM corrections c WHERE c.doc_id = ${id}`;

export const correctionsFromJson = (json: CorrectionRow[] | null): Correction[] =>
  (json ?? []).map(toCorrection);

export const pgCorrections = {
  async add(db: Queryable, c: NewCorrection): Promise<Correction> {
    const row = await one<CorrectionRow>(
      db,
      `INSERT INTO corrections (${CORRECTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      correctionParams(c),
    );
    return toCorrection(row as CorrectionRow);
  },

  /** With its number, as `verbatim copy` brings it. */
  async addNumbered(db: Queryable, c: Correction): Promise<void> {
    await db.query(
      `INSERT INTO corrections (id, ${CORRECTION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [c.id, ...correctionParams(c)],
    );
  },

  async undo(db: Queryable, id: number, by: string, at: string): Promise<Correction | null> {
    const row = await one<CorrectionRow>(
      db,
      "UPDATE corrections SET undone_by = $1, undone_at = $2 WHERE id = $3 AND undone_at IS NULL RETURNING *",
      [by, at, id],
    );
    return row ? toCorrection(row) : null;
  },

  async of(db: Queryable, docId: string): Promise<Correction[]> {
    return (
      await rows<CorrectionRow>(db, "SELECT * FROM corrections WHERE doc_id = $1 ORDER BY id", [docId])
    ).map(toCorrection);
  },

  /** Rebuilds a document's corrected record from its current version (the extracted one given). */
  async rebuild(db: Queryable, current: { document: Document; version: number } | null, docId: string) {
    const corrections = await pgCorrections.of(db, docId);
    const labelTurns = (doc: Document) =>
      db.query(
        `UPDATE turns SET speaker_id = v.speaker_id, speaker_name = v.speaker_name, kind = v.kind
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS v(idx, speaker_id, speaker_name, kind)
         WHERE turns.doc_id = $5 AND turns.idx = v.idx`,
        [
          doc.turns.map((t) => t.index),
          doc.turns.map((t) => t.speakerId),
          doc.turns.map((t) => t.speakerName),
          doc.turns.map((t) => t.kind),
          doc.id,
        ],
      );
    if (!current || !corrections.some((c) => !c.undone)) {
      // Nothing to apply: the extracted record is the record, in the index too.
      const dropped = await db.query("DELETE FROM corrected WHERE doc_id = $1", [docId]);
      if (dropped.rowCount && current) await labelTurns(current.document);
      return;
    }
    const outcome = applyCorrections(current.document, corrections);
    await db.query(
      `INSERT INTO corrected (doc_id, version, body, applied, stale) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, body = excluded.body,
         applied = excluded.applied, stale = excluded.stale`,
      [
        docId,
        current.version,
        JSON.stringify(outcome.document),
        JSON.stringify(outcome.applied),
        JSON.stringify(outcome.stale),
      ],
    );
    await labelTurns(outcome.document);
  },

  /** Rebuilds a document's corrected record from whichever of its versions is current now. */
  async rebuildCurrent(db: Queryable, docId: string): Promise<void> {
    const row = await one<{ version: number; body: string }>(
      db,
      "SELECT version, body FROM documents WHERE id = $1 AND current",
      [docId],
    );
    await pgCorrections.rebuild(
      db,
      row ? { document: JSON.parse(row.body) as Document, version: row.version } : null,
      docId,
    );
  },

  async forget(db: Queryable, docId: string): Promise<void> {
    await db.query("DELETE FROM corrected WHERE doc_id = $1", [docId]);
    await db.query("DELETE FROM corrections WHERE doc_id = $1", [docId]);
  },
};
