/**
 * Every page on a phone (390 px) and a desktop (1280 px) in real Chromium: nothing scrolls
 * sideways, the first thing a page is for is on the first screen, and the reader and search
 * pages behave as issue 17 asks (entities on request, targets highlighted, labels once, a form
 * that writes queries, suggestions when nothing is found, trends that fill their gaps).
 * Screenshots of each page at both widths go to test-artifacts/browser/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery } from "../../src/search/query/parse.js";
import type { DocumentStore } from "../../src/store/store.js";
import { chromiumAvailable, startWebAppInBrowser, type WebAppInBrowser } from "../support/browser.js";

const PHONE = 390;
const DESKTOP = 1280;

describe.skipIf(!chromiumAvailable)("pages on a phone and on a desktop", () => {
  let app: WebAppInBrowser;
  let base: string;
  let store: DocumentStore;
  /** The English press conference (the founding page's kind), its Russian version, an entity it names. */
  let en: string;
  let ru: string;
  let entity: string;

  beforeAll(async () => {
    app = await startWebAppInBrowser();
    ({ base, store } = app);
    for await (const d of store.list()) {
      if (d.language !== "en" || !d.title.includes("Carvallo")) continue;
      en = d.id;
      ru = (await store.languageVersions(d.id)).find((v) => v.language === "ru")?.id ?? "";
      entity = (await store.getEnrichment(d.id))?.mentions.find((m) => m.paragraph >= 0)?.entityId ?? "";
    }
    expect({ en, ru, entity }).toEqual({
      en: expect.any(String),
      ru: expect.any(String),
      entity: expect.any(String),
    });
    expect({ en, ru, entity }).not.toMatchObject({ ru: "" });
    expect({ en, ru, entity }).not.toMatchObject({ entity: "" });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  /** How far the page reaches to the right beyond the viewport: 0 when nothing scrolls sideways. */
  const overflow = (p: Page) =>
    p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  const pages = () => [
    ["home", "/"],
    ["search", "/search?q=agreement"],
    ["search-empty", "/search?q=agreemnt"],
    ["advanced-search", "/search/advanced"],
    ["reader", `/d/${en}`],
    ["reader-entities", `/d/${en}?entities=1`],
    ["side-by-side", `/d/${en}/compare/${ru}`],
    ["trend", "/trend?q=agreement&by=year"],
    ["entity", `/e/${encodeURIComponent(entity)}`],
    ["divergence", "/divergence"],
    ["cite", `/d/${en}/cite?version=1&turn=1`],
  ];

  for (const width of [PHONE, DESKTOP]) {
    it(`shows every page at ${width} px without scrolling sideways`, async () => {
      const p = await app.page(`screens-${width}`, width);
      const wide: string[] = [];
      for (const [name, path] of pages()) {
        const response = await p.goto(`${base}${path}`);
        expect(response?.status(), path).toBeLessThan(500);
        await p.waitForLoadState("load");
        if ((await overflow(p)) > 0) wide.push(`${name} (${await overflow(p)} px too wide)`);
        await app.shot(p, `${width === PHONE ? "phone" : "desktop"}-${name}`);
      }
      expect(wide).toEqual([]);
    });
  }

  it("puts a phone's first search result on the first screen, with the facets behind a disclosure", async () => {
    const phone = await app.page("facets-phone", PHONE);
    await phone.goto(`${base}/search?q=agreement`);
    expect(await phone.locator("details.facets").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const first = await phone.locator("article.hit").first().boundingBox();
    expect(first && first.y < 900).toBe(true);
    await phone.locator("details.facets summary").click();
    expect(await phone.locator("details.facets aside a").first().isVisible()).toBe(true);
    const desktop = await app.page("facets-desktop", DESKTOP);
    await desktop.goto(`${base}/search?q=agreement`);
    await expect
      .poll(() => desktop.locator("details.facets").evaluate((d) => (d as HTMLDetailsElement).open))
      .toBe(true);
  });

  it("starts the reader on a phone with the dateline and the title, not a screen of title", async () => {
    const p = await app.page("reader-phone", PHONE);
    await p.goto(`${base}/d/${en}`);
    const dateline = await p.locator(".document-head .dateline").boundingBox();
    const title = await p.locator(".document-head h1").boundingBox();
    const firstTurn = await p.locator("section.turn-block").first().boundingBox();
    expect(dateline && title && dateline.y < title.y).toBe(true);
    expect(firstTurn && firstTurn.y < 900).toBe(true);
  });

  it("side by side becomes alternating rows on a phone, each passage under its language", async () => {
    const p = await app.page("compare-phone", PHONE);
    await p.goto(`${base}/d/${en}/compare/${ru}`);
    const a = await p.locator(".pair .side.a").first().boundingBox();
    const b = await p.locator(".pair .side.b").first().boundingBox();
    expect(a && b && b.y >= a.y + a.height - 1 && Math.abs(b.x - a.x) < 20).toBe(true);
    const label = await p
      .locator(".pair .side.b")
      .first()
      .evaluate((el) => getComputedStyle(el, "::before").content);
    expect(label).toBe('"ru"');
  });

  it("marks entities only when asked, and keeps the choice in the URL", async () => {
    const p = await app.page("entities", DESKTOP);
    await p.goto(`${base}/d/${en}`);
    expect(await p.locator("a.entity").count()).toBe(0);
    await p.locator("a.entity-switch").click();
    await p.waitForURL(/entities=1/);
    expect(await p.locator("a.entity").count()).toBeGreaterThan(0);
    expect(await p.locator("a.entity-switch").getAttribute("aria-pressed")).toBe("true");
    await p.locator("a.entity-switch").click();
    await p.waitForURL((url) => !url.search.includes("entities"));
    expect(await p.locator("a.entity").count()).toBe(0);
  });

  it("highlights the paragraph a link points to", async () => {
    const p = await app.page("target", DESKTOP);
    await p.goto(`${base}/d/${en}#t1p0`);
    const [target, other] = await p.evaluate(() => [
      getComputedStyle(document.querySelector(":target") as Element).backgroundColor,
      getComputedStyle(document.querySelector("#t2 p[id]") as Element).backgroundColor,
    ]);
    expect(target).not.toBe(other);
    expect(target).not.toBe("rgba(0, 0, 0, 0)");
  });

  it("heads each turn with each thing once, and offers to cite it", async () => {
    const p = await app.page("headings", DESKTOP);
    const questions = await store.search(parseQuery("kind:question"), { limit: 20 });
    for (const hit of questions.hits.slice(0, 5)) {
      await p.goto(`${base}/d/${hit.id}`);
      for (const head of await p.locator("section.turn-block .turn-head").allTextContents()) {
        expect(head.toLowerCase()).not.toMatch(/\b(question|q)\b[^a-z]*\bquestion\b/);
        expect(head).not.toContain("—");
      }
      expect(await p.locator("section.turn-block a.cite-turn").first().textContent()).toBe("Cite this turn");
    }
  });

  it("writes a query from the advanced search form and runs it", async () => {
    const p = await app.page("advanced", DESKTOP);
    await p.goto(`${base}/search/advanced`);
    await p.fill('input[name="all"]', "agreement");
    await p.fill('input[name="none"]', "football");
    await p.check('input[name="kind"][value="answer"]');
    await p.check('input[name="lang"][value="en"]');
    await p.fill('input[name="from"]', "2020");
    await p.click("form.advanced button[type=submit]");
    await p.waitForURL(/\/search\?q=/);
    expect(await p.inputValue("#q")).toBe("agreement -football kind:answer lang:en date:2020..");
    expect(await p.locator("article.hit").count()).toBeGreaterThan(0);
    // A date that is not one is named, not dropped.
    await p.goto(`${base}/search/advanced?all=agreement&from=20x0`);
    expect(await p.locator('[role="alert"]').textContent()).toContain("20x0");
  });

  it("suggests a spelling the archive knows, and queries without a condition, when nothing is found", async () => {
    const p = await app.page("suggest", DESKTOP);
    await p.goto(`${base}/search?q=${encodeURIComponent("agreemnt")}`);
    const suggested = await p.locator(".no-results li a").allTextContents();
    expect(suggested).toContain("agreement");
    await p.goto(`${base}/search?q=${encodeURIComponent("agreement speaker:nobody-at-all")}`);
    expect(await p.locator(".no-results li a").allTextContents()).toContain("agreement");
  });

  it("lets a signed-in editor fix a turn's speaker from the reader, shows the correction and its log to everyone, and no forms to anyone else", async () => {
    for (const width of [PHONE, DESKTOP]) {
      const anonymous = await app.page(`anonymous-${width}`, width);
      await anonymous.goto(`${base}/d/${en}`);
      expect(await anonymous.locator("details.turn-editor").count()).toBe(0);
    }
    const p = await app.page("editor", DESKTOP);
    await p.goto(`${base}/sign-in`);
    await app.shot(p, "desktop-sign-in");
    await p.fill('input[name="token"]', app.editorToken);
    await p.click('form[action="/sign-in"] button');
    await p.waitForURL(`${base}/`);
    await p.goto(`${base}/d/${en}`);
    const turn = p.locator("#t3");
    await turn.locator("details.turn-editor summary").click();
    const speakerForm = turn.locator('form:has(input[name="op"][value="speaker"])');
    await speakerForm.locator('input[name="speakerId"]').fill("sergey-lavrov");
    await speakerForm.locator('input[name="reason"]').fill("the minister asked this himself");
    await speakerForm.locator("button").click();
    await p.waitForURL(/#c\d+$/);
    expect(await p.locator("#t3 .speaker").textContent()).toBe("Sergey Lavrov");
    expect(await p.locator("#t3 .corrected-mark").count()).toBe(1);
    expect(await p.locator(".corrected-notice").textContent()).toContain("1 correction applied");
    expect(await p.locator(".correction-log li").first().textContent()).toContain(
      "the minister asked this himself",
    );
    await app.shot(p, "desktop-correction");
    // Everyone sees it; a phone shows the log without sideways scrolling.
    const phone = await app.page("correction-phone", PHONE);
    await phone.goto(`${base}/d/${en}#corrections`);
    expect(await phone.locator("#t3 .speaker").textContent()).toBe("Sergey Lavrov");
    expect(await overflow(phone)).toBe(0);
    await app.shot(phone, "phone-correction");
    // Undone, the turn reads as extracted again, and the log keeps the entry.
    await p.locator(".correction-log li form button").first().click();
    await p.waitForURL(/#c\d+$/);
    expect(await p.locator("#t3 .corrected-mark").count()).toBe(0);
    expect(await p.locator(".correction-log li").first().textContent()).toContain("undone by Ada Editor");
  });

  it("lets an editor split a turn where a second speaker begins and name that speaker; readers see two turns and the log", async () => {
    const doc = (await store.get(en))?.document;
    const turn = doc?.turns.find((t) => t.paragraphs.length >= 2);
    expect(turn).toBeDefined();
    const at = turn?.index as number;
    const p = await app.page("editor-split", DESKTOP);
    await p.goto(`${base}/sign-in`);
    await p.fill('input[name="token"]', app.editorToken);
    await p.click('form[action="/sign-in"] button');
    await p.waitForURL(`${base}/`);
    await p.goto(`${base}/d/${en}`);
    await p.locator(`#t${at} details.turn-editor summary`).click();
    const splitForm = p.locator(`#t${at} form.split-turn`);
    await splitForm.locator('select[name="paragraph"]').selectOption("2");
    await splitForm.locator('input[name="reason"]').fill("the second paragraph is the other minister's");
    await splitForm.locator("button").click();
    await p.waitForURL(/#c\d+$/);
    const second = turn?.paragraphs[1] as string;
    expect(await p.locator(`#t${at + 1}p0`).textContent()).toBe(second);
    expect(await p.locator(`#t${at} p[id^=t${at}p]`).count()).toBe(1);
    // The new turn has nobody's name until the editor gives it.
    await p.locator(`#t${at + 1} details.turn-editor summary`).click();
    const speakerForm = p.locator(`#t${at + 1} form:has(input[name="op"][value="speaker"])`);
    await speakerForm.locator('input[name="speakerId"]').fill("mevlut-cavusoglu");
    await speakerForm.locator('input[name="reason"]').fill("heard on the video");
    await speakerForm.locator("button").click();
    await p.waitForURL(/#c\d+$/);
    expect(await p.locator(`#t${at + 1} .speaker`).textContent()).toMatch(/Çavuşoğlu|Cavusoglu/);
    expect(await p.locator("p", { hasText: "Participants:" }).textContent()).toMatch(/Çavuşoğlu/);
    const log = await p.locator(".correction-log li").allTextContents();
    expect(log.some((l) => l.includes(`turn ${at + 1} split before its paragraph 2`))).toBe(true);
    await app.shot(p, "desktop-split");
    // Readers see it too, and search finds the words in the new turn.
    const reader = await app.page("split-reader", PHONE);
    await reader.goto(`${base}/d/${en}`);
    expect(await reader.locator(`#t${at + 1}p0`).textContent()).toBe(second);
    expect(await overflow(reader)).toBe(0);
    // Undone, the page reads as extracted again (later tests see the archive as it was).
    while ((await p.locator(".correction-log li form button").count()) > 0) {
      await p.locator(".correction-log li form button").first().click();
      await p.waitForURL(/#c\d+$/);
    }
    expect(await p.locator(`#t${at} p[id^=t${at}p]`).count()).toBe(turn?.paragraphs.length as number);
  });

  it("draws a trend over every year between the first and last match, with whole-number ticks", async () => {
    const p = await app.page("trend-axis", DESKTOP);
    await p.goto(`${base}/trend?q=agreement&by=year`);
    await p.waitForSelector("#trend-chart canvas");
    const years = (await p.locator("table.counts tbody tr td:first-child").allTextContents()).map(Number);
    for (let i = 1; i < years.length; i++) expect(years[i]).toBe((years[i - 1] as number) + 1);
    // The turns axis's tick labels as uPlot drew them (on the canvas; its axis keeps them as _values).
    const ticks = await p.evaluate(
      () =>
        (document.getElementById("trend-chart") as unknown as { chart: { axes: { _values: string[] }[] } })
          .chart.axes[1]?._values ?? [],
    );
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) expect(t).toMatch(/^\d+$/);
  });
});
