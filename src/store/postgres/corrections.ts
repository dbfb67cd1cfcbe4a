/**
 * Editors' corrections in PostgreSQL, as in SQLite (sqlite/corrections.ts): the corrections made,
 * and the record they give each corrected document's current version, rebuilt whenever a
 * correction is made or undone or another version becomes current; a split or merge re-indexes
 * the document and moves its enrichment onto the new turns (table `reshaped` keeps the extracted
 * turns' one). Every function takes the connection to run on, so a write joins its transaction.
 */
import { applyCorrections, type Correction, type NewCorrection } from "../../model/corrections.js";
import type { Document } from "../../model/document.js";
import type { Enrichment } from "../../model/enrichment.js";
import { type Reshape, reshapeEnrichment } from "../../model/turn-reshape.js";
import { CORRECTION_COLUMNS, type CorrectionRow, correctionParams, toCorrection } from "../rows.js";
import { one, type Queryable, rows } from "./db.js";
import { pgEnrichment } from "./enrichment.js";
import { type IndexDelta, putInIndex } from "./search-index.js";

interface ReshapedRow {
  version: number;
  reshapes: string;
  enrichment: string | null;
}

const reshapedOf = (db: Queryable, docId: string) =>
  one<ReshapedRow>(db, "SELECT version, reshapes, enrichment FROM reshaped WHERE doc_id = $1", [docId]);

const putReshaped = (db: Queryable, docId: string, version: number, reshapes: string, e: string | null) =>
  db.query(
    `INSERT INTO reshaped (doc_id, version, reshapes, enrichment) VALUES ($1, $2, $3, $4)
     ON CONFLICT (doc_id) DO UPDATE SET version = excluded.version, reshapes = excluded.reshapes,
       enrichment = excluded.enrichment`,
    [docId, version, reshapes, e],
  );

/** As in SQLite: the copy kept while turns are reshaped, else the index's own; an earlier version's copy is no one's. */
async function extracted(
  db: Queryable,
  docId: string,
  version: number,
  held: ReshapedRow | null,
): Promise<Enrichment | null> {
  if (!held) return pgEnrichment.get(db, docId);
  return held.version === version && held.enrichment ? (JSON.parse(held.enrichment) as Enrichment) : null;
}

/** Indexes a record whose turns differ from what the index holds, with its enrichment. */
async function reindex(db: Queryable, doc: Document, enrichment: Enrichment | null, delta: IndexDelta) {
  await putInIndex(db, doc, delta);
  if (enrichment) await pgEnrichment.put(db, enrichment);
  else await pgEnrichment.clear(db, doc.id);
}

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

  /**
   * Rebuilds a document's corrected record from its current version (the extracted one given);
   * turns split or merged go into `delta`, for the caller to apply.
   */
  async rebuild(
    db: Queryable,
    current: { document: Document; version: number } | null,
    docId: string,
    delta: IndexDelta,
  ) {
    const corrections = await pgCorrections.of(db, docId);
    // A document never corrected has no corrected record and nothing held (forget drops all three).
    if (corrections.length === 0) return;
    const held = await reshapedOf(db, docId);
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
      if (held) {
        await db.query("DELETE FROM reshaped WHERE doc_id = $1", [docId]);
        if (current)
          await reindex(db, current.document, await extracted(db, docId, current.version, held), delta);
      } else if (dropped.rowCount && current) await labelTurns(current.document);
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
    const enrichment =
      held || outcome.reshapes.length > 0 ? await extracted(db, docId, current.version, held) : null;
    if (outcome.reshapes.length > 0) {
      await putReshaped(
        db,
        docId,
        current.version,
        JSON.stringify(outcome.reshapes),
        enrichment && JSON.stringify(enrichment),
      );
      await reindex(
        db,
        outcome.document,
        enrichment && reshapeEnrichment(enrichment, outcome.reshapes),
        delta,
      );
    } else if (held) {
      await db.query("DELETE FROM reshaped WHERE doc_id = $1", [docId]);
      await reindex(db, outcome.document, enrichment, delta);
    } else await labelTurns(outcome.document);
  },

  /** Rebuilds a document's corrected record from whichever of its versions is current now. */
  async rebuildCurrent(db: Queryable, docId: string, delta: IndexDelta): Promise<void> {
    const row = await currentRow(db, docId);
    await pgCorrections.rebuild(
      db,
      row ? { document: JSON.parse(row.body) as Document, version: row.version } : null,
      docId,
      delta,
    );
  },

  /** Indexes an enrichment of the extracted current version, moved onto split or merged turns. */
  async putEnrichment(db: Queryable, e: Enrichment): Promise<void> {
    const held = await reshapedOf(db, e.documentId);
    const version = held ? (await currentRow(db, e.documentId))?.version : undefined;
    if (!held || held.version !== version) {
      await pgEnrichment.put(db, e);
      return;
    }
    await putReshaped(db, e.documentId, held.version, held.reshapes, JSON.stringify(e));
    await pgEnrichment.put(db, reshapeEnrichment(e, JSON.parse(held.reshapes) as Reshape[]));
  },

  /** The enrichment of the extracted current version, wherever the index has moved it. */
  async extractedEnrichment(db: Queryable, docId: string): Promise<Enrichment | null> {
    const held = await reshapedOf(db, docId);
    if (!held) return pgEnrichment.get(db, docId);
    const version = (await currentRow(db, docId))?.version;
    return version === undefined ? null : extracted(db, docId, version, held);
  },

  async forget(db: Queryable, docId: string): Promise<void> {
    await db.query("DELETE FROM reshaped WHERE doc_id = $1", [docId]);
    await db.query("DELETE FROM corrected WHERE doc_id = $1", [docId]);
    await db.query("DELETE FROM corrections WHERE doc_id = $1", [docId]);
  },
};

const currentRow = (db: Queryable, docId: string) =>
  one<{ version: number; body: string }>(
    db,
    "SELECT version, body FROM documents WHERE id = $1 AND current",
    [docId],
  );
