/**
 * Two language versions side by side, passage by passage: each row is one paragraph link of the
 * alignment. Sentences carry the number of their sentence link, so clicking one marks its
 * counterpart (verbatim.js); rows where the versions diverge are marked and listed at the top.
 */
import { html } from "hono/html";
import type { DocumentAlignment, SideText } from "../../align/align-documents.js";
import type { DivergentPassage } from "../../align/divergence.js";
import type { PairAlignment } from "../../align/service.js";
import type { Document } from "../../model/document.js";
import { layout, type Markup } from "../layout.js";

const KIND_LABEL: Record<DivergentPassage["kind"], string> = {
  "only-a": "only in the first version",
  "only-b": "only in the second version",
  "longer-a": "much longer in the first version",
  "longer-b": "much longer in the second version",
  numbers: "numbers differ",
  entities: "names differ",
};

const passages = (n: number) => `${n} ${n === 1 ? "passage" : "passages"}`;

interface SideView {
  doc: Document;
  refs: SideText["refs"];
  sentences: SideText["sentences"];
  /** Sentence link number of each [paragraph, sentence]. */
  links: Map<string, number>;
  /** Sentence links with nothing on the other side. */
  alone: Set<number>;
  prefix: "a" | "b";
}

function sentenceLinks(alignment: DocumentAlignment, side: "a" | "b"): Map<string, number> {
  const out = new Map<string, number>();
  alignment.sentences.forEach((s, k) => {
    for (const [p, i] of s[side]) out.set(`${p}:${i}`, k);
  });
  return out;
}

function paragraphView(v: SideView, flat: number): Markup {
  const ref = v.refs[flat];
  if (!ref) return html``;
  const turn = v.doc.turns[ref.turn];
  const text = turn?.paragraphs[ref.paragraph] ?? "";
  const sentences = v.sentences[flat] ?? [];
  const speaker =
    ref.paragraph === 0 && turn && (turn.speakerName || turn.label)
      ? html`<span class="speaker">${turn.speakerName ?? turn.label}</span> `
      : "";
  const anchor = `${v.prefix}-t${ref.turn}p${ref.paragraph}`;
  const turnAnchor = ref.paragraph === 0 ? html`<span id="${v.prefix}-t${ref.turn}"></span>` : "";
  const parts: Markup[] = [];
  let cursor = 0;
  sentences.forEach((s, i) => {
    parts.push(html`${text.slice(cursor, s.start)}`);
    const link = v.links.get(`${flat}:${i}`);
    parts.push(
      link === undefined
        ? html`<span class="s">${s.text}</span>`
        : v.alone.has(link)
          ? html`<span class="s alone" data-link="${link}" tabindex="0" title="No counterpart in the other version">${s.text}</span>`
          : html`<span class="s" data-link="${link}" tabindex="0">${s.text}</span>`,
    );
    cursor = s.end;
  });
  parts.push(html`${text.slice(cursor)}`);
  return html`${turnAnchor}<p id="${anchor}" lang="${v.doc.language}">${speaker}${parts}<a class="permalink" href="/d/${encodeURIComponent(v.doc.id)}#t${ref.turn}p${ref.paragraph}" aria-label="Open in the reader">¶</a></p>`;
}

export function comparePage(
  pair: PairAlignment,
  options: { divergentOnly: boolean; entityNames?: ReadonlyMap<string, string> },
): Markup {
  const { a, b, alignment, report } = pair;
  const view = (doc: Document, prefix: "a" | "b"): SideView => ({
    doc,
    ...(prefix === "a" ? pair.text.a : pair.text.b),
    links: sentenceLinks(alignment, prefix),
    alone: new Set(alignment.sentences.flatMap((s, k) => (s.a.length === 0 || s.b.length === 0 ? [k] : []))),
    prefix,
  });
  const label = (id: string) => options.entityNames?.get(id) ?? id;
  const va = view(a, "a");
  const vb = view(b, "b");
  const byLink = new Map<number, DivergentPassage[]>();
  for (const p of report.passages) byLink.set(p.link, [...(byLink.get(p.link) ?? []), p]);
  const here = `/d/${encodeURIComponent(a.id)}/compare/${encodeURIComponent(b.id)}`;
  const exports = (format: string, level: string) =>
    `/api/documents/${encodeURIComponent(a.id)}/alignment/${encodeURIComponent(b.id)}?format=${format}&level=${level}`;
  const rows = alignment.paragraphs
    .map((link, index) => ({ link, index, marks: byLink.get(index) ?? [] }))
    .filter((r) => !options.divergentOnly || r.marks.length > 0);
  return layout(
    `${a.title} · ${b.language}`,
    html`<article class="compare">
<h1>Side by side</h1>
<div class="compare-heads">
<p lang="${a.language}"><a href="/d/${encodeURIComponent(a.id)}">${a.title}</a><br><span class="muted">${a.language} · ${a.when.date ?? "undated"} · ${a.publisher}</span></p>
<p lang="${b.language}"><a href="/d/${encodeURIComponent(b.id)}">${b.title}</a><br><span class="muted">${b.language} · ${b.when.date ?? "undated"} · ${b.publisher}</span></p>
</div>
<section class="divergence" aria-labelledby="divergence-h">
<h2 id="divergence-h">Where the versions differ</h2>
<p>Divergence score <strong>${report.score.toFixed(3)}</strong> · ${passages(report.onlyA)} only in ${a.language} · ${passages(report.onlyB)} only in ${b.language} · ${passages(report.lengthOutliers)} of very different length · ${passages(report.numberMismatches)} with different numbers · ${passages(report.entityMismatches)} with different names</p>
${
  report.passages.length
    ? html`<ol class="divergent-list">${report.passages.map(
        (p) =>
          html`<li data-kind="${p.kind}"><a href="#pair-${p.link}">Passage ${p.link + 1}</a>: ${KIND_LABEL[p.kind]}${p.onlyA.length ? html` · ${a.language} only: ${p.onlyA.map(label).join(", ")}` : ""}${p.onlyB.length ? html` · ${b.language} only: ${p.onlyB.map(label).join(", ")}` : ""}</li>`,
      )}</ol>`
    : html`<p>No differences found.</p>`
}
<p>${options.divergentOnly ? html`<a href="${here}">Show every passage</a>` : html`<a href="${here}?only=divergent">Show only passages that differ</a>`} · Download the aligned pairs: <a href="${exports("tmx", "sentence")}">TMX (sentences)</a>, <a href="${exports("tmx", "paragraph")}">TMX (paragraphs)</a>, <a href="${exports("csv", "sentence")}">CSV</a></p>
</section>
<p class="muted">Click a sentence to see its counterpart. Each row is one passage and its translation; a row with one side empty is a passage the other version does not have.</p>
<div class="pairs">
${rows.map(
  ({ link, index, marks }) =>
    html`<div class="pair${marks.length ? " diverges" : ""}" id="pair-${index}" data-confidence="${link.confidence.toFixed(2)}">
<div class="side a" lang="${a.language}">${link.a.map((p) => paragraphView(va, p))}${link.a.length === 0 ? html`<p class="missing">(not in this version)</p>` : ""}</div>
<div class="side b" lang="${b.language}">${link.b.map((p) => paragraphView(vb, p))}${link.b.length === 0 ? html`<p class="missing">(not in this version)</p>` : ""}</div>
${marks.length ? html`<p class="marks">${marks.map((m, i) => html`${i ? " · " : ""}${KIND_LABEL[m.kind]}`)}</p>` : ""}
</div>`,
)}
</div>
</article>`,
  );
}
