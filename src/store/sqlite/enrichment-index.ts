/**
 * Stores what enrichment found for the current version of a document: mentions (by turn), time
 * expressions, turn languages. Replaced wholesale on re-enrichment; cleared when a new version
 * of the document arrives without one.
 */
import type Database from "better-sqlite3";
import type { Enrichment } from "../../model/enrichment.js";
import type { EntityType } from "../../model/entity.js";
import type { SearchIndexWriter } from "./search-index.js";

export interface EnrichmentIndex {
  put(enrichment: Enrichment): void;
  clear(docId: string): void;
  get(docId: string): Enrichment | null;
}

/** `catalog` hears of every document whose turn languages and mentions change. */
export function enrichmentIndex(
  db: Database.Database,
  catalog: Pick<SearchIndexWriter, "touch">,
): EnrichmentIndex {
  const stmt = {
    docN: db.prepare<[string], { n: number }>("SELECT n FROM doc_index WHERE id = ?"),
    turns: db.prepare<[string], { rowid: number; idx: number }>(
      "SELECT rowid, idx FROM turns WHERE doc_id = ?",
    ),
    clearMentions: db.prepare<[number]>("DELETE FROM mentions WHERE doc_n = ?"),
    clearTimes: db.prepare<[number]>("DELETE FROM time_expressions WHERE doc_n = ?"),
    clearState: db.prepare<[string]>("DELETE FROM enrichment_state WHERE doc_id = ?"),
    clearLanguages: db.prepare<[string]>("UPDATE turns SET language = NULL WHERE doc_id = ?"),
    mention: db.prepare(
      "INSERT INTO mentions (doc_n, turn_idx, turn_rowid, entity, type, paragraph, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    time: db.prepare(
      "INSERT INTO time_expressions (doc_n, turn_idx, paragraph, start, end, text, value) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    language: db.prepare<[string, number]>("UPDATE turns SET language = ? WHERE rowid = ?"),
    // An entity found in the text keeps the names of the first document that named it.
    entity: db.prepare<[string, string, string, string]>(
      "INSERT INTO entities (id, type, name, forms) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
    ),
    state: db.prepare<[string, number]>(
      "INSERT INTO enrichment_state (doc_id, version) VALUES (?, ?) ON CONFLICT(doc_id) DO UPDATE SET version = excluded.version",
    ),
    getState: db.prepare<[string], { version: number }>(
      "SELECT version FROM enrichment_state WHERE doc_id = ?",
    ),
    getMentions: db.prepare<
      [number],
      { turn_idx: number; entity: string; type: string; paragraph: number; start: number; end: number }
    >(
      "SELECT turn_idx, entity, type, paragraph, start, end FROM mentions WHERE doc_n = ? ORDER BY turn_idx, paragraph, start",
    ),
    getTimes: db.prepare<
      [number],
      { turn_idx: number; paragraph: number; start: number; end: number; text: string; value: string }
    >(
      "SELECT turn_idx, paragraph, start, end, text, value FROM time_expressions WHERE doc_n = ? ORDER BY turn_idx, paragraph, start",
    ),
    getLanguages: db.prepare<[string], { language: string | null }>(
      "SELECT language FROM turns WHERE doc_id = ? ORDER BY idx",
    ),
  };

  const clearFor = (docId: string, n: number | undefined) => {
    catalog.touch(docId);
    if (n !== undefined) {
      stmt.clearMentions.run(n);
      stmt.clearTimes.run(n);
    }
    stmt.clearState.run(docId);
  };

  return {
    clear(docId) {
      clearFor(docId, stmt.docN.get(docId)?.n);
      stmt.clearLanguages.run(docId);
    },
    put(e) {
      const n = stmt.docN.get(e.documentId)?.n;
      if (n === undefined) return;
      clearFor(e.documentId, n);
      const rowOf = new Map(stmt.turns.all(e.documentId).map((t) => [t.idx, t.rowid]));
      // Before the mentions: a new entity that no turn mentions yet leaves the search catalogs'
      // count of entity names alone (turn-catalog.ts).
      for (const x of e.entities ?? []) stmt.entity.run(x.id, x.type, x.name, JSON.stringify(x.forms));
      for (const m of e.mentions) {
        stmt.mention.run(
          n,
          m.turn,
          // Labels and participants name who speaks, not what is spoken about: no turn filter sees them.
          m.paragraph >= 0 ? (rowOf.get(m.turn) ?? null) : null,
          m.entityId,
          m.type,
          m.paragraph,
          m.start,
          m.end,
        );
      }
      for (const t of e.times) stmt.time.run(n, t.turn, t.paragraph, t.start, t.end, t.text, t.value);
      e.turnLanguages.forEach((lang, idx) => {
        const rowid = rowOf.get(idx);
        if (rowid !== undefined) stmt.language.run(lang, rowid);
      });
      stmt.state.run(e.documentId, e.version);
    },
    get(docId) {
      const n = stmt.docN.get(docId)?.n;
      const state = stmt.getState.get(docId);
      if (n === undefined || !state) return null;
      return {
        version: state.version,
        documentId: docId,
        turnLanguages: stmt.getLanguages.all(docId).map((r) => r.language ?? ""),
        mentions: stmt.getMentions.all(n).map((m) => ({
          entityId: m.entity,
          type: m.type as EntityType,
          start: m.start,
          end: m.end,
          text: "",
          turn: m.turn_idx,
          paragraph: m.paragraph,
        })),
        times: stmt.getTimes.all(n).map((t) => ({
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
}
