/**
 * Editors' decisions about found entities (model/entity-curation.ts), and the found entities with
 * how often the archive names them, in PostgreSQL.
 */
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
import { one, type Queryable, rows } from "./db.js";

export const PG_ENTITY_DECISIONS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS entity_decisions (
    seq    BIGSERIAL PRIMARY KEY,
    id     TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    body   TEXT NOT NULL,
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    at     TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS entity_decisions_id ON entity_decisions (id);`;

export const pgEntityDecisions = {
  async put(db: Queryable, d: NewEntityDecision): Promise<StoredEntityDecision> {
    const row = await one<{ seq: string }>(
      db,
      `INSERT INTO entity_decisions (id, action, target, body, author, reason, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING seq`,
      [
        d.decision.id,
        d.decision.action,
        decisionTarget(d.decision),
        JSON.stringify(d.decision),
        d.author,
        d.reason,
        d.at,
      ],
    );
    return { ...d, seq: Number(row?.seq) };
  },

  async all(db: Queryable): Promise<StoredEntityDecision[]> {
    return (
      await rows<DecisionRow>(db, "SELECT seq, body, author, reason, at FROM entity_decisions ORDER BY seq")
    ).map(decisionFromRow);
  },

  async found(
    db: Queryable,
    o: FoundEntityOptions,
  ): Promise<{ total: number; entities: FoundEntitySummary[] }> {
    const { from, params } = foundEntitiesQuery(o, (n) => `$${n}`, "lower");
    const total = await one<{ n: string }>(db, `SELECT count(DISTINCT m.entity) AS n ${from}`, params);
    const list = await rows<FoundRow>(
      db,
      `SELECT e.id, e.type, e.name, e.forms, count(*) AS mentions, count(DISTINCT m.doc_n) AS documents ${from}
       GROUP BY e.id, e.type, e.name, e.forms
       ORDER BY documents DESC, mentions DESC, e.id COLLATE "C" LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, o.limit, o.offset],
    );
    return { total: Number(total?.n ?? 0), entities: list.map(foundFromRow) };
  },

  async mentioning(db: Queryable, entityId: string, limit: number): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT d.id FROM (SELECT DISTINCT doc_n FROM mentions WHERE entity = $1) m
       JOIN doc_index d ON d.n = m.doc_n ORDER BY d.id COLLATE "C" LIMIT $2`,
      [entityId, limit],
    );
    return found.map((r) => r.id);
  },
};
