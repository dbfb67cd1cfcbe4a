import { html } from "hono/html";
import type { Turn } from "../../model/document.js";
import { FACET_NAMES, type FacetName, type SearchResult, type Segment } from "../../model/search-results.js";
import type { Suggestion } from "../../search/suggest.js";
import { layout, type Markup } from "../layout.js";
import { turnHeading } from "../turn-heading.js";

/** The query field each facet refines: typed by facet, so a new facet cannot lack one. */
const FACET_FIELD: Record<FacetName, string> = {
  speaker: "speaker",
  year: "date",
  publisher: "publisher",
  language: "lang",
  kind: "kind",
  entity: "mentions",
};

function headed(t: Pick<Turn, "speakerName" | "label" | "kind">): Markup {
  const h = turnHeading(t);
  return html`<span class="speaker">${h.name}</span></a>${h.kind ? html`<span class="kind">${h.kind}</span>` : ""}`;
}

function snippetMarkup(segments: Segment[]): Markup {
  return html`${segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : html`${s.text}`))}`;
}

/** A facet link adds its field to the query; the value is quoted when it has spaces. */
function refine(query: string, field: string, value: string): string {
  const v = /[\s"]/.test(value) ? `"${value.replace(/"/g, "")}"` : value;
  return `/search?q=${encodeURIComponent(`${query} ${field}:${v}`.trim())}`;
}

export function searchPage(
  query: string,
  sort: string,
  result: SearchResult | null,
  error: string | null,
  aligned = false,
  /** For a search that found nothing: queries that find something (search/suggest.ts). */
  suggestions: Suggestion[] = [],
): Markup {
  const feed = `/search.atom?q=${encodeURIComponent(query)}`;
  if (error || !result) {
    return layout(
      "Search",
      html`<h1>Search</h1>${error ? html`<p class="error" role="alert">${error}</p>` : ""}
<p class="muted">Words are stemmed and found in titles too; "quoted phrases" are exact; prefix*; OR; -exclude; fields speaker: (any name, any script) role:"foreign minister" (held on the document's date) kind:question|answer (turns) type:briefing|interview (documents) lang: publisher: date:2020-01..2020-12 doc:</p>
<p><a href="/search/advanced">Advanced search</a>: a form with a field for each.</p>`,
      { query },
    );
  }
  const sortLink = (s: string, label: string) =>
    s === sort
      ? html`<strong>${label}</strong>`
      : html`<a href="/search?q=${encodeURIComponent(query)}&amp;sort=${s}">${label}</a>`;
  const empty = result.total.turns === 0 && result.hits.length === 0;
  const facets =
    result.facets && !empty
      ? html`<details class="facets"><summary>Refine by speaker, year, publisher…</summary><aside aria-label="Refine">${FACET_NAMES.map(
          (name) => {
            const values = result.facets?.[name] ?? [];
            if (values.length === 0) return "";
            return html`<h2>${name}</h2><ul>${values.map(
              (v) =>
                html`<li><a href="${refine(query, FACET_FIELD[name], v.value)}">${v.label}</a><span>${v.count}</span></li>`,
            )}</ul>`;
          },
        )}</aside></details>`
      : html`<aside></aside>`;
  const next = result.nextCursor
    ? html`<a rel="next" href="/search?q=${encodeURIComponent(query)}&amp;sort=${sort}&amp;cursor=${encodeURIComponent(result.nextCursor)}${aligned ? "&aligned=1" : ""}">Next page</a>`
    : "";
  return layout(
    `${query} — search`,
    html`<h1 class="visually-hidden">Search results</h1>
<p><strong data-total-turns="${result.total.turns}">${result.total.turns}</strong> turns in <strong>${result.total.documents}</strong> documents ·
sort by ${sortLink("relevance", "relevance")}, ${sortLink("date", "newest")}, ${sortLink("date-asc", "oldest")} ·
<a href="${feed}">Atom feed</a> · <a href="/trend?q=${encodeURIComponent(query)}">trend</a> · <a href="/search/advanced">advanced search</a> ·
${aligned ? html`<a href="/search?q=${encodeURIComponent(query)}&amp;sort=${sort}">hide the other language</a>` : html`<a href="/search?q=${encodeURIComponent(query)}&amp;sort=${sort}&amp;aligned=1">show each passage in the other language</a>`}</p>
${result.expansions
  .filter((e) => e.forms.length > 1)
  .map(
    (e) =>
      html`<p class="muted">“${e.word}” also finds: ${e.forms
        .filter((f) => f !== e.word)
        .slice(0, 12)
        .join(", ")}</p>`,
  )}
${
  empty
    ? html`<section class="no-results" aria-label="Suggestions"><p>Nothing in the archive matches <code>${query}</code>.</p>${
        suggestions.length
          ? html`<p>Try:</p><ul>${suggestions.map(
              (s) =>
                html`<li><a href="/search?q=${encodeURIComponent(s.query)}">${s.query}</a> <span class="muted">(${s.reason}: ${s.turns} turns)</span></li>`,
            )}</ul>`
          : ""
      }<p class="muted">Words find every form of themselves in any language the archive holds; a "quoted phrase" finds only those words in that order; fields narrow the search, so each one you remove widens it. <a href="/search/advanced">The advanced search form</a> lists them all.</p></section>`
    : ""
}
<div class="layout">${facets}<section aria-label="Results">
${result.hits.map(
  (hit) => html`<article class="hit">
<h3><a href="/d/${encodeURIComponent(hit.id)}">${snippetMarkup(hit.titleSnippet)}</a></h3>
<div class="dateline">${hit.date ?? "undated"} · ${hit.publisher} · ${hit.kind} · ${hit.matchingTurns === 0 ? "found by its title; it opens:" : `${hit.matchingTurns} matching turns`}</div>
${hit.turns.map(
  (t) =>
    html`<p class="turn"><a href="${t.permalink}">${headed(t)} ${snippetMarkup(t.snippet)}</p>${
      t.counterpart
        ? html`<p class="turn counterpart" lang="${t.counterpart.language}"><a href="${t.counterpart.permalink}">${t.counterpart.language}</a> ${t.counterpart.text}</p>`
        : ""
    }`,
)}
</article>`,
)}
<nav class="pager">${next}</nav>
</section></div>`,
    { query, feed },
  );
}
