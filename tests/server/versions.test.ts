/**
 * Language versions in the web app and API: links from the reader, the side-by-side view, the
 * alignment in JSON, TMX and CSV, divergence, and linking or unlinking by hand.
 */

import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkAndMeasure } from "../../src/align/service.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { ingestBatch } from "../../src/ingest/batch.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import type { DocumentStore } from "../../src/store/store.js";
import { appFor, TOKEN } from "../support/app.js";
import { BACKENDS, openTestStore } from "../support/backends.js";
import { makeDocument } from "../support/documents.js";
import { FIXED_NOW, registry } from "../support/ingest.js";

const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

describe.each(BACKENDS)("language versions in the web app and API (%s)", (backend) => {
  let store: DocumentStore;
  let app: ReturnType<typeof appFor>;
  let en: string;
  let ru: string;

  afterAll(async () => {
    await store?.close();
  });

  beforeAll(async () => {
    store = await openTestStore(backend);
    const gazetteer = Gazetteer.load(registry);
    const matcher = new EntityMatcher(gazetteer);
    await store.putEntities(gazetteer.entities);
    const { files } = await planSources([`${EXAMPLES}/mid-ru`]);
    const ids: string[] = [];
    await ingestBatch(
      readSources(files, { maxBytes: 2 ** 24 }),
      store,
      { registry, debateSpeakers: null, maxBytes: 2 ** 24, now: FIXED_NOW, matcher },
      { onDocument: (d) => ids.push(d.id) },
    );
    await linkAndMeasure(store, ids, matcher);
    for await (const d of store.list()) {
      if (d.title.includes("Carvallo")) en = d.id;
      if (d.title.includes("Карвальо")) ru = d.id;
    }
    app = appFor(store, { matcher });
  });

  it("links two versions of a press conference by evidence and shows it in the reader", async () => {
    const versions = (await (await app.request(`/api/documents/${en}/languages`)).json()) as {
      id: string;
      method: string;
      divergence: number | null;
    }[];
    expect(versions.map((v) => [v.id, v.method])).toEqual([[ru, "evidence"]]);
    expect(versions[0]?.divergence).toBeGreaterThan(0);
    const page = await (await app.request(`/d/${en}`)).text();
    expect(page).toContain(`/d/${en}/compare/${ru}`);
    expect(page).toContain(`id="t0p1"`);
  });

  it("sets the versions side by side and marks the paragraph only one of them has", async () => {
    const page = await (await app.request(`/d/${en}/compare/${ru}`)).text();
    expect(page).toContain('class="side a" lang="en"');
    expect(page).toContain('class="side b" lang="ru"');
    expect(page).toContain("(not in this version)");
    expect(page).toContain("only in the first version");
    // Sentences carry the number of their link on both sides.
    const links = [...page.matchAll(/data-link="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(links).size).toBeGreaterThan(5);
    expect(links.filter((l) => l === links[0]).length).toBeGreaterThanOrEqual(2);
    const only = await (await app.request(`/d/${en}/compare/${ru}?only=divergent`)).text();
    expect(only.match(/class="pair/g)?.length ?? 0).toBeLessThan(page.match(/class="pair/g)?.length ?? 0);
  });

  it("gives the alignment as JSON, as TMX translators' tools read and as CSV", async () => {
    const json = (await (await app.request(`/api/documents/${en}/alignment/${ru}`)).json()) as {
      paragraphs: { a: number[]; b: number[]; confidence: number }[];
      divergence: { onlyA: number };
    };
    expect(json.paragraphs.some((l) => l.a.length === 1 && l.b.length === 0)).toBe(true);
    expect(json.paragraphs.every((l) => l.confidence >= 0 && l.confidence <= 1)).toBe(true);
    expect(json.divergence.onlyA).toBe(1);

    const tmxRes = await app.request(`/api/documents/${en}/alignment/${ru}?format=tmx&level=sentence`);
    expect(tmxRes.headers.get("content-type")).toContain("application/x-tmx+xml");
    const tmx = await tmxRes.text();
    expect(XMLValidator.validate(tmx)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(tmx);
    const units = parsed.tmx.body.tu as { tuv: { "@_xml:lang": string; seg: string }[] }[];
    expect(units.length).toBeGreaterThan(5);
    expect(units[0]?.tuv.map((t) => t["@_xml:lang"])).toEqual(["en", "ru"]);
    expect(units.every((u) => u.tuv.every((t) => String(t.seg).length > 0))).toBe(true);

    const csv = await (
      await app.request(`/api/documents/${en}/alignment/${ru}?format=csv&level=paragraph`)
    ).text();
    expect(csv.split("\r\n")[0]).toBe("en,ru,confidence,en passage,ru passage");
  });

  it("shows a search hit's sentence in the other language when asked", async () => {
    const res = (await (await app.request("/api/search?q=scholarships&aligned=true")).json()) as {
      hits: {
        id: string;
        turns: { counterpart: { language: string; text: string; permalink: string } | null }[];
      }[];
    };
    const hit = res.hits.find((h) => h.id === en);
    const counterpart = hit?.turns[0]?.counterpart;
    expect(counterpart?.language).toBe("ru");
    expect(counterpart?.text).toContain("стипендий");
    expect(counterpart?.permalink).toMatch(new RegExp(`^/d/${ru}#t\\d+p\\d+$`));
    const plain = (await (await app.request("/api/search?q=scholarships")).json()) as typeof res;
    expect(plain.hits[0]?.turns[0]?.counterpart).toBeUndefined();
    const page = await (await app.request("/search?q=scholarships&aligned=1")).text();
    expect(page).toContain('class="turn counterpart" lang="ru"');
  });

  it("ranks measured pairs by divergence on a page and in the API", async () => {
    const pairs = (await (await app.request("/api/divergence")).json()) as {
      a: string;
      b: string;
      score: number;
    }[];
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    expect(pairs[0]?.score).toBeGreaterThanOrEqual(pairs[1]?.score ?? 0);
    const page = await (await app.request("/divergence")).text();
    expect(page).toContain("/compare/");
  });

  it("aligns only documents linked as versions, so nobody can make it align arbitrary pairs", async () => {
    const res = await app.request(`/api/documents/${en}/alignment/${en}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { code: string }).code).toBe("VERSIONS_NOT_LINKED");
    expect((await app.request(`/d/${en}/compare/${en}`)).status).toBe(404);
  });

  it("links and unlinks by hand only with the operator's token", async () => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const path = `/api/documents/${en}/languages/${ru}`;
    expect((await app.request(path, { method: "DELETE" })).status).toBe(401);
    expect((await app.request(path, { method: "DELETE", headers })).status).toBe(200);
    expect(await (await app.request(`/api/documents/${en}/languages`)).json()).toEqual([]);
    expect((await app.request(path, { method: "PUT", headers })).status).toBe(200);
    const again = (await (await app.request(`/api/documents/${en}/languages`)).json()) as {
      method: string;
    }[];
    expect(again.map((v) => v.method)).toEqual(["manual"]);
    expect(
      (await app.request(`/api/documents/${en}/languages/nope`, { method: "PUT", headers })).status,
    ).toBe(404);
  });

  it("renders hostile text in both versions as text", async () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const a = makeDocument({
      id: "evil-en",
      language: "en",
      publisherRef: "evil",
      sourceUrl: null,
      title: evil,
    });
    const b = makeDocument({
      id: "evil-ru",
      language: "ru",
      publisherRef: "evil",
      sourceUrl: null,
      title: evil,
    });
    a.turns[0]?.paragraphs.push(evil);
    await store.putBatch([{ raw: null, documents: [a, b] }]);
    await store.putVersionLink({
      a: a.id,
      b: b.id,
      method: "key",
      confidence: 1,
      reasons: ["publisher key"],
    });
    const page = await (await app.request("/d/evil-en/compare/evil-ru")).text();
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img src=x");
    expect(page).toContain("&lt;script&gt;");
  });

  it("lists keyed pairs the texts contradict on /conflicts and in the API, and shows neither as the other's version", async () => {
    const a = makeDocument({
      id: "cf-en",
      language: "en",
      publisherRef: "cf",
      sourceUrl: null,
      title: "<b>Fisheries</b>",
    });
    const b = makeDocument({
      id: "cf-ru",
      language: "ru",
      publisherRef: "cf",
      sourceUrl: null,
      title: "Санкции",
    });
    await store.putBatch([{ raw: null, documents: [a, b] }]);
    await store.putVersionLink({
      a: a.id,
      b: b.id,
      method: "conflict",
      confidence: 0,
      reasons: ["key contradicted", "share almost nothing"],
    });
    const page = await (await app.request("/conflicts")).text();
    expect(page).toContain("cf-en");
    expect(page).toContain("share almost nothing");
    expect(page).toContain("&lt;b&gt;Fisheries");
    const api = (await (await app.request("/api/conflicts?id=cf-ru")).json()) as { a: { id: string } }[];
    expect(api.map((c) => c.a.id)).toEqual(["cf-en"]);
    expect((await app.request("/d/cf-en/compare/cf-ru")).status).toBe(404);
  });
});
