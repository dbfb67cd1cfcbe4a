/** RSS 2.0, Atom and sitemap documents, as the imitated publishers serve them. */
import { esc } from "./html.js";
import type { Feed, ListedRecord } from "./types.js";

/** A record's publication instant, from its local date and time and the publisher's UTC offset. */
export function instant(item: ListedRecord, offset: string): string {
  return `${item.stored.record.date}T${item.stored.record.time}:00${offset}`;
}

export function rss(title: string, link: string, items: ListedRecord[], offset: string): Feed {
  const entries = items.map(
    (item) => `<item>
<title>${esc(item.stored.record.title)}</title>
<link>${esc(item.url)}</link>
<guid>${esc(item.url)}</guid>
<pubDate>${new Date(instant(item, offset)).toUTCString()}</pubDate>
<description>${esc(item.stored.record.paragraphs[0] ?? "")}</description>
</item>`,
  );
  return {
    contentType: "application/rss+xml; charset=utf-8",
    body: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${esc(title)}</title>
<link>${esc(link)}</link>
${entries.join("\n")}
</channel></rss>
`,
  };
}

export function atom(title: string, selfUrl: string, items: ListedRecord[], offset: string): Feed {
  const entries = items.map(
    (item) => `<entry>
<title>${esc(item.stored.record.title)}</title>
<id>${esc(item.url)}</id>
<link rel="alternate" type="text/html" href="${esc(item.url)}"/>
<published>${instant(item, offset)}</published>
<updated>${instant(item, offset)}</updated>
<summary type="html">${esc(item.stored.record.paragraphs[0] ?? "")}</summary>
</entry>`,
  );
  const updated = items[0] ? instant(items[0], offset) : "2000-01-01T00:00:00+00:00";
  return {
    contentType: "application/atom+xml; charset=utf-8",
    body: `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${esc(title)}</title>
<id>${esc(selfUrl)}</id>
<link rel="self" href="${esc(selfUrl)}"/>
<updated>${updated}</updated>
${entries.join("\n")}
</feed>
`,
  };
}

export function sitemapIndex(locations: string[]): Feed {
  return {
    contentType: "application/xml; charset=utf-8",
    body: `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${locations.map((loc) => `<sitemap><loc>${esc(loc)}</loc></sitemap>`).join("\n")}
</sitemapindex>
`,
  };
}

export function urlSet(urls: { loc: string; lastmod?: string }[]): Feed {
  return {
    contentType: "application/xml; charset=utf-8",
    body: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map((u) => `<url><loc>${esc(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ""}</url>`).join("\n")}
</urlset>
`,
  };
}
