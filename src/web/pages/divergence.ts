/** The archive's linked language versions, the most divergent first, a page at a time, with filters. */
import { html } from "hono/html";
import type { DivergentPair } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";

export const DIVERGENCE_PAGE_SIZE = 50;

export interface DivergenceFilters {
  page: number;
  publisher: string | null;
  language: string | null;
}

const LANGUAGES = ["en", "ru", "uk", "fr", "es", "de", "zh", "ar", "tr"];

/** `pairs` holds the page's pairs and, when there is a next page, one more. */
export function divergencePage(
  pairs: DivergentPair[],
  filters: DivergenceFilters,
  publishers: string[],
): Markup {
  const shown = pairs.slice(0, DIVERGENCE_PAGE_SIZE);
  const more = pairs.length > DIVERGENCE_PAGE_SIZE;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (filters.publisher) params.set("publisher", filters.publisher);
    if (filters.language) params.set("lang", filters.language);
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return `/divergence${query ? `?${query}` : ""}`;
  };
  const first = (filters.page - 1) * DIVERGENCE_PAGE_SIZE;
  return layout(
    "Versions that differ most",
    html`<h1>Language versions that differ most</h1>
<p class="muted">Each pair of linked versions is aligned passage by passage; the score is the share of the text with no counterpart or of very different length, plus a tenth of the share of passages whose numbers or names differ.</p>
<form class="filters" action="/divergence" method="get">
<label>Publisher <select name="publisher"><option value="">any</option>${publishers.map(
      (p) => html`<option value="${p}"${p === filters.publisher ? " selected" : ""}>${p}</option>`,
    )}</select></label>
<label>One side in <select name="lang"><option value="">any language</option>${LANGUAGES.map(
      (l) => html`<option value="${l}"${l === filters.language ? " selected" : ""}>${l}</option>`,
    )}</select></label>
<button type="submit">Show</button>
</form>
${
  shown.length
    ? html`<p class="muted">Pairs ${first + 1}–${first + shown.length}, most divergent first.</p>
<div class="table-scroll"><table class="divergent-pairs"><thead><tr><th>score</th><th>date</th><th>versions</th><th>only in one</th><th>length</th><th>numbers</th><th>names</th></tr></thead><tbody>${shown.map(
        (p) =>
          html`<tr><td><a href="/d/${encodeURIComponent(p.a)}/compare/${encodeURIComponent(p.b)}">${p.score.toFixed(3)}</a></td><td>${p.date ?? ""}</td><td><span lang="${p.languageA}">${p.languageA}: ${p.titleA}</span><br><span lang="${p.languageB}">${p.languageB}: ${p.titleB}</span></td><td>${p.onlyA + p.onlyB}</td><td>${p.lengthOutliers}</td><td>${p.numberMismatches}</td><td>${p.entityMismatches}</td></tr>`,
      )}</tbody></table></div>`
    : filters.page > 1 || filters.publisher || filters.language
      ? html`<p>No measured pairs on this page or with these filters. <a href="/divergence">See all pairs</a>.</p>`
      : html`<p>No linked language versions have been measured yet.</p>`
}
<nav class="pager">${filters.page > 1 ? html`<a rel="prev" href="${href(filters.page - 1)}">Previous page</a>` : html`<span></span>`}${more ? html`<a rel="next" href="${href(filters.page + 1)}">Next page</a>` : ""}</nav>`,
  );
}
