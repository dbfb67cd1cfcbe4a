/**
 * mid.ru as public scrapers read it: listings of `li.announce__item` (date, time, `a.announce__link`)
 * paged with ?PAGEN_1=N (a page past the last repeats the last, as Bitrix does); record pages
 * with `h1.photo-content__title`, `.photo-content__date`, the document number in
 * `.article-line__note`, the body in `div.text.article-content` with labels in <strong>.
 */
import { rss } from "../feeds.js";
import { dayMonthYear, esc, numericDate } from "../html.js";
import type { ListingView, Markup, RecordView } from "../types.js";

const ORIGIN = "https://mid.ru";
const WORDS = {
  ru: {
    site: "Министерство иностранных дел Российской Федерации",
    news: "Новости",
    speeches: "Выступления Министра",
    briefings: "Брифинги",
    views: "Просмотров",
    share: "Поделиться",
    next: "Следующая",
    other: "EN",
    otherLanguage: "en",
  },
  en: {
    site: "The Ministry of Foreign Affairs of the Russian Federation",
    news: "News",
    speeches: "Minister’s speeches",
    briefings: "Briefings",
    views: "Views",
    share: "Share",
    next: "Next",
    other: "RU",
    otherLanguage: "ru",
  },
};

const words = (language: string) => (language === "en" ? WORDS.en : WORDS.ru);

/** "С.В.Лавров: Комиссия…" → "<strong>С.В.Лавров:</strong> Комиссия…" (labels are bold on mid.ru). */
function paragraph(text: string): string {
  const label =
    /^((?:Вопрос|Question)(?: \([^)]*\))?:|(?:\p{Lu}\.){1,2}\p{Lu}\p{Ll}+:|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+:)\s/u.exec(
      text,
    );
  if (!label?.[1]) return `<p>${esc(text)}</p>`;
  return `<p><strong>${esc(label[1])}</strong> ${esc(text.slice(label[0].length))}</p>`;
}

function frame(language: string, title: string, head: string, body: string, switcher: string): string {
  const w = words(language);
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${esc(title)} - ${esc(w.site)}</title>
${head}
</head>
<body>
<header class="header">
<a class="header__logo" href="/${language}/">${esc(w.site)}</a>
<nav class="menu"><ul>
<li><a href="/${language}/foreign_policy/news/">${w.news}</a></li>
<li><a href="/${language}/press_service/minister_speeches/">${w.speeches}</a></li>
<li><a href="/${language}/press_service/spokesman/briefings/">${w.briefings}</a></li>
</ul></nav>
<div class="lang-switcher">${switcher}</div>
</header>
<div class="page-body">
${body}
</div>
<footer class="footer"><p>© ${esc(w.site)}</p><p><a href="/${language}/about/">mid.ru</a></p></footer>
</body>
</html>
`;
}

function recordPage(view: RecordView): string {
  const { record } = view.stored;
  const w = words(record.language);
  const dateline =
    record.language === "ru"
      ? `${numericDate(record.date)} ${record.time}`
      : `${dayMonthYear(record.date, "en")} ${record.time}`;
  const head = [
    `<link rel="canonical" href="${esc(view.url)}">`,
    `<meta property="og:url" content="${esc(view.url)}">`,
    `<meta property="og:title" content="${esc(record.title)}">`,
    view.otherUrl ? `<link rel="alternate" hreflang="${w.otherLanguage}" href="${esc(view.otherUrl)}">` : "",
  ].join("\n");
  const switcher = `<a class="lang-switcher__link" hreflang="${w.otherLanguage}" href="${esc(view.otherUrl ?? view.otherHome)}">${w.other}</a>`;
  const body = `<div class="photo-content">
<h1 class="photo-content__title">${esc(record.title)}</h1>
<div class="photo-content__date">${esc(dateline)}</div>
${view.stored.reference ? `<p class="article-line__note article-line__note_small">${esc(view.stored.reference)}</p>` : ""}
<div class="photo-content__views">${w.views}: ${view.views}</div>
<div class="text article-content">
${record.paragraphs.map(paragraph).join("\n")}
<div class="share">${w.share}: <a href="https://vk.com/share.php?url=${encodeURIComponent(view.url)}">VK</a> <a href="https://t.me/share/url?url=${encodeURIComponent(view.url)}">Telegram</a></div>
</div>
<div class="tags"><a href="/${record.language}/foreign_policy/news/?tags=1">${w.news}</a></div>
</div>`;
  return frame(record.language, record.title, head, body, switcher);
}

function listingPage(view: ListingView): string {
  const language = view.section.language;
  const w = words(language);
  const items = view.items.map(
    ({ stored, url }) => `<li class="announce__item">
<span class="announce__date">${numericDate(stored.record.date)}</span>
<span class="announce__time">${stored.record.time}</span>
<a class="announce__link${language === "en" ? " announce__link_fix_en" : ""}" href="${esc(new URL(url).pathname)}">${esc(stored.record.title)}</a>
<div class="announce__meta-tags">${w.news}</div>
</li>`,
  );
  const pages = Array.from({ length: view.pages }, (_, i) => i + 1).map((n) => {
    if (n === view.page) return `<span class="pagination__item pagination__item_active">${n}</span>`;
    const target = new URL(view.pageUrl(n));
    return `<a class="pagination__item" href="${esc(target.pathname + target.search)}">${n}</a>`;
  });
  const body = `<h1 class="title">${w.news}</h1>
<ul class="announce announce_articles">
${items.join("\n")}
</ul>
<div class="pagination">${pages.join(" ")}</div>`;
  return frame(
    language,
    w.news,
    "",
    body,
    `<a hreflang="${w.otherLanguage}" href="/${w.otherLanguage}/">${w.other}</a>`,
  );
}

export const midRuMarkup: Markup = {
  publisher: "mid.ru",
  hosts: [[ORIGIN, "https://www.mid.ru"]],
  homes: { ru: `${ORIGIN}/ru/`, en: `${ORIGIN}/en/` },
  recordPath: (section, id) => `${section.basePath}${id}/`,
  recordPage,
  listingPage,
  errorPage: (status, language) =>
    frame(
      language,
      String(status),
      "",
      `<h1 class="title">${status}</h1><p>${language === "ru" ? "Страница не найдена" : "Page not found"}</p>`,
      "",
    ),
  feed: (path, language, items) =>
    path === `/${language}/rss.php`
      ? rss(words(language).site, `${ORIGIN}/${language}/`, items.slice(0, 20), "+03:00")
      : null,
  pastLastPage: "last",
  firstPageRedirects: false,
  robots: "User-agent: *\nDisallow: /bitrix/\nDisallow: /search/\nDisallow: /*?print=\n",
};
