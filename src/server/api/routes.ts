/**
 * The JSON API: everything the pages show, described by the OpenAPI document at
 * /api/openapi.json. Query text is parsed by the shared query language; errors are {code, message}.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { attachCounterparts } from "../../align/counterparts.js";
import { ingestAndLink } from "../../align/service.js";
import { VerbatimError } from "../../errors/catalog.js";
import { concordanceCsv, csvRow } from "../../export/csv.js";
import type { SourceItem } from "../../ingest/read/sources.js";
import { SpeakerRegistry } from "../../ingest/speakers/registry.js";
import type { SortOrder } from "../../model/search-results.js";
import { parseQuery } from "../../search/query/parse.js";
import { trendRows } from "../../web/pages/trend.js";
import type { AppDeps } from "../deps.js";
import { requireToken } from "../security.js";
import { registerAlignmentApi } from "./alignment-routes.js";
import { registerCorrectionApi } from "./correction-routes.js";
import { registerEntityApi } from "./entity-routes.js";
import { registerExportApi } from "./export-routes.js";
import { registerHistoryApi } from "./history-routes.js";
import {
  ConcordanceSchema,
  ErrorSchema,
  errorResponses,
  IngestReportSchema,
  idParam,
  MonthCountsSchema,
  SearchResultSchema,
  SpeakerSchema,
  StatsSchema,
  StoredDocumentSchema,
  SummarySchema,
  unauthorizedResponse,
  VersionsSchema,
  YearCountsSchema,
} from "./schemas.js";

const q = z
  .string()
  .min(1)
  .max(1000)
  .openapi({
    example: "sanctions speaker:lavrov type:interview date:2020",
    description:
      'The query language: words (stemmed), "exact phrases", prefix*, OR, -exclusion, and fields ' +
      'speaker: (any name or alias, any script), role: (held on the document\'s date, e.g. role:"foreign minister"), ' +
      "kind: (turn: question, answer…), type: (document: briefing, interview, press-conference…), lang:, publisher:, " +
      "date:2020-01..2020-12, doc:, mentions:",
  });
const intParam = (max: number) => z.coerce.number().int().min(1).max(max).optional();

const searchRoute = createRoute({
  method: "get",
  path: "/api/search",
  summary: "Search turns, grouped into documents, with exact counts, facets and snippets",
  request: {
    query: z.object({
      q,
      sort: z.enum(["relevance", "date", "date-asc"]).optional(),
      cursor: z.string().max(400).optional(),
      limit: intParam(100),
      facets: z.enum(["true", "false"]).optional(),
      aligned: z.enum(["true", "1", "false", "0"]).optional().openapi({
        description: "Add each matching turn's counterpart sentence in the other-language version",
      }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: SearchResultSchema } }, description: "Results" },
    ...errorResponses,
  },
});

const concordanceRoute = createRoute({
  method: "get",
  path: "/api/concordance",
  summary: "Every occurrence with left and right context (keyword in context)",
  request: { query: z.object({ q, limit: intParam(10_000), context: intParam(300) }) },
  responses: {
    200: { content: { "application/json": { schema: ConcordanceSchema } }, description: "Lines" },
    ...errorResponses,
  },
});

const trendRoute = createRoute({
  method: "get",
  path: "/api/trend",
  summary: "Matching turns and documents per year, with each year's total for relative frequencies",
  request: { query: z.object({ q, by: z.enum(["year", "month"]).optional() }) },
  responses: {
    200: {
      content: { "application/json": { schema: z.union([YearCountsSchema, MonthCountsSchema]) } },
      description: "Counts",
    },
    ...errorResponses,
  },
});

const documentRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}",
  summary: "One document, current version unless a version is given",
  request: {
    params: idParam("midru-74494b47f57c"),
    query: z.object({ version: intParam(1_000_000) }),
  },
  responses: {
    200: { content: { "application/json": { schema: StoredDocumentSchema } }, description: "The document" },
    ...errorResponses,
  },
});

const versionsRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/versions",
  summary: "Every stored version of a document",
  request: {
    params: idParam(),
  },
  responses: {
    200: { content: { "application/json": { schema: VersionsSchema } }, description: "Versions" },
    ...errorResponses,
  },
});

const speakerRoute = createRoute({
  method: "get",
  path: "/api/speakers/{id}",
  summary: "A registered speaker: names in several scripts, roles with dates",
  request: {
    params: idParam("sergey-lavrov"),
  },
  responses: {
    200: { content: { "application/json": { schema: SpeakerSchema } }, description: "The speaker" },
    ...errorResponses,
  },
});

const statsRoute = createRoute({
  method: "get",
  path: "/api/stats",
  summary: "Counts of documents, versions, turns, raw inputs and speakers",
  responses: { 200: { content: { "application/json": { schema: StatsSchema } }, description: "Counts" } },
});

const ingestRoute = createRoute({
  method: "post",
  path: "/api/documents",
  summary:
    "Ingest one page (HTML, text, Markdown or Verbatim JSON Lines) sent as the request body; needs the operator's token",
  security: [{ bearer: [] }],
  request: {
    headers: z.object({
      "x-verbatim-name": z.string().min(1).max(300).openapi({
        example: "2020-12-29-lavrov.en.txt",
        description: "File name (format hint and stable id)",
      }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: IngestReportSchema } }, description: "What was stored" },
    ...unauthorizedResponse,
    413: { content: { "application/json": { schema: ErrorSchema } }, description: "Body too large" },
    ...errorResponses,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/api/documents/{id}",
  summary: "Delete a document and all its versions; needs the operator's token",
  security: [{ bearer: [] }],
  request: {
    params: idParam(),
  },
  responses: {
    200: {
      content: { "application/json": { schema: z.object({ deleted: z.string() }) } },
      description: "Deleted",
    },
    ...unauthorizedResponse,
    ...errorResponses,
  },
});

const putSpeakerRoute = createRoute({
  method: "put",
  path: "/api/speakers/{id}",
  summary: "Create or replace a speaker (names, aliases, roles); needs the operator's token",
  security: [{ bearer: [] }],
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]*$/)
        .max(200)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
    body: { content: { "application/json": { schema: SpeakerSchema } }, required: true },
  },
  responses: {
    200: { content: { "application/json": { schema: SpeakerSchema } }, description: "The stored speaker" },
    ...unauthorizedResponse,
    ...errorResponses,
  },
});

const recentRoute = createRoute({
  method: "get",
  path: "/api/documents",
  summary: "The newest documents (what the home page lists)",
  request: { query: z.object({ limit: intParam(1000) }) },
  responses: {
    200: { content: { "application/json": { schema: z.array(SummarySchema) } }, description: "Documents" },
    ...errorResponses,
  },
});

const publishersRoute = createRoute({
  method: "get",
  path: "/api/publishers",
  summary: "Publishers and how many documents each has",
  responses: {
    200: {
      content: {
        "application/json": { schema: z.array(z.object({ publisher: z.string(), count: z.number().int() })) },
      },
      description: "Publishers",
    },
  },
});

const languagesRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/languages",
  summary:
    "Other-language versions of a document: linked by the publisher's keys, by evidence or by hand, with the pair's divergence once measured",
  request: {
    params: idParam(),
  },
  responses: {
    200: {
      content: {
        "application/json": {
          schema: z.array(
            SummarySchema.extend({
              method: z.enum(["key", "evidence", "manual"]),
              confidence: z.number(),
              divergence: z.number().nullable(),
            }),
          ),
        },
      },
      description: "Versions",
    },
    ...errorResponses,
  },
});

const entityRoute = createRoute({
  method: "get",
  path: "/api/entities/{id}",
  summary: "An entity: names, how often it is mentioned per year, who mentions it most, what it appears with",
  request: {
    params: idParam("TR"),
  },
  responses: {
    200: {
      content: {
        "application/json": {
          schema: z.object({
            entity: z.object({
              id: z.string(),
              type: z.string(),
              name: z.string(),
              forms: z.array(z.object({ text: z.string(), lang: z.string(), ambiguous: z.boolean() })),
            }),
            total: z.object({ turns: z.number().int(), documents: z.number().int() }),
            years: YearCountsSchema,
            speakers: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
            cooccurring: z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() })),
          }),
        },
      },
      description: "The entity",
    },
    ...errorResponses,
  },
});

export function registerApi(app: OpenAPIHono, deps: AppDeps): void {
  const { store } = deps;
  // Every write under /api needs the operator's token; reads (GET, HEAD) pass.
  app.use("/api/*", requireToken(deps.token, deps.editors ?? null));
  // Before /api/entities/{id}, which would take "found" and "decisions" for ids.
  registerEntityApi(app, deps);

  app.openapi(searchRoute, async (c) => {
    const query = c.req.valid("query");
    const result = await store.search(parseQuery(query.q), {
      sort: (query.sort ?? "relevance") as SortOrder,
      cursor: query.cursor ?? null,
      limit: query.limit ?? 20,
      facets: query.facets !== "false",
    });
    return c.json(
      query.aligned === "true" || query.aligned === "1"
        ? await attachCounterparts(result, store, deps.matcher ?? null)
        : result,
      200,
    );
  });

  app.openapi(concordanceRoute, async (c) => {
    const query = c.req.valid("query");
    return c.json(
      await store.concordance(parseQuery(query.q), {
        limit: query.limit ?? 500,
        context: query.context ?? 60,
      }),
      200,
    );
  });

  app.get("/api/concordance.csv", async (c) => {
    const text = c.req.query("q") ?? "";
    const result = await store.concordance(parseQuery(text), { limit: 10_000 });
    return c.body(concordanceCsv(result.lines), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="concordance.csv"',
    });
  });

  app.openapi(trendRoute, async (c) => {
    const { q: text, by } = c.req.valid("query");
    const query = parseQuery(text);
    return c.json(by === "month" ? await store.countsByMonth(query) : await store.countsByYear(query), 200);
  });

  app.get("/api/trend.csv", async (c) => {
    const query = parseQuery(c.req.query("q") ?? "");
    const byMonth = c.req.query("by") === "month";
    const counts = byMonth ? await store.countsByMonth(query) : await store.countsByYear(query);
    let csv = csvRow([
      byMonth ? "month" : "year",
      "turns",
      "documents",
      byMonth ? "turns_in_month" : "turns_in_year",
      "share",
      "counting",
    ]);
    for (const r of trendRows(counts)) {
      csv += csvRow([
        r.period,
        r.turns,
        r.documents,
        r.base,
        r.base ? (r.turns / r.base).toFixed(6) : "0",
        counts.counting,
      ]);
    }
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="trend.csv"',
    });
  });

  app.openapi(documentRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { version } = c.req.valid("query");
    const stored = await store.get(id, version);
    if (!stored) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    return c.json(stored, 200);
  });

  app.openapi(versionsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const versions = await store.versions(id);
    if (versions.length === 0) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    return c.json(versions, 200);
  });

  app.openapi(speakerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const speaker = await store.getSpeaker(id);
    if (!speaker) throw new VerbatimError("SPEAKER_NOT_FOUND", { id });
    return c.json(speaker, 200);
  });

  app.openapi(statsRoute, async (c) => c.json(await store.counts(), 200));
  app.openapi(entityRoute, async (c) => {
    const { id } = c.req.valid("param");
    const entity = await store.getEntity(id);
    if (!entity) throw new VerbatimError("NOT_FOUND", { path: c.req.path });
    const query = parseQuery(`mentions:${JSON.stringify(id)}`);
    const result = await store.search(query, { limit: 1, facets: true, turnsPerDocument: 0 });
    return c.json(
      {
        entity,
        total: result.total,
        years: await store.countsByYear(query),
        speakers: result.facets?.speaker ?? [],
        cooccurring: (result.facets?.entity ?? []).filter((e) => e.value !== id),
      },
      200,
    );
  });
  app.openapi(recentRoute, async (c) => c.json(await store.recent(c.req.valid("query").limit ?? 20), 200));
  app.openapi(publishersRoute, async (c) => c.json(await store.publishers(), 200));
  app.openapi(languagesRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await store.get(id))) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    return c.json(await store.languageVersions(id), 200);
  });

  registerAlignmentApi(app, deps);
  registerHistoryApi(app, deps);
  registerCorrectionApi(app, deps);
  registerExportApi(app, deps);

  app.openapi(deleteRoute, async (c) => {
    const { id } = c.req.valid("param");
    if (!(await store.delete(id))) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    return c.json({ deleted: id }, 200);
  });

  app.openapi(putSpeakerRoute, async (c) => {
    const { id } = c.req.valid("param");
    const speaker = { ...c.req.valid("json"), id };
    await store.putSpeakers([speaker]);
    // Pages sent through the API after an edit are read with it: the archive's speakers are the registry.
    deps.registry = new SpeakerRegistry(await store.listSpeakers());
    return c.json(speaker, 200);
  });
  app.openapi(ingestRoute, async (c) => {
    const name = c.req.valid("header")["x-verbatim-name"].replace(/[\\/]/g, "_");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    async function* one(): AsyncGenerator<SourceItem> {
      yield { type: "input", input: { source: `api:${name}`, name, bytes } };
    }
    const report = await ingestAndLink(
      one(),
      store,
      {
        registry: deps.registry,
        debateSpeakers: null,
        maxBytes: deps.maxBodyBytes,
        now: () => new Date(),
        matcher: deps.matcher ?? null,
      },
      deps.matcher ?? null,
    );
    return c.json(report, 200);
  });

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });
  app.doc("/api/openapi.json", {
    openapi: "3.0.0",
    info: {
      title: "Verbatim API",
      version: "1.0.0",
      description: "An archive of what officials said: search, documents, speakers, concordance and trends.",
    },
  });
}
