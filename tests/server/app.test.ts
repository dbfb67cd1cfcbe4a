/**
 * The web app and API through `app.request`, without a port: JSON shapes and errors, the
 * OpenAPI document, write protection, limits, escaping of hostile text, feeds.
 */
import { fileURLToPath } from "node:url";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { ingestBatch } from "../../src/ingest/batch.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import type { createApp } from "../../src/server/app.js";
import type { DocumentStore } from "../../src/store/store.js";
import { appFor, TOKEN } from "../support/app.js";
import { BACKENDS, openTestStore } from "../support/backends.js";
import { HOSTILE_PAGE } from "../support/hostile.js";
import { FIXED_NOW, registry } from "../support/ingest.js";

const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

async function archive(backend: string): Promise<DocumentStore> {
  const store = await openTestStore(backend);
  await store.putSpeakers(registry.speakers);
  const gazetteer = Gazetteer.load(registry);
  await store.putEntities(gazetteer.entities);
  const { files } = await planSources([EXAMPLES]);
  await ingestBatch(readSources(files, { maxBytes: 2 ** 24 }), store, {
    registry,
    debateSpeakers: null,
    maxBytes: 2 ** 24,
    now: FIXED_NOW,
    matcher: new EntityMatcher(gazetteer),
  });
  async function* hostile() {
    yield {
      type: "input" as const,
      input: { source: "hostile.txt", name: "hostile/hostile.txt", bytes: Buffer.from(HOSTILE_PAGE) },
    };
  }
  await ingestBatch(hostile(), store, { registry, debateSpeakers: null, maxBytes: 2 ** 24, now: FIXED_NOW });
  return store;
}

