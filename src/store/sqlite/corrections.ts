/**
 * Editors' corrections in SQLite (model/corrections.ts says what they do): the corrections made,
 * in order, and for each corrected document the record they give, kept beside the extracted one
 * and rebuilt whenever a correction is made or undone or another version becomes current. The
 * search index follows the corrected record: a speaker or kind changes its turns' rows; a split or
 * merge re-indexes the document and moves what enrichment found onto the new turns, keeping the
 * enrichment of the extracted turns (table `reshaped`) to move again or put back later.
 */
import type Database from "better-sqlite3";
import { applyCorrections, type Correction, type NewCorrection } from "../../model/corrections.js";
import type { Document } from "../../model/document.js";
import type { Enrichment } from "../../model/enrichment.js";
import { type Reshape, reshapeEnrichment } from "../../model/turn-reshape.js";
import { CORRECTION_COLUMNS, type CorrectionRow, correctionParams, toCorrection } from "../rows.js";
import type { EnrichmentIndex } from "./enrichment-index.js";
import type { SearchIndexWriter } from "./search-index.js";

export interface SqliteCorrections {
  add(c: NewCorrection): Correction;
  addNumbered(c: Correction): void;
  undo(id: number, by: string, at: string): Correction | null;
  of(docId: string): Correction[];
  /** Rebuilds a document's corrected record from its current version (the extracted one given). */
  rebuild(current: { document: Document; version: number } | null, docId: string): void;
  /** Indexes an enrichment of the extracted current version, moved onto split or merged turns. */
  putEnrichment(e: Enrichment): void;
  /** The enrichment of the extracted current version, wherever the index has moved it. */
  extractedEnrichment(docId: string): Enrichment | null;
  forget(docId: string): void;
}

interface ReshapedRow {
  version: number;
  reshapes: string;
  enrichment: string | null;
}

export function sqliteCorrections(
  db: Database.Database,
  parts: { index: SearchIndexWriter; enrichments: EnrichmentIndex },
): SqliteCorrections {
  const { index, enrichments } = parts;
  const stmt = {
    reshaped: db.prepare<[string], ReshapedRow>(
      "SELECT version, reshapes, enrichment FROM reshaped WHERE doc_id = ?",
    ),
    putReshaped: db.prepare<[string, number, string, string | null]>(
      `INSERT INTO reshaped (doc_id, version, reshapes, enrichment) VALUES (?, ?, ?, ?)
       ON CONFLICT(doc_id) DO UPDATE SET version = excluded.version, reshapes = excluded.reshapes,
         enrichment = excluded.enrichment`,
    ),
    dropReshaped: db.prepare<[string]>("DELETE FROM reshaped WHERE doc_id = ?"),
    currentVersion: db.prepare<[string], { version: number }>(
      "SELECT version FROM documents WHERE id = ? AND current = 1",
    ),
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
    index.touch(doc.id);
    for (const t of doc.turns) stmt.turnLabels.run(t.speakerId, t.speakerName, t.kind, doc.id, t.index);
  };

  /**
   * The enrichment of the extracted turns of this version: the copy kept while turns are
   * reshaped, else the index's own (which then holds the extracted turns). A copy kept for an
   * earlier version is no one's: that version's enrichment went when it stopped being current.
   */
  const extracted = (docId: string, version: number, held: ReshapedRow | undefined): Enrichment | null => {
    if (!held) return enrichments.get(docId);
    return held.version === version && held.enrichment ? (JSON.parse(held.enrichment) as Enrichment) : null;
  };

  /** Indexes a record whose turns differ from what the index holds, with its enrichment. */
  const reindex = (doc: Document, enrichment: Enrichment | null) => {
    index.putTurns(doc);
    if (enrichment) enrichments.put(enrichment);
    else enrichments.clear(doc.id);
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
      // A document never corrected has no corrected record and nothing held (forget drops all three):
      // the common case on ingest costs this one read.
      if (corrections.length === 0) return;
      const held = stmt.reshaped.get(docId);
      if (!current || !corrections.some((c) => !c.undone)) {
        // Nothing to apply: the extracted record is the record, in the index too.
        const dropped = stmt.dropCorrected.run(docId).changes > 0;
        if (held) {
          stmt.dropReshaped.run(docId);
          if (current) reindex(current.document, extracted(docId, current.version, held));
        } else if (dropped && current) labelTurns(current.document);
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
      const enrichment = held || outcome.reshapes.length > 0 ? extracted(docId, current.version, held) : null;
      if (outcome.reshapes.length > 0) {
        stmt.putReshaped.run(
          docId,
          current.version,
          JSON.stringify(outcome.reshapes),
          enrichment && JSON.stringify(enrichment),
        );
        reindex(outcome.document, enrichment && reshapeEnrichment(enrichment, outcome.reshapes));
      } else if (held) {
        stmt.dropReshaped.run(docId);
        reindex(outcome.document, enrichment);
      } else labelTurns(outcome.document);
    },
    putEnrichment(e) {
      const held = stmt.reshaped.get(e.documentId);
      if (!held || held.version !== stmt.currentVersion.get(e.documentId)?.version) {
        enrichments.put(e);
        return;
      }
      stmt.putReshaped.run(e.documentId, held.version, held.reshapes, JSON.stringify(e));
      enrichments.put(reshapeEnrichment(e, JSON.parse(held.reshapes) as Reshape[]));
    },
    extractedEnrichment(docId) {
      const held = stmt.reshaped.get(docId);
      const version = stmt.currentVersion.get(docId)?.version;
      return version === undefined ? null : extracted(docId, version, held);
    },
    forget(docId) {
      stmt.dropReshaped.run(docId);
      stmt.dropCorrected.run(docId);
      stmt.dropCorrections.run(docId);
    },
  };
}
