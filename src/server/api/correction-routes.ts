/**
 * Corrections over the API: a document's log (anyone), a correction made or undone (an editor's
 * token or the operator's; requireToken lets these two writes through for editors).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { makeCorrection, undoCorrection } from "../../archive/corrections.js";
import { TURN_KINDS } from "../../model/document.js";
import type { AppDeps } from "../deps.js";
import { errorResponses } from "./schemas.js";

const turn = z.number().int().min(0).max(100_000);

const OpSchema = z
  .discriminatedUnion("op", [
    z.object({
      op: z.literal("speaker"),
      turn,
      speakerId: z.string().max(200).nullable(),
      speakerName: z.string().max(300).nullable(),
    }),
    z.object({ op: z.literal("kind"), turn, kind: z.enum(TURN_KINDS) }),
    z.object({ op: z.literal("pair"), question: turn, answer: turn }),
    z.object({ op: z.literal("unpair"), question: turn, answer: turn }),
    z.object({
      op: z.literal("split"),
      turn,
      paragraph: z.number().int().min(0).max(100_000),
      at: z.number().int().min(0).max(10_000_000).openapi({
        description:
          "Where the new turn begins in that paragraph, in UTF-16 code units; 0 with a later paragraph: the whole paragraph begins it",
      }),
    }),
    z.object({ op: z.literal("merge"), turn }).openapi({ description: "The turn and the next become one" }),
  ])
  .openapi("CorrectionOp", {
    description: "What to correct; turns are numbered from 0 as in the document's JSON",
  });

const CorrectionSchema = z
  .object({
    id: z.number().int(),
    documentId: z.string(),
    op: OpSchema,
    anchors: z.array(z.object({ turn: z.number().int(), text: z.string() })),
    author: z.string(),
    reason: z.string(),
    at: z.string(),
    undone: z.object({ by: z.string(), at: z.string() }).nullable(),
  })
  .openapi("Correction");

const idParam = z.object({
  id: z
    .string()
    .max(200)
    .openapi({ param: { name: "id", in: "path" } }),
});

const listRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/corrections",
  summary: "A document's corrections, undone ones too, in the order they were made",
  request: { params: idParam },
  responses: {
    200: { content: { "application/json": { schema: z.array(CorrectionSchema) } }, description: "The log" },
    ...errorResponses,
  },
});

const makeRoute = createRoute({
  method: "post",
  path: "/api/documents/{id}/corrections",
  summary:
    "Correct the current version: split or merge turns, a turn's speaker or kind, or which answer answers which question (an editor's token)",
  request: {
    params: idParam,
    body: {
      content: {
        "application/json": {
          schema: z.object({ op: OpSchema, reason: z.string().min(1).max(2000) }),
        },
      },
    },
  },
  responses: {
    201: { content: { "application/json": { schema: CorrectionSchema } }, description: "Made and applied" },
    ...errorResponses,
  },
});

const undoRoute = createRoute({
  method: "post",
  path: "/api/corrections/{correction}/undo",
  summary: "Undo a correction (it stays in the log, marked undone; an editor's token)",
  request: {
    params: z.object({
      correction: z.coerce
        .number()
        .int()
        .min(1)
        .openapi({ param: { name: "correction", in: "path" } }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: CorrectionSchema } }, description: "Undone" },
    ...errorResponses,
  },
});

export function registerCorrectionApi(app: OpenAPIHono, deps: AppDeps): void {
  const { store } = deps;
  const writer = (c: { get: (key: never) => unknown }) => String(c.get("writer" as never) ?? "operator");

  app.openapi(listRoute, async (c) => c.json(await store.corrections(c.req.valid("param").id), 200));

  app.openapi(makeRoute, async (c) => {
    const { op, reason } = c.req.valid("json");
    const made = await makeCorrection(store, c.req.valid("param").id, { op, reason, author: writer(c) });
    return c.json(made, 201);
  });

  app.openapi(undoRoute, async (c) =>
    c.json(await undoCorrection(store, c.req.valid("param").correction, writer(c)), 200),
  );
}
