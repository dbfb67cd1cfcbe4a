/**
 * The web history in the web app: a document's changes, the archive's edits and withdrawals (and
 * their Atom feed), and the archived copy of a fetched page, served so that none of its scripts
 * run and nothing it names is loaded.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { documentHistory } from "../changes/history.js";
import { VerbatimError } from "../errors/catalog.js";
import { readCapture } from "../fetch/warc.js";
import { changesFeed } from "../web/feed.js";
import { archivedPage } from "../web/pages/archived.js";
import { changesListPage, documentChangesPage } from "../web/pages/changes.js";
import { listChanges } from "./api/history-routes.js";
import type { AppDeps } from "./deps.js";

/** For the fetched bytes: no script, no plugin, no request anywhere; styles inline so the page stays readable. */
const ARCHIVED_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export function registerHistoryPages(app: OpenAPIHono, deps: AppDeps, base: (url: string) => string): void {
  const { store } = deps;

  const filterOf = (query: (k: string) => string | undefined) => ({
    since: query("since"),
    publisher: query("publisher"),
    q: query("q"),
    limit: 100,
  });

  app.get("/changes", async (c) => {
    const filter = filterOf((k) => c.req.query(k));
    return c.html(
      changesListPage(await listChanges(store, filter), {
        ...(filter.publisher ? { publisher: filter.publisher } : {}),
        ...(filter.q ? { q: filter.q } : {}),
      }),
    );
  });

  app.get("/changes.atom", async (c) => {
    const changes = await listChanges(
      store,
      filterOf((k) => c.req.query(k)),
    );
    const self = `${base(c.req.url)}${new URL(c.req.url).pathname}${new URL(c.req.url).search}`;
    return c.body(changesFeed(changes, self, base(c.req.url), new Date().toISOString()), 200, {
      "content-type": "application/atom+xml; charset=utf-8",
    });
  });

  app.get("/d/:id/changes", async (c) =>
    c.html(documentChangesPage(await documentHistory(store, c.req.param("id")))),
  );

  /** The capture a version was read from (the current version unless `?version=`). */
  const captureFor = async (id: string, version: string | undefined) => {
    const stored = await store.get(id, version ? Number(version) : undefined);
    if (!stored) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    const url = stored.document.provenance.source;
    const capture =
      deps.warcDir && store.fetchLog && /^https?:\/\//.test(url)
        ? await store.fetchLog.captureOf(url, stored.document.provenance.contentHash)
        : null;
    if (!capture || !deps.warcDir) throw new VerbatimError("ARCHIVED_COPY_MISSING", { id });
    return { stored, capture, warcDir: deps.warcDir };
  };

  app.get("/d/:id/archived", async (c) => {
    const id = c.req.param("id");
    const { stored, capture } = await captureFor(id, c.req.query("version"));
    const all = (await store.fetchLog?.captures(capture.url)) ?? [];
    return c.html(archivedPage(id, stored.document.title, stored.version, capture, all));
  });

  app.get("/d/:id/archived/raw", async (c) => {
    const { capture, warcDir } = await captureFor(c.req.param("id"), c.req.query("version"));
    const kept = await readCapture(warcDir, {
      file: capture.warcFile,
      offset: capture.warcOffset,
      length: capture.warcLength,
    });
    const type = kept.headers["content-type"] ?? "text/html";
    return c.body(Buffer.from(kept.body), 200, {
      // Only the declared type of text pages is kept; anything else is shown as plain text.
      "content-type": /^(text\/html|application\/xhtml\+xml|text\/plain)/i.test(type)
        ? type
        : "text/plain; charset=utf-8",
      "content-security-policy": ARCHIVED_CSP,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=3600",
    });
  });
}
