import { html } from "hono/html";
import type { SearchResult } from "../../model/search-results.js";
import type { Speaker } from "../../model/speaker.js";
import { layout, type Markup } from "../layout.js";

export function speakerPage(
  id: string,
  speaker: Speaker | null,
  turns: SearchResult,
  years: { year: number; turns: number }[],
): Markup {
  const name = speaker?.name ?? turns.hits[0]?.turns[0]?.speakerName ?? id;
  return layout(
    name,
    html`<h1>${name}</h1>
${speaker?.aliases.length ? html`<p class="muted">Also written: ${[...new Set(speaker.aliases.map((a) => a.name))].join(", ")}</p>` : ""}
${
  speaker?.roles.length
    ? html`<h2>Roles</h2><ul>${speaker.roles.map((r) => html`<li>${r.title} <span class="muted">${r.from ?? "…"} – ${r.to ?? "present"}</span></li>`)}</ul>`
    : ""
}
<h2>Turns over time</h2>
<table class="counts"><thead><tr><th>year</th><th>turns</th></tr></thead><tbody>
${years.map((y) => html`<tr><td>${y.year}</td><td>${y.turns}</td></tr>`)}
</tbody></table>
<p>${turns.total.turns} turns in ${turns.total.documents} documents · <a href="/search?q=${encodeURIComponent(`speaker:${id}`)}&amp;sort=date">all of them</a></p>
<h2>Latest</h2>
<ul>${turns.hits.map((h) => html`<li><a href="${h.turns[0]?.permalink ?? `/d/${encodeURIComponent(h.id)}`}">${h.title}</a> <span class="muted">${h.date ?? "undated"}</span></li>`)}</ul>`,
  );
}
