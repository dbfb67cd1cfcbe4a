/**
 * The page shell. Every interpolation goes through hono/html's `html` tag, which escapes strings;
 * nested `html` results are trusted markup. Scripts and styles come from /static (the CSP allows
 * nothing inline).
 */
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";

export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

export function layout(
  title: string,
  body: Markup,
  options: { query?: string; feed?: string; chart?: boolean } = {},
): Markup {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Verbatim</title>
<link rel="stylesheet" href="/static/verbatim.css">
${options.feed ? html`<link rel="alternate" type="application/atom+xml" title="Atom feed for this search" href="${options.feed}">` : ""}
${options.chart ? html`<link rel="stylesheet" href="/static/uplot.css"><script src="/static/uplot.js" defer></script>` : ""}
<script src="/static/verbatim.js" defer></script>
</head>
<body>
<header class="site">
  <a class="brand" href="/">Verbatim</a>
  <form class="search" action="/search" method="get" role="search">
    <label for="q" class="visually-hidden">Search the archive</label>
    <input id="q" name="q" type="search" value="${options.query ?? ""}" placeholder='sanctions speaker:lavrov date:2020' autocomplete="off">
    <button type="submit">Search</button>
  </form>
</header>
<main id="main">
${body}
</main>
<footer class="site"><a href="/search/advanced">advanced search</a> · <a href="/api/openapi.json">API</a> · <a href="/search?q=kind%3Aquestion">questions</a> · <a href="/divergence">versions that differ</a> · <a href="/changes">edits and withdrawals</a></footer>
</body>
</html>`;
}
