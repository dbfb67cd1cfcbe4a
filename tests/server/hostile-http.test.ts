/**
 * The server under hostile requests: generated queries, parameters out of range, tokens that are
 * almost right, more searches than it runs at once, searches slower than the time limit, a client
 * over its search budget, and a client that sends its headers a byte at a time. Every refusal is a
 * catalog code with a request id, never a 5xx of the server's own making, and the server goes on
 * answering everyone else.
 */
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERRORS } from "../../src/errors/catalog.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { appFor, TOKEN } from "../support/app.js";
import { verbatim } from "../support/cli.js";
import { makeTranscript } from "../support/documents.js";
import { hostileQuery, INJECTIONS } from "../support/hostile-queries.js";

/** A refusal as the catalog says it must look: its code's status, a message, the request's id. */
async function expectCodedRefusal(res: Response, what: string): Promise<string> {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(600);
  const body = (await res.json()) as { code: keyof typeof ERRORS; message: string; requestId: string };
  expect(Object.keys(ERRORS), what).toContain(body.code);
  expect(ERRORS[body.code].status, what).toBe(res.status);
  expect(ERRORS[body.code].kind, what).toBe("user");
  expect(body.message.length, what).toBeGreaterThan(0);
  expect(body.requestId, what).toBe(res.headers.get("x-request-id"));
  return body.code;
}

/** A store whose searches take `ms` first, as a search over a large archive does. */
function slowSearches(store: DocumentStore, ms: number): DocumentStore {
  const slow = Object.create(store) as DocumentStore;
  slow.search = async (...args) => {
    await new Promise((r) => setTimeout(r, ms));
    return store.search(...args);
  };
  return slow;
}

