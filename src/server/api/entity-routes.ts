/**
 * Curation of entities found in documents over the API: the unlisted entities by how many
 * documents name them, the log of decisions (anyone), and a decision made (an editor's token or
 * the operator's): merge, link to Wikidata, reject, split, promote into the gazetteer. The
 * documents that name the entity are enriched again before the answer.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { VerbatimError } from "../../errors/catalog.js";
import { ENTITY_TYPES } from "../../model/entity.js";
import { ENTITY_ACTIONS } from "../../model/entity-curation.js";
import type { AppDeps } from "../deps.js";
import { errorResponses } from "./schemas.js";

const FoundEntitySchema = z
  .object({
    id: z.string(),
    type: z.enum(ENTITY_TYPES),
    name: z.string(),
    forms: z.array(z.string()),
    documents: z.number().int(),
    mentions: z.number().int(),
  })
  .openapi("FoundEntity");

const DecisionSchema = z
  .object({
    seq: z.number().int(),
    decision: z.record(z.string(), z.unknown()),
    author: z.string(),
    reason: z.string(),
    at: z.string(),
  })
  .openapi("EntityDecision");

const foundRoute = createRoute({
  method: "get",
  path: "/api/entities/found",
  summary: "Entities found in documents that no list holds, those most documents name first",
  request: {
    query: z.object({
      type: z.enum(ENTITY_TYPES).optional(),
      name: z.string().max(200).optional().openapi({ description: "Part of the name, any case" }),
      limit: z.coerce.number().int().min(1).max(500).default(50),
      offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    }),
  },
  responses: {
    200: {
      content: {
        "application/json": {
          schema: z.object({ total: z.number().int(), entities: z.array(FoundEntitySchema) }),
        },
      },
      description: "A page of found entities",
    },
    ...errorResponses,
  },
});

const decisionsRoute = createRoute({
  method: "get",
  path: "/api/entities/decisions",
  summary: "Every decision editors made about found entities, oldest first",
  responses: {
    200: { content: { "application/json": { schema: z.array(DecisionSchema) } }, description: "The log" },
    ...errorResponses,
  },
});

const decideRoute = createRoute({
  method: "post",
  path: "/api/entities/{id}/decisions",
  summary:
    "Decide about a found entity (an editor's token): merge it into another, link it to Wikidata, reject it, split some documents off, or promote it into the gazetteer",
  request: {
    params: z.object({
      id: z
        .string()
        .max(300)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
    body: {
      content: {
        "application/json": {
          schema: z.object({
            action: z.enum(ENTITY_ACTIONS),
            into: z
              .string()
              .max(300)
              .optional()
              .openapi({ description: "merge: the entity it is; split: the new id" }),
            wikidata: z
              .string()
              .max(20)
              .optional()
              .openapi({ description: "link, promote: a Wikidata id (Q7747)" }),
            documents: z.array(z.string().max(300)).max(10_000).optional().openapi({
              description: "split: the documents where the name is the other referent",
            }),
            name: z
              .string()
              .max(300)
              .optional()
              .openapi({ description: "promote: the name to list it under" }),
            reason: z.string().min(1).max(2000),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      content: {
        "application/json": {
          schema: z.object({ decision: DecisionSchema, reenriched: z.number().int(), more: z.boolean() }),
        },
      },
      description: "Recorded, and the documents naming the entity enriched again",
    },
    ...errorResponses,
  },
});

export function registerEntityApi(app: OpenAPIHono, deps: AppDeps): void {
  const { store } = deps;
  const writer = (c: { get: (key: never) => unknown }) => String(c.get("writer" as never) ?? "operator");

  app.openapi(foundRoute, async (c) => c.json(await store.foundEntities(c.req.valid("query")), 200));

  app.openapi(decisionsRoute, async (c) => c.json(await store.entityDecisions(), 200));

  app.openapi(decideRoute, async (c) => {
    if (!deps.curate) throw new VerbatimError("NOT_FOUND", { path: c.req.path });
    const { reason, ...request } = c.req.valid("json");
    const outcome = await deps.curate({ id: c.req.valid("param").id, ...request }, writer(c), reason);
    return c.json(outcome, 201);
  });
}
