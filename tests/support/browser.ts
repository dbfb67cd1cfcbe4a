/**
 * The web app served over the example corpus (and one hostile page) to Debian's Chromium, driven
 * by playwright-core: what every browser test file starts with. Screenshots go to
 * test-artifacts/browser/.
 */
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "@hono/node-server";
import { type Browser, chromium, type Page } from "playwright-core";
import { linkAndMeasure } from "../../src/align/service.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { ingestBatch } from "../../src/ingest/batch.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { createApp } from "../../src/server/app.js";
import { issueEditorToken, loadEditors } from "../../src/server/editors.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { HOSTILE_PAGE } from "./hostile.js";
import { FIXED_NOW, registry } from "./ingest.js";

export const CHROMIUM = "/usr/bin/chromium";
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "browser");
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.CI)
  throw new Error(`${CHROMIUM} is missing: .ci/run installs Debian's chromium`);

export interface WebAppInBrowser {
  browser: Browser;
  /** A token that signs in the editor "Ada Editor". */
  editorToken: string;
  base: string;
  store: DocumentStore;
  /** Dialogs any page opened (an injected alert would land here). */
  dialogs: string[];
  page(name: string, width?: number): Promise<Page>;
  shot(p: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** The examples (and a hostile page) ingested, linked and measured, served on a free port, and a browser. */
export async function startWebAppInBrowser(): Promise<WebAppInBrowser> {
  const store = withSearch(new SqliteStore({ path: ":memory:" }));
  await store.putSpeakers(registry.speakers);
  const gazetteer = Gazetteer.load(registry);
  await store.putEntities(gazetteer.entities);
  const matcher = new EntityMatcher(gazetteer);
  const { files } = await planSources([path.join(ROOT, "examples")]);
  const ctx = { registry, debateSpeakers: null, maxBytes: 2 ** 24, now: FIXED_NOW, matcher };
  await ingestBatch(readSources(files, { maxBytes: 2 ** 24 }), store, ctx);
  async function* hostile() {
    yield {
      type: "input" as const,
      input: { source: "hostile.txt", name: "hostile/hostile.txt", bytes: Buffer.from(HOSTILE_PAGE) },
    };
  }
  await ingestBatch(hostile(), store, ctx);
  const ids: string[] = [];
  for await (const d of store.list()) ids.push(d.id);
  await linkAndMeasure(store, ids, matcher);
  const editorsFile = path.join(mkdtempSync(path.join(os.tmpdir(), "verbatim-editors-")), "editors.json");
  const editorToken = issueEditorToken(editorsFile, "Ada Editor");
  const app = createApp({
    store,
    registry,
    matcher,
    editors: loadEditors(editorsFile),
    token: null,
    maxBodyBytes: 1e6,
    rateLimitPerMinute: 0,
    baseUrl: null,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  const dialogs: string[] = [];
  return {
    browser,
    editorToken,
    base,
    store,
    dialogs,
    async page(name, width = 420) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
      const p = await context.newPage();
      p.on("dialog", async (d) => {
        dialogs.push(`${name}: ${d.message()}`);
        await d.dismiss();
      });
      return p;
    },
    async shot(p, name) {
      await p.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      server.close();
      await store.close();
    },
  };
}
