/**
 * Following publishers against local imitations of their sites (tests/support/publisher-site.ts):
 * listings page by page in each language, records and their other-language pages linked as
 * versions, nothing fetched again that is not due, and silent edits and withdrawals caught on
 * revisits.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Archive, openArchive } from "../../src/archive/open.js";
import { type FollowFlags, followedProfiles, followOnce } from "../../src/cli/commands/follow.js";
import { feedLinks, nextVisit } from "../../src/fetch/follow.js";
import type { DocumentStore, PageState } from "../../src/store/store.js";
import { type ImitatedPublisher, type ImitationSite, startImitationSite } from "../support/publisher-site.js";

interface Setup {
  dir: string;
  archive: Archive;
  store: DocumentStore;
  site: ImitationSite;
  flags: FollowFlags;
}

let current: Setup | null = null;

async function setup(publisher: ImitatedPublisher, records = 6): Promise<Setup> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-follow-"));
  const dbPath = path.join(dir, "archive.db");
  const site = await startImitationSite(publisher, { records, perPage: 3, etags: true, seed: 11 });
  const flags: FollowFlags = {
    maxPages: "400",
    maxRevisits: "100",
    enrich: false,
    workers: "0",
    delay: "0",
    perHost: "4",
    timeout: "10",
    retries: "1",
    maxBytes: String(4 << 20),
    maxRedirects: "5",
    via: Object.entries(site.origins).map(([real, local]) => `${real}=${local}`),
    warc: path.join(dir, "warc"),
  };
  const archive = await openArchive(dbPath, { create: true, seedSpeakers: true });
  current = { dir, archive, store: archive.store, site, flags };
  return current;
}

afterEach(async () => {
  if (!current) return;
  await current.site.close();
  await current.store.close();
  rmSync(current.dir, { recursive: true, force: true });
  current = null;
});

const recordRequests = (site: ImitationSite) =>
  site.requests.filter((r) =>
    site.records().some((p) => site.localUrl(p).endsWith(r.path) && !r.path.includes("page")),
  );

/** Makes every known page due now, as if its revisit time had come. */
async function makeAllDue(store: DocumentStore, urls: string[]) {
  for (const url of urls) {
    const page = (await store.fetchLog?.page(url)) as PageState;
    if (page) await store.fetchLog?.putPage({ ...page, nextVisit: "2000-01-01T00:00:00.000Z" });
  }
}

