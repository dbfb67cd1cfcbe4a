/** Keyed pairs the linker would not link: each with its reasons, to be linked or unlinked by hand. */
import { html } from "hono/html";
import type { VersionConflict } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";

export function conflictsPage(conflicts: VersionConflict[]): Markup {
  const side = (d: VersionConflict["a"]) =>
    html`<a href="/d/${encodeURIComponent(d.id)}" lang="${d.language}">${d.language}: ${d.title}</a> <span class="muted">${d.date ?? "undated"}</span>`;
  return layout(
    "Version conflicts",
    html`<h1>Language versions to review</h1>
<p class="muted">The publisher's key says these are versions of one text, but the texts disagree (dates, lengths, numbers, names) or a language would have two versions. None is linked until someone links or unlinks the pair by hand (<code>verbatim link A B</code>, <code>verbatim unlink A B</code>, or the API).</p>
${
  conflicts.length
    ? html`<table class="conflicts"><thead><tr><th>versions</th><th>why not linked</th></tr></thead><tbody>${conflicts.map(
        (c) => html`<tr><td>${side(c.a)}<br>${side(c.b)}</td><td>${c.reasons.join("; ")}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No conflicts: every key the publishers gave agrees with its texts.</p>`
}`,
  );
}
