/**
 * The local imitations of the followed publishers: they serve what the profiles' `sources`
 * describe (listings, feeds, sitemaps, records at the real paths), and the existing readers read
 * their record pages as the real ones: title, date, speakers and turns.
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestInput } from "../../src/ingest/pipeline.js";
import { kremlinRu, midRu, presidentUa, whitehouse } from "../../src/ingest/publishers/index.js";
import type { PublisherProfile, PublisherSources } from "../../src/ingest/publishers/profile.js";
import { isRecordUrl, listingUrl, otherLanguageUrls } from "../../src/ingest/publishers/sources.js";
import type { Document } from "../../src/model/document.js";
import { FIXED_NOW, registry } from "../support/ingest.js";
import { type ImitatedPublisher, type ImitationSite, startImitationSite } from "../support/publisher-site.js";

interface Expectation {
  publisher: ImitatedPublisher;
  profile: PublisherProfile;
  /** Paragraphs of the page that are no turn's text: White House place and clock lines, "END". */
  frameLines: number;
  /** Every labelled turn's speaker id, by label. */
  speakers: Record<string, string | null>;
  /** Who the unlabelled opening remarks belong to (null when nobody is named). */
  opening: (string | null)[];
}

const EXPECTATIONS: Expectation[] = [
  {
    publisher: "mid.ru",
    profile: midRu,
    frameLines: 0,
    speakers: {
      Question: null,
      Вопрос: null,
      "Sergey Lavrov": "sergey-lavrov",
      "С.В.Лавров": "sergey-lavrov",
      "Maria Zakharova": "maria-zakharova",
      "М.В.Захарова": "maria-zakharova",
    },
    opening: ["sergey-lavrov", "maria-zakharova"],
  },
  {
    publisher: "kremlin.ru",
    profile: kremlinRu,
    frameLines: 0,
    speakers: {
      Question: null,
      Вопрос: null,
      "Dmitry Peskov": "dmitry-peskov",
      "Д.Песков": "dmitry-peskov",
      "Vladimir Putin": "vladimir-putin",
      "В.Путин": "vladimir-putin",
    },
    opening: [],
  },
  {
    publisher: "whitehouse.gov",
    profile: whitehouse,
    frameLines: 4,
    speakers: { Q: null, "THE PRESIDENT": "donald-trump", "MS. LEAVITT": "karoline-leavitt" },
    opening: [],
  },
  { publisher: "president.gov.ua", profile: presidentUa, frameLines: 0, speakers: {}, opening: [null] },
];

function sourcesOf(profile: PublisherProfile): PublisherSources {
  if (!profile.sources) throw new Error(`${profile.id} has no sources`);
  return profile.sources;
}

async function get(site: ImitationSite, pathOrUrl: string, init: RequestInit = {}) {
  return fetch(site.localUrl(pathOrUrl), { redirect: "manual", ...init });
}

/** Reads a served page as `verbatim ingest` would, with its real URL as the source. */
async function ingestServed(site: ImitationSite, path: string): Promise<Document> {
  const url = site.realUrl(path);
  const response = await get(site, path);
  expect(response.status).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  const outcome = ingestInput(
    { source: url, name: url, bytes },
    { registry, debateSpeakers: null, maxBytes: 20 * 1024 * 1024, now: FIXED_NOW },
  );
  if (!outcome.ok) throw new Error(`${url}: ${outcome.error.code}`);
  const [document] = outcome.documents;
  if (!document) throw new Error(`${url}: no document`);
  return document;
}

/** Absolute URLs a page or feed links: href attributes, <loc>, <link>, <id>. */
function linksIn(body: string, base: string): string[] {
  const found = [...body.matchAll(/href="([^"]+)"/g), ...body.matchAll(/<(?:loc|link|id)>([^<]+)</g)].map(
    (m) => (m[1] ?? "").replaceAll("&amp;", "&"),
  );
  return found.flatMap((href) => {
    try {
      return [new URL(href, base).href];
    } catch {
      return [];
    }
  });
}

const unique = <T>(items: T[]) => [...new Set(items)];

