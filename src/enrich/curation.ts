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
import type { EntityDecision } from "../model/entity-curation.js";

/** How far a chain of merges is followed: a cycle made by hand ends here instead of looping. */
const MAX_HOPS = 8;

export class EntityCuration {
  private readonly latest = new Map<string, EntityDecision>();

  constructor(readonly decisions: readonly EntityDecision[] = []) {
    for (const d of decisions) this.latest.set(d.id, d);
  }

  get size(): number {
    return this.latest.size;
  }

  /** Entities editors promoted into the gazetteer. */
  get promoted(): Entity[] {
    return [...this.latest.values()].flatMap((d) => (d.action === "promote" ? [d.entity] : []));
  }

  /** Where a mention of `id` in document `docId` leads: another id, or null when it is no name. */
  resolve(id: string, docId: string): string | null {
    let at = id;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const d = this.latest.get(at);
      if (!d) return at;
      if (d.action === "reject") return null;
      const next =
        d.action === "merge"
          ? d.into
          : d.action === "link"
            ? d.wikidata
            : d.action === "promote"
              ? d.entity.id
              : d.documents.includes(docId)
                ? d.into
                : null;
      if (next === null || next === at) return at;
      at = next;
    }
    return at;
  }

  apply(e: Enrichment): Enrichment {
    if (this.latest.size === 0) return e;
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
