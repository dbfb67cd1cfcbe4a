/**
 * The web app and the HTTP API as one Hono application. It is a plain function of its
 * dependencies, so tests call `app.request(...)` without opening a port.
 */
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { attachCounterparts } from "../align/counterparts.js";
import { linkedAlignPair } from "../align/service.js";
import { VerbatimError } from "../errors/catalog.js";
import { CITATION_FORMATS, citationTarget, formatCitation } from "../export/citation.js";
import type { SortOrder } from "../model/search-results.js";
import { composeQuery, type QueryForm } from "../search/query/compose.js";
import { parseQuery } from "../search/query/parse.js";
import { suggestAlternatives } from "../search/suggest.js";
import { atomFeed } from "../web/feed.js";
import { advancedSearchPage } from "../web/pages/advanced-search.js";
import { citePage } from "../web/pages/cite.js";
import { comparePage } from "../web/pages/compare.js";
import { conflictsPage } from "../web/pages/conflicts.js";
import { DIVERGENCE_PAGE_SIZE, divergencePage } from "../web/pages/divergence.js";
import { documentPage } from "../web/pages/document.js";
import { entityPage } from "../web/pages/entity.js";
import { homePage } from "../web/pages/home.js";
import { searchPage } from "../web/pages/search.js";
import { speakerPage } from "../web/pages/speaker.js";
import { trendPage } from "../web/pages/trend.js";
import { CSS, JS, UPLOT } from "../web/static/assets.js";
import { registerApi } from "./api/routes.js";
import { registerCorrectionPages, signedInEditor } from "./correction-pages.js";
import type { AppDeps } from "./deps.js";
import { registerEntityPages } from "./entity-pages.js";
import { errorResponse } from "./errors.js";
import { registerHistoryPages } from "./history-pages.js";
import { serverLogger } from "./log.js";
import { concurrencyLimit, rateLimit, requestTimeout } from "./security.js";

export type { AppDeps } from "./deps.js";

const SORTS = ["relevance", "date", "date-asc"];

