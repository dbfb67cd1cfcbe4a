/**
 * A small web site on 127.0.0.1 for fetch tests: pages that can be edited or removed between
 * visits, a robots.txt, and faults on demand (slow answers, resets, endless redirects, huge
 * bodies, 5xx, 429 with Retry-After). Every request is recorded.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault =
  | { kind: "status"; status: number; times?: number }
  | { kind: "retry-after"; seconds: number; times?: number }
  | { kind: "reset"; times?: number }
  | { kind: "hang" }
  | { kind: "redirect-loop" }
  | { kind: "huge"; bytes: number };

export interface LocalSite {
  origin: string;
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  pages: Map<string, string | Buffer>;
  /** Content-Type per path, where it is not `text/html; charset=utf-8` (a wrong charset, say). */
  types: Map<string, string>;
  faults: Map<string, Fault>;
  robots: string | null;
  /** Requests for a path so far. */
  count(path: string): number;
  close(): Promise<void>;
}

/** A transcript page: a title, a dateline and a question with its answer, long enough to be a record. */
export function transcriptPage(n: number, extra = ""): string {
  return `<!doctype html><html lang="en"><head><title>Briefing ${n}</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<h1>Press briefing by the spokesperson on topic ${n}, March ${(n % 27) + 1}, 2021</h1>
<p>March ${(n % 27) + 1}, 2021</p>
<p>Question: What is the position on topic ${n}, and what comes next in the talks between the two delegations?</p>
<p>John Smith: On topic ${n} the position is unchanged. The delegations met for ${n + 3} hours and agreed to continue the work next month, with experts from both capitals reviewing every paragraph of the draft.</p>
<p>Question: Will there be a joint statement on topic ${n}?</p>
<p>John Smith: A joint statement is being drafted and will be published once both sides have approved it.${extra}</p>
<footer>Views: ${Math.floor(Math.random() * 1e6)}</footer>
</body></html>`;
}

export function indexPage(paths: string[]): string {
  return `<!doctype html><html><head><title>Briefings</title></head><body><h1>Briefings</h1><ul>${paths
    .map((p) => `<li><a href="${p}">Briefing ${p}</a></li>`)
    .join("")}</ul></body></html>`;
}

/**
 * A site of `pages` transcript pages at /t/1…, listed `perList` to a page at /list/1…, each list
 * linking to the next: what crawls are tested on.
 */
export function startListedSite(pages: number, perList: number): Promise<LocalSite> {
  const paths = Array.from({ length: pages }, (_, i) => `/t/${i + 1}`);
  const lists: Record<string, string> = {};
  for (let k = 0; k < pages / perList; k++)
    lists[`/list/${k + 1}`] = indexPage([...paths.slice(k * perList, (k + 1) * perList), `/list/${k + 2}`]);
  return startLocalSite({ ...lists, ...Object.fromEntries(paths.map((p, i) => [p, transcriptPage(i + 1)])) });
}

export async function startLocalSite(pages: Record<string, string | Buffer> = {}): Promise<LocalSite> {
  const site: LocalSite = {
    origin: "",
    requests: [],
    pages: new Map(Object.entries(pages)),
    types: new Map(),
    faults: new Map(),
    robots: null,
    count: (path) => site.requests.filter((r) => r.path === path).length,
    close: async () => {},
  };
  const sockets = new Set<import("node:net").Socket>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? "/";
    site.requests.push({ path, headers: req.headers });
    const fault = site.faults.get(path);
    if (fault) {
      const times = "times" in fault ? fault.times : undefined;
      if (times !== undefined) {
        if (times <= 0) site.faults.delete(path);
        else site.faults.set(path, { ...fault, times: times - 1 } as Fault);
      }
      if (times === undefined || times > 0) {
        switch (fault.kind) {
          case "status":
            res.writeHead(fault.status).end("fault");
            return;
          case "retry-after":
            res.writeHead(429, { "retry-after": String(fault.seconds) }).end("slow down");
            return;
          case "reset":
            req.socket.destroy();
            return;
          case "hang":
            return;
          case "redirect-loop":
            res.writeHead(302, { location: path }).end();
            return;
          case "huge": {
            res.writeHead(200, { "content-type": "text/html" });
            const chunk = Buffer.alloc(64 * 1024, "a");
            let sent = 0;
            const pump = () => {
              while (sent < fault.bytes) {
                sent += chunk.length;
                if (!res.write(chunk)) return void res.once("drain", pump);
              }
              res.end();
            };
            res.on("error", () => {});
            pump();
            return;
          }
        }
      }
    }
    if (path === "/robots.txt") {
      if (site.robots === null) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": "text/plain" }).end(site.robots);
      return;
    }
    const body = site.pages.get(path);
    if (body === undefined) {
      res.writeHead(404, { "content-type": "text/html" }).end("<html><body>Not found</body></html>");
      return;
    }
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res
      .writeHead(200, { "content-type": site.types.get(path) ?? "text/html; charset=utf-8", etag })
      .end(body);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  site.origin = `http://127.0.0.1:${port}`;
  site.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return site;
}
