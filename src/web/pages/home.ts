import { html } from "hono/html";
import type { DocumentSummary, StoreCounts } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";

export function homePage(
  latest: DocumentSummary[],
  publishers: { publisher: string; count: number }[],
  counts: StoreCounts,
): Markup {
  return layout(
    "An archive of what officials said",
    html`<h1>What officials said, verbatim</h1>
<p>${counts.documents} documents · ${counts.turns} turns · ${counts.speakers} registered speakers</p>
<h2>Publishers</h2>
<ul>${publishers.map((p) => html`<li><a href="/search?q=${encodeURIComponent(`publisher:${p.publisher}`)}&amp;sort=date">${p.publisher}</a> <span class="muted">${p.count}</span></li>`)}</ul>
<h2>Latest documents</h2>
<ul>${latest.map(
      (d) =>
        html`<li><a href="/d/${encodeURIComponent(d.id)}">${d.title}</a> <span class="muted">${d.date ?? "undated"} · ${d.publisher}</span></li>`,
    )}</ul>`,
  );
}