/** Routes that search or export: their own rate budget and a bound on how many run at once. */
const EXPENSIVE_PATHS = [
  // Counting found entities reads every found mention.
  "/entities/found",
  "/api/entities/found",
  "/search",
  "/search.atom",
  "/trend",
  "/api/search",
  "/api/concordance",
  "/api/concordance.csv",
  "/api/trend",
  "/api/trend.csv",
  "/api/export",
];
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_CONCURRENT_SEARCHES = 8;
export const DEFAULT_QUEUED_SEARCHES = 256;

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        throw new VerbatimError("REQUEST_INVALID", {
          reason: `${issue?.path.join(".") || "request"}: ${issue?.message}`,
        });
      }
    },
  });
  const { store } = deps;
  const base = (url: string) => deps.baseUrl ?? new URL(url).origin;

  const logger = deps.logger ?? serverLogger();
  app.onError((error, c) => errorResponse(c, error, logger));
  app.notFound((c) => errorResponse(c, new VerbatimError("NOT_FOUND", { path: c.req.path }), logger));
  // Every response names its request (X-Request-Id), and an error's log line carries the same id.
  // A client's own id is kept only when it is short and plain, so nothing hostile reaches the log.
  app.use("*", requestId({ limitLength: 64 }));

  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: "same-origin",
      // The archived copy sets a stricter policy of its own (sandbox), which must stand.
      overwrite: false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: () => {
      throw new VerbatimError("PAYLOAD_TOO_LARGE", { limit: deps.maxBodyBytes });
    },
  });
  // Reads carry no body the app would read, and asking a GET for its body makes the Node adapter
  // build a whole fetch Request: a third of a millisecond of every search.
  app.use("*", (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next),
  );
  const clientOf = (c: Context) =>
    (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
      ?.remoteAddress ?? "local";
  app.use("*", rateLimit(deps.rateLimitPerMinute, clientOf));
  app.use("*", requestTimeout(deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS));
  // Searches and exports cost a thousand times a page read: a budget of their own per client, and
  // a bound on how many run at once (one middleware instance each, shared by every such path).
  const searchBudget = rateLimit(deps.searchRateLimitPerMinute ?? 0, clientOf);
  const searchSlots = concurrencyLimit(
    deps.maxConcurrentSearches ?? DEFAULT_CONCURRENT_SEARCHES,
    deps.maxQueuedSearches ?? DEFAULT_QUEUED_SEARCHES,
  );
  for (const path of EXPENSIVE_PATHS) app.use(path, searchBudget, searchSlots);

  app.get("/static/verbatim.css", (c) =>
    c.body(CSS, 200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600" }),
  );
  app.get("/static/uplot.js", (c) =>
    c.body(UPLOT.js, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    }),
  );
  app.get("/static/uplot.css", (c) =>
    c.body(UPLOT.css, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=86400",
    }),
  );
  app.get("/static/verbatim.js", (c) =>
    c.body(JS, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );

  app.get("/", async (c) =>
    c.html(homePage(await store.recent(20), await store.publishers(), await store.counts())),
  );

  app.get("/search/advanced", async (c) => {
    const one = (name: string) => c.req.query(name)?.slice(0, 500);
    const many = (name: string) => (c.req.queries(name) ?? []).slice(0, 50).map((v) => v.slice(0, 200));
    const form: QueryForm = {
      all: one("all"),
      phrase: one("phrase"),
      any: one("any"),
      none: one("none"),
      speaker: one("speaker"),
      role: one("role"),
      mentions: one("mentions"),
      kind: many("kind"),
      type: many("type"),
      lang: many("lang"),
      publisher: many("publisher"),
      from: one("from"),
      to: one("to"),
    };
    const publishers = (await store.publishers()).map((p) => p.publisher);
    const asked = new URL(c.req.url).searchParams.size > 0;
    const { query, problems } = composeQuery(form);
    if (asked && !query && problems.length === 0) problems.push("Fill in at least one field.");
    if (!asked || problems.length)
      return c.html(advancedSearchPage(form, publishers, problems), asked ? 400 : 200);
    return c.redirect(`/search?q=${encodeURIComponent(query)}`, 303);
  });

  app.get("/search", async (c) => {
    const text = c.req.query("q") ?? "";
    const sort = SORTS.includes(c.req.query("sort") ?? "") ? (c.req.query("sort") as SortOrder) : "relevance";
    if (!text.trim()) return c.html(searchPage("", sort, null, null));
    try {
      const aligned = c.req.query("aligned") === "1";
      const found = await store.search(parseQuery(text), {
        sort,
        cursor: c.req.query("cursor") ?? null,
        limit: 20,
      });
      const result = aligned ? await attachCounterparts(found, store, deps.matcher ?? null) : found;
      const suggestions =
        found.total.turns === 0 && found.hits.length === 0
          ? await suggestAlternatives(
              text,
              async (q) => (await store.search(q, { limit: 1, facets: false })).total.turns,
              store.textIndex.vocabulary,
            )
          : [];
      return c.html(searchPage(text, sort, result, null, aligned, suggestions));
    } catch (error) {
      // A query the user can fix stays on the search page, with the message and the query kept.
      if (error instanceof VerbatimError && error.kind === "user")
        return c.html(searchPage(text, sort, null, error.message), 400);
      throw error;
    }
  });

  app.get("/search.atom", async (c) => {
    const text = c.req.query("q") ?? "";
    const result = await store.search(parseQuery(text), { sort: "date", limit: 50, facets: false });
    return c.body(atomFeed(text, result, base(c.req.url), new Date().toISOString()), 200, {
      "content-type": "application/atom+xml; charset=utf-8",
    });
  });

  app.get("/d/:id", async (c) => {
    const id = c.req.param("id");
    const version = c.req.query("version");
    // A version that is not a whole number names no version (and never reaches the database).
    const view =
      version && !/^\d{1,9}$/.test(version)
        ? null
        : await store.documentView(id, version ? Number(version) : undefined);
    if (!view) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    const { stored, enrichment, languageVersions: versions, withdrawal: withdrawn, versions: history } = view;
    const editor = signedInEditor(c, deps);
    const source = stored.document.provenance.source;
    const web = {
      withdrawn: withdrawn ?? null,
      versions: history.length,
      archived:
        Boolean(deps.warcDir) &&
        /^https?:\/\//.test(source) &&
        Boolean(await store.fetchLog?.captureOf(source, stored.document.provenance.contentHash)),
    };
    return c.html(
      documentPage(
        stored.document,
        stored.version,
        versions,
        // The enrichment belongs to the current version; an older one is shown without it.
        stored.current ? enrichment : null,
        stored.current,
        web,
        {
          entities: c.req.query("entities") === "1",
          corrections: { log: view.corrections, state: stored.corrections, editor },
          speakerIds: editor ? (await store.listSpeakers()).map((s) => s.id) : [],
        },
      ),
    );
  });

  app.get("/d/:id/cite", async (c) => {
    const turn = c.req.query("turn");
    const version = c.req.query("version");
    const target = await citationTarget(store, c.req.param("id"), {
      version: version && /^\d+$/.test(version) ? Number(version) : undefined,
      turn: turn && /^\d+$/.test(turn) ? Number(turn) : null,
      baseUrl: base(c.req.url),
      archived: Boolean(deps.warcDir),
    });
    const citations = CITATION_FORMATS.map((format) => ({ format, text: formatCitation(target, format) }));
    return c.html(citePage(target.document, target.version, target.turn, citations));
  });

  app.get("/d/:id/compare/:other", async (c) => {
    const pair = await linkedAlignPair(store, c.req.param("id"), c.req.param("other"), deps.matcher ?? null);
    // Entity ids (Q-ids, ISO codes) are shown by name.
    const names = new Map<string, string>();
    const ids = pair.report.passages.flatMap((p) => (p.kind === "entities" ? [...p.onlyA, ...p.onlyB] : []));
    for (const id of new Set(ids)) names.set(id, (await store.getEntity(id))?.name ?? id);
    return c.html(
      comparePage(pair, {
        divergentOnly: c.req.query("only") === "divergent",
        entityNames: names,
      }),
    );
  });

  app.get("/divergence", async (c) => {
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
    const filters = {
      page,
      publisher: c.req.query("publisher") || null,
      language: c.req.query("lang") || null,
    };
    const [pairs, publishers] = await Promise.all([
      // One more than a page: whether there is a next one.
      store.divergentPairs(DIVERGENCE_PAGE_SIZE + 1, {
        ...filters,
        offset: (page - 1) * DIVERGENCE_PAGE_SIZE,
      }),
      store.publishers(),
    ]);
    return c.html(
      divergencePage(
        pairs,
        filters,
        publishers.map((p) => p.publisher),
      ),
    );
  });
  app.get("/conflicts", async (c) => c.html(conflictsPage(await store.versionConflicts({ limit: 200 }))));

  app.get("/s/:id", async (c) => {
    const id = c.req.param("id");
    const speaker = await store.getSpeaker(id);
    const query = parseQuery(`speaker:${JSON.stringify(id)}`);
    const turns = await store.search(query, { sort: "date", limit: 20, facets: false, turnsPerDocument: 1 });
    if (!speaker && turns.total.turns === 0) throw new VerbatimError("SPEAKER_NOT_FOUND", { id });
    const years = (await store.countsByYear(query)).years.map((y) => ({ year: y.year, turns: y.turns }));
    return c.html(speakerPage(id, speaker, turns, years));
  });

  app.get("/e/:id", async (c) => {
    const id = c.req.param("id");
    const entity = await store.getEntity(id);
    if (!entity) throw new VerbatimError("NOT_FOUND", { path: c.req.path });
    const query = parseQuery(`mentions:${JSON.stringify(id)}`);
    const result = await store.search(query, { limit: 1, facets: true, turnsPerDocument: 0 });
    return c.html(entityPage(entity, result, await store.countsByYear(query)));
  });

  app.get("/trend", async (c) => {
    const text = c.req.query("q") ?? "";
    const by = c.req.query("by") === "month" ? "month" : "year";
    if (!text.trim()) return c.html(trendPage("", by, null, null));
    try {
      const query = parseQuery(text);
      const counts = by === "month" ? await store.countsByMonth(query) : await store.countsByYear(query);
      return c.html(trendPage(text, by, counts, null));
    } catch (error) {
      if (error instanceof VerbatimError && error.kind === "user")
        return c.html(trendPage(text, by, null, error.message), 400);
      throw error;
    }
  });

  registerHistoryPages(app, deps, base);
  registerCorrectionPages(app, deps);
  registerEntityPages(app, deps);
  registerApi(app, deps);
  return app;
}