describe.each(EXPECTATIONS)("an imitation of $publisher", (expected) => {
  const sources = sourcesOf(expected.profile);
  let site: ImitationSite;

  beforeAll(async () => {
    site = await startImitationSite(expected.publisher, { records: 12, perPage: 4, seed: 7 });
  });
  afterAll(() => site.close());

  it("answers only on 127.0.0.1, one origin per real host", () => {
    for (const real of site.standsFor) expect(site.origins[real]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.origin).toBe(site.origins[site.standsFor[0] ?? ""]);
  });

  it("holds records at URLs the profile's record patterns accept", () => {
    expect(site.records().length).toBeGreaterThan(10);
    for (const path of site.records()) expect(isRecordUrl(sources, site.realUrl(path))).toBe(true);
  });

  it("serves record pages that read back with their title, date, speakers and turns", async () => {
    const newestPerLanguage = new Map<string, string>();
    for (const path of site.records()) {
      const language = site.record(path).language;
      if (!newestPerLanguage.has(language)) newestPerLanguage.set(language, path);
    }
    for (const path of [...newestPerLanguage.values(), ...site.records().slice(-2)]) {
      const record = site.record(path);
      const doc = await ingestServed(site, path);
      expect(doc.publisher).toBe(expected.profile.id);
      expect(doc.sourceUrl).toBe(site.realUrl(path));
      expect(doc.provenance.reader).toBe("html");
      expect(doc.language).toBe(record.language);
      expect(doc.title).toBe(record.title);
      expect(doc.when.date).toBe(record.date);
      expect(doc.when.time).toBe(record.time);
      expect(doc.warnings).toEqual([]);
      const paragraphs = doc.turns.flatMap((t) => t.paragraphs);
      expect(paragraphs).toHaveLength(record.paragraphs.length - expected.frameLines);
      for (const turn of doc.turns) {
        if (turn.label === null) {
          expect(turn.index).toBe(0);
          expect(expected.opening).toContain(turn.speakerId);
        } else {
          expect(Object.keys(expected.speakers)).toContain(turn.label);
          expect(turn.speakerId).toBe(expected.speakers[turn.label]);
        }
      }
      for (const pair of doc.qa) {
        expect(doc.turns[pair.question]?.kind).toBe("question");
        for (const answer of pair.answers) expect(doc.turns[answer]?.kind).toBe("answer");
      }
    }
  });

  it("lists every record in its language's listings, newest first, paging as the template says", async () => {
    for (const language of unique(site.records().map((p) => site.record(p).language))) {
      const seen: string[] = [];
      for (const entry of sources.entries) {
        if (entry.kind !== "listing" || entry.language !== language) continue;
        const inListing: string[] = [];
        for (let n = 0; n < 10; n++) {
          const pageUrl = listingUrl(entry, n);
          let response = await get(site, pageUrl);
          if (response.status === 301) response = await get(site, response.headers.get("location") ?? "");
          if (response.status === 404) break;
          expect(response.status).toBe(200);
          const found = unique(
            linksIn(await response.text(), pageUrl).filter((u) => isRecordUrl(sources, u)),
          );
          const fresh = found.filter((u) => !inListing.includes(u));
          if (fresh.length === 0) break; // past the last page: nothing new (mid.ru repeats its last page)
          inListing.push(...fresh);
        }
        const order = site.records().map((p) => site.realUrl(p));
        expect(inListing).toEqual([...inListing].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
        seen.push(...inListing);
      }
      const expectedUrls = site
        .records()
        .filter((p) => site.record(p).language === language)
        .map((p) => site.realUrl(p));
      expect(seen.sort()).toEqual(expectedUrls.sort());
    }
  });

  it("serves each feed and sitemap of the sources with the newest records", async () => {
    for (const entry of sources.entries) {
      if (entry.kind === "listing") continue;
      const response = await get(site, entry.url);
      expect(response.status).toBe(200);
      let links = linksIn(await response.text(), entry.url);
      // A sitemap index names sitemaps: read them too.
      for (const nested of links.filter((u) => u.endsWith(".xml") && u !== entry.url)) {
        links = links.concat(linksIn(await (await get(site, nested)).text(), nested));
      }
      const records = unique(links.filter((u) => isRecordUrl(sources, u)));
      const newest = site.records().find((p) => site.record(p).language === entry.language);
      expect(records).toContain(site.realUrl(newest ?? ""));
      for (const url of records) expect(site.records().map((p) => site.realUrl(p))).toContain(url);
    }
  });

  if (sources.otherLanguage.length > 0 || sources.languageLinks.length > 0) {
    it("finds a record's other-language version by the profile's rewrite, and reads it as the same record", async () => {
      const paired = site.records().find((p) => site.record(p).otherLanguagePath !== null);
      if (!paired) throw new Error("no translated record");
      const record = site.record(paired);
      const [rewrite] = otherLanguageUrls(sources, site.realUrl(paired));
      expect(rewrite?.url).toBe(site.realUrl(record.otherLanguagePath ?? ""));
      const other = await ingestServed(site, record.otherLanguagePath ?? "");
      expect(other.language).toBe(rewrite?.language);
      expect(other.when.date).toBe(record.date);
    });

    it("answers 404 where a record was never translated", async () => {
      const alone = site.records().find((p) => site.record(p).otherLanguagePath === null);
      if (!alone) throw new Error("every record is translated");
      const [rewrite] = otherLanguageUrls(sources, site.realUrl(alone));
      expect((await get(site, rewrite?.url ?? "")).status).toBe(404);
    });
  }

  it("serves its own robots.txt", async () => {
    const response = await get(site, "/robots.txt");
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^User-agent: \*/);
  });
});

