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
  const share = rows.map((r) => (r.base ? (100 * r.turns) / r.base : 0));
  const width = Math.min(target.clientWidth || 600, 900);
  new window.uPlot(
    {
      width,
      height: 260,
      series: [{}, { label: "turns", stroke: "#0b57d0", width: 2 }, { label: "share %", stroke: "#b3261e", scale: "%", width: 1 }],
      axes: [{}, { label: "turns" }, { side: 1, scale: "%", label: "share %", grid: { show: false } }],
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
