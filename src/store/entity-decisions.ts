/** What both backends share in keeping editors' decisions about found entities. */
import { type EntityType, FOUND_PREFIX } from "../model/entity.js";
import type { FoundEntitySummary, StoredEntityDecision } from "../model/entity-curation.js";

/** LIKE's own characters in a user's text are matched as themselves. */
export const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A decision as both backends store it: the decision as JSON, its author, reason and time. */
export interface DecisionRow {
  seq: number | string;
  body: string;
  author: string;
  reason: string;
  at: string;
}

export const decisionFromRow = (r: DecisionRow): StoredEntityDecision => ({
  seq: Number(r.seq),
  decision: JSON.parse(r.body) as StoredEntityDecision["decision"],
  author: r.author,
  reason: r.reason,
  at: r.at,
});

/** A found entity with its counts as both backends read it (PostgreSQL's counts come as text). */
export interface FoundRow {
  id: string;
  type: string;
  name: string;
  forms: string;
  mentions: number | string;
  documents: number | string;
}

export const foundFromRow = (r: FoundRow): FoundEntitySummary => ({
  id: r.id,
  type: r.type as EntityType,
  name: r.name,
  forms: (JSON.parse(r.forms) as { text: string }[]).map((f) => f.text),
  documents: Number(r.documents),
  mentions: Number(r.mentions),
});

/** The query that lists found entities, filtered by type and name: the same SQL on both backends. */
export function foundEntitiesQuery(
  o: { type?: string; name?: string },
  placeholder: (n: number) => string,
  lower: string,
): { from: string; params: string[] } {
  const params = [`${FOUND_PREFIX}%`];
  const where = [`m.entity LIKE ${placeholder(1)}`];
  if (o.type) {
    params.push(o.type);
    where.push(`e.type = ${placeholder(params.length)}`);
  }
  if (o.name) {
    params.push(likePattern(o.name));
    where.push(`${lower}(e.name) LIKE ${placeholder(params.length)} ESCAPE '\\'`);
  }
  return { from: `FROM mentions m JOIN entities e ON e.id = m.entity WHERE ${where.join(" AND ")}`, params };
}
