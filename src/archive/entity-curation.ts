/**
 * Editors' decisions about entities found in documents (model/entity-curation.ts): checked,
 * recorded, and carried into the archive by enriching again the documents that name the entity.
 * A promoted entity joins the gazetteer; documents that name it but where nothing found it yet are
 * reached by `verbatim reenrich`, which the answer says.
 */
import { enrichDocument } from "../enrich/enrich.js";
import { loadLanguageDetection } from "../enrich/language.js";
import { VerbatimError } from "../errors/catalog.js";
import { FOUND_PREFIX, isFoundEntity } from "../model/entity.js";
import { type EntityDecision, type StoredEntityDecision, WIKIDATA_ID } from "../model/entity-curation.js";
import type { Archive } from "./open.js";

/** Documents enriched again in the request; more are left to `verbatim reenrich`. */
export const REENRICH_AT_ONCE = 2000;

export interface EntityDecisionRequest {
  id: string;
  action: EntityDecision["action"];
  into?: string;
  wikidata?: string;
  documents?: string[];
  /** For a promotion: the name the gazetteer lists it under (else the found name). */
  name?: string;
}

export interface EntityDecisionOutcome {
  decision: StoredEntityDecision;
  /** Documents enriched again. */
  reenriched: number;
  /** More documents name the entity than were enriched again: `verbatim reenrich` reaches them. */
  more: boolean;
}

/** Places and countries are one kind to a reader: "Crimea" may be merged into either. */
const sameKind = (a: string, b: string) =>
  a === b || ((a === "place" || a === "country") && (b === "place" || b === "country"));

const invalid = (id: string, reason: string) => new VerbatimError("ENTITY_DECISION_INVALID", { id, reason });

/** The decision a request makes, checked against the archive. */
async function decisionFor(archive: Archive, r: EntityDecisionRequest): Promise<EntityDecision> {
  const { store } = archive;
  if (!isFoundEntity(r.id)) throw invalid(r.id, "only entities found in documents (ids found:…) are curated");
  const entity = await store.getEntity(r.id);
  if (!entity) throw new VerbatimError("ENTITY_NOT_FOUND", { id: r.id });
  switch (r.action) {
    case "reject":
      return { action: "reject", id: r.id };
    case "merge": {
      if (!r.into || r.into === r.id) throw invalid(r.id, "merge needs another entity's id in `into`");
      const into = await store.getEntity(r.into);
      if (!into) throw new VerbatimError("ENTITY_NOT_FOUND", { id: r.into });
      if (!sameKind(entity.type, into.type))
        throw invalid(r.id, `a ${entity.type} cannot be merged into a ${into.type}`);
      // What the target already leads to must not lead back here.
      if ((await archive.curation()).resolve(r.into, "") === r.id)
        throw invalid(r.id, `${r.into} is already merged into it`);
      return { action: "merge", id: r.id, into: r.into };
    }
    case "link": {
      if (!r.wikidata || !WIKIDATA_ID.test(r.wikidata))
        throw invalid(r.id, "link needs a Wikidata id such as Q7747");
      return { action: "link", id: r.id, wikidata: r.wikidata };
    }
    case "split": {
      const documents = [...new Set(r.documents ?? [])];
      if (documents.length === 0 || documents.length > 10_000)
        throw invalid(r.id, "split needs the documents (1 to 10,000 ids) where the other referent is named");
      const naming = new Set(await store.documentsMentioning(r.id, 10_001));
      const other = documents.find((d) => !naming.has(d));
      if (other) throw invalid(r.id, `document ${other} does not name it`);
      const used = new Set(
        (await store.entityDecisions()).flatMap((d) =>
          d.decision.action === "split" ? [d.decision.into] : [],
        ),
      );
      const free = async (id: string) => !used.has(id) && !(await store.getEntity(id));
      let into = r.into;
      if (into) {
        if (!isFoundEntity(into) || into === r.id || !(await free(into)))
          throw invalid(r.id, "a split's `into` must be a new found: id");
      } else {
        for (let n = 2; !into || !(await free(into)); n++) into = `${r.id}~${n}`;
      }
      return { action: "split", id: r.id, documents, into };
    }
    case "promote": {
      if (r.wikidata && !WIKIDATA_ID.test(r.wikidata)) throw invalid(r.id, "a Wikidata id looks like Q7747");
      const id = r.wikidata ?? `vb:${r.id.slice(FOUND_PREFIX.length).replace(/:/g, "-")}`;
      const name = r.name?.trim() || entity.name;
      return { action: "promote", id: r.id, entity: { ...entity, id, name } };
    }
    default:
      throw invalid(r.id, `unknown action ${String(r.action)}`);
  }
}

/** Decisions about one archive are made one at a time: two at once would re-enrich over each other. */
const queues = new WeakMap<Archive, Promise<unknown>>();

export function decideEntity(
  archive: Archive,
  request: EntityDecisionRequest,
  author: string,
  reason: string,
  at: string = new Date().toISOString(),
): Promise<EntityDecisionOutcome> {
  const previous = queues.get(archive) ?? Promise.resolve();
  const next = previous.catch(() => {}).then(() => decide(archive, request, author, reason, at));
  queues.set(archive, next);
  return next;
}

async function decide(
  archive: Archive,
  request: EntityDecisionRequest,
  author: string,
  reason: string,
  at: string,
): Promise<EntityDecisionOutcome> {
  const { store } = archive;
  const decision = await decisionFor(archive, request);
  const named = await store.documentsMentioning(request.id, REENRICH_AT_ONCE + 1);
  const stored = await store.putEntityDecision({ decision, author, reason, at });
  archive.reloadEntities();
  if (decision.action === "promote") await archive.putEntities();
  const ids = named.slice(0, REENRICH_AT_ONCE);
  const matcher = await archive.matcher();
  await loadLanguageDetection();
  let reenriched = 0;
  // Enrichment belongs to the extracted turns; the store moves it onto any an editor split or merged.
  for await (const doc of store.list({ extracted: true, ids })) {
    await store.putEnrichment(enrichDocument(doc, matcher));
    reenriched++;
  }
  return { decision: stored, reenriched, more: named.length > ids.length };
}
