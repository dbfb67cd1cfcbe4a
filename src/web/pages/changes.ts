/** A document's edits, word by word, and the archive's list of edits and withdrawals. */
import { html } from "hono/html";
import type { DocumentChanges } from "../../changes/diff.js";
import type { DocumentHistory } from "../../changes/history.js";
import type { ChangeEntry } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";

function diffMarkup(c: DocumentChanges): Markup {
  return html`<p class="diff">${c.parts.map((p) =>
    p.change === "added"
      ? html`<ins>${p.text}</ins>`
      : p.change === "removed"
        ? html`<del>${p.text}</del>`
        : p.text,
  )}</p>`;
}

export function documentChangesPage(history: DocumentHistory): Markup {
  const id = encodeURIComponent(history.id);
  return layout(
    `Changes: ${history.title}`,
    html`<h1>Changes to <a href="/d/${id}">${history.title}</a></h1>
${
  history.withdrawn
    ? html`<p class="withdrawn">Withdrawn: ${history.withdrawn.url} answered HTTP ${history.withdrawn.status} on ${history.withdrawn.at}. The last version is kept here.</p>`
    : ""
}
<p class="muted">${history.versions.length} version${history.versions.length === 1 ? "" : "s"} stored. Only what the record says counts as a change (its text, speakers, date, title); page furniture, view counters and whitespace do not. <a href="/d/${id}/archived">Archived copy</a> · <a href="/api/documents/${id}/changes">JSON</a></p>
${
  history.changes.length
    ? history.changes.map(
        (c) => html`<section class="change">
<h2><a href="/d/${id}?version=${c.from}">version ${c.from}</a> → <a href="/d/${id}?version=${c.to}">version ${c.to}</a> <span class="muted">${c.at} · +${c.wordsAdded} −${c.wordsRemoved} words</span></h2>
${
  c.fields.length
    ? html`<dl class="fields">${c.fields.map((f) => html`<dt>${f.field}</dt><dd><del>${f.before}</del> <ins>${f.after}</ins></dd>`)}</dl>`
    : ""
}
${diffMarkup(c)}
</section>`,
      )
    : html`<p>No edits: one version only.</p>`
}`,
  );
}

export function changesListPage(changes: ChangeEntry[], filter: { publisher?: string; q?: string }): Markup {
  const params = new URLSearchParams();
  if (filter.publisher) params.set("publisher", filter.publisher);
  if (filter.q) params.set("q", filter.q);
  const feed = `/changes.atom${params.size ? `?${params}` : ""}`;
  return layout(
    "Edits and withdrawals",
    html`<h1>Edits and withdrawals</h1>
<p class="muted">Pages the publishers changed or took down after Verbatim first read them, newest first. <a href="${feed}">Atom feed</a></p>
${
  changes.length
    ? html`<table class="changes"><thead><tr><th>when</th><th>what</th><th>document</th><th>publisher</th></tr></thead><tbody>${changes.map(
        (c) =>
          html`<tr><td>${c.at.slice(0, 16).replace("T", " ")}</td><td>${c.kind === "edited" ? html`<a href="/d/${encodeURIComponent(c.id)}/changes">edited (v${c.version})</a>` : html`<span class="withdrawn">withdrawn (HTTP ${c.status})</span>`}</td><td lang="${c.language}"><a href="/d/${encodeURIComponent(c.id)}">${c.title}</a></td><td>${c.publisher}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No edits or withdrawals recorded yet.</p>`
}`,
    { feed },
  );
}
