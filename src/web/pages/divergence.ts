/** The archive's linked language versions, the most divergent first. */
import { html } from "hono/html";
import type { DivergentPair } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";

export function divergencePage(pairs: DivergentPair[]): Markup {
  return layout(
    "Versions that differ most",
    html`<h1>Language versions that differ most</h1>
<p class="muted">Each pair of linked versions is aligned passage by passage; the score is the share of the text with no counterpart or of very different length, plus a tenth of the share of passages whose numbers or names differ.</p>
${
  pairs.length
    ? html`<table class="divergent-pairs"><thead><tr><th>score</th><th>date</th><th>versions</th><th>only in one</th><th>length</th><th>numbers</th><th>names</th></tr></thead><tbody>${pairs.map(
        (p) =>
          html`<tr><td><a href="/d/${encodeURIComponent(p.a)}/compare/${encodeURIComponent(p.b)}">${p.score.toFixed(3)}</a></td><td>${p.date ?? ""}</td><td><span lang="${p.languageA}">${p.languageA}: ${p.titleA}</span><br><span lang="${p.languageB}">${p.languageB}: ${p.titleB}</span></td><td>${p.onlyA + p.onlyB}</td><td>${p.lengthOutliers}</td><td>${p.numberMismatches}</td><td>${p.entityMismatches}</td></tr>`,
      )}</tbody></table>`
    : html`<p>No linked language versions have been measured yet.</p>`
}`,
  );
}
