import { html } from "hono/html";
import type { YearCounts } from "../../search/results.js";
import { layout, type Markup } from "../layout.js";

export function trendPage(query: string, counts: YearCounts | null, error: string | null): Markup {
  return layout(
    `${query} — trend`,
    html`<h1>Trend</h1>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
${
  counts
    ? html`<p class="muted">Turns matching <code>${query}</code> per year (${counts.counting} forms), and their share of all turns of that year that pass the same filters.
<a href="/api/trend.csv?q=${encodeURIComponent(query)}">Download CSV</a></p>
<table class="counts"><thead><tr><th>year</th><th>turns</th><th>documents</th><th>share</th></tr></thead><tbody>
${counts.years.map(
  (y) =>
    html`<tr><td>${y.year}</td><td>${y.turns}</td><td>${y.documents}</td><td>${y.turnsInYear ? ((100 * y.turns) / y.turnsInYear).toFixed(2) : "0"}%</td></tr>`,
)}
</tbody></table>`
    : ""
}`,
    { query },
  );
}
