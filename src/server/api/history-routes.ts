/**
 * The web history over the API: a document's edits as word-level diffs, the archive's edits and
 * withdrawals (newest first, by date, publisher or search), and the captures a page was read from.
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { documentHistory } from "../../changes/history.js";
import { parseQuery } from "../../search/query/parse.js";
import type { ChangeEntry, DocumentStore, StoreBackend } from "../../store/store.js";
import type { AppDeps } from "../deps.js";
import { CaptureSchema, ChangeEntrySchema, DocumentHistorySchema } from "./history-schemas.js";
import { errorResponses } from "./schemas.js";

const historyRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/changes",
  summary: "A document's edits: each version against the one before, word by word, and any withdrawal",
  request: {
    params: z.object({
      id: z
        .string()
        .max(200)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: DocumentHistorySchema } }, description: "The history" },
    ...errorResponses,
  },
});

const capturesRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/captures",
  summary: "Every HTTP response received for a document's page, with its place in the WARC files",
  request: {
    params: z.object({
      id: z
        .string()
        .max(200)
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: z.array(CaptureSchema) } }, description: "Captures" },
    ...errorResponses,
  },
});

const changesRoute = createRoute({
  method: "get",
  path: "/api/changes",
  summary: "Edits and withdrawals of published pages, newest first",
  request: {
    query: z.object({
      since: z.string().max(40).optional().openapi({ example: "2026-01-01" }),
      publisher: z.string().max(100).optional().openapi({ example: "mid.ru" }),
      q: z.string().max(1000).optional().openapi({ description: "Only documents matching this search" }),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: {
    200: { content: { "application/json": { schema: z.array(ChangeEntrySchema) } }, description: "Changes" },
    ...errorResponses,
  },
});

export interface ChangeFilter {
  since?: string | undefined;
  publisher?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

/** Edits and withdrawals matching a filter; a search narrows them to the documents it finds. */
export async function listChanges(store: DocumentStore, filter: ChangeFilter): Promise<ChangeEntry[]> {
  if (!store.fetchLog) return [];
  let ids: string[] | undefined;
  if (filter.q?.trim()) {
    const found = await store.search(parseQuery(filter.q), {
      limit: 1000,
      facets: false,
      turnsPerDocument: 0,
    });
    ids = found.hits.map((h) => h.id);
  }
  return store.fetchLog.changes({
    ...(filter.since ? { since: filter.since } : {}),
    ...(filter.publisher ? { publisher: filter.publisher } : {}),
    ...(ids ? { ids } : {}),
    limit: filter.limit ?? 100,
  });
}

export async function capturesOf(store: StoreBackend, id: string) {
  const stored = await store.get(id);
  const url = stored?.document.provenance.source;
  if (!store.fetchLog || !url || !/^https?:\/\//.test(url)) return [];
  return store.fetchLog.captures(url);
}

export function registerHistoryApi(app: OpenAPIHono, deps: AppDeps): void {
  const { store } = deps;
  app.openapi(historyRoute, async (c) => c.json(await documentHistory(store, c.req.valid("param").id), 200));
  app.openapi(capturesRoute, async (c) => {
    const { id } = c.req.valid("param");
    await documentHistory(store, id); // a coded 404 for an unknown id
    return c.json(await capturesOf(store, id), 200);
  });
  app.openapi(changesRoute, async (c) => c.json(await listChanges(store, c.req.valid("query")), 200));
}
