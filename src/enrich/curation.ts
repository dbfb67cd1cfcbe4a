/**
 * Applies editors' decisions about found entities (model/entity-curation.ts) to an enrichment:
 * mentions of a merged entity name the entity it was merged into, of a linked one its Wikidata
 * item, of a rejected one nothing; in the documents a split names, the other referent. Promoted
 * entities join the gazetteer (`promoted`), so the matcher finds them as listed everywhere, and
 * their earlier found id leads to the listed one. Pure: re-enrichment after a decision gives the
 * same archive as enriching afresh.
 */
import type { Enrichment } from "../model/enrichment.js";
import type { Entity } from "../model/entity.js";
import { decisionTarget, type EntityDecision } from "../model/entity-curation.js";

type Split = Extract<EntityDecision, { action: "split" }>;

export class EntityCuration {
  /** The latest merge, link, reject or promote about each id: it holds. */
  private readonly latest = new Map<string, Exclude<EntityDecision, Split>>();
  /** Every split of each id, oldest first: each takes its own documents, whatever came after. */
  private readonly splits = new Map<string, Split[]>();

  constructor(readonly decisions: readonly EntityDecision[] = []) {
    for (const d of decisions) {
      if (d.action === "split") this.splits.set(d.id, [...(this.splits.get(d.id) ?? []), d]);
      else this.latest.set(d.id, d);
    }
  }

  get size(): number {
    return this.latest.size + this.splits.size;
  }

  /** Entities editors promoted into the gazetteer. */
  get promoted(): Entity[] {
    return [...this.latest.values()].flatMap((d) => (d.action === "promote" ? [d.entity] : []));
  }

  /** One step from `id` in document `docId`: another id, null for no name, or `id` itself when nothing was decided. */
  private step(id: string, docId: string): string | null {
    for (const split of this.splits.get(id) ?? []) if (split.documents.includes(docId)) return split.into;
    const d = this.latest.get(id);
    return d ? decisionTarget(d) : id;
  }

  /**
   * Where a mention of `id` in document `docId` leads: another id, or null when it is no name. A
   * cycle (refused when decided, but a log may hold one) leaves the mention where it was.
   */
  resolve(id: string, docId: string): string | null {
    const seen = new Set<string>([id]);
    let at = id;
    for (;;) {
      const next = this.step(at, docId);
      if (next === null) return null;
      if (next === at) return at;
      if (seen.has(next)) return id;
      seen.add(next);
      at = next;
    }
  }

  apply(e: Enrichment): Enrichment {
    if (this.size === 0) return e;
    const renamed = new Map<string, string | null>();
    const target = (id: string) => {
      let to = renamed.get(id);
      if (to === undefined) {
        to = this.resolve(id, e.documentId);
        renamed.set(id, to);
      }
      return to;
    };
    const mentions = e.mentions.flatMap((m) => {
      const to = target(m.entityId);
      return to === null ? [] : [to === m.entityId ? m : { ...m, entityId: to }];
    });
    // An entity found here keeps its names under the id its mentions now lead to, unless that is a
    // listed entity (the gazetteer holds its names) or a promoted one.
    const promoted = new Set(this.promoted.map((p) => p.id));
    const entities = new Map<string, Entity>();
    for (const entity of e.entities ?? []) {
      const to = target(entity.id);
      if (to === null || promoted.has(to)) continue;
      if (!to.startsWith("found:") && !/^Q\d+$/.test(to)) continue;
      if (!entities.has(to)) entities.set(to, { ...entity, id: to });
    }
    return { ...e, mentions, entities: [...entities.values()] };
  }
}
