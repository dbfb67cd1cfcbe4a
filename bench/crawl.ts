/**
 * `npm run bench:crawl`: `verbatim crawl` end to end (fetch, WARC, read, store, link) against a
 * local site of generated transcript pages on 127.0.0.1, with politeness off for loopback
 * (`--delay 0 --per-host 64`). Pages per second and the crawler's peak RSS, for a small, a large and
 * a larger site, so that memory can be seen to stay flat; written to docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { machineLine, writeSection } from "./report.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PER_LIST = 100;
const TOPICS = [
  "grain exports",
  "the Black Sea",
  "visa rules",
  "energy prices",
  "the Arctic",
  "trade routes",
];

function page(n: number): string {
  const topic = TOPICS[n % TOPICS.length];
  const qa = Array.from(
    { length: 2 + (n % 4) },
    (_, k) =>
      `<p>Question: What is the position on ${topic}, item ${n}.${k}, after the talks of this week?</p><p>John Smith: On item ${n}.${k} the position is unchanged; ${n * 7 + k} experts continue the work on ${topic}, and a joint statement will follow once both sides have approved the text.</p>`,
  ).join("");
  return `<!doctype html><html lang="en"><head><title>Briefing ${n}</title></head><body><nav><a href="/list/1">Briefings</a></nav><h1>Press briefing by the spokesperson on ${topic}, number ${n}, March ${(n % 28) + 1}, 2021</h1><p>March ${(n % 28) + 1}, 2021</p>${qa}<footer>Views: ${n * 31}</footer></body></html>`;
}

function site(pages: number): Promise<{ origin: string; close: () => Promise<void> }> {
  const lists = Math.ceil(pages / PER_LIST);
  const server = http.createServer((req, res) => {
    const url = req.url ?? "/";
    let m = /^\/list\/(\d+)$/.exec(url);
    if (m) {
      const k = Number(m[1]);
      const links = Array.from({ length: PER_LIST }, (_, i) => (k - 1) * PER_LIST + i + 1)
        .filter((n) => n <= pages)
        .map((n) => `<li><a href="/t/${n}">Briefing ${n}</a></li>`)
        .join("");
      const next = k < lists ? `<a href="/list/${k + 1}">next</a>` : "";
      res
        .writeHead(200, { "content-type": "text/html; charset=utf-8" })
        .end(`<html><body><ul>${links}</ul>${next}</body></html>`);
      return;
    }
    m = /^\/t\/(\d+)$/.exec(url);
    if (m && Number(m[1]) <= pages) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page(Number(m[1])));
      return;
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

interface Run {
  pages: number;
  fetched: number;
  stored: number;
  failed: number;
  seconds: number;
  peakRssMb: number;
  warcMb: number;
  dbMb: number;
}

async function crawlRun(pages: number): Promise<Run> {
  const s = await site(pages);
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-crawl-"));
  const db = path.join(dir, "archive.db");
  const args = [
    "-f",
    "%M",
    process.execPath,
    // For profiling only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
    ...(process.env.BENCH_CRAWL_NODE_FLAGS ?? "").split(" ").filter(Boolean),
    path.join(ROOT, "bin", "verbatim.js"),
    "crawl",
    `${s.origin}/list/1`,
    "--db",
    db,
    "--max-pages",
    String(pages + Math.ceil(pages / PER_LIST) + 10),
    "--delay",
    "0",
    "--per-host",
    "64",
    "--concurrency",
    "32",
    "--no-progress",
    "--json",
    // For experiments only (the recorded figures use the defaults): e.g. "--workers 0 --no-enrich".
    ...(process.env.BENCH_CRAWL_FLAGS ?? "").split(" ").filter(Boolean),
  ];
  const started = process.hrtime.bigint();
  const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number | null }>(
    (resolve) => {
      const child = spawn("/usr/bin/time", args, { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => {
        out += d;
      });
      child.stderr.on("data", (d) => {
        err += d;
      });
      child.on("close", (c) => resolve({ stdout: out, stderr: err, code: c }));
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await s.close();
  if (code !== 0 && code !== 1) throw new Error(`crawl failed (${code}): ${stderr}`);
  const report = JSON.parse(stdout) as { pages: number; inserted: number; failed: number };
  const rssKb = Number(stderr.trim().split("\n").pop());
  const warcDir = path.join(dir, "archive.warc");
  const warcBytes = readdirSync(warcDir).reduce((n, f) => n + statSync(path.join(warcDir, f)).size, 0);
  const dbBytes = statSync(db).size;
  rmSync(dir, { recursive: true, force: true });
  return {
    pages,
    fetched: report.pages,
    stored: report.inserted,
    failed: report.failed,
    seconds,
    peakRssMb: rssKb / 1024,
    warcMb: warcBytes / 2 ** 20,
    dbMb: dbBytes / 2 ** 20,
  };
}

const sizes = (process.env.BENCH_CRAWL_PAGES ?? "2000,10000,30000").split(",").map(Number);
const runs: Run[] = [];
for (const n of sizes) {
  const r = await crawlRun(n);
  runs.push(r);
  console.log(JSON.stringify(r));
}
const lines = [
  "## Crawl (`npm run bench:crawl`)",
  "",
  `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
  "",
  "Target: at least 300 pages/s end to end on this 2-core machine with politeness off for loopback, memory flat.",
  `\`verbatim crawl\` as a separate process (default workers and enrichment, \`--delay 0 --per-host 64 --concurrency 32\`) against a site on 127.0.0.1 served by the benchmark process: listing pages of ${PER_LIST} links each, chained by "next" links, and generated transcript pages (2–5 questions and answers). Every response is written to WARC, read by the HTML reader, enriched, stored and indexed; language versions are linked at the end. Peak RSS is the crawler process's (\`/usr/bin/time -f %M\`), worker threads included. The server runs on the same two cores. Startup (worker threads, speaker registry, gazetteer: a few seconds) weighs on the small site's rate; memory is flat when the largest site's peak is close to the large one's (a small run ends before the heaps' first full collections).`,
  "",
  "| transcript pages | pages fetched | documents stored | failed | wall time | pages/s | peak RSS | WARC | archive |",
  "|---|---|---|---|---|---|---|---|---|",
  ...runs.map(
    (r) =>
      `| ${r.pages} | ${r.fetched} | ${r.stored} | ${r.failed} | ${r.seconds.toFixed(1)} s | ${(r.fetched / r.seconds).toFixed(0)} | ${r.peakRssMb.toFixed(0)} MB | ${r.warcMb.toFixed(1)} MB | ${r.dbMb.toFixed(1)} MB |`,
  ),
];
writeSection("crawl", lines.join("\n"));
console.log(lines.join("\n"));
