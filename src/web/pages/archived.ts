/**
 * The page as it was fetched. The wrapper says what it is (URL, time, status, WARC record); the
 * fetched bytes themselves are served at `/d/ID/archived/raw` under a Content-Security-Policy
 * with `sandbox` and `default-src 'none'`, so none of the page's scripts run and nothing it
 * names is loaded, and are shown in a sandboxed frame.
 */
import { html } from "hono/html";
import type { CaptureRow } from "../../store/store.js";
import { layout, type Markup } from "../layout.js";

export function archivedPage(
  id: string,
  title: string,
  version: number,
  capture: CaptureRow,
  all: CaptureRow[],
): Markup {
  const enc = encodeURIComponent(id);
  return layout(
    `Archived copy: ${title}`,
    html`<h1>Archived copy of <a href="/d/${enc}?version=${version}">${title}</a></h1>
<p class="dateline">Fetched ${capture.fetchedAt} from ${capture.url} (HTTP ${capture.status}) · WARC ${capture.warcFile} at byte ${capture.warcOffset} · sha256 ${(capture.contentHash ?? "").slice(0, 16)}…</p>
<p class="muted">Exactly as the publisher served it, with its scripts disabled and nothing loaded from elsewhere. <a href="/d/${enc}/archived/raw?version=${version}">Open alone</a> · <a href="/d/${enc}/changes">changes</a></p>
<iframe class="archived" sandbox="" src="/d/${enc}/archived/raw?version=${version}" title="The page as fetched"></iframe>
<h2>Every capture of this page</h2>
<ul>${all.map((c) => html`<li>${c.fetchedAt} · HTTP ${c.status}${c.contentHash ? html` · ${c.contentHash.slice(0, 12)}` : ""}</li>`)}</ul>`,
  );
}
