/**
 * The curation page: entities found in documents that no list holds, by how many documents name
 * them, and for a signed-in editor a form per entity that makes a decision (merge, link, promote,
 * reject; splits go through the API, which takes the documents). Form posts must come from this
 * site, as corrections' do.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { VerbatimError } from "../errors/catalog.js";
import { ENTITY_TYPES, type EntityType } from "../model/entity.js";
import { foundEntitiesPage } from "../web/pages/found-entities.js";
import { editorOf, signedInEditor } from "./correction-pages.js";
import type { AppDeps } from "./deps.js";

const PAGE_SIZE = 50;

export function registerEntityPages(app: OpenAPIHono, deps: AppDeps): void {
  app.get("/entities/found", async (c) => {
    const typeParam = c.req.query("type") ?? "";
    const type = (ENTITY_TYPES as readonly string[]).includes(typeParam) ? (typeParam as EntityType) : null;
    const name = (c.req.query("name") ?? "").slice(0, 200);
    const page = Math.min(Math.max(1, Number.parseInt(c.req.query("page") ?? "1", 10) || 1), 10_000);
    const found = await deps.store.foundEntities({
      ...(type ? { type } : {}),
      ...(name ? { name } : {}),
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    // The notice after a decision names only an id and a count: no text a link could plant.
    const done = c.req.query("done") ?? "";
    const reenriched = Number.parseInt(c.req.query("reenriched") ?? "0", 10) || 0;
    const notice = /^(?:found:|Q\d|vb:)[\p{L}\p{N}:~._-]{1,200}$/u.test(done)
      ? `Decided about ${done}: ${reenriched} documents enriched again${c.req.query("more") ? "; run verbatim reenrich for the rest" : ""}.`
      : null;
    return c.html(
      foundEntitiesPage({
        ...found,
        type,
        name,
        page,
        pageSize: PAGE_SIZE,
        editor: signedInEditor(c, deps),
        notice,
      }),
    );
  });

  app.post("/entities/:id/decisions", async (c) => {
    const author = editorOf(c, deps);
    if (!deps.curate) throw new VerbatimError("NOT_FOUND", { path: c.req.path });
    const id = c.req.param("id");
    const form = await c.req.parseBody();
    const action = String(form.action ?? "");
    const target = String(form.target ?? "").trim();
    const reason = String(form.reason ?? "")
      .trim()
      .slice(0, 2000);
    if (!reason)
      throw new VerbatimError("ENTITY_DECISION_INVALID", { id, reason: "say why (the log shows it)" });
    if (action !== "merge" && action !== "link" && action !== "promote" && action !== "reject")
      throw new VerbatimError("ENTITY_DECISION_INVALID", {
        id,
        reason: `unknown action ${action.slice(0, 40)}`,
      });
    const outcome = await deps.curate(
      {
        id,
        action,
        ...(action === "merge" && target ? { into: target } : {}),
        ...((action === "link" || action === "promote") && target ? { wikidata: target } : {}),
      },
      author,
      reason,
    );
    const back = new URLSearchParams({
      done: id,
      reenriched: String(outcome.reenriched),
      ...(outcome.more ? { more: "1" } : {}),
    });
    return c.redirect(`/entities/found?${back.toString()}`, 303);
  });
}
