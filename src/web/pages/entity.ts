import { html } from "hono/html";
import type { Entity } from "../../model/entity.js";
import type { SearchResult, YearCounts } from "../../model/search-results.js";
import { layout, type Markup } from "../layout.js";

/** An entity: what it is, its names, mentions over time, who mentions it most, what it appears with. */
export function entityPage(entity: Entity, result: SearchResult, years: YearCounts): Markup {
  const query = `mentions:${JSON.stringify(entity.id)}`;
  const byLang = new Map<string, string[]>();
  for (const f of entity.forms) byLang.set(f.lang, [...(byLang.get(f.lang) ?? []), f.text]);
  return layout(
    entity.name,
    html`<h1>${entity.name}</h1>
<p class="muted">${entity.type} · ${entity.id}${/^Q\d+$/.test(entity.id) ? html` · <a href="https://www.wikidata.org/wiki/${entity.id}" rel="nofollow noopener">Wikidata</a>` : ""}</p>
<p>${[...byLang].map(([lang, names], i) => html`${i ? " · " : ""}<span lang="${lang}">${names.slice(0, 8).join(", ")}</span>`)}</p>
<p><strong>${result.total.turns}</strong> turns in <strong>${result.total.documents}</strong> documents mention it ·
<a href="/search?q=${encodeURIComponent(query)}&amp;sort=date">read them</a> · <a href="/trend?q=${encodeURIComponent(query)}">trend</a></p>
<h2>Mentions over time</h2>
<table class="counts"><thead><tr><th>year</th><th>turns</th><th>documents</th></tr></thead><tbody>
${years.years.map((y) => html`<tr><td>${y.year}</td><td>${y.turns}</td><td>${y.documents}</td></tr>`)}
</tbody></table>
<h2>Who mentions it most</h2>
<ul>${(result.facets?.speaker ?? []).map((s) => html`<li><a href="/s/${encodeURIComponent(s.value)}">${s.label}</a> <span class="muted">${s.count}</span></li>`)}</ul>
<h2>Mentioned with</h2>
<ul>${(result.facets?.entity ?? [])
      .filter((e) => e.value !== entity.id)
      .map(
        (e) =>
          html`<li><a href="/e/${encodeURIComponent(e.value)}">${e.label}</a> <span class="muted">${e.count}</span></li>`,
      )}</ul>`,
  );
}