describe.each(BACKENDS)("the web app and API (%s)", (backend) => {
  let store: DocumentStore;
  let app: ReturnType<typeof createApp>;
  let hostileId: string;

  afterAll(async () => {
    await store?.close();
  });

  beforeAll(async () => {
    store = await archive(backend);
    app = appFor(store);
    const found = await store.search((await import("../../src/search/query/parse.js")).parseQuery("escaped"));
    hostileId = found.hits[0]?.id ?? "";
  });

  it("answers a search with documents, turns, exact counts and facets", async () => {
    const res = await app.request("/api/search?q=agreement");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      total: { turns: number };
      hits: { turns: unknown[] }[];
      facets: object;
    };
    expect(body.total.turns).toBeGreaterThan(0);
    expect(body.hits[0]?.turns.length).toBeGreaterThan(0);
    expect(Object.keys(body.facets)).toEqual(["speaker", "year", "publisher", "language", "kind", "entity"]);
  });

  it("filters the API search and the web search by document type", async () => {
    const all = (await (await app.request("/api/search?q=agreement")).json()) as {
      hits: { kind: string }[];
    };
    const kinds = [...new Set(all.hits.map((h) => h.kind))];
    const kind = kinds[0] ?? "other";
    const only = (await (
      await app.request(`/api/search?q=${encodeURIComponent(`agreement type:${kind}`)}`)
    ).json()) as { hits: { kind: string }[] };
    expect(only.hits.length).toBeGreaterThan(0);
    expect(only.hits.every((h) => h.kind === kind)).toBe(true);
    const wrong = await app.request("/api/search?q=type:podcast");
    expect(wrong.status).toBe(400);
    const page = await app.request(`/search?q=${encodeURIComponent(`agreement type:${kind}`)}`);
    expect(page.status).toBe(200);
  });

  it("answers a broken query with its catalog code and status, not a crash", async () => {
    const res = await app.request("/api/search?q=%22unclosed");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "QUERY_INVALID",
      message: "the query is wrong at character 1: this quote is never closed",
    });
    const missing = await app.request("/api/search");
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { code: string }).code).toBe("REQUEST_INVALID");
  });

  it("serves documents and their versions, and 404s unknown ones as JSON", async () => {
    const ok = await app.request(`/api/documents/${hostileId}`);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { document: { id: string } }).document.id).toBe(hostileId);
    const versions = await app.request(`/api/documents/${hostileId}/versions`);
    expect(((await versions.json()) as unknown[]).length).toBe(1);
    const missing = await app.request("/api/documents/nope");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe("DOCUMENT_NOT_FOUND");
    const speaker = await app.request("/api/speakers/sergey-lavrov");
    expect(((await speaker.json()) as { name: string }).name).toBe("Sergey Lavrov");
  });

  it("describes every API route in its OpenAPI document", async () => {
    const res = await app.request("/api/openapi.json");
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: object }>>;
    };
    expect(doc.openapi).toBe("3.0.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/concordance",
        "/api/divergence",
        "/api/documents",
        "/api/documents/{id}/alignment/{other}",
        "/api/documents/{id}/languages/{other}",
        "/api/documents/{id}",
        "/api/documents/{id}/versions",
        "/api/documents/{id}/changes",
        "/api/documents/{id}/captures",
        "/api/documents/{id}/citation",
        "/api/documents/{id}/corrections",
        "/api/corrections/{correction}/undo",
        "/api/changes",
        "/api/export",
        "/api/conflicts",
        "/api/documents/{id}/languages",
        "/api/publishers",
        "/api/entities/{id}",
        "/api/entities/found",
        "/api/entities/decisions",
        "/api/entities/{id}/decisions",
        "/api/search",
        "/api/speakers/{id}",
        "/api/stats",
        "/api/trend",
      ].sort(),
    );
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(Object.keys(op.responses).length, `${method} ${p}`).toBeGreaterThan(0);
        const real = p
          .replace(
            "{id}",
            p.startsWith("/api/speakers")
              ? "sergey-lavrov"
              : p.startsWith("/api/entities")
                ? "RU"
                : hostileId,
          )
          .replace("{other}", hostileId);
        // A document is not linked to itself: the alignment route answers, with its catalog code.
        if (method === "get" && p.includes("{other}")) {
          const res = await app.request(real);
          expect(((await res.json()) as { code: string }).code, p).toBe("VERSIONS_NOT_LINKED");
        } else if (method === "get")
          expect(
            (
              await app.request(
                `${real}${p.includes("search") || p.includes("concordance") || p.includes("trend") ? "?q=agreement" : ""}`,
              )
            ).status,
            p,
          ).toBe(200);
      }
    }
  });

  it("refuses writes without the operator's token with 401, and stores with it", async () => {
    const page =
      "1 March 202410:00\n\nBriefing on testing\n\nQuestion: Does writing work?\n\nSergey Lavrov: It does.\n";
    const refused = await app.request("/api/documents", {
      method: "POST",
      body: page,
      headers: { "x-verbatim-name": "t.txt" },
    });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: string }).code).toBe("UNAUTHORIZED");
    const wrong = await app.request("/api/documents", {
      method: "POST",
      body: page,
      headers: { "x-verbatim-name": "t.txt", authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(401);
    const ok = await app.request("/api/documents", {
      method: "POST",
      body: page,
      headers: { "x-verbatim-name": "t.txt", authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { inserted: number }).inserted).toBe(1);
    const none = appFor(store, { token: null });
    const disabled = await none.request("/api/documents", {
      method: "POST",
      body: page,
      headers: { "x-verbatim-name": "t.txt", authorization: "Bearer " },
    });
    expect(disabled.status).toBe(401);
  });

  it("deletes documents and edits speakers only with the operator's token", async () => {
    const page =
      "2 March 202410:00\n\nBriefing on deleting\n\nQuestion: Can this go?\n\nSergey Lavrov: It can, zqxdeletable.\n";
    const auth = { authorization: `Bearer ${TOKEN}` };
    await app.request("/api/documents", {
      method: "POST",
      body: page,
      headers: { "x-verbatim-name": "del.txt", ...auth },
    });
    const found = (await (await app.request("/api/search?q=zqxdeletable")).json()) as {
      hits: { id: string }[];
    };
    const id = found.hits[0]?.id ?? "";
    expect(id).not.toBe("");
    expect((await app.request(`/api/documents/${id}`, { method: "DELETE" })).status).toBe(401);
    const deleted = await app.request(`/api/documents/${id}`, { method: "DELETE", headers: auth });
    expect(deleted.status).toBe(200);
    expect((await app.request(`/api/documents/${id}`)).status).toBe(404);
    expect(
      ((await (await app.request("/api/search?q=zqxdeletable")).json()) as { total: { turns: number } }).total
        .turns,
    ).toBe(0);
    expect((await app.request(`/api/documents/${id}`, { method: "DELETE", headers: auth })).status).toBe(404);

    const speaker = {
      id: "jane-roe",
      name: "Jane Roe",
      aliases: [{ name: "Джейн Роу", lang: "ru" }],
      roles: [],
    };
    const body = JSON.stringify(speaker);
    const json = { "content-type": "application/json" };
    expect((await app.request("/api/speakers/jane-roe", { method: "PUT", body, headers: json })).status).toBe(
      401,
    );
    const put = await app.request("/api/speakers/jane-roe", {
      method: "PUT",
      body,
      headers: { ...json, ...auth },
    });
    expect(put.status).toBe(200);
    expect(await (await app.request("/api/speakers/jane-roe")).json()).toEqual(speaker);
  });

  it("refuses bodies over the limit and clients over the rate", async () => {
    const small = appFor(store, { maxBodyBytes: 100 });
    const big = await small.request("/api/documents", {
      method: "POST",
      body: "x".repeat(1000),
      headers: { "x-verbatim-name": "t.txt", authorization: `Bearer ${TOKEN}`, "content-length": "1000" },
    });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { code: string }).code).toBe("PAYLOAD_TOO_LARGE");
    const limited = appFor(store, { rateLimitPerMinute: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await limited.request("/api/stats")).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("renders hostile transcript text as text, under a Content Security Policy", async () => {
    for (const url of [`/d/${hostileId}`, "/search?q=escaped", "/search?q=alert", "/"]) {
      const res = await app.request(url);
      const page = await res.text();
      expect(res.headers.get("content-security-policy"), url).toMatch(/script-src 'self'/);
      expect(page, url).not.toMatch(/<script>alert|<img src=x|<\/p><script>/);
      expect(page, url).not.toMatch(/"onerror=alert\(4\)/);
    }
    const reader = await (await app.request(`/d/${hostileId}`)).text();
    expect(reader).toContain("&lt;script&gt;alert(3)&lt;/script&gt;");
    expect(reader).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });

  it("hides internal errors from clients and logs them under the request id the client is given", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const broken = {
      ...store,
      search: async () => Promise.reject(new Error("secret stack detail")),
    } as unknown as DocumentStore;
    const res = await appFor(broken, { logger }).request("/api/search?q=agreement");
    expect(res.status).toBe(500);
    const text = await res.text();
    const id = res.headers.get("x-request-id");
    expect(id).toMatch(/^[\w-]{8,}$/);
    expect(JSON.parse(text)).toEqual({
      code: "INTERNAL",
      message: "internal error: something went wrong on the server",
      requestId: id,
    });
    expect(text).not.toContain("secret");
    const logged = lines.map(
      (l) => JSON.parse(l) as { requestId?: string; path?: string; err?: { message?: string } },
    );
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      requestId: id,
      path: "/api/search",
      err: { message: "secret stack detail" },
    });
  });

  it("names every error with its request id, and keeps a client's id only when it is plain", async () => {
    const plain = await app.request("/api/documents/nope", { headers: { "x-request-id": "trace-42" } });
    expect(plain.status).toBe(404);
    expect(((await plain.json()) as { requestId: string }).requestId).toBe("trace-42");
    const hostile = await app.request("/nothing-here", { headers: { "x-request-id": "<script>x</script>" } });
    expect(hostile.headers.get("x-request-id")).not.toContain("<");
    expect(await hostile.text()).not.toContain("<script>x");
  });

  it("gives every turn a permalink and links questions to their answers in the reader", async () => {
    const page = await (await app.request(`/d/${hostileId}`)).text();
    expect(page).toMatch(/id="t1" data-kind="question"/);
    expect(page).toMatch(/href="#t2">answer ↓/);
    expect(page).toMatch(/href="#t1">question ↑/);
    expect(page).toContain(`/d/${encodeURIComponent(hostileId)}/cite?version=1&amp;turn=1`);
  });

  it("offers an Atom feed for any search, newest first", async () => {
    const res = await app.request("/search.atom?q=kind%3Aquestion");
    expect(res.headers.get("content-type")).toMatch(/application\/atom\+xml/);
    const xml = await res.text();
    const updated = [...xml.matchAll(/<entry>[\s\S]*?<updated>([^<]+)<\/updated>/g)].map(
      (m) => m[1] as string,
    );
    expect(updated.length).toBeGreaterThan(1);
    expect([...updated].sort().reverse()).toEqual(updated);
    expect(xml).not.toMatch(/<script>/);
  });

  it("serves a trend as CSV and a concordance as CSV", async () => {
    const trend = await app.request("/api/trend.csv?q=agreement");
    expect(trend.headers.get("content-type")).toMatch(/text\/csv/);
    expect((await trend.text()).split("\r\n")[0]).toBe("year,turns,documents,turns_in_year,share,counting");
    const kwic = await app.request("/api/concordance.csv?q=agreement");
    expect((await kwic.text()).split("\r\n").length).toBeGreaterThan(2);
  });

  it("filters by entity, shows entity facets and entity pages", async () => {
    const res = (await (await app.request("/api/search?q=mentions%3ARU")).json()) as {
      total: { turns: number };
      facets: { entity: { value: string }[] };
      hits?: { id: string }[];
    };
    expect(res.total.turns).toBeGreaterThan(0);
    expect(res.facets.entity.map((e) => e.value)).toContain("RU");
    const api = (await (await app.request("/api/entities/RU")).json()) as {
      entity: { name: string };
      total: { turns: number };
    };
    expect(api.entity.name).toBe("Russian Federation");
    expect(api.total.turns).toBe(res.total.turns);
    const page = await (await app.request("/e/RU")).text();
    expect(page).toContain("<h1>Russian Federation</h1>");
    expect((await app.request("/e/NOPE")).status).toBe(404);
    // The reader marks mentions when asked (?entities=1), and only then.
    const reader = await (await app.request(`/d/${res.hits?.[0]?.id ?? ""}?entities=1`)).text();
    expect(reader).toMatch(/<a class="entity" href="\/e\/RU">/);
    const calm = await (await app.request(`/d/${res.hits?.[0]?.id ?? ""}`)).text();
    expect(calm).not.toContain('class="entity"');
    expect(calm).toContain('class="entity-switch"');
    // The entity facet refines the query with mentions:, like every other facet with its field.
    const results = await (await app.request("/search?q=agreement")).text();
    expect(results).toMatch(/href="\/search\?q=agreement%20mentions%3A/);
    expect(results).not.toContain("undefined");
  });

  it("answers unknown paths with 404: JSON under /api, a page elsewhere", async () => {
    const api = await app.request("/api/nothing");
    expect(api.status).toBe(404);
    expect(((await api.json()) as { code: string }).code).toBe("NOT_FOUND");
    const page = await app.request("/nothing");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("<h1>Not found</h1>");
  });

  it("serves no file by a path that climbs out of the static folder, however it is encoded", async () => {
    for (const path of [
      "/static/..%2f..%2fetc/passwd",
      "/static/../../etc/passwd",
      "/static/%2e%2e/%2e%2e/etc/passwd",
      "/static/..%5c..%5cetc%5cpasswd",
      "/static//etc/passwd",
      "/s/..%2f..%2fetc%2fpasswd",
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("root:");
    }
  });
});