describe("changes on an imitation site", () => {
  let site: ImitationSite;

  beforeAll(async () => {
    site = await startImitationSite("mid.ru", { records: 6, perPage: 3, etags: true, seed: 3 });
  });
  afterAll(() => site.close());

  it("a published record appears first in its listing and in the feed", async () => {
    const path = site.publish({ language: "ru", title: "Заявление МИД России о графике консультаций" });
    expect(site.records()[0]).toBe(path);
    const listing = await (await get(site, "https://mid.ru/ru/foreign_policy/news/?PAGEN_1=1")).text();
    const first = linksIn(listing, "https://mid.ru/").find((u) => isRecordUrl(sourcesOf(midRu), u));
    expect(first).toBe(site.realUrl(path));
    expect(await (await get(site, "https://mid.ru/ru/rss.php")).text()).toContain(site.realUrl(path));
  });

  it("a translation published later is linked from the original's page", async () => {
    const original = site.publish({ language: "ru" });
    const before = await (await get(site, original)).text();
    expect(before).not.toContain('rel="alternate"');
    const translation = site.publish({ language: "en", otherLanguagePath: original });
    expect(translation).toBe(original.replace("/ru/", "/en/"));
    const after = await (await get(site, original)).text();
    expect(after).toContain(`<link rel="alternate" hreflang="en" href="${site.realUrl(translation)}">`);
    expect(site.record(translation).otherLanguagePath).toBe(original);
  });

  it("the view counter changes on every request, the ETag only when the record does", async () => {
    const [path = ""] = site.records();
    const first = await get(site, path);
    const second = await get(site, path);
    expect(await first.text()).not.toBe(await second.text());
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    expect(second.headers.get("etag")).toBe(etag);
    expect((await get(site, path, { headers: { "if-none-match": etag } })).status).toBe(304);
    const modified = first.headers.get("last-modified") ?? "";
    expect((await get(site, path, { headers: { "if-modified-since": modified } })).status).toBe(304);

    site.edit(path, (r) => ({ ...r, paragraphs: [...r.paragraphs, "Дополнение к стенограмме."] }));
    const edited = await get(site, path, { headers: { "if-none-match": etag } });
    expect(edited.status).toBe(200);
    expect(edited.headers.get("etag")).not.toBe(etag);
    expect(await edited.text()).toContain("Дополнение к стенограмме.");
  });

  it("a withdrawn record answers 404 or 410 and leaves listings", async () => {
    const [gone = "", removed = ""] = site.records();
    site.withdraw(gone, 410);
    site.withdraw(removed);
    expect((await get(site, gone)).status).toBe(410);
    expect((await get(site, removed)).status).toBe(404);
    expect(site.records()).not.toContain(gone);
    const listing = await (await get(site, "https://mid.ru/ru/rss.php")).text();
    expect(listing).not.toContain(site.realUrl(gone));
  });

  it("records every request with its path, the host it was answered as and its validators", async () => {
    await get(site, "https://www.mid.ru/en/rss.php", {
      headers: { "if-modified-since": new Date(0).toUTCString() },
    });
    const last = site.requests.at(-1);
    expect(last).toMatchObject({ method: "GET", path: "/en/rss.php", realOrigin: "https://mid.ru" });
    expect(last?.headers["if-modified-since"]).toBe(new Date(0).toUTCString());
  });
});

