/**
 * president.gov.ua as public scrapers read it: listings of `div.item_stat_headline` (h3 > a, a
 * date in p) paged with ?page=N and `div.pagination a.pag`; record pages with `div.article`, `h1`,
 * `p.date` ("2 листопада 2022 року - 21:15") and the body in `div.article_content`. The
 * English site is the same paths under /en, with the same transliterated slug and id.
 */
import { slugify } from "transliteration";
import { dayMonthYear, esc } from "../html.js";
import type { ListingView, Markup, RecordView } from "../types.js";

const ORIGIN = "https://www.president.gov.ua";

const WORDS = {
  uk: {
    site: "Офіційне інтернет-представництво Президента України",
    news: "Новини",
    speeches: "Звернення та виступи",
    views: "Переглядів",
    share: "Поширити",
    latest: "Останні новини",
    other: "English",
    prefix: "",
  },
  en: {
    site: "Official website of the President of Ukraine",
    news: "News",
    speeches: "Addresses and speeches",
    views: "Views",
    share: "Share",
    latest: "Latest news",
    other: "Українською",
    prefix: "/en",
  },
};

const words = (language: string) => (language === "en" ? WORDS.en : WORDS.uk);
const printedDate = (iso: string, time: string, language: string) =>
  language === "en" ? `${dayMonthYear(iso, "en")} - ${time}` : `${dayMonthYear(iso, "uk")} року - ${time}`;

function frame(language: string, title: string, head: string, main: string): string {
  const w = words(language);
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${esc(title)} — ${esc(w.site)}</title>
${head}
</head>
<body>
<header class="header">
<a class="logo" href="${ORIGIN}${w.prefix}">${esc(w.site)}</a>
<div class="header_menu"><a href="${ORIGIN}${w.prefix}/news/all">${w.news}</a> <a href="${ORIGIN}${w.prefix}/news/speeches">${w.speeches}</a></div>
<div class="lang_switcher"><a href="${ORIGIN}${language === "en" ? "" : "/en"}">${w.other}</a></div>
</header>
<div class="container"><div class="row">
<div class="col-md-8">
${main}
</div>
<div class="col-md-4"><div class="sidebar"><h3>${w.latest}</h3><ul><li><a href="${ORIGIN}${w.prefix}/news/all">${w.news}</a></li></ul></div></div>
</div></div>
<footer class="footer"><p>© ${esc(w.site)}</p></footer>
</body>
</html>
`;
}

function recordPage(view: RecordView): string {
  const { record } = view.stored;
  const w = words(record.language);
  const head = [
    `<link rel="canonical" href="${esc(view.url)}">`,
    `<meta property="og:url" content="${esc(view.url)}">`,
    `<meta property="og:title" content="${esc(record.title)}">`,
  ].join("\n");
  const main = `<div class="article">
<h1>${esc(record.title)}</h1>
<p class="date">${esc(printedDate(record.date, record.time, record.language))}</p>
<div class="article_content">
${record.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
</div>
<div class="article_tags"><a href="${ORIGIN}${w.prefix}/news/speeches">${w.speeches}</a></div>
<div class="share_block">${w.share}: <a href="https://www.facebook.com/sharer.php?u=${encodeURIComponent(view.url)}">Facebook</a> <span class="views">${w.views}: ${view.views}</span></div>
</div>`;
  return frame(record.language, record.title, head, main);
}

function listingPage(view: ListingView): string {
  const language = view.section.language;
  const w = words(language);
  const items = view.items.map(
    ({ stored, url }) => `<div class="item_stat cat_stat">
<div class="item_stat_headline">
<h3><a href="${esc(url)}">${esc(stored.record.title)}</a></h3>
<p class="date">${esc(printedDate(stored.record.date, stored.record.time, language))}</p>
</div>
</div>`,
  );
  const pages = Array.from({ length: view.pages }, (_, i) => i + 1).map((n) =>
    n === view.page
      ? `<a class="pag act" href="javascript:void(0);">${n}</a>`
      : `<a class="pag" href="${esc(view.pageUrl(n))}">${n}</a>`,
  );
  return frame(
    language,
    w.speeches,
    "",
    `<h1>${w.speeches}</h1>\n${items.join("\n")}\n<div class="pagination">${pages.join(" ")}</div>`,
  );
}

export const presidentUaMarkup: Markup = {
  publisher: "president.gov.ua",
  hosts: [[ORIGIN, "https://president.gov.ua"]],
  homes: { uk: `${ORIGIN}/`, en: `${ORIGIN}/en` },
  // The slug is the Ukrainian title transliterated and cut at 60 characters, in both languages.
  recordPath: (section, id, record) => {
    const prefix = section.language === "en" ? "/en" : "";
    const slug = slugify(record.title).slice(0, 60).replace(/-+$/, "");
    return `${prefix}/news/${slug}-${id}`;
  },
  recordPage,
  listingPage,
  errorPage: (status, language) => frame(language, String(status), "", `<h1>${status}</h1>`),
  feed: () => null,
  pastLastPage: "empty",
  firstPageRedirects: false,
  robots: "User-agent: *\nDisallow: /search\n",
};
