/**
 * Language versions in the API: a pair's alignment (JSON, TMX or CSV, by paragraph or sentence),
 * its divergence report, the archive's most divergent pairs, and linking or unlinking by hand.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { alignedSegments } from "../../align/segments.js";
import { linkByHand, linkedAlignPair, unlinkByHand } from "../../align/service.js";
import { alignedCsv, alignedTmx } from "../../export/tmx.js";
import type { AppDeps } from "../deps.js";
import { errorResponses, SummarySchema, unauthorizedResponse } from "./schemas.js";

const pairParams = z.object({
  id: z
    .string()
    .max(200)
    .openapi({ param: { name: "id", in: "path" } }),
  other: z
    .string()
    .max(200)
    .openapi({ param: { name: "other", in: "path" } }),
});

const LinkSchema = z.object({
  a: z.array(z.number().int()),
  b: z.array(z.number().int()),
  confidence: z.number(),
});

const AlignmentSchema = z
  .object({
    a: z.string(),
    b: z.string(),
    version: z.number().int(),
    turns: z.array(LinkSchema),
    paragraphs: z
      .array(LinkSchema)
      .openapi({ description: "Paragraph indices count through the whole document, turn by turn, from 0" }),
    sentences: z.array(
      z.object({
        group: z.number().int(),
        a: z.array(z.tuple([z.number().int(), z.number().int()])),
        b: z.array(z.tuple([z.number().int(), z.number().int()])),
        confidence: z.number(),
      }),
    ),
    divergence: z.object({
      score: z.number(),
      onlyA: z.number().int(),
      onlyB: z.number().int(),
      lengthOutliers: z.number().int(),
      numberMismatches: z.number().int(),
      entityMismatches: z.number().int(),
      passages: z.array(
        z.object({
          link: z.number().int(),
          a: z.array(z.number().int()),
          b: z.array(z.number().int()),
          kind: z.enum(["only-a", "only-b", "longer-a", "longer-b", "numbers", "entities"]),
          onlyA: z.array(z.string()),
          onlyB: z.array(z.string()),
        }),
      ),
    }),
  })
  .openapi("Alignment");

const alignmentRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/alignment/{other}",
  summary:
    "Align two language versions: turns, paragraphs and sentences with confidences, and where they differ; or the aligned pairs as TMX or CSV",
  request: {
    params: pairParams,
    query: z.object({
      format: z
        .enum(["json", "tmx", "csv"])
        .optional()
        .openapi({ description: "json (default), tmx or csv" }),
      level: z
        .enum(["sentence", "paragraph"])
        .optional()
        .openapi({ description: "Segments of the TMX or CSV (default: sentence)" }),
    }),
  },
  responses: {
    200: {
      content: {
        "application/json": { schema: AlignmentSchema },
        "application/x-tmx+xml": { schema: z.string() },
        "text/csv": { schema: z.string() },
      },
      description: "The alignment",
    },
    ...errorResponses,
  },
});

const DivergentPairSchema = z.object({
  a: z.string(),
  b: z.string(),
  version: z.number().int(),
  score: z.number(),
  onlyA: z.number().int(),
  onlyB: z.number().int(),
  lengthOutliers: z.number().int(),
  numberMismatches: z.number().int(),
  entityMismatches: z.number().int(),
  titleA: z.string(),
  titleB: z.string(),
  languageA: z.string(),
  languageB: z.string(),
  date: z.string().nullable(),
});

const divergenceRoute = createRoute({
  method: "get",
  path: "/api/divergence",
  summary: "Linked language versions, most divergent first",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).optional(),
      offset: z.coerce
        .number()
        .int()
        .min(0)
        .max(10_000_000)
        .optional()
        .openapi({ description: "Pairs to skip" }),
      publisher: z.string().max(200).optional().openapi({ description: "Only this publisher's pairs" }),
      lang: z
        .string()
        .max(20)
        .optional()
        .openapi({ description: "Only pairs with one side in this language" }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: z.array(DivergentPairSchema) } }, description: "Pairs" },
    ...errorResponses,
  },
});

const ConflictSchema = z
  .object({ a: SummarySchema, b: SummarySchema, reasons: z.array(z.string()) })
  .openapi("VersionConflict");

const conflictsRoute = createRoute({
  method: "get",
  path: "/api/conflicts",
  summary:
    "Pairs a publisher's key calls versions but the texts contradict (or a language would get two): not linked until decided by hand",
  request: {
    query: z.object({
      id: z.string().max(200).optional().openapi({ description: "Only the conflicts of this document" }),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: z.array(ConflictSchema) } }, description: "Conflicts" },
    ...errorResponses,
  },
});

const HandLinkSchema = z.object({ a: z.string(), b: z.string(), linked: z.boolean() });

/** Linking (PUT) or unlinking (DELETE) two documents by hand: one shape, answered with the pair and its state. */
const handRoute = (method: "put" | "delete", summary: string) =>
  createRoute({
    method,
    path: "/api/documents/{id}/languages/{other}",
    summary,
    security: [{ bearer: [] }],
    request: { params: pairParams },
    responses: {
      200: {
        content: { "application/json": { schema: HandLinkSchema } },
        description: "The pair and whether it is now linked",
      },
      ...unauthorizedResponse,
      ...errorResponses,
    },
  });

const linkRoute = handRoute(
  "put",
  "Link two documents as language versions by hand; needs the operator's token",
);
const unlinkRoute = handRoute(
  "delete",
  "Unlink two documents by hand (keys and evidence no longer link them); needs the operator's token",
);

export function registerAlignmentApi(app: OpenAPIHono, deps: AppDeps): void {
  const { store } = deps;
  const matcher = deps.matcher ?? null;

  app.openapi(alignmentRoute, async (c) => {
    const { id, other } = c.req.valid("param");
    const { format = "json", level = "sentence" } = c.req.valid("query");
    const pair = await linkedAlignPair(store, id, other, matcher);
    if (format === "json") {
      const { a: _a, b: _b, ...divergence } = pair.report;
      return c.json({ ...pair.alignment, divergence }, 200);
    }
    const segments = alignedSegments(pair, level);
    const name = `${id}--${other}.${level}.${format}`.replace(/[^\w.-]/g, "_");
    const disposition = { "content-disposition": `attachment; filename="${name}"` };
    if (format === "tmx")
      return c.body(alignedTmx(pair.a, pair.b, segments, level), 200, {
        "content-type": "application/x-tmx+xml; charset=utf-8",
        ...disposition,
      });
    return c.body(alignedCsv(pair.a, pair.b, segments), 200, {
      "content-type": "text/csv; charset=utf-8",
      ...disposition,
    });
  });

  app.openapi(divergenceRoute, async (c) => {
    const { limit = 100, offset, publisher, lang } = c.req.valid("query");
    return c.json(await store.divergentPairs(limit, { offset, publisher, language: lang }), 200);
  });

  app.openapi(conflictsRoute, async (c) => {
    const { id, limit } = c.req.valid("query");
    return c.json(await store.versionConflicts({ ...(id ? { id } : {}), limit: limit ?? 100 }), 200);
  });

  app.openapi(linkRoute, async (c) => {
    const { id, other } = c.req.valid("param");
    await linkByHand(store, id, other, matcher);
    return c.json({ a: id, b: other, linked: true }, 200);
  });

  app.openapi(unlinkRoute, async (c) => {
    const { id, other } = c.req.valid("param");
    await unlinkByHand(store, id, other);
    return c.json({ a: id, b: other, linked: false }, 200);
  });
}
