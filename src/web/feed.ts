/** An Atom feed for any search, newest first: a journalist follows "sanctions speaker:psaki" in a reader. */
import type { SearchResult } from "../model/search-results.js";
import type { ChangeEntry } from "../store/store.js";
import { escapeXml } from "./escape.js";

export function atomFeed(query: string, result: SearchResult, base: string, updated: string): string {
  const self = `${base}/search.atom?q=${encodeURIComponent(query)}`;
  const entries = result.hits.map((hit) => {
    const link = `${base}/d/${encodeURIComponent(hit.id)}`;
    const summary = hit.turns
      .map((t) => `${t.speakerName ?? t.label ?? t.kind}: ${t.snippet.map((s) => s.text).join("")}`)
      .join("\n");
    const when = hit.date && /^\d{4}-\d{2}-\d{2}$/.test(hit.date) ? `${hit.date}T00:00:00Z` : updated;
    return `<entry>
<title>${escapeXml(hit.title)}</title>
<link href="${escapeXml(link)}"/>
<id>${escapeXml(link)}</id>
<updated>${when}</updated>
<summary>${escapeXml(summary)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeXml(`Verbatim: ${query}`)}</title>
<link rel="self" href="${escapeXml(self)}"/>
<link href="${escapeXml(`${base}/search?q=${encodeURIComponent(query)}&sort=date`)}"/>
<id>${escapeXml(self)}</id>
<updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
}

/** Edits and withdrawals as an Atom feed: `/changes.atom`, also per publisher and per search. */
export function changesFeed(changes: ChangeEntry[], self: string, base: string, updated: string): string {
  const entries = changes.map((c) => {
    const link = `${base}/d/${encodeURIComponent(c.id)}${c.kind === "edited" ? "/changes" : ""}`;
    const what = c.kind === "edited" ? `edited: version ${c.version}` : `withdrawn: HTTP ${c.status}`;
    return `<entry>
<title>${escapeXml(`${c.title} (${what})`)}</title>
<link href="${escapeXml(link)}"/>
<id>${escapeXml(`${link}#${c.kind}-${c.version}`)}</id>
<updated>${escapeXml(c.at)}</updated>
<summary>${escapeXml(`${c.publisher} · ${c.sourceUrl ?? ""} · ${what}`)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Verbatim: edits and withdrawals</title>
<link rel="self" href="${escapeXml(self)}"/>
<id>${escapeXml(self)}</id>
<updated>${escapeXml(changes[0]?.at ?? updated)}</updated>
${entries.join("\n")}
</feed>
`;
}
