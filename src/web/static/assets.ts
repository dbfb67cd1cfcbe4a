import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** uPlot, the charting library, served from its npm package (same origin, so the CSP allows it). */
export const UPLOT = {
  js: readFileSync(require.resolve("uplot/dist/uPlot.iife.min.js"), "utf8"),
  css: readFileSync(require.resolve("uplot/dist/uPlot.min.css"), "utf8"),
};

/**
 * The site's only stylesheet and script, served from memory at /static (no build step, and the
 * Content Security Policy can forbid every inline script and style).
 */

export const CSS = `
.withdrawn { background: #fdecea; border-left: 4px solid #b3261e; padding: .4rem .6rem; }
.history a { margin-right: .2rem; }
.diff { white-space: pre-wrap; line-height: 1.6; }
ins { background: #e6f4ea; text-decoration: none; }
del { background: #fdecea; }
dl.fields dt { font-weight: 600; }
iframe.archived { width: 100%; height: 70vh; border: 1px solid #ccc; }

:root { --fg: #1d1d1f; --muted: #5f6368; --accent: #0b57d0; --mark: #fff3b0; --line: #e3e3e3; --bg: #fff; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
header.site { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; text-decoration: none; color: var(--fg); font-size: 1.2rem; }
form.search { display: flex; flex: 1; min-width: 14rem; gap: .5rem; }
form.search input { flex: 1; padding: .5rem .6rem; font-size: 1rem; border: 1px solid #bbb; border-radius: 6px; }
button { padding: .5rem .9rem; font-size: 1rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
main:has(article.compare) { max-width: 92rem; }
footer.site { text-align: center; color: var(--muted); padding: 2rem 1rem; font-size: .9rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.muted, .dateline { color: var(--muted); font-size: .92rem; }
mark { background: var(--mark); padding: 0 .1em; }
.layout { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
@media (min-width: 52rem) { .layout { grid-template-columns: 15rem 1fr; } }
.facets h2 { font-size: .95rem; margin: 1rem 0 .3rem; }
.facets ul { list-style: none; margin: 0; padding: 0; font-size: .92rem; }
.facets li { display: flex; justify-content: space-between; gap: .5rem; }
.hit { border-bottom: 1px solid var(--line); padding: .8rem 0; }
.hit h3 { margin: 0 0 .2rem; font-size: 1.05rem; }
.hit .turn { margin: .35rem 0 0 .8rem; }
.turn-block { padding: .6rem .8rem; margin: .4rem 0; border-left: 3px solid transparent; }
article.compare { max-width: none; }
.compare-heads, .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.pair { border-top: 1px solid var(--line); padding: .4rem 0; }
.pair.diverges { background: #fff8f0; }
.pair .marks { grid-column: 1 / -1; margin: 0; color: #b3261e; font-size: .88rem; }
.pair .missing { color: var(--muted); font-style: italic; }
.compare .s[data-link] { cursor: pointer; border-radius: 3px; }
.compare .s[data-link]:hover, .compare .s[data-link]:focus { background: #eef3fd; outline: none; }
.compare .s.active { background: var(--mark); }
.compare .s.alone { text-decoration: underline dotted #b3261e; }
.divergent-pairs { border-collapse: collapse; width: 100%; font-size: .92rem; }
.divergent-pairs td, .divergent-pairs th { border-bottom: 1px solid var(--line); padding: .3rem .4rem; text-align: left; vertical-align: top; }
.turn-block:target { border-left-color: var(--accent); background: #f3f7ff; }
.turn-block.question { background: #fafafa; }
.speaker { font-weight: 600; }
.kind { color: var(--muted); font-size: .85rem; margin-left: .3rem; }
.turn-nav { font-size: .85rem; margin-left: .5rem; }
.permalink, .cite-turn { color: var(--muted); text-decoration: none; margin-left: .3rem; }
.cite-turn { font-size: .85em; }
.cite { margin: 1rem 0; padding: .8rem; border: 1px solid var(--line); border-radius: 6px; }
.cite textarea { width: 100%; min-height: 6rem; font: inherit; font-size: .92rem; }
.note { color: var(--muted); font-style: italic; }
.error { color: #a50e0e; }
.chart { margin: 1rem 0; min-height: 1px; }
.pager { display: flex; justify-content: space-between; margin: 1rem 0; }
table.counts { border-collapse: collapse; }
.table-scroll { overflow-x: auto; max-width: 100%; }
tr.small-base td { color: var(--muted); }

/* Reading: targets light up, long words and URLs wrap instead of widening the page. */
main { overflow-wrap: anywhere; }
.turn-block p:target, .turn-block:target > p:first-child { background: var(--mark); }
.turn-block, .turn-block p { scroll-margin-top: .5rem; }
.turn-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 .3rem; }
.turn-links { margin-left: auto; white-space: nowrap; font-size: .85rem; }
.document-head h1 { font-size: 1.6rem; line-height: 1.25; margin: .2rem 0 .6rem; }
.document-head .dateline { margin: 0; }
.reader-tools { font-size: .92rem; }
a.entity { color: inherit; text-decoration: none; border-bottom: 2px solid #c6dafc; }
details.facets > summary { cursor: pointer; font-weight: 600; padding: .3rem 0; }
form.search { min-width: 0; flex: 1 1 16rem; }
form.search input { min-width: 0; width: 100%; }

/* Forms: the advanced search and the filters of /divergence. */
form.advanced fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; padding: .6rem .9rem; }
form.advanced legend { font-weight: 600; padding: 0 .3rem; }
form.advanced .field { display: flex; flex-direction: column; gap: .2rem; margin: .5rem 0; }
form.advanced .field > span { font-weight: 500; }
form.advanced input:not([type]) { padding: .45rem .55rem; font-size: 1rem; border: 1px solid #bbb; border-radius: 6px; width: 100%; }
form.advanced .choices { display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
form.advanced .dates { display: flex; gap: 1rem; flex-wrap: wrap; }
form.advanced .dates .field { flex: 1 1 10rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; margin: 1rem 0; }
form.filters select { font-size: 1rem; padding: .3rem; }
.no-results { margin: 1rem 0; }

/* Corrections: a notice, a mark on corrected turns, the log, and the editor's forms. */
.corrected-notice { background: #eef6ee; border-left: 4px solid #2e7d32; padding: .4rem .6rem; }
.corrected-mark { font-size: .8rem; color: #2e7d32; margin-left: .4rem; text-decoration: none; border: 1px solid #2e7d32; border-radius: 4px; padding: 0 .3rem; }
.correction-log li { margin: .3rem 0; }
form.inline { display: inline; }
form.inline button, .turn-editor button { padding: .2rem .6rem; font-size: .9rem; }
.turn-editor { margin: .3rem 0; font-size: .92rem; }
.turn-editor form { display: flex; flex-wrap: wrap; gap: .3rem .6rem; align-items: end; margin: .4rem 0; }
.turn-editor input, .turn-editor select { font-size: .95rem; padding: .2rem .3rem; max-width: 100%; }

/* Phones: a compact header, and side by side as alternating rows, each passage under its language. */
@media (max-width: 40rem) {
  body { font-size: 16px; }
  header.site { padding: .5rem .75rem; gap: .5rem; }
  main { padding: .75rem; }
  .document-head h1 { font-size: 1.2rem; }
  .compare-heads { display: none; }
  .pair { grid-template-columns: 1fr; gap: .3rem; }
  .pair .side::before { content: attr(lang); display: inline-block; font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
  .pair .side.b { border-left: 3px solid var(--line); padding-left: .5rem; }
}
table.counts td, table.counts th { padding: .2rem .6rem; border-bottom: 1px solid var(--line); text-align: right; }
`;

