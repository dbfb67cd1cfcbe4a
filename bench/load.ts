/**
 * npm run bench:load — 200 clients on one `verbatim serve` for 60 s, after a ramp-up of 10 s that
 * is reported apart, while `verbatim ingest` adds documents to the same archive. The archive
 * starts with two of the bench corpus's three tarballs; the ingest brings the third (the White
 * House briefings) during the measured period. Each client is a loop:
 * a request from the mix, its answer read whole, then a pause drawn between 0 and 2 s, as a reader
 * reads (LOAD_THINK_MS sets the longest pause; 0 makes every client a closed loop). The mix: new
 * searches through the JSON API (every one a word not asked before, so the result cache never
 * answers), HTML search pages, reader pages, and API reads (a document, the newest documents, the
 * counts). Errors (any answer but 200, any failed connection), latency percentiles per kind, and
 * the server's memory before, at its peak and after are written to docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { machineLine, writeSection } from "./report.js";
import { startServe } from "./serve-process.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const benchDir = path.resolve(root, "../shared/corpus/bench");
const cli = path.join(root, "bin", "verbatim.js");
if (!existsSync(path.join(root, "dist", "cli", "main.js"))) {
  console.error("build first: npm run build");
  process.exit(1);
}

const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 2000);
/** Seconds of load before the measured period: clients arriving, code paths compiled, caches filled. */
const RAMP_SECONDS = Number(process.env.LOAD_RAMP_SECONDS ?? 10);
/** `serve --processes`: "auto" is one per core, as an operator serving on this machine would. */
const PROCESSES = process.env.LOAD_PROCESSES ?? "auto";

