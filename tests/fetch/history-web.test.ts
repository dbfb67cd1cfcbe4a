/**
 * The web side of a crawled archive: a document's changes page and API, the feed of edits and
 * withdrawals, and the archived copy served so that none of the fetched page's scripts can run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crawl, crawlScope, scopeCheck } from "../../src/fetch/crawl.js";
import { Fetcher } from "../../src/fetch/fetcher.js";
import { Harvester } from "../../src/fetch/harvest.js";
import { inlineProcessor } from "../../src/ingest/batch.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { createApp } from "../../src/server/app.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore, FetchLog } from "../../src/store/store.js";
import { FIXED_NOW, registry } from "../support/ingest.js";
import { indexPage, type LocalSite, startLocalSite, transcriptPage } from "../support/local-site.js";

describe("the history of crawled pages in the web app and API", () => {
  let dir: string;
  let store: DocumentStore;
  let site: LocalSite;
  let app: ReturnType<typeof createApp>;
  let edited = "";
  let withdrawn = "";

  const crawlOnce = async () => {
    const starts = [`${site.origin}/`];
    const scope = crawlScope(starts);
    const fetcher = new Fetcher(store.fetchLog as FetchLog, {
      warcDir: path.join(dir, "warc"),
      politeness: { concurrency: 4, delayMs: 0 },
      allow: scopeCheck(scope),
    });
    const processor = inlineProcessor({ registry, debateSpeakers: null, maxBytes: 1 << 20, now: FIXED_NOW });
    await crawl(store, new Harvester(store, fetcher, processor, path.join(dir, "warc")), {
      starts,
      scope,
      maxPages: 20,
      concurrency: 2,
    });
    await fetcher.close();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-history-"));
    store = withSearch(new SqliteStore({ path: path.join(dir, "archive.db") }));
    const hostile = `${transcriptPage(1)}<script>window.pwned = 1</script><img src="https://tracker.example/x.gif">`;
    site = await startLocalSite({
      "/": indexPage(["/b/1", "/b/2", "/b/3"]),
      "/b/1": hostile,
      "/b/2": transcriptPage(2),
      "/b/3": transcriptPage(3),
    });
    await crawlOnce();
    site.pages.set("/b/2", transcriptPage(2).replace("agreed to continue", "decided to suspend"));
    site.pages.delete("/b/3");
    await crawlOnce();
    const idOf = async (p: string) =>
      ((await store.fetchLog?.page(`${site.origin}${p}`))?.documentIds ?? [])[0] as string;
    edited = await idOf("/b/2");
    withdrawn = await idOf("/b/3");
    app = createApp({
      store,
      registry,
      token: null,
      maxBodyBytes: 1 << 20,
      rateLimitPerMinute: 0,
      baseUrl: "http://verbatim.test",
      warcDir: path.join(dir, "warc"),
    });
  });

  afterAll(async () => {
    await site.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows an edited document's word-level changes on its changes page and in the API", async () => {
    const page = await (await app.request(`/d/${edited}/changes`)).text();
    expect(page).toMatch(
      /<del>agreed<\/del>\s*<ins>decided<\/ins> to <del>continue<\/del>\s*<ins>suspend<\/ins>/,
    );
    const api = (await (await app.request(`/api/documents/${edited}/changes`)).json()) as {
      versions: unknown[];
      changes: { wordsAdded: number }[];
    };
    expect(api.versions).toHaveLength(2);
    expect(api.changes[0]?.wordsAdded).toBe(2);
    const reader = await (await app.request(`/d/${edited}`)).text();
    expect(reader).toContain(`/d/${edited}/changes`);
  });

  it("marks a withdrawn document in the reader and lists it in the changes feed", async () => {
    const reader = await (await app.request(`/d/${withdrawn}`)).text();
    expect(reader).toMatch(/Withdrawn by the publisher: .* answered HTTP 404/);
    const feed = await (await app.request("/changes.atom")).text();
    expect(feed).toContain(`/d/${withdrawn}`);
    expect(feed).toContain("withdrawn: HTTP 404");
    expect(feed).toContain(`/d/${edited}/changes`);
    const list = (await (await app.request("/api/changes")).json()) as { id: string; kind: string }[];
    expect(list.map((c) => c.kind).sort()).toEqual(["edited", "withdrawn"]);
  });

  it("narrows the changes feed to a search", async () => {
    const feed = await (
      await app.request(`/changes.atom?q=${encodeURIComponent('"decided to suspend"')}`)
    ).text();
    expect(feed).toContain(`/d/${edited}/changes`);
    expect(feed).not.toContain(`/d/${withdrawn}`);
  });

  it("serves the archived copy exactly as fetched, in a sandbox that runs none of its scripts", async () => {
    const id = ((await store.fetchLog?.page(`${site.origin}/b/1`))?.documentIds ?? [])[0] as string;
    const wrapper = await (await app.request(`/d/${id}/archived`)).text();
    expect(wrapper).toContain('<iframe class="archived" sandbox=""');
    const raw = await app.request(`/d/${id}/archived/raw`);
    const csp = raw.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^sandbox;/);
    expect(csp).toContain("default-src 'none'");
    expect(await raw.text()).toContain("<script>window.pwned = 1</script>");
    const reader = await (await app.request(`/d/${id}`)).text();
    expect(reader).toContain(`href="/d/${id}/archived?version=1">archived copy</a>`);
    // Citations name the archived copy beside the permalink and the source.
    const cited = await (await app.request(`/api/documents/${id}/citation?format=csl-json`)).json();
    expect(cited[0].archive_location).toBe(`http://verbatim.test/d/${id}/archived?version=1`);
  });

  it("answers ARCHIVED_COPY_MISSING for a document that was not fetched from the web", async () => {
    const doc = (await store.get(edited))?.document;
    if (!doc) throw new Error("the edited document is missing");
    const local = { ...doc, id: "local-file", provenance: { ...doc.provenance, source: "/tmp/file.html" } };
    await store.putBatch([{ raw: null, documents: [local] }]);
    const res = await app.request("/d/local-file/archived");
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("no archived copy of local-file");
  });
});