export const JS = `
// The trend chart (uPlot), drawn from the page's own data block; the table below it has the numbers.
document.addEventListener("DOMContentLoaded", () => {
  const data = document.getElementById("trend-data");
  const target = document.getElementById("trend-chart");
  if (!data || !target || !window.uPlot) return;
  const { by, rows } = JSON.parse(data.textContent);
  if (!rows.length) return;
  const x = rows.map((r) => Date.UTC(Number(r.period.slice(0, 4)), by === "month" ? Number(r.period.slice(5, 7)) - 1 : 0, 1) / 1000);
  const turns = rows.map((r) => r.turns);
  // Periods whose base is too small to draw carry no share: uPlot leaves a gap.
  const share = rows.map((r) => r.share);
  // Counts are whole numbers: ticks at 1, 2, 5, 10… never at 1.5 turns.
  const whole = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];
  const width = Math.min(target.clientWidth || 600, 900);
  // Kept on its element, so a test (or a curious reader's console) can see what was drawn.
  target.chart = new window.uPlot(
    {
      width,
      height: 260,
      scales: { y: { range: (u, min, max) => [0, Math.max(1, max)] }, "%": { range: (u, min, max) => [0, Math.max(0.01, max ?? 0)] } },
      series: [{}, { label: "turns", stroke: "#0b57d0", width: 2 }, { label: "share %", stroke: "#b3261e", scale: "%", width: 1, spanGaps: false }],
      axes: [
        {},
        { label: "turns", incrs: whole, values: (u, splits) => splits.map((v) => String(Math.round(v))) },
        { side: 1, scale: "%", label: "share %", grid: { show: false } },
      ],
    },
    [x, turns, share],
    target,
  );
});

// Side by side: a sentence and its counterpart in the other version are marked together.
document.addEventListener("click", (event) => {
  const sentence = event.target.closest(".compare .s[data-link]");
  if (!sentence) return;
  for (const el of document.querySelectorAll(".compare .s.active")) el.classList.remove("active");
  for (const el of document.querySelectorAll('.compare .s[data-link="' + sentence.getAttribute("data-link") + '"]')) el.classList.add("active");
  const other = sentence.closest(".side").classList.contains("a") ? ".side.b" : ".side.a";
  const counterpart = sentence.closest(".pair").querySelector(other + ' .s[data-link="' + sentence.getAttribute("data-link") + '"]');
  if (counterpart && counterpart.scrollIntoView) counterpart.scrollIntoView({ block: "nearest" });
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || !event.target.matches?.(".compare .s[data-link]")) return;
  event.target.click();
});

// Facets sit behind a disclosure on phones; on wide screens they are simply open.
document.addEventListener("DOMContentLoaded", () => {
  const facets = document.querySelector("details.facets");
  if (facets && window.matchMedia("(min-width: 52rem)").matches) facets.open = true;
});

// Copy buttons for citations; everything else works without JavaScript.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const source = document.getElementById(button.getAttribute("data-copy"));
  if (!source) return;
  const text = source.value ?? source.textContent;
  const label = button.textContent;
  const done = () => { button.textContent = "Copied"; setTimeout(() => (button.textContent = label), 1500); };
  if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, () => { source.select?.(); document.execCommand("copy"); done(); });
  else { source.select?.(); document.execCommand("copy"); done(); }
});
`;