describe("imitation site habits", () => {
  it("whitehouse.gov redirects page 1 to the listing and answers 404 past the last page", async () => {
    const site = await startImitationSite("whitehouse.gov", { records: 6, perPage: 2 });
    try {
      const first = await get(site, "https://www.whitehouse.gov/remarks/page/1/");
      expect(first.status).toBe(301);
      expect(first.headers.get("location")).toBe("https://www.whitehouse.gov/remarks/");
      expect((await get(site, "https://www.whitehouse.gov/remarks/page/9/")).status).toBe(404);
      expect((await get(site, "https://www.whitehouse.gov/remarks/page/2/")).status).toBe(200);
    } finally {
      await site.close();
    }
  });

  it("mid.ru answers a page past the last with the last page again, as Bitrix does", async () => {
    const site = await startImitationSite("mid.ru", { records: 6, perPage: 2 });
    try {
      const last = await (await get(site, "https://mid.ru/ru/foreign_policy/news/?PAGEN_1=1")).text();
      const past = await (await get(site, "https://mid.ru/ru/foreign_policy/news/?PAGEN_1=40")).text();
      expect(past).toBe(last);
    } finally {
      await site.close();
    }
  });

  it("kremlin.ru answers the English host on its own port, or on any port by the Host header", async () => {
    const site = await startImitationSite("kremlin.ru", { records: 4 });
    try {
      const english = site.records().find((p) => p.startsWith("http://en.kremlin.ru/")) ?? "";
      expect(site.localUrl(english).startsWith(site.origins["http://en.kremlin.ru"] ?? "-")).toBe(true);
      const path = new URL(english).pathname;
      // fetch() sets Host itself; node:http sends the one given, as a proxying fetcher would.
      const body = await new Promise<string>((resolve, reject) => {
        const { hostname, port } = new URL(site.origin);
        http
          .get({ hostname, port, path, headers: { host: "en.kremlin.ru" } }, (res) => {
            let text = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => {
              text += chunk;
            });
            res.on("end", () => resolve(text));
          })
          .on("error", reject);
      });
      expect(body).toContain('<html lang="en">');
      expect(site.requests.at(-1)?.realOrigin).toBe("http://en.kremlin.ru");
    } finally {
      await site.close();
    }
  });

  it("robots.txt can be replaced, and validators are off unless asked for", async () => {
    const site = await startImitationSite("president.gov.ua", { robots: "User-agent: *\nDisallow: /\n" });
    try {
      const robots = await get(site, "/robots.txt");
      expect(await robots.text()).toBe("User-agent: *\nDisallow: /\n");
      expect(robots.headers.get("etag")).toBeNull();
      expect(robots.headers.get("last-modified")).toBeNull();
    } finally {
      await site.close();
    }
  });

  it("the same seed gives the same site, another seed another", async () => {
    const texts = async (seed: number) => {
      const site = await startImitationSite("kremlin.ru", { records: 5, seed });
      try {
        return site.records().map((p) => JSON.stringify(site.record(p)));
      } finally {
        await site.close();
      }
    };
    expect(await texts(11)).toEqual(await texts(11));
    expect(await texts(11)).not.toEqual(await texts(12));
  });
});
