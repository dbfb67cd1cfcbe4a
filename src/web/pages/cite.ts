/** "Cite this turn" / "Cite this document": the citation in every format, each ready to copy. */
import { html } from "hono/html";
import type { CitationFormat } from "../../export/citation.js";
import type { Document } from "../../model/document.js";
import { layout, type Markup } from "../layout.js";

const LABELS: Record<CitationFormat, string> = {
  chicago: "Chicago (17th edition, notes and bibliography)",
  apa: "APA (7th edition)",
  bibtex: "BibTeX",
  ris: "RIS (EndNote, Zotero, Mendeley)",
  "csl-json": "CSL-JSON",
};

export function citePage(
  doc: Document,
  version: number,
  turn: number | null,
  citations: { format: CitationFormat; text: string }[],
): Markup {
  const what = turn === null ? "this document" : `turn ${turn + 1}`;
  const back = `/d/${encodeURIComponent(doc.id)}?version=${version}${turn === null ? "" : `#t${turn}`}`;
  return layout(
    `Cite ${what}`,
    html`<h1>Cite ${what}</h1>
<p><a href="${back}">${doc.title}</a> <span class="muted">version ${version}</span></p>
${citations.map(
  (c) => html`<div class="cite"><label for="cite-${c.format}">${LABELS[c.format]}</label>
<textarea id="cite-${c.format}" readonly rows="${Math.min(14, c.text.split("\n").length + 1)}">${c.text}</textarea>
<button type="button" data-copy="cite-${c.format}">Copy</button>
<a href="/api/documents/${encodeURIComponent(doc.id)}/citation?format=${c.format}&version=${version}${turn === null ? "" : `&turn=${turn}`}">download</a></div>`,
)}`,
  );
}
