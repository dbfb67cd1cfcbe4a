/**
 * Editors' decisions about found entities (model/entity-curation.ts), and the found entities with
 * how often the archive names them, in SQLite.
 */
import type Database from "better-sqlite3";
import {
  decisionTarget,
  type FoundEntitySummary,
  type NewEntityDecision,
  type StoredEntityDecision,
} from "../../model/entity-curation.js";
import {
  type DecisionRow,
  decisionFromRow,
  type FoundRow,
  foundEntitiesQuery,
  foundFromRow,
} from "../entity-decisions.js";
import type { FoundEntityOptions } from "../store.js";

export const ENTITY_DECISIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS entity_decisions (
    seq    INTEGER PRIMARY KEY,
    id     TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    body   TEXT NOT NULL,
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS entity_decisions_id ON entity_decisions (id);`;

export function sqliteEntityDecisions(db: Database.Database) {
  // SQLite's lower() folds ASCII only: "Фрилэнд" and "École" must match as PostgreSQL's do.
  db.function("verbatim_lower", { deterministic: true }, (v: unknown) => String(v ?? "").toLowerCase());
  const stmt = {
    put: db.prepare<[string, string, string | null, string, string, string, string]>(
      "INSERT INTO entity_decisions (id, action, target, body, author, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    all: db.prepare<[], DecisionRow>(
      "SELECT seq, body, author, reason, at FROM entity_decisions ORDER BY seq",
    ),
    mentioning: db.prepare<[string, number], { id: string }>(
      "SELECT d.id FROM (SELECT DISTINCT doc_n FROM mentions WHERE entity = ?) m JOIN doc_index d ON d.n = m.doc_n ORDER BY d.id LIMIT ?",
    ),
  };
  return {
    put(d: NewEntityDecision): StoredEntityDecision {
      const info = stmt.put.run(
        d.decision.id,
        d.decision.action,
        decisionTarget(d.decision),
        JSON.stringify(d.decision),
        d.author,
        d.reason,
        d.at,
      );
      return { ...d, seq: Number(info.lastInsertRowid) };
    },
    all(): StoredEntityDecision[] {
      return stmt.all.all().map(decisionFromRow);
    },
    found(o: FoundEntityOptions): { total: number; entities: FoundEntitySummary[] } {
      const { from, params } = foundEntitiesQuery(o, () => "?", "verbatim_lower");
      const total = (
        db.prepare(`SELECT count(DISTINCT m.entity) AS n ${from}`).get(...params) as { n: number }
      ).n;
      const rows = db
        .prepare(
          `SELECT e.id, e.type, e.name, e.forms, count(*) AS mentions, count(DISTINCT m.doc_n) AS documents ${from}
           GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.id LIMIT ? OFFSET ?`,
        )
        .all(...params, o.limit, o.offset) as FoundRow[];
      return { total, entities: rows.map(foundFromRow) };
    },
    mentioning(entityId: string, limit: number): string[] {
      return stmt.mentioning.all(entityId, limit).map((r) => r.id);
    },
  };
}
