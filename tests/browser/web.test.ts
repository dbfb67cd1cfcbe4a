/**
 * The web app in real Chromium (Debian's, driven by playwright-core): search, open a result at
 * its turn, follow a question to its answer, switch language, copy a citation, find the feed,
 * and hostile text rendered as text. Screenshots go to test-artifacts/browser/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentStore } from "../../src/store/store.js";
import { chromiumAvailable, startWebAppInBrowser, type WebAppInBrowser } from "../support/browser.js";

describe.skipIf(!chromiumAvailable)("the web app in Chromium", () => {
  let app: WebAppInBrowser;
  let base: string;
  let store: DocumentStore;
  let dialogs: string[];
  const page = (name: string, width?: number): Promise<Page> => app.page(name, width);
  const shot = (p: Page, name: string) => app.shot(p, name);

  beforeAll(async () => {
    app = await startWebAppInBrowser();
    ({ base, store, dialogs } = app);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it("searches from the home page and shows highlighted turns grouped by document", async () => {
    const p = await page("search");
    await p.goto(`${base}/`);
    await p.fill("#q", "agreement");
    await p.click("form.search button");
    await p.waitForURL(/\/search\?q=agreement/);
    expect(await p.locator("article.hit").count()).toBeGreaterThan(0);
    expect((await p.locator("article.hit mark").first().textContent())?.toLowerCase()).toMatch(/^agreement/);
    expect(await p.inputValue("#q")).toBe("agreement");
    await shot(p, "search");
  });

  it("opens a result at the turn that matched", async () => {
    const p = await page("open");
    await p.goto(`${base}/search?q=agreement`);
    const link = p.locator("article.hit p.turn a").first();
    const href = (await link.getAttribute("href")) ?? "";
    await link.click();
    await p.waitForURL(/\/d\/.+#t\d+$/);
    const anchor = href.split("#")[1];
    expect(await p.evaluate(() => document.querySelector(":target")?.id)).toBe(anchor);
    await shot(p, "reader-at-turn");
  });

  it("follows a question to its answer", async () => {
    const p = await page("qa");
    const found = await store.search(
      (await import("../../src/search/query/parse.js")).parseQuery("kind:question"),
      { limit: 1 },
    );
    await p.goto(`${base}/d/${found.hits[0]?.id}`);
    const question = p.locator('section[data-kind="question"]').first();
    await question.locator("a.turn-nav").click();
    const target = await p.evaluate(() => document.querySelector(":target")?.getAttribute("data-kind"));
    expect(target).toBe("answer");
    await shot(p, "question-to-answer");
  });

  it("switches to the other language version", async () => {
    const p = await page("language");
    const statements = await store.search(
      (await import("../../src/search/query/parse.js")).parseQuery("lang:en kind:remarks publisher:mid.ru"),
      { limit: 20 },
    );
    const withVersion = [];
    for (const h of statements.hits) if ((await store.languageVersions(h.id)).length) withVersion.push(h.id);
    expect(withVersion.length).toBeGreaterThan(0);
    await p.goto(`${base}/d/${withVersion[0]}`);
    await p.locator("nav.languages a[hreflang=ru]").click();
    await p.waitForLoadState();
    expect(await p.getAttribute("article.document", "lang")).toBe("ru");
    await shot(p, "other-language");
  });

  /** The English and Russian versions of the example press conference, linked by evidence. */
  async function pressConferencePair(): Promise<[string, string]> {
    for await (const d of store.list()) {
      if (d.language !== "en" || !d.title.includes("Carvallo")) continue;
      const ru = (await store.languageVersions(d.id)).find((v) => v.language === "ru");
      if (ru) return [d.id, ru.id];
    }
    throw new Error("the example press conference has no linked Russian version");
  }

  it("reads two versions side by side and marks a sentence's counterpart when it is clicked", async () => {
    const [en, ru] = await pressConferencePair();
    const p = await page("side-by-side", 1280);
    await p.goto(`${base}/d/${en}`);
    await p.locator(`nav.languages a[href="/d/${en}/compare/${ru}"]`).click();
    await p.waitForURL(new RegExp(`/d/${en}/compare/${ru}$`));
    const sentence = p.locator(".pair .side.a .s[data-link]").nth(2);
    const link = await sentence.getAttribute("data-link");
    await sentence.click();
    const counterpart = p.locator(`.pair .side.b .s.active[data-link="${link}"]`);
    expect(await counterpart.count()).toBeGreaterThan(0);
    expect(await counterpart.first().getAttribute("lang")).toBeNull();
    expect(await counterpart.first().evaluate((el) => el.closest("[lang]")?.getAttribute("lang"))).toBe("ru");
    // Both columns sit next to each other.
    const a = await p.locator(".pair .side.a").first().boundingBox();
    const b = await p.locator(".pair .side.b").first().boundingBox();
    expect(b && a && b.x > a.x + a.width - 1).toBe(true);
    await shot(p, "side-by-side");
    // A turn's permalink in either language opens that turn in the reader.
    await p.locator(".pair .side.b a.permalink").first().click();
    await p.waitForURL(new RegExp(`/d/${ru}#t\\d+p\\d+$`));
    expect(await p.evaluate(() => document.querySelector(":target")?.tagName)).toBe("P");
    await shot(p, "side-by-side-permalink");
  });

  it("lists where two versions differ, from the archive's ranking down to the passage", async () => {
    const [en, ru] = await pressConferencePair();
    const p = await page("divergence", 1280);
    await p.goto(`${base}/divergence`);
    await shot(p, "divergence-ranking");
    await p.locator(`table.divergent-pairs a[href="/d/${en}/compare/${ru}"]`).click();
    await p.waitForURL(new RegExp(`/compare/${ru}$`));
    const item = p.locator('.divergent-list li[data-kind="only-a"] a').first();
    await item.click();
    const target = await p.evaluate(() => document.querySelector(":target")?.className);
    expect(target).toContain("diverges");
    expect(await p.locator(":target .side.b .missing").count()).toBe(1);
    await p.locator("text=Show only passages that differ").click();
    await p.waitForURL(/only=divergent/);
    expect(await p.locator(".pair").count()).toBe(await p.locator(".pair.diverges").count());
    await shot(p, "divergence-report");
  });

  it("cites a turn in the styles people paste, and copies one with its permalink", async () => {
    const p = await page("cite");
    const found = await store.search(
      (await import("../../src/search/query/parse.js")).parseQuery("agreement"),
      { limit: 1 },
    );
    const id = found.hits[0]?.id ?? "";
    await p.goto(`${base}/d/${id}`);
    await p.locator("#t0 a.cite-turn").click();
    await p.waitForURL(/\/cite\?version=\d+&turn=0/);
    const chicago = await p.inputValue("#cite-chicago");
    expect(chicago).toContain(`${base}/d/${id}?version=1#t0`);
    expect(await p.inputValue("#cite-bibtex")).toMatch(/^@\w+\{/);
    expect(await p.inputValue("#cite-ris")).toContain("TY  - ");
    await p.click('button[data-copy="cite-chicago"]');
    await expect.poll(() => p.textContent('button[data-copy="cite-chicago"]')).toBe("Copied");
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(chicago);
    await shot(p, "citation");
  });

  it("offers a feed for a search that a reader can subscribe to", async () => {
    const p = await page("feed");
    await p.goto(`${base}/search?q=kind%3Aquestion`);
    const href = await p.getAttribute('link[rel="alternate"][type="application/atom+xml"]', "href");
    expect(href).toBe("/search.atom?q=kind%3Aquestion");
    const res = await p.request.get(`${base}${href}`);
    expect(res.headers()["content-type"]).toMatch(/atom\+xml/);
    expect(await res.text()).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  });

  it("draws the trend of a query as a chart, with the numbers in a table", async () => {
    const p = await page("trend");
    await p.goto(`${base}/trend?q=agreement&by=year`);
    await p.waitForSelector("#trend-chart canvas");
    expect(await p.locator("table.counts tbody tr").count()).toBeGreaterThan(0);
    const csv = await p.request.get(`${base}/api/trend.csv?q=agreement&by=month`);
    expect((await csv.text()).split("\r\n")[0]).toBe("month,turns,documents,turns_in_month,share,counting");
    await shot(p, "trend");
  });

  it("renders transcript text holding <script> and onerror payloads as text", async () => {
    const p = await page("hostile");
    const found = await store.search(
      (await import("../../src/search/query/parse.js")).parseQuery("escaped"),
      { limit: 1 },
    );
    await p.goto(`${base}/d/${found.hits[0]?.id}`);
    await p.goto(`${base}/search?q=alert`);
    await p.goto(`${base}/d/${found.hits[0]?.id}`);
    expect(await p.locator("h1").textContent()).toContain('<script>alert("title")</script>');
    expect(await p.locator("body").textContent()).toContain("<img src=x onerror=alert(2)>");
    expect(await p.locator("img").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await shot(p, "hostile-text");
  });
});
