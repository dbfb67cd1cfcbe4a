import { html, raw } from "hono/html";
import type { MonthCounts, YearCounts } from "../../model/search-results.js";
import { layout, type Markup } from "../layout.js";

export interface TrendRow {
  period: string;
  turns: number;
  documents: number;
  base: number;
}

/** Below this many turns in its base, a period's share is listed but not drawn: one turn would be a spike. */
export const SMALL_BASE = 50;

const share = (r: TrendRow) => (r.base ? (100 * r.turns) / r.base : null);

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
    ? html`<p class="muted">Turns matching <code>${query}</code> per ${by} (${counts.counting} forms), and their share of the ${by}'s turns${
        counts.baseLanguages ? html` in ${counts.baseLanguages.join(", ")}` : ""
      } from the same publishers, kinds of document and dates, whatever they say.
Per <a href="${link("year")}">year</a> · <a href="${link("month")}">month</a> ·
<a href="/api/trend.csv?q=${encodeURIComponent(query)}&amp;by=${by}">download CSV</a></p>
${
  rows.some((r) => r.base > 0 && r.base < SMALL_BASE)
    ? html`<p class="note">Shares of ${by}s with fewer than ${SMALL_BASE} turns to count against are listed below but not drawn.</p>`
    : ""
}
<div id="trend-chart" class="chart" aria-hidden="true"></div>
<script type="application/json" id="trend-data">${jsonBlock({
        by,
        rows: rows.map((r) => ({
          period: r.period,
          turns: r.turns,
          share: r.base >= SMALL_BASE ? share(r) : null,
        })),
      })}</script>
${rows.length === 0 ? html`<p>Nothing matches in any dated document.</p>` : ""}
<div class="table-scroll"><table class="counts"><thead><tr><th>${by}</th><th>turns</th><th>documents</th><th>of turns</th><th>share</th></tr></thead><tbody>
${rows.map((r) => {
  const s = share(r);
  return html`<tr${r.base < SMALL_BASE ? html` class="small-base"` : ""}><td>${r.period}</td><td>${r.turns}</td><td>${r.documents}</td><td>${r.base}</td><td>${s === null ? "—" : `${s.toFixed(2)}%`}${r.base > 0 && r.base < SMALL_BASE ? html` <span class="muted">(few)</span>` : ""}</td></tr>`;
})}
</tbody></table></div>`
    : ""
}`,
    { query, chart: counts !== null },
  );
}