describe("the server under hostile requests", () => {
  let store: DocumentStore;

  beforeAll(async () => {
    store = withSearch(new SqliteStore({ path: ":memory:" }));
    await store.putBatch([
      {
        raw: null,
        documents: [
          makeTranscript({
            id: "hostile-1",
            turns: [
              { text: "Sanctions against the ministry were discussed." },
              { text: "Talks on grain exports." },
            ],
          }),
        ],
      },
    ]);
  });
  afterAll(async () => {
    await store.close();
  });

  it("answers 300 generated hostile queries with results or coded 4xx refusals, never a 5xx", async () => {
    const app = appFor(store);
    const queries = fc.sample(hostileQuery, { numRuns: 300 - INJECTIONS.length - 4, seed: 20261205 });
    const statuses = new Map<number, number>();
    // As bytes on the wire (a lone surrogate goes as UTF-8's replacement), and a few byte
    // sequences no string makes: invalid UTF-8, a bare %, a % with no hex after it.
    const wire = [...INJECTIONS, ...queries].map((q) =>
      [...Buffer.from(q, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""),
    );
    wire.unshift("%FF%FE", "%ED%A0%80", "%", "%zz");
    for (const q of wire) {
      const res = await app.request(`/api/search?q=${q}`);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status === 200) expect(((await res.json()) as { total: unknown }).total, q).toBeDefined();
      else {
        expect(res.status, q).toBeLessThan(500);
        await expectCodedRefusal(res, q);
      }
    }
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(300);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
  });

  it("refuses parameters out of range, a query over the length limit and a forged cursor with coded 400s", async () => {
    const app = appFor(store);
    for (const url of [
      `/api/search?q=${"a".repeat(1001)}`,
      "/api/search?q=",
      "/api/search?q=sanctions&limit=0",
      "/api/search?q=sanctions&limit=1000000",
      "/api/search?q=sanctions&limit=-5",
      "/api/search?q=sanctions&sort=rowid;DROP",
      `/api/search?q=sanctions&cursor=${"A".repeat(401)}`,
      "/api/search?q=sanctions&cursor=not-a-cursor",
      "/api/documents?limit=999999",
      "/api/concordance?q=sanctions&limit=99999999",
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBe(400);
      await expectCodedRefusal(res, url);
    }
  });

  it("refuses writes with no token, a wrong token of the same length, a longer one and a prefix of it", async () => {
    const app = appFor(store);
    const wrong = TOKEN.replace(/.$/, (c) => (c === "x" ? "y" : "x"));
    for (const authorization of [
      undefined,
      `Bearer ${wrong}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, 5)}`,
      "Basic abc",
    ]) {
      const res = await app.request("/api/documents/hostile-1", {
        method: "DELETE",
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, authorization).toBe(401);
      expect(await expectCodedRefusal(res, String(authorization))).toBe("UNAUTHORIZED");
    }
    expect(await store.get("hostile-1")).not.toBeNull();
  });

  it("answers SERVER_BUSY with Retry-After beyond the searches it runs and queues, and serves pages meanwhile", async () => {
    const app = appFor(slowSearches(store, 300), { maxConcurrentSearches: 2, maxQueuedSearches: 2 });
    const searches = Array.from({ length: 7 }, (_, i) => app.request(`/api/search?q=sanctions+${i}`));
    // A page that does not search is not held behind them.
    const page = await app.request("/api/stats");
    expect(page.status).toBe(200);
    const answers = await Promise.all(searches);
    const busy = answers.filter((r) => r.status === 503);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(4);
    expect(busy).toHaveLength(3);
    for (const res of busy) {
      expect(res.headers.get("retry-after")).toBe("1");
      expect(await expectCodedRefusal(res, "busy")).toBe("SERVER_BUSY");
    }
    // Once they end, searches are answered again.
    expect((await app.request("/api/search?q=sanctions")).status).toBe(200);
  });

  it("answers REQUEST_TIMEOUT to a search slower than the limit, and the next search normally", async () => {
    const app = appFor(slowSearches(store, 400), { requestTimeoutMs: 100 });
    const res = await app.request("/api/search?q=sanctions");
    expect(res.status).toBe(503);
    expect(await expectCodedRefusal(res, "timeout")).toBe("REQUEST_TIMEOUT");
    const fast = appFor(store, { requestTimeoutMs: 1000 });
    expect((await fast.request("/api/search?q=sanctions")).status).toBe(200);
  });

  it("gives searches a per-client budget of their own, leaving reader pages open", async () => {
    const app = appFor(store, { searchRateLimitPerMinute: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await app.request(`/api/search?q=talks+${i}`)).status);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect((await app.request("/search?q=talks")).status).toBe(429);
    expect((await app.request("/d/hostile-1")).status).toBe(200);
  });

  it("closes a connection that sends its headers a byte at a time, and answers others meanwhile", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "verbatim-slow-client-"));
    const port = 19000 + Math.floor(Math.random() * 900);
    let stop = () => {};
    const served = new Promise<void>((resolve, reject) => {
      const running = verbatim(
        ["serve", "--db", path.join(dir, "slow.db"), "--create", "--no-examples", "--port", String(port)],
        {
          killWhen: () =>
            new Promise<void>((r) => {
              stop = r;
            }),
          env: { VERBATIM_DB: undefined },
        },
      );
      running.then(() => resolve(), reject);
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${base}/api/stats`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    try {
      const started = Date.now();
      const closed = new Promise<{ ms: number; answer: string }>((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        let answer = "";
        socket.setEncoding("utf8");
        socket.on("data", (d: string) => {
          answer += d;
        });
        socket.on("close", () => resolve({ ms: Date.now() - started, answer }));
        socket.on("error", () => {});
        const request = "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        let i = 0;
        const drip = setInterval(() => {
          if (socket.destroyed) return clearInterval(drip);
          socket.write(request[i] ?? "a");
          i++;
        }, 500);
      });
      // Others are served while it drips.
      expect((await fetch(`${base}/api/stats`)).status).toBe(200);
      const { ms, answer } = await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(ms).toBeLessThan(25_000);
      expect((await fetch(`${base}/api/stats`)).status).toBe(200);
    } finally {
      stop();
      await served;
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
