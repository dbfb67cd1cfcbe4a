/**
 * Crawling a site on 127.0.0.1 end to end (fetch → WARC → read → store), in-process: what is
 * stored, what is never asked for, edits that become versions, pages that disappear, and every
 * kind of fault as a coded error for its URL while the crawl goes on.
 */
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WARCParser } from "warcio";
import { documentHistory } from "../../src/changes/history.js";
import { crawl, crawlScope, scopeCheck } from "../../src/fetch/crawl.js";
import { Fetcher, type FetcherOptions } from "../../src/fetch/fetcher.js";
import { Harvester } from "../../src/fetch/harvest.js";
import { readCapture } from "../../src/fetch/warc.js";
import { inlineProcessor } from "../../src/ingest/batch.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore, FetchLog } from "../../src/store/store.js";
import { FIXED_NOW, registry } from "../support/ingest.js";
import { indexPage, type LocalSite, startLocalSite, transcriptPage } from "../support/local-site.js";

const FAST = { retries: 2, retryBaseMs: 10, timeoutMs: 1500, maxRetryAfterMs: 5_000 };

describe("crawling a local site", () => {
  let dir: string;
  let store: DocumentStore;
  let site: LocalSite;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-crawl-"));
    store = withSearch(new SqliteStore({ path: path.join(dir, "archive.db") }));
    const paths = Array.from({ length: 6 }, (_, i) => `/briefings/${i + 1}`);
    site = await startLocalSite({
      "/": indexPage(paths),
      ...Object.fromEntries(paths.map((p, i) => [p, transcriptPage(i + 1)])),
    });
  });

  afterEach(async () => {
    await site.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(options: { maxPages?: number; http?: FetcherOptions["http"]; starts?: string[] } = {}) {
    const starts = options.starts ?? [`${site.origin}/`];
    const scope = crawlScope(starts);
    const fetcher = new Fetcher(store.fetchLog as FetchLog, {
      warcDir: path.join(dir, "warc"),
      http: { ...FAST, ...options.http },
      politeness: { concurrency: 4, delayMs: 0 },
      allow: scopeCheck(scope),
    });
    const processor = inlineProcessor({ registry, debateSpeakers: null, maxBytes: 1 << 20, now: FIXED_NOW });
    const harvester = new Harvester(store, fetcher, processor, path.join(dir, "warc"));
    try {
      return await crawl(store, harvester, {
        starts,
        scope,
        maxPages: options.maxPages ?? 50,
        concurrency: 4,
      });
    } finally {
      await fetcher.close();
    }
  }

  it("stores every transcript page and reads the index for its links only", async () => {
    const { report } = await run();
    expect(report.inserted).toBe(6);
    expect(report.notRecords).toBe(1);
    expect(report.failed).toBe(0);
    const ids: string[] = [];
    for await (const d of store.list()) {
      ids.push(d.id);
      expect(d.sourceUrl).toMatch(new RegExp(`^${site.origin}/briefings/\\d$`));
      expect(d.turns.filter((t) => t.kind === "question")).toHaveLength(2);
    }
    expect(ids).toHaveLength(6);
  });

  it("visits every page of a queue longer than one read of it exactly once", async () => {
    const many = Array.from({ length: 600 }, (_, i) => `/notes/${i + 1}`);
    site.pages.set("/", indexPage([...many.slice(0, 300), "/more"]));
    site.pages.set("/more", indexPage(many.slice(300)));
    for (const p of many) site.pages.set(p, `<html><body><p>Note ${p}</p><a href="/">Home</a></body></html>`);
    const report = (await run({ maxPages: 1000 })).report;
    expect(report.failed).toBe(0);
    const asked = site.requests.map((r) => r.path).filter((p) => p !== "/robots.txt");
    expect(new Set(asked).size).toBe(asked.length);
    for (const p of many) expect(asked).toContain(p);
  });

  it("never requests a page that robots.txt disallows, and notes it without failing", async () => {
    // The group naming Verbatim applies, not the catch-all one (RFC 9309).
    site.robots =
      "User-agent: *\nDisallow: /\n\nUser-agent: Verbatim\nDisallow: /briefings/3\nDisallow: /briefings/4\n";
    const { report } = await run();
    expect(site.count("/briefings/3")).toBe(0);
    expect(site.count("/briefings/4")).toBe(0);
    expect(report.inserted).toBe(4);
    expect(report.failed).toBe(0);
    expect(report.notices.filter((n) => n.code === "FETCH_DISALLOWED")).toHaveLength(2);
  });

  it("requests nothing but robots.txt when robots.txt disallows everything", async () => {
    site.robots = "User-agent: *\nDisallow: /\n";
    const { report } = await run();
    expect(site.requests.map((r) => r.path)).toEqual(["/robots.txt"]);
    expect(report.inserted).toBe(0);
  });

  it("stores an edited page as a second version whose diff shows the edited words", async () => {
    await run();
    site.pages.set(
      "/briefings/2",
      transcriptPage(2).replace("position is unchanged", "position has softened"),
    );
    const { report } = await run();
    expect(report.versioned).toBe(1);
    const url = `${site.origin}/briefings/2`;
    const id = ((await store.fetchLog?.page(url))?.documentIds ?? [])[0] as string;
    const history = await documentHistory(store, id);
    expect(history.versions).toHaveLength(2);
    const [change] = history.changes;
    expect(change?.parts.filter((p) => p.change === "removed").map((p) => p.text.trim())).toContain(
      "is unchanged",
    );
    expect(change?.parts.filter((p) => p.change === "added").map((p) => p.text.trim())).toContain(
      "has softened",
    );
    const listed = (await store.fetchLog?.changes()) ?? [];
    expect(listed.map((c) => [c.id, c.kind])).toEqual([[id, "edited"]]);
  });

  it("keeps one version when only the page's furniture changes (a view counter)", async () => {
    await run();
    // transcriptPage draws a new view count each time it is called.
    site.pages.set("/briefings/5", transcriptPage(5));
    const { report } = await run();
    expect(report.versioned).toBe(0);
    expect(report.unchanged).toBe(6);
  });

  it("marks a page that now answers 404 as withdrawn and keeps its document", async () => {
    await run();
    site.pages.delete("/briefings/6");
    const { report } = await run();
    expect(report.withdrawn).toBe(1);
    const url = `${site.origin}/briefings/6`;
    const page = await store.fetchLog?.page(url);
    expect(page?.state).toBe("withdrawn");
    const id = page?.documentIds[0] as string;
    expect(await store.get(id)).not.toBeNull();
    expect(await store.fetchLog?.withdrawal(id)).toMatchObject({ url, status: 404 });
    expect((await store.fetchLog?.changes())?.map((c) => c.kind)).toEqual(["withdrawn"]);
  });

  it("keeps every response in WARC records that read back as fetched", async () => {
    await run();
    const url = `${site.origin}/briefings/1`;
    const captures = (await store.fetchLog?.captures(url)) ?? [];
    expect(captures).toHaveLength(1);
    const c = captures[0] as NonNullable<(typeof captures)[0]>;
    const back = await readCapture(path.join(dir, "warc"), {
      file: c.warcFile,
      offset: c.warcOffset,
      length: c.warcLength,
    });
    expect(back.url).toBe(url);
    expect(back.status).toBe(200);
    expect(Buffer.from(back.body).toString("utf8")).toContain(
      "Press briefing by the spokesperson on topic 1",
    );
    // The whole file reads as a standard WARC too: a warcinfo record, then one response per
    // request the site answered, robots.txt included (the rules the crawl obeyed).
    const types: string[] = [];
    for await (const record of new WARCParser(createReadStream(path.join(dir, "warc", c.warcFile))))
      types.push(record.warcType ?? "");
    expect(types[0]).toBe("warcinfo");
    expect(site.requests.some((r) => r.path === "/robots.txt")).toBe(true);
    expect(types.filter((t) => t === "response")).toHaveLength(site.requests.length);
  });

  it("turns each fault into a coded error for its URL and stores the rest", async () => {
    const faulty = {
      "/briefings/1": { kind: "hang" },
      "/briefings/2": { kind: "reset" },
      "/briefings/3": { kind: "redirect-loop" },
      "/briefings/4": { kind: "huge", bytes: 4 * 1024 * 1024 },
      "/briefings/5": { kind: "status", status: 503 },
    } as const;
    for (const [p, f] of Object.entries(faulty)) site.faults.set(p, f);
    const { report } = await run({ http: { maxBytes: 1024 * 1024 } });
    const codes = Object.fromEntries(report.failures.map((f) => [new URL(f.source).pathname, f.code]));
    expect(codes).toEqual({
      "/briefings/1": "FETCH_TIMEOUT",
      "/briefings/2": "FETCH_NETWORK",
      "/briefings/3": "FETCH_TOO_MANY_REDIRECTS",
      "/briefings/4": "FETCH_TOO_LARGE",
      "/briefings/5": "FETCH_HTTP_STATUS",
    });
    expect(report.inserted).toBe(1);
    // 5xx and resets are retried (twice here), a redirect loop and an oversized body are not.
    expect(site.count("/briefings/5")).toBe(3);
    expect(site.count("/briefings/4")).toBe(1);
  });

  it("reads a Windows-1251 page right although its header claims UTF-8", async () => {
    const russian = `<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>Брифинг</title></head><body>
<h1>Брифинг официального представителя МИД России, 3 марта 2021 года</h1><p>3 марта 2021 года</p>
<p>Вопрос: Как продвигаются переговоры по зерновой сделке и что ожидается на следующей неделе?</p>
<p>М.В.Захарова: Переговоры продолжаются. Эксперты обеих сторон встретились в Стамбуле и согласовали дальнейшие шаги, о которых мы сообщим дополнительно после консультаций.</p>
<p>Вопрос: Будет ли совместное заявление?</p><p>М.В.Захарова: Совместное заявление готовится и будет опубликовано после его согласования обеими сторонами.</p></body></html>`;
    site.pages.set("/briefings/1", iconv.encode(russian, "win1251"));
    site.types.set("/briefings/1", "text/html; charset=utf-8");
    const { report } = await run({ starts: [`${site.origin}/briefings/1`], maxPages: 1 });
    expect(report.inserted).toBe(1);
    const id = ((await store.fetchLog?.page(`${site.origin}/briefings/1`))?.documentIds ?? [])[0] as string;
    const doc = (await store.get(id))?.document;
    expect(doc?.title).toContain("Брифинг официального представителя");
    expect(doc?.turns.map((t) => t.paragraphs.join(" ")).join(" ")).toContain("зерновой сделке");
  });

  it("retries a page after a reset or a 502 that passes, and stores it", async () => {
    site.faults.set("/briefings/1", { kind: "reset", times: 1 });
    site.faults.set("/briefings/2", { kind: "status", status: 502, times: 2 });
    const { report } = await run();
    expect(report.failed).toBe(0);
    expect(report.inserted).toBe(6);
  });

  it("waits as long as Retry-After asks before asking again", async () => {
    site.faults.set("/briefings/1", { kind: "retry-after", seconds: 1, times: 1 });
    const started = Date.now();
    const { report } = await run({ starts: [`${site.origin}/briefings/1`], maxPages: 1 });
    expect(report.inserted).toBe(1);
    expect(site.count("/briefings/1")).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("refuses a Retry-After longer than it waits with FETCH_RATE_LIMITED", async () => {
    site.faults.set("/briefings/1", { kind: "retry-after", seconds: 3600 });
    const { report } = await run({ starts: [`${site.origin}/briefings/1`], maxPages: 1 });
    expect(report.failures.map((f) => f.code)).toEqual(["FETCH_RATE_LIMITED"]);
  });

  it("asks with the page's ETag on the next visit and counts a 304 as unchanged", async () => {
    await run();
    site.requests.length = 0;
    const { report } = await run();
    const second = site.requests.find((r) => r.path === "/briefings/1");
    expect(second?.headers["if-none-match"]).toMatch(/^"[0-9a-f]{16}"$/);
    expect(second?.headers["user-agent"]).toMatch(/^Verbatim\//);
    expect(report.notModified).toBe(7);
    expect(report.unchanged).toBe(6);
    expect(report.inserted + report.versioned).toBe(0);
  });
});
