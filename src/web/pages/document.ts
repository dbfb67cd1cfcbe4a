import { html } from "hono/html";
import type { Document, Turn } from "../../model/document.js";
import type { Enrichment } from "../../model/enrichment.js";
import type { LanguageVersion } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";
import { turnHeading } from "../turn-heading.js";
import {
  type CorrectionsShown,
  correctedTurns,
  correctionLog,
  correctionNotice,
  turnEditor,
} from "./corrections.js";

/** What the document page shows of the page's life on the web. */
export interface WebStatus {
  withdrawn: { url: string; status: number; at: string } | null;
  versions: number;
  archived: boolean;
}

interface Span {
  start: number;
  end: number;
  entity: string | null;
}

/** Paragraph text with stage directions marked as notes and entity mentions linked to their pages. */
function paragraphMarkup(turn: Turn, index: number, text: string, mentions: Enrichment["mentions"]): Markup {
  const spans: Span[] = [
    ...turn.notes
      .filter((n) => n.paragraph === index)
      .map((n) => ({ start: n.start, end: n.end, entity: null })),
    ...mentions
      .filter((m) => m.turn === turn.index && m.paragraph === index && m.end <= text.length)
      .map((m) => ({ start: m.start, end: m.end, entity: m.entityId })),
  ].sort((a, b) => a.start - b.start);
  if (spans.length === 0) return html`${text}`;
  const parts: Markup[] = [];
  let cursor = 0;
  for (const s of spans) {
    if (s.start < cursor) continue;
    parts.push(html`${text.slice(cursor, s.start)}`);
    const inner = text.slice(s.start, s.end);
    parts.push(
      s.entity
        ? html`<a class="entity" href="/e/${encodeURIComponent(s.entity)}">${inner}</a>`
        : html`<span class="note">${inner}</span>`,
    );
    cursor = s.end;
  }
  parts.push(html`${text.slice(cursor)}`);
  return html`${parts}`;
}

export interface ReaderOptions {
  /** Entity mentions marked and linked (off by default: a page of links is hard to read). */
  entities: boolean;
  /** Editors' corrections: the log, what applies to this version, and who is signed in. */
  corrections?: CorrectionsShown;
  /** Registry ids an editor may give a turn. */
  speakerIds?: string[];
}

