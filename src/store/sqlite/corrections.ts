/**
 * Editors' corrections in SQLite (model/corrections.ts says what they do): the corrections made,
 * in order, and for each corrected document the record they give, kept beside the extracted one
 * and rebuilt whenever a correction is made or undone or another version becomes current. The
 * turns' speaker and kind in the search index follow the corrected record; nothing a correction
 * can change moves a turn's text, so mentions and positions stay as they are.
 */
import type Database from "better-sqlite3";
import { applyCorrections, type Correction, type NewCorrection } from "../../model/corrections.js";
import type { Document } from "../../model/document.js";
import { CORRECTION_COLUMNS, type CorrectionRow, correctionParams, toCorrection } from "../rows.js";

export interface SqliteCorrections {
  add(c: NewCorrection): Correction;
  addNumbered(c: Correction): void;
  undo(id: number, by: string, at: string): Correction | null;
  of(docId: string): Correction[];
  /** Rebuilds a document's corrected record from its current version (the extracted one given). */
  rebuild(current: { document: Document; version: number } | null, docId: string): void;
  forget(docId: string): void;
}

export function sqliteCorrections(db: Database.Database): SqliteCorrections {
  const stmt = {
    add: db.prepare<unknown[], CorrectionRow>(
      `INSERT INTO corrections (${CORRECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    /** With its number, as `verbatim copy` brings it. */
    addNumbered: db.prepare<unknown[]>(
      `INSERT INTO corrections (id, ${CORRECTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    undo: db.prepare<[string, string, number], CorrectionRow>(
      "UPDATE corrections SET undone_by = ?, undone_at = ? WHERE id = ? AND undone_at IS NULL RETURNING *",
    ),
    get: db.prepare<[number], CorrectionRow>("SELECT * FROM corrections WHERE id = ?"),
    of: db.prepare<[string], CorrectionRow>("SELECT * FROM corrections WHERE doc_id = ? ORDER BY id"),
    putCorrected: db.prepare<[string, number, string, string, string]>(
      `INSERT INTO corrected (doc_id, version, body, applied, stale) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(doc_id) DO UPDATE SET version = excluded.version, body = excluded.body,
         applied = excluded.applied, stale = excluded.stale`,
    ),
    dropCorrected: db.prepare<[string]>("DELETE FROM corrected WHERE doc_id = ?"),
    dropCorrections: db.prepare<[string]>("DELETE FROM corrections WHERE doc_id = ?"),
    turnLabels: db.prepare<[string | null, string | null, string, string, number]>(
      "UPDATE turns SET speaker_id = ?, speaker_name = ?, kind = ? WHERE doc_id = ? AND idx = ?",
    ),
  };

  const labelTurns = (doc: Document) => {
    for (const t of doc.turns) stmt.turnLabels.run(t.speakerId, t.speakerName, t.kind, doc.id, t.index);
  };

  return {
    add(c) {
      return toCorrection(stmt.add.get(...correctionParams(c)) as CorrectionRow);
    },
    addNumbered(c) {
      stmt.addNumbered.run(c.id, ...correctionParams(c));
    },
    undo(id, by, at) {
      const row = stmt.undo.get(by, at, id);
      return row ? toCorrection(row) : null;
    },
    of(docId) {
      return stmt.of.all(docId).map(toCorrection);
    },
    rebuild(current, docId) {
      const corrections = stmt.of.all(docId).map(toCorrection);
      if (!current || !corrections.some((c) => !c.undone)) {
        // Nothing to apply: the extracted record is the record, in the index too.
        if (stmt.dropCorrected.run(docId).changes > 0 && current) labelTurns(current.document);
        return;
      }
      const outcome = applyCorrections(current.document, corrections);
      stmt.putCorrected.run(
        docId,
        current.version,
        JSON.stringify(outcome.document),
        JSON.stringify(outcome.applied),
        JSON.stringify(outcome.stale),
      );
      labelTurns(outcome.document);
    },
    forget(docId) {
      stmt.dropCorrected.run(docId);
      stmt.dropCorrections.run(docId);
    },
  };
}
