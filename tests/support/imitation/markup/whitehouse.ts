/**
 * whitehouse.gov since 2025, a WordPress block theme: record pages with
 * `h1.wp-block-whitehouse-topper__headline`, `.wp-block-post-date time[datetime]` and the body in
 * `.entry-content` (place line, clock line, labels in capitals, "END" and a clock line); listings
 * `/remarks/page/N/` (page 1 redirects to `/remarks/`, a page past the last is a 404); a Yoast
 * sitemap index pointing to post-sitemap.xml (records) and page-sitemap.xml (other pages).
 */
import { sitemapIndex, urlSet } from "../feeds.js";
import { easternDaylight, esc, monthDayYear } from "../html.js";
import type { ListedRecord, ListingView, Markup, RecordView } from "../types.js";

const ORIGIN = "https://www.whitehouse.gov";

const offset = (date: string) => (easternDaylight(date) ? "-04:00" : "-05:00");

function frame(title: string, head: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>${esc(title)} – The White House</title>
${head}
</head>
<body class="wp-singular">
<header class="wp-block-template-part">
<a class="wp-block-site-title" href="${ORIGIN}/">The White House</a>
<nav class="wp-block-navigation"><a href="${ORIGIN}/news/">News</a> <a href="${ORIGIN}/administration/">Administration</a> <a href="${ORIGIN}/issues/">Issues</a> <a href="${ORIGIN}/contact/">Contact</a></nav>
</header>
<main class="wp-block-group">
${main}
</main>
<footer class="wp-block-template-part"><p>The White House</p><p>1600 Pennsylvania Ave NW, Washington, DC 20500</p><a href="${ORIGIN}/copyright/">Copyright</a> <a href="${ORIGIN}/privacy/">Privacy</a></footer>
</body>
</html>
`;
}

const sectionName = (path: string) => (path.startsWith("/remarks/") ? "Remarks" : "Briefings & Statements");

function recordPage(view: RecordView): string {
  const { record } = view.stored;
  const published = `${record.date}T${record.time}:00${offset(record.date)}`;
  const head = [
    `<link rel="canonical" href="${esc(view.url)}">`,
    `<meta property="og:url" content="${esc(view.url)}">`,
    `<meta property="og:title" content="${esc(record.title)}">`,
    `<meta property="article:published_time" content="${published}">`,
  ].join("\n");
  const main = `<div class="wp-block-whitehouse-topper">
<div class="wp-block-whitehouse-topper__meta-terms"><a href="${ORIGIN}${view.stored.section.basePath}">${sectionName(view.stored.section.basePath)}</a></div>
<h1 class="wp-block-whitehouse-topper__headline">${esc(record.title)}</h1>
<div class="wp-block-post-date"><time datetime="${published}">${monthDayYear(record.date)}</time></div>
</div>
<div class="entry-content wp-block-post-content">
${record.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</div>
<div class="wp-block-whitehouse-share">Share: <a href="https://x.com/intent/tweet?url=${encodeURIComponent(view.url)}">X</a> <a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(view.url)}">Facebook</a> <span class="wp-block-whitehouse-share__count">${view.views} shares</span></div>`;
  return frame(record.title, head, main);
}

function listingPage(view: ListingView): string {
  const items = view.items.map(
    ({ stored, url }) => `<li class="wp-block-post">
<h2 class="wp-block-post-title"><a href="${esc(url)}">${esc(stored.record.title)}</a></h2>
<div class="wp-block-post-date"><time datetime="${stored.record.date}T${stored.record.time}:00${offset(stored.record.date)}">${monthDayYear(stored.record.date)}</time></div>
</li>`,
  );
  const previous =
    view.page > 1
      ? `<a class="wp-block-query-pagination-previous" href="${esc(view.pageUrl(view.page - 1))}">Previous</a>`
      : "";
  const next =
    view.page < view.pages
      ? `<a class="wp-block-query-pagination-next" href="${esc(view.pageUrl(view.page + 1))}">Next</a>`
      : "";
  const title = sectionName(view.section.basePath);
  return frame(
    title,
    `<link rel="canonical" href="${esc(view.pageUrl(view.page))}">`,
    `<h1 class="wp-block-query-title">${esc(title)}</h1>
<ul class="wp-block-post-template">
${items.join("\n")}
</ul>
<nav class="wp-block-query-pagination">${previous} ${next}</nav>`,
  );
}

/** Yoast's index, and the two sitemaps it names: records, then pages that are not records. */
function sitemaps(path: string, items: ListedRecord[]) {
  if (path === "/sitemap_index.xml")
    return sitemapIndex([`${ORIGIN}/post-sitemap.xml`, `${ORIGIN}/page-sitemap.xml`]);
  if (path === "/post-sitemap.xml")
    return urlSet(
      items.map((item) => ({ loc: item.url, lastmod: new Date(item.stored.modified).toISOString() })),
    );
  if (path === "/page-sitemap.xml")
    return urlSet(
      ["/", "/administration/", "/issues/", "/remarks/", "/briefings-statements/", "/gallery/"].map((p) => ({
        loc: `${ORIGIN}${p}`,
      })),
    );
  return null;
}

export const whitehouseMarkup: Markup = {
  publisher: "whitehouse.gov",
  hosts: [[ORIGIN]],
  homes: { en: `${ORIGIN}/` },
  recordPath: (section, _id, record) => {
    const slug = record.title
      .toLowerCase()
      .replace(/[’']/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    return `${section.basePath}${record.date.slice(0, 4)}/${record.date.slice(5, 7)}/${slug}/`;
  },
  recordPage,
  listingPage,
  errorPage: (status) =>
    frame("Page not found", "", `<h1>${status === 410 ? "Gone" : "Page not found"}</h1>`),
  feed: (path, _language, items) => sitemaps(path, items),
  extraDocuments: sitemaps,
  pastLastPage: "404",
  firstPageRedirects: true,
  robots:
    "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: https://www.whitehouse.gov/sitemap_index.xml\n",
};