export function documentPage(
  doc: Document,
  version: number,
  versions: LanguageVersion[] = [],
  enrichment: Enrichment | null = null,

  /** Whether this is the current version: side by side compares current versions only. */
  current = true,
  /** What the web side knows: a withdrawal, other versions, a kept capture (for fetched pages). */
  web: WebStatus = { withdrawn: null, versions: 1, archived: false },
  options: ReaderOptions = { entities: false },
): Markup {
  const mentions = options.entities ? (enrichment?.mentions ?? []) : [];
  const shown = options.corrections ?? { log: [], state: undefined, editor: null };
  const corrected = correctedTurns(shown);
  const here = (entities: boolean) => {
    const params = new URLSearchParams();
    if (!current) params.set("version", String(version));
    if (entities) params.set("entities", "1");
    const query = params.toString();
    return `/d/${encodeURIComponent(doc.id)}${query ? `?${query}` : ""}`;
  };
  const answerOf = new Map<number, number>();
  const questionOf = new Map<number, number>();
  for (const pair of doc.qa) {
    if (pair.answers[0] !== undefined) answerOf.set(pair.question, pair.answers[0]);
    for (const a of pair.answers) questionOf.set(a, pair.question);
  }
  const when = [doc.when.date, doc.when.time, doc.when.timeZone].filter(Boolean).join(" ");
  const citeHref = (turn: number | null) =>
    `/d/${encodeURIComponent(doc.id)}/cite?version=${version}${turn === null ? "" : `&turn=${turn}`}`;
  return layout(
    doc.title,
    html`<article class="document" lang="${doc.language}">
<header class="document-head">
<p class="dateline">${when || "undated"}${doc.place ? html` · ${doc.place}` : ""} · ${doc.publisher} · ${doc.kind}${doc.publisherRef ? html` · ${doc.publisherRef}` : ""}</p>
<h1>${doc.title}</h1>
</header>
${correctionNotice(shown)}
${doc.event ? html`<p class="muted">Event: ${doc.event}</p>` : ""}
${
  web.withdrawn
    ? html`<p class="withdrawn">Withdrawn by the publisher: ${web.withdrawn.url} answered HTTP ${web.withdrawn.status} on ${web.withdrawn.at.slice(0, 10)}. Verbatim keeps what was published.</p>`
    : ""
}
${
  web.versions > 1 || web.archived
    ? html`<p class="history">${web.versions > 1 ? html`<a href="/d/${encodeURIComponent(doc.id)}/changes">${web.versions} versions: see what changed</a>` : ""}${web.versions > 1 && web.archived ? " · " : ""}${web.archived ? html`<a href="/d/${encodeURIComponent(doc.id)}/archived?version=${version}">archived copy</a>` : ""}</p>`
    : ""
}
${
  versions.length
    ? html`<nav class="languages" aria-label="Other languages">Also in: ${versions.map(
        (v, i) =>
          html`${i ? ", " : ""}<a href="/d/${encodeURIComponent(v.id)}" hreflang="${v.language}" lang="${v.language}">${v.language}: ${v.title}</a> ${current ? html`(<a href="/d/${encodeURIComponent(doc.id)}/compare/${encodeURIComponent(v.id)}">side by side</a>${v.method === "evidence" ? html`, <span class="muted">linked by evidence ${v.confidence.toFixed(2)}</span>` : ""})` : ""}`,
      )}</nav>`
    : ""
}
${
  doc.participants.length
    ? html`<p>Participants: ${doc.participants.map(
        (p, i) =>
          html`${i ? ", " : ""}${p.speakerId ? html`<a href="/s/${encodeURIComponent(p.speakerId)}">${p.name}</a>` : p.name}${p.role ? html` <span class="muted">(${p.role})</span>` : ""}`,
      )}</p>`
    : ""
}
<p class="reader-tools"><a href="${citeHref(null)}">Cite this document</a>${
      enrichment?.mentions.length
        ? html` · <a class="entity-switch" href="${here(!options.entities)}" aria-pressed="${options.entities ? "true" : "false"}">${options.entities ? "Hide" : "Show"} people, places and organisations</a>`
        : ""
    }</p>
${doc.turns.map((turn) => {
  const heading = turnHeading(turn);
  const nav =
    answerOf.get(turn.index) !== undefined
      ? html`<a class="turn-nav" href="#t${answerOf.get(turn.index)}">answer ↓</a>`
      : questionOf.get(turn.index) !== undefined
        ? html`<a class="turn-nav" href="#t${questionOf.get(turn.index)}">question ↑</a>`
        : "";
  const notes = [heading.kind, turn.interpreted ? "interpreted" : null].filter(Boolean).join(", ");
  // "Question (addressed to both ministers)" already says to whom.
  const addressed =
    turn.addressedTo && !`${heading.name} ${heading.label ?? ""}`.includes(turn.addressedTo)
      ? turn.addressedTo
      : null;
  return html`<section class="turn-block ${turn.kind}" id="t${turn.index}" data-kind="${turn.kind}">
<p class="turn-head"><span class="speaker">${
    turn.speakerId
      ? html`<a href="/s/${encodeURIComponent(turn.speakerId)}">${heading.name}</a>`
      : heading.name
  }</span>${heading.label ? html` <span class="muted">(${heading.label})</span>` : ""}${notes || addressed ? html`<span class="kind">${notes}${addressed ? html`${notes ? ", " : ""}to ${addressed}` : ""}</span>` : ""}${corrected.has(turn.index) ? html`<a class="corrected-mark" href="#corrections">corrected</a>` : ""}<span class="turn-links"><a class="permalink" href="#t${turn.index}" aria-label="Permalink to turn ${turn.index + 1}">¶</a><a class="cite-turn" href="${citeHref(turn.index)}">Cite this turn</a>${nav}</span></p>
${turnEditor(doc, turn, shown)}
${turn.paragraphs.map((p, i) => html`<p id="t${turn.index}p${i}" lang="${enrichment?.turnLanguages[turn.index] || doc.language}">${paragraphMarkup(turn, i, p, mentions)}</p>`)}
</section>`;
})}
${
  doc.attachments.length
    ? html`<h2>Additional materials</h2><ul>${doc.attachments.map(
        (a) =>
          html`<li>${a.url && /^https?:\/\//i.test(a.url) ? html`<a href="${a.url}" rel="nofollow noopener">${a.title}</a>` : a.title}</li>`,
      )}</ul>`
    : ""
}
${correctionLog(shown, options.speakerIds ?? [])}
<h2>Provenance</h2>
<p class="muted">${doc.sourceUrl && /^https?:\/\//i.test(doc.sourceUrl) ? html`Source: <a href="${doc.sourceUrl}" rel="nofollow noopener">${doc.sourceUrl}</a> · ` : ""}read from ${doc.provenance.source} by ${doc.provenance.reader} (${doc.provenance.profile}) on ${doc.provenance.readAt.slice(0, 10)} · sha256 ${doc.provenance.contentHash.slice(0, 16)}… · version ${version} · <a href="/api/documents/${encodeURIComponent(doc.id)}">JSON</a></p>
</article>`,
  );
}
