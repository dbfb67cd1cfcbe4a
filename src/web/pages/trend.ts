import { html, raw } from "hono/html";
import type { MonthCounts, YearCounts } from "../../model/search-results.js";
import { layout, type Markup } from "../layout.js";

export interface TrendRow {
  period: string;
  turns: number;
  documents: number;
  base: number;
}

export function trendRows(counts: YearCounts | MonthCounts): TrendRow[] {
  return "years" in counts
    ? counts.years.map((y) => ({
        period: String(y.year),
        turns: y.turns,
        documents: y.documents,
        base: y.turnsInYear,
      }))
    : counts.months.map((m) => ({
        period: m.month,
        turns: m.turns,
        documents: m.documents,
        base: m.turnsInMonth,
      }));
}

/** JSON for a data block: "<" escaped so no text can close the element. */
const jsonBlock = (value: unknown) => raw(JSON.stringify(value).replace(/</g, "\\u003c"));

export function trendPage(
  query: string,
  by: "year" | "month",
  counts: YearCounts | MonthCounts | null,
  error: string | null,
): Markup {
  const rows = counts ? trendRows(counts) : [];
  const link = (b: string) => `/trend?q=${encodeURIComponent(query)}&by=${b}`;
  return layout(
    `${query || "Trend"} — trend`,
    html`<h1>Trend</h1>
<form action="/trend" method="get" class="search"><label for="tq" class="visually-hidden">Query</label>
<input id="tq" name="q" value="${query}" placeholder="sanctions speaker:psaki"><input type="hidden" name="by" value="${by}"><button type="submit">Show</button></form>
${error ? html`<p class="error" role="alert">${error}</p>` : ""}
${
  counts
    ? html`<p class="muted">Turns matching <code>${query}</code> per ${by} (${counts.counting} forms), and their share of all turns of that ${by} that pass the same filters.
Per <a href="${link("year")}">year</a> · <a href="${link("month")}">month</a> ·
<a href="/api/trend.csv?q=${encodeURIComponent(query)}&amp;by=${by}">download CSV</a></p>
<div id="trend-chart" class="chart" aria-hidden="true"></div>
<script type="application/json" id="trend-data">${jsonBlock({ by, rows })}</script>
<table class="counts"><thead><tr><th>${by}</th><th>turns</th><th>documents</th><th>share</th></tr></thead><tbody>
${rows.map(
  (r) =>
    html`<tr><td>${r.period}</td><td>${r.turns}</td><td>${r.documents}</td><td>${r.base ? ((100 * r.turns) / r.base).toFixed(2) : "0"}%</td></tr>`,
)}
</tbody></table>`
    : ""
}`,
    { query, chart: counts !== null },
  );
}
