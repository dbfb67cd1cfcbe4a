import { html } from "hono/html";
import type { EntityType } from "../../model/entity.js";
import type { FoundEntitySummary } from "../../model/entity-curation.js";
import { layout, type Markup } from "../layout.js";

export interface FoundEntitiesView {
  total: number;
  entities: FoundEntitySummary[];
  type: EntityType | null;
  name: string;
  page: number;
  pageSize: number;
  /** The signed-in editor, who gets the decision forms; null for readers. */
  editor: string | null;
  /** A message after a decision: what it did. */
  notice: string | null;
}

const TYPES = ["person", "organisation", "place"] as const;

/** One row's decision form: an action, what it needs, and why (the log shows the reason). */
const decisionForm = (
  e: FoundEntitySummary,
) => html`<form method="post" action="/entities/${encodeURIComponent(e.id)}/decisions" class="decide">
<select name="action" aria-label="decision about ${e.name}">
<option value="merge">same as entity id…</option>
<option value="link">Wikidata id…</option>
<option value="promote">list it in the gazetteer</option>
<option value="reject">not a name</option>
</select>
<input name="target" placeholder="found:… or Q…" maxlength="300" aria-label="entity or Wikidata id">
<input name="reason" required placeholder="why" maxlength="2000" aria-label="reason">
<button>decide</button></form>`;

/** Entities found in documents that no list holds, by how many documents name them: the curation page. */
export function foundEntitiesPage(v: FoundEntitiesView): Markup {
  const query = (page: number) =>
    `/entities/found?${new URLSearchParams({
      ...(v.type ? { type: v.type } : {}),
      ...(v.name ? { name: v.name } : {}),
      page: String(page),
    }).toString()}`;
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  return layout(
    "Names no list holds",
    html`<h1>Names no list holds</h1>
<p class="muted">People, organisations and places found in documents by how names are written, not taken from the gazetteer: ${v.total} entities. ${v.editor ? html`Signed in as ${v.editor}: decide about one, and the documents that name it are enriched again.` : html`<a href="/sign-in">Editors sign in</a> to merge, link, promote or reject them; <a href="/api/entities/decisions">the decisions so far</a>.`}</p>
${v.notice ? html`<p class="notice" role="status">${v.notice}</p>` : ""}
<form method="get" action="/entities/found" class="filters">
<label>type <select name="type"><option value="">any</option>${TYPES.map((t) => html`<option value="${t}"${v.type === t ? " selected" : ""}>${t}</option>`)}</select></label>
<label>name <input name="name" value="${v.name}" maxlength="200"></label>
<button>show</button></form>
<table class="counts"><thead><tr><th>name</th><th>type</th><th>documents</th><th>mentions</th><th>written</th>${v.editor ? html`<th>decision</th>` : ""}</tr></thead><tbody>
${v.entities.map(
  (e) =>
    html`<tr><td><a href="/e/${encodeURIComponent(e.id)}">${e.name}</a><br><span class="muted">${e.id}</span></td><td>${e.type}</td><td>${e.documents}</td><td>${e.mentions}</td><td>${e.forms.slice(0, 6).join(", ")}</td>${v.editor ? html`<td>${decisionForm(e)}</td>` : ""}</tr>`,
)}
</tbody></table>
<p>${v.page > 1 ? html`<a href="${query(v.page - 1)}">newer</a> · ` : ""}page ${v.page} of ${pages}${v.page < pages ? html` · <a href="${query(v.page + 1)}">more</a>` : ""}</p>`,
  );
}