type Kind = "search (JSON API, new words)" | "search page (HTML)" | "reader page" | "API read";
/** Of every 10 requests: 4 new searches, 2 search pages, 3 reader pages, 1 API read. */
const MIX: Kind[] = [
  "search (JSON API, new words)",
  "reader page",
  "search page (HTML)",
  "search (JSON API, new words)",
  "reader page",
  "API read",
  "search (JSON API, new words)",
  "search page (HTML)",
  "reader page",
  "search (JSON API, new words)",
];

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args[0]} exited ${code}`))));
  });
}

/** A process and its children (`serve --processes` starts them), by their parent ids in /proc. */
function processTree(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // Gone since the listing.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++)
    for (const [child, parent] of parentOf) if (parent === tree[i]) tree.push(child);
  return tree;
}

/** VmRSS and VmHWM (each one's peak) summed over a process and its children, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  let rss = 0;
  let peak = 0;
  for (const p of processTree(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
      rss += kb("VmRSS");
      peak += kb("VmHWM");
    } catch {
      // Gone since the listing.
    }
  }
  return { rss: Math.round(rss / 1024), peak: Math.round(peak / 1024) };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

/**
 * One GET, its body read whole: the status, or the error's code. A request on a kept-alive socket
 * the server closed at the same moment (its idle timeout) is sent again once, as browsers and
 * Node's documentation do: that race is the client's to handle, not a server failure.
 */
function get(port: number, urlPath: string, retried = false): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: urlPath, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(String(res.statusCode ?? 0)));
      res.on("error", (e: NodeJS.ErrnoException) => resolve(e.code ?? "error"));
    });
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (req.reusedSocket && e.code === "ECONNRESET" && !retried) resolve(get(port, urlPath, true));
      else resolve(e.code ?? "error");
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number) : 0;

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-load-"));
  const db = path.join(dir, "load.db");
  const started = performance.now();
  await run([
    "ingest",
    "--db",
    db,
    "--no-progress",
    path.join(benchDir, "ungdc.tar.gz"),
    path.join(benchDir, "whitehouse-obama-html.tar.gz"),
  ]);
  console.log(`initial archive in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  const reader = new Database(db, { readonly: true });
  const ids = reader.prepare<[], string>("SELECT id FROM doc_index ORDER BY n LIMIT 2000").pluck().all();
  const words = reader
    .prepare<[], string>(
      "SELECT term FROM turn_vocab WHERE doc BETWEEN 20 AND 5000 AND length(term) > 4 AND term GLOB '[a-z]*' ORDER BY term",
    )
    .pluck()
    .all();
  const documentsBefore = reader
    .prepare<[], number>("SELECT count(*) FROM doc_index")
    .pluck()
    .get() as number;
  reader.close();

  const { port, child: server } = await startServe(db, PROCESSES);
  // First requests: the catalog loaded in every process before any client arrives (40 requests, 8 at a time).
  for (let i = 0; i < 20; i += 4)
    await Promise.all(
      [0, 1, 2, 3].flatMap((k) => [
        get(port, `/api/search?q=${words[i + k]}`),
        get(port, `/d/${encodeURIComponent(ids[i + k] as string)}`),
      ]),
    );
  // With several, the first process starts the others and serves nothing itself.
  const serving = PROCESSES === "1" ? 1 : processTree(server.pid as number).length - 1;

  let nextWord = 20;
  let nextId = 0;
  const pathFor = (kind: Kind): string => {
    const word = words[nextWord++ % words.length] as string;
    const id = encodeURIComponent(ids[nextId++ % ids.length] as string);
    if (kind === "search (JSON API, new words)") return `/api/search?q=${word}`;
    if (kind === "search page (HTML)") return `/search?q=${word}`;
    if (kind === "reader page") return `/d/${id}`;
    return [`/api/documents/${id}`, "/api/documents?limit=20", "/api/stats"][nextId % 3] as string;
  };

  const latencies = new Map<Kind, number[]>(MIX.map((k) => [k, []]));
  /** Answers to requests sent during the ramp-up, reported apart. */
  const rampLatencies: number[] = [];
  const errors = new Map<string, number>();
  let before = memoryOf(server.pid as number);
  let peak = before.peak;
  let sampler: NodeJS.Timeout | null = null;

  // The ramp-up: every client joins, spread over its first pause, and every request kind runs,
  // for RAMP_SECONDS before anything is counted; then the ingest starts and the measured period
  // begins. What the server does while 200 clients arrive at once is reported apart from it.
  const measuredFrom = performance.now() + RAMP_SECONDS * 1000;
  const end = measuredFrom + SECONDS * 1000;
  let ingestStarted = 0;
  let ingestSeconds = 0;
  let ingest: Promise<void> = Promise.resolve();
  const startMeasuring = setTimeout(() => {
    before = memoryOf(server.pid as number);
    peak = before.peak;
    sampler = setInterval(() => {
      peak = Math.max(peak, memoryOf(server.pid as number).rss);
    }, 500);
    ingestStarted = performance.now();
    ingest = run([
      "ingest",
      "--db",
      db,
      "--no-progress",
      path.join(benchDir, "whitehouse-briefings.tar.gz"),
    ]).then(() => {
      ingestSeconds = (performance.now() - ingestStarted) / 1000;
    });
  }, RAMP_SECONDS * 1000);

  let turn = 0;
  const client = async (n: number) => {
    // Clients start spread over the first pause, not all in the same millisecond.
    await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
    while (performance.now() < end) {
      const kind = MIX[(turn++ + n) % MIX.length] as Kind;
      const t = performance.now();
      const status = await get(port, pathFor(kind));
      // Errors count whenever they happen; latencies only in the measured period.
      if (status !== "200") errors.set(status, (errors.get(status) ?? 0) + 1);
      if (t < measuredFrom) rampLatencies.push(performance.now() - t);
      else (latencies.get(kind) as number[]).push(performance.now() - t);
      if (THINK_MS > 0) await new Promise((r) => setTimeout(r, Math.random() * THINK_MS));
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  clearTimeout(startMeasuring);
  const ingestRunning = ingestSeconds === 0;
  await ingest;
  if (sampler) clearInterval(sampler);
  // After: the load over, the ingest finished and its catalog changes read by one more search,
  // then 10 s idle, in which V8 gives back the heap it grew under load (its memory reducer).
  await get(port, `/api/search?q=${words[0]}`);
  await new Promise((r) => setTimeout(r, 10_000));
  const after = memoryOf(server.pid as number);
  peak = Math.max(peak, after.peak);
  server.kill("SIGTERM");
  const check = new Database(db, { readonly: true });
  const documentsAfter = check.prepare<[], number>("SELECT count(*) FROM doc_index").pluck().get() as number;
  check.close();
  rmSync(dir, { recursive: true, force: true });

  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const total = all.length;
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const row = (name: string, list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `| ${name} | ${sorted.length} | ${(sorted.length / SECONDS).toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${percentile(sorted, 100).toFixed(0)} |`;
  };
  const searches = [
    ...(latencies.get("search (JSON API, new words)") as number[]),
    ...(latencies.get("search page (HTML)") as number[]),
  ];
  const lines = [
    "## Load (`npm run bench:load`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    "Target: 0 errors, search p99 under 200 ms, server RSS after the load within 20% of before.",
    `An archive of \`ungdc.tar.gz\` and \`whitehouse-obama-html.tar.gz\` from \`../shared/corpus/bench/\` (${documentsBefore} documents), served by \`verbatim serve --processes ${PROCESSES}\` (${serving} serving process(es); per-client limits off: every client is 127.0.0.1; memory is summed over every process). ${CLIENTS} clients in this process, each a loop: a request, its answer read whole, then a pause drawn between 0 and ${THINK_MS / 1000} s (a request on a kept-alive socket that the server closed at that moment is sent again once, as browsers do). The clients arrive over the first ${THINK_MS / 1000} s and load the server for a ramp-up of ${RAMP_SECONDS} s, whose answers are reported apart (below the table); the table is the ${SECONDS} s after it. Every JSON search asks a word not asked before (no result cache). From the end of the ramp-up, \`verbatim ingest\` adds \`whitehouse-briefings.tar.gz\` to the same archive, at the lower CPU priority every batch command takes (nice 10, its default) (${documentsAfter - documentsBefore} documents, ${ingestRunning ? `still running when the load ended; finished after ${ingestSeconds.toFixed(0)} s` : `${ingestSeconds.toFixed(0)} s`}). The load generator, the server and the ingest share the 2 cores.`,
    "",
    `Requests: ${total} (${(total / SECONDS).toFixed(0)} a second); errors, ramp-up included: ${errorCount}${errorCount ? ` (${[...errors].map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""}.`,
    `Server memory (RSS): ${before.rss} MB before (at the end of the ramp-up), ${peak} MB at the peak, ${after.rss} MB after (the load over and 10 s idle; ${(((after.rss - before.rss) / before.rss) * 100).toFixed(0)}% from before).`,
    "",
    "| requests | count | per second | p50 ms | p95 ms | p99 ms | max ms |",
    "|---|---|---|---|---|---|---|",
    ...[...latencies].map(([kind, list]) => row(kind, list)),
    row("**all searches**", searches),
    row("**all**", all),
    "",
    (() => {
      const ramp = [...rampLatencies].sort((a, b) => a - b);
      return `Ramp-up (${RAMP_SECONDS} s, not in the table): ${ramp.length} requests, p50 ${percentile(ramp, 50).toFixed(1)} ms, p95 ${percentile(ramp, 95).toFixed(1)} ms, p99 ${percentile(ramp, 99).toFixed(1)} ms, max ${percentile(ramp, 100).toFixed(0)} ms.`;
    })(),
  ];
  writeSection("load", lines.join("\n"));
  console.log(lines.join("\n"));
}

await main();