describe("following publishers", () => {
  it("stores kremlin.ru transcripts from both hosts' listings and links each Russian record to its English version", async () => {
    const { store, archive, site, flags } = await setup("kremlin.ru");
    const report = await followOnce(archive, followedProfiles(["kremlin.ru"]), flags);
    expect(report.failed).toBe(0);
    const urls = site.records().map((p) => site.realUrl(p));
    expect(report.inserted).toBe(urls.length);
    let linkedPairs = 0;
    for (const url of urls) {
      const page = await store.fetchLog?.page(url);
      expect(page?.documentIds, url).toHaveLength(1);
      const id = page?.documentIds[0] as string;
      const doc = (await store.get(id))?.document;
      expect(doc?.sourceUrl).toBe(url);
      if ((await store.languageVersions(id)).length > 0) linkedPairs++;
    }
    expect(linkedPairs).toBeGreaterThan(0);
  });

  it("fetches no record again on the next run when none is due", async () => {
    const { archive, site, flags } = await setup("mid.ru");
    await followOnce(archive, followedProfiles(["mid.ru"]), flags);
    site.requests.length = 0;
    const report = await followOnce(archive, followedProfiles(["mid.ru"]), flags);
    expect(report.inserted + report.versioned).toBe(0);
    expect(recordRequests(site)).toEqual([]);
  });

  it("picks up a record published since the last run, from the first listing page", async () => {
    const { store, archive, site, flags } = await setup("whitehouse.gov");
    await followOnce(archive, followedProfiles(["whitehouse.gov"]), flags);
    const added = site.publish({ title: "Remarks by the President on the new bridge" });
    const report = await followOnce(archive, followedProfiles(["whitehouse.gov"]), flags);
    expect(report.inserted).toBe(1);
    expect((await store.fetchLog?.page(site.realUrl(added)))?.documentIds).toHaveLength(1);
  });

  it("catches a silent edit and a withdrawal when their records are due again", async () => {
    const { store, archive, site, flags } = await setup("president.gov.ua");
    await followOnce(archive, followedProfiles(["president.gov.ua"]), flags);
    const [edited, gone] = site.records();
    if (!edited || !gone) throw new Error("the imitation site has too few records");
    site.edit(edited, (r) => ({
      ...r,
      paragraphs: [...r.paragraphs.slice(0, -1), "A sentence added after publication."],
    }));
    site.withdraw(gone, 410);
    await makeAllDue(
      store,
      site
        .records()
        .map((p) => site.realUrl(p))
        .concat(site.realUrl(gone)),
    );
    const report = await followOnce(archive, followedProfiles(["president.gov.ua"]), flags);
    expect(report.versioned).toBe(1);
    expect(report.withdrawn).toBe(1);
    const changes = (await store.fetchLog?.changes()) ?? [];
    expect(changes.map((c) => c.kind).sort()).toEqual(["edited", "withdrawn"]);
  });

  it("notes listings whose markup changed with FETCH_LISTING_EMPTY, fails nothing and leaves what is stored as it was", async () => {
    const { store, archive, site, flags } = await setup("whitehouse.gov");
    const first = await followOnce(archive, followedProfiles(["whitehouse.gov"]), flags);
    expect(first.inserted).toBeGreaterThan(0);
    const before = await store.counts();
    site.redesignListings();
    await makeAllDue(
      store,
      site.records().map((p) => site.realUrl(p)),
    );
    const report = await followOnce(archive, followedProfiles(["whitehouse.gov"]), flags);
    expect(report.failed).toBe(0);
    const empty = report.notices.filter((n) => n.code === "FETCH_LISTING_EMPTY");
    expect(empty.length).toBeGreaterThan(0);
    for (const n of empty) expect(n.message).toContain(n.source);
    expect(report.versioned + report.withdrawn).toBe(0);
    expect(await store.counts()).toEqual(before);
    expect((await store.fetchLog?.changes()) ?? []).toEqual([]);
  });

  it("refuses a publisher it has no sources for with PUBLISHER_NOT_FOLLOWED", () => {
    expect(() => followedProfiles(["example.org"])).toThrowError(
      /no sources are known for publisher example.org/,
    );
  });
});

describe("the revisit schedule and feeds", () => {
  const page = (published: string, extra: Partial<PageState> = {}): PageState => ({
    url: "https://example.org/r/1",
    publisher: null,
    role: "record",
    state: "ok",
    etag: null,
    lastModified: null,
    contentHash: null,
    documentIds: [],
    firstSeen: published,
    lastFetched: null,
    lastChanged: null,
    published,
    nextVisit: null,
    failures: 0,
    lastError: null,
    ...extra,
  });
  const now = new Date("2026-06-01T12:00:00Z");
  const hoursUntil = (p: PageState) => (Date.parse(nextVisit(p, now) as string) - now.getTime()) / 3_600_000;

  it("revisits a record of today within the hour and one of three years ago after a month", () => {
    expect(hoursUntil(page("2026-06-01"))).toBe(1);
    expect(hoursUntil(page("2023-06-01"))).toBe(30 * 24);
  });

  it("waits longer after each failure and never schedules a listing", () => {
    expect(hoursUntil(page("2026-06-01", { failures: 3 }))).toBe(8);
    expect(nextVisit(page("2026-06-01", { role: "listing" }), now)).toBeNull();
  });

  it("reads record links from RSS, Atom and sitemaps", () => {
    const rss = `<?xml version="1.0"?><rss><channel><item><link>https://a.org/r/1</link></item></channel></rss>`;
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/r/2"/></entry></feed>`;
    const sitemap = `<urlset><url><loc>https://a.org/r/3</loc></url></urlset>`;
    expect(feedLinks(rss, "https://a.org/")).toEqual(["https://a.org/r/1"]);
    expect(feedLinks(atom, "https://a.org/feed")).toEqual(["https://a.org/r/2"]);
    expect(feedLinks(sitemap, "https://a.org/")).toEqual(["https://a.org/r/3"]);
  });
});
