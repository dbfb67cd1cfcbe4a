/**
 * npm run bench:serve — indexes ../shared/corpus/bench, serves it with `verbatim serve` in its own
 * process, and loads it from this process with autocannon on loopback: search requests (a fixed
 * rotation of queries through the JSON API and the HTML page) and document pages. Writes requests
 * per second and latency percentiles to docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { machineLine, writeSection } from "./report.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = path.resolve(root, "../shared/corpus");
const benchDir = path.join(corpus, "bench");
if (!existsSync(benchDir)) {
  console.error(`bench corpus missing: ${benchDir}`);
  process.exit(1);
}
const cli = path.join(root, "bin", "verbatim.js");
if (!existsSync(path.join(root, "dist", "cli", "main.js"))) {
  console.error("build first: npm run build");
  process.exit(1);
}

const SEARCHES = [
  "sanctions",
  "nuclear weapons",
  '"territorial integrity"',
  "democra*",
  "vaccine kind:question",
  "pandemic date:2020..2021",
  "Libya",
  "climate change",
  "economy publisher:whitehouse.gov",
  "terrorism",
];
const DURATION = 10;
const CONNECTIONS = 16;

function run(command: string[], env: NodeJS.ProcessEnv = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...command], {
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command[0]} exited ${code}`))));
  });
}

async function load(url: string, paths: string[]) {
  let i = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] as string }),
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    total: result.requests.total,
  };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-serve-"));
  const db = path.join(dir, "bench.db");
  const table = path.join(corpus, "ungdc", "Speakers_by_session.xlsx");
  await run([
    "ingest",
    "--db",
    db,
    "--no-progress",
    "--debate-speakers",
    table,
    path.join(benchDir, "*.tar.gz"),
  ]);
  const reader = new Database(db, { readonly: true });
  const ids = reader.prepare<[], string>("SELECT id FROM doc_index ORDER BY n LIMIT 200").pluck().all();
  // Distinct words of middling frequency: every request a new query, so no result is reused.
  const words = reader
    .prepare<[], string>(
      "SELECT term FROM turn_vocab WHERE doc BETWEEN 50 AND 5000 AND length(term) > 4 AND term GLOB '[a-z]*' ORDER BY term LIMIT 20000",
    )
    .pluck()
    .all();
  reader.close();

  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn(
    process.execPath,
    [cli, "serve", "--db", db, "--port", String(port), "--rate-limit", "0", "--no-examples"],
    {
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve) =>
    server.stdout?.on("data", (d: Buffer) => d.toString().includes("serving") && resolve()),
  );
  const url = `http://127.0.0.1:${port}`;
  // Warm-up: the turn catalog loads on the first search.
  await fetch(`${url}/api/search?q=sanctions`);

  const api = await load(
    url,
    SEARCHES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  );
  const distinct = await load(
    url,
    words.map((w) => `/api/search?q=${encodeURIComponent(w)}`),
  );
  const pages = await load(
    url,
    SEARCHES.map((q) => `/search?q=${encodeURIComponent(q)}`),
  );
  const docs = await load(
    url,
    ids.map((id) => `/d/${id}`),
  );
  server.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });

  const row = (name: string, r: Awaited<ReturnType<typeof load>>) =>
    `| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.total} | ${r.errors} |`;
  const lines = [
    "## Serving (`npm run bench:serve`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    "Target: at least 1,000 search requests per second at p99 under 50 ms on the bench corpus on this 2-core machine.",
    `Corpus: \`../shared/corpus/bench/\` indexed into a fresh archive; \`verbatim serve\` in its own process, loaded over loopback by autocannon from a second process (${CONNECTIONS} connections, ${DURATION} s per row; the load generator shares the 2 cores). Searches rotate through ${SEARCHES.length} queries (words, phrases, prefixes, fields, dates), which the server answers from its result cache after the first time; the distinct-words row sends a different word each time, so every search is computed. Each search returns exact counts, facets and snippets for 20 documents. Documents: the first 200 documents' reader pages.`,
    "",
    "| requests | req/s | p50 ms | p99 ms | requests made | errors |",
    "|---|---|---|---|---|---|",
    row("search, JSON API, 10 queries in rotation (result cache)", api),
    row(`search, JSON API, ${words.length} distinct words (no repeats)`, distinct),
    row("search, HTML page, 10 queries in rotation", pages),
    row("document reader page", docs),
  ];
  writeSection("serve", lines.join("\n"));
  console.log(lines.join("\n"));
}

await main();
