/**
 * kremlin.ru and en.kremlin.ru (the same paths and ids on both hosts), as the kremlin.ru recipe
 * reads them: `article.read__in`, `h1.entry-title`, `time.read__published`, `.read__time`,
 * `.read__place`, the body in `.read__internal_content` with labels in <b>, and
 * `.read__bottommeta` (with the view counter) inside it. Listings are `/page/N`; Atom feeds.
 */
import { atom } from "../feeds.js";
import { dayMonthYear, esc, monthDayYear } from "../html.js";
import type { ListingView, Markup, RecordView } from "../types.js";

const RU = "http://kremlin.ru";
const EN = "http://en.kremlin.ru";

const WORDS = {
  ru: {
    site: "Президент России",
    news: "Новости",
    transcripts: "Стенограммы",
    published: "Опубликован в разделах",
    date: "Дата публикации",
    views: "Просмотров",
    photos: "Фотографии",
    videos: "Видео",
    keyword: "Внешняя политика",
    other: "English",
    more: "Предыдущие материалы",
  },
  en: {
    site: "President of Russia",
    news: "News",
    transcripts: "Transcripts",
    published: "Published in sections",
    date: "Publication date",
    views: "Views",
    photos: "Photos",
    videos: "Videos",
    keyword: "Foreign policy",
    other: "Русский",
    more: "Previous items",
  },
};

const words = (language: string) => (language === "en" ? WORDS.en : WORDS.ru);
const printedDate = (iso: string, language: string) =>
  language === "en" ? monthDayYear(iso) : `${dayMonthYear(iso, "ru")} года`;

function paragraph(text: string): string {
  const label =
    /^((?:Вопрос|Question):|(?:\p{Lu}\.){1,2}\p{Lu}\p{Ll}+:|\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+:)\s/u.exec(text);
  if (!label?.[1]) return `<p>${esc(text)}</p>`;
  return `<p><b>${esc(label[1])}</b> ${esc(text.slice(label[0].length))}</p>`;
}

function frame(language: string, title: string, head: string, body: string): string {
  const w = words(language);
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<title>${esc(title)} • ${w.site}</title>
${head}
</head>
<body>
<header class="header">
<a class="header__logo" href="/">${w.site}</a>
<nav class="nav"><a href="/events/president/news">${w.news}</a> <a href="/events/president/transcripts">${w.transcripts}</a></nav>
<a class="header__lang" href="${language === "en" ? RU : EN}/">${w.other}</a>
</header>
<div class="wrapper">
${body}
</div>
<footer class="footer"><p>${w.site}</p><p><a href="/about/copyrights">CC BY 4.0</a></p></footer>
</body>
</html>
`;
}

function recordPage(view: RecordView): string {
  const { record, id } = view.stored;
  const w = words(record.language);
  const lead =
    record.language === "en"
      ? "The President answered questions from the media."
      : "Президент ответил на вопросы представителей СМИ.";
  const body = `<article class="read__in hentry h-entry" itemscope>
<h1 class="entry-title p-name">${esc(record.title)}</h1>
<div class="read__meta">
<time class="read__published" datetime="${record.date}">${esc(printedDate(record.date, record.language))}</time>
<div class="read__time">${record.time}</div>
${record.place ? `<div class="read__place p-location">${esc(record.place)}</div>` : ""}
</div>
<div class="read__lead entry-summary p-summary"><p>${esc(lead)}</p></div>
<div class="entry-content e-content read__internal_content" itemprop="articleBody">
${record.paragraphs.map(paragraph).join("\n")}
<div class="read__bottommeta masha-ignore">
<p>${w.published}: <a href="/events/president/news">${w.news}</a>, <a href="/events/president/transcripts">${w.transcripts}</a></p>
<p>${w.date}: ${esc(printedDate(record.date, record.language))}, ${record.time}</p>
<p class="read__views">${w.views}: ${view.views}</p>
</div>
</div>
<div class="read__tags masha-ignore"><a href="/catalog/keywords/82/events">${w.keyword}</a></div>
<p class="read__media"><a href="/events/president/news/${id}/photos">${w.photos}</a> <a href="/events/president/news/${id}/videos">${w.videos}</a></p>
</article>`;
  return frame(record.language, record.title, `<meta property="og:url" content="${esc(view.url)}">`, body);
}

function listingPage(view: ListingView): string {
  const language = view.section.language;
  const w = words(language);
  const items = view.items.map(
    ({ stored, url }) => `<div class="hentry h-entry hentry_event">
<h3 class="hentry__title hentry__title_special"><a href="${esc(new URL(url).pathname)}" rel="bookmark"><span class="entry-title p-name">${esc(stored.record.title)}</span></a></h3>
<time class="published dt-published" datetime="${stored.record.date}">${esc(printedDate(stored.record.date, language))}</time>
<a class="hentry__photos" href="/events/president/news/${stored.id}/photos">${w.photos}</a>
</div>`,
  );
  const next =
    view.page < view.pages
      ? `<a class="button more-prev" href="${esc(new URL(view.pageUrl(view.page + 1)).pathname)}">${w.more}</a>`
      : "";
  return frame(language, w.transcripts, "", `<div class="events">\n${items.join("\n")}\n</div>\n${next}`);
}

export const kremlinRuMarkup: Markup = {
  publisher: "kremlin.ru",
  hosts: [[RU], [EN]],
  homes: { ru: `${RU}/`, en: `${EN}/` },
  recordPath: (section, id) => `${section.basePath}/${id}`,
  recordPage,
  listingPage,
  errorPage: (status, language) => frame(language, String(status), "", `<h1>${status}</h1>`),
  feed: (path, language, items, selfUrl) =>
    path.endsWith("/feed") ? atom(words(language).site, selfUrl, items.slice(0, 20), "+03:00") : null,
  pastLastPage: "404",
  firstPageRedirects: false,
  robots: "User-agent: *\nDisallow: /search\nDisallow: /*/print\n",
};
