/**
 * `/api/export`: the archive, or what a search finds, in any export format, streamed as it is
 * written (export/run.ts), so a large export holds no more memory than a small one. And
 * `/api/documents/{id}/citation`: a document or one turn cited in a given style or format.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { toVerbatimError } from "../../errors/catalog.js";
import { CITATION_FORMATS, CITATION_MEDIA, citationTarget, formatCitation } from "../../export/citation.js";
import { exportParquet } from "../../export/parquet.js";
import { EXPORT_FORMATS, EXPORT_MEDIA, runExport } from "../../export/run.js";
import type { SearchQuery } from "../../model/search-query.js";
import { parseQuery } from "../../search/query/parse.js";
import type { AppDeps } from "../deps.js";
import { serverLogger } from "../log.js";
import { errorResponses, idParam } from "./schemas.js";

const exportRoute = createRoute({
  method: "get",
  path: "/api/export",
  summary: "The archive's current documents, or those a search finds, in an interchange format",
  request: {
    query: z.object({
      format: z
        .enum([...EXPORT_FORMATS, "parquet"])
        .optional()
        .openapi({
          description:
            "jsonl (the default: Verbatim's own, re-ingestible), csv (one row per turn), tei (ParlaMint-style), akn (Akoma Ntoso 3.0), tmx (every linked pair), parquet (one table: see `table`)",
        }),
      q: z
        .string()
        .min(1)
        .max(1000)
        .optional()
        .openapi({ description: "Only the documents this search finds" }),
      publisher: z.string().max(200).optional(),
      history: z.enum(["true", "false"]).optional().openapi({ description: "jsonl: earlier versions too" }),
      minConfidence: z.coerce.number().min(0).max(1).optional().openapi({
        description: "tmx: only pairs linked with at least this confidence",
      }),
      level: z.enum(["sentence", "paragraph"]).optional(),
      table: z
        .enum(["documents", "turns"])
        .optional()
        .openapi({ description: "parquet: which table (default turns)" }),
    }),
  },
  responses: {
    200: {
      content: {
        "application/x-ndjson": { schema: z.string() },
        "text/csv": { schema: z.string() },
        "application/tei+xml": { schema: z.string() },
        "application/x-tmx+xml": { schema: z.string() },
        "application/vnd.apache.parquet": { schema: z.string().openapi({ format: "binary" }) },
      },
      description: "The export, streamed",
    },
    ...errorResponses,
  },
});

const citationRoute = createRoute({
  method: "get",
  path: "/api/documents/{id}/citation",
  summary: "A citation of the document, or of one of its turns, for a given version",
  request: {
    params: idParam("midru-74494b47f57c"),
    query: z.object({
      format: z
        .enum(CITATION_FORMATS)
        .optional()
        .openapi({ description: "chicago (the default), apa, bibtex, ris, csl-json" }),
      turn: z.coerce.number().int().min(0).max(1_000_000).optional(),
      version: z.coerce.number().int().min(1).max(1_000_000).optional(),
    }),
  },
  responses: {
    200: {
      content: {
        "text/plain": { schema: z.string() },
        "application/x-bibtex": { schema: z.string() },
        "application/x-research-info-systems": { schema: z.string() },
        "application/vnd.citationstyles.csl+json": { schema: z.string() },
      },
      description: "The citation",
    },
    ...errorResponses,
  },
});

/**
 * Parquet needs its footer written after every row group, so the table is written to a temporary
 * folder (a row group at a time, as the CLI does) and then streamed from disk and removed.
 */
async function parquetResponse(
  deps: AppDeps,
  query: SearchQuery | null,
  publisher: string | null,
  table: "documents" | "turns",
): Promise<Response> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "verbatim-parquet-"));
  const cleanup = () => void rm(dir, { recursive: true, force: true });
  try {
    await exportParquet(deps.store, { query, publisher }, dir);
    const file = path.join(dir, `${table}.parquet`);
    const size = (await stat(file)).size;
    const source = createReadStream(file);
    // Removed when the file has been sent, and also when the client goes away before that.
    source.on("close", cleanup);
    return new Response(Readable.toWeb(source) as ReadableStream<Uint8Array>, {
      headers: {
        "content-type": "application/vnd.apache.parquet",
        "content-length": String(size),
        "content-disposition": `attachment; filename="verbatim-${table}.parquet"`,
      },
    });
  } catch (error) {
    cleanup();
    throw error;
  }
}

/**
 * The export as a response body that fails, rather than ends, when the export fails part way:
 * the status line has long been sent, so a cut connection is the only way to tell the client
 * that what it received is not whole. Writes wait for the client (backpressure).
 */
function exportBody(
  run: (write: (chunk: string) => Promise<void>) => Promise<unknown>,
): ReadableStream<Uint8Array> {
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  const writer = pipe.writable.getWriter();
  const encoder = new TextEncoder();
  void run(async (chunk) => {
    await writer.ready;
    await writer.write(encoder.encode(chunk));
  }).then(
    () => writer.close(),
    (error: unknown) => {
      serverLogger().error({ err: toVerbatimError(error) }, "export failed mid-stream");
      return writer.abort(error);
    },
  );
  return pipe.readable;
}

export function registerExportApi(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(citationRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { format = "chicago", turn, version } = c.req.valid("query");
    const target = await citationTarget(deps.store, id, {
      version,
      turn: turn ?? null,
      baseUrl: deps.baseUrl ?? new URL(c.req.url).origin,
      archived: Boolean(deps.warcDir),
    });
    return c.body(formatCitation(target, format), 200, { "content-type": CITATION_MEDIA[format] }) as never;
  });

  app.openapi(exportRoute, async (c) => {
    const params = c.req.valid("query");
    // Parsed before the first byte goes out, so a bad query is still a coded error with its status.
    const query = params.q ? parseQuery(params.q) : null;
    if (params.format === "parquet")
      return parquetResponse(deps, query, params.publisher ?? null, params.table ?? "turns");
    const format = params.format ?? "jsonl";
    const media = EXPORT_MEDIA[format];
    const body = exportBody((write) =>
      runExport(
        deps.store,
        {
          format,
          query,
          publisher: params.publisher ?? null,
          history: params.history === "true",
          minConfidence: params.minConfidence ?? 0,
          level: params.level ?? "sentence",
          matcher: deps.matcher ?? null,
        },
        write,
      ),
    );
    return new Response(body, {
      headers: {
        "content-type": media.type,
        "content-disposition": `attachment; filename="verbatim-export.${media.extension}"`,
      },
    }) as never;
  });
}
