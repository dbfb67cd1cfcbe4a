/**
 * npm run bench:serve — indexes ../shared/corpus/bench, serves it with `verbatim serve` in its own
 * process, and loads it from this process with autocannon on loopback: search requests (a fixed
 * rotation of queries through the JSON API and the HTML page) and document pages. Then the same
 * archive copied into PostgreSQL (`verbatim copy`; VERBATIM_BENCH_PG names the server, default the
 * machine's database `test`, in a schema made and dropped for the run), and `serve --processes 1`
 * and `2` over each backend. Writes requests per second and latency
 * percentiles to docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { machineLine, writeSection } from "./report.js";
import { startServe } from "./serve-process.js";

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

async function load(urls: string[], paths: string[]) {
  // One autocannon per server, the connections shared between them, run at the same time.
  const results = await Promise.all(
    urls.map((url, n) => {
      let i = n;
      return autocannon({
        url,
        connections: Math.max(1, Math.round(CONNECTIONS / urls.length)),
        duration: DURATION,
        requests: [
          {
            setupRequest: (req) => {
              const next = paths[i % paths.length] as string;
              i += urls.length;
              return { ...req, path: next };
            },
          },
        ],
      });
    }),
  );
  const total = results.reduce((n, r) => n + r.requests.total, 0);
  return {
    rps: results.reduce((n, r) => n + r.requests.average, 0),
    // The slowest server's percentiles: what a reader behind the busiest process sees.
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((n, r) => n + r.errors + r.non2xx, 0),
    total,
  };
}

/** `verbatim serve --processes N` over the archive: one port, N processes behind it. */
async function startServers(db: string, count: number): Promise<{ urls: string[]; stop: () => void }> {
  const { port, child } = await startServe(db, String(count));
  const url = `http://127.0.0.1:${port}`;
  // Warm-up: each process loads the turn catalog on its first search; requests at once open
  // connections enough to reach every process.
  await Promise.all(Array.from({ length: 4 * count }, () => fetch(`${url}/api/search?q=sanctions`)));
  return { urls: [url], stop: () => child.kill("SIGTERM") };
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

  const single = await startServers(db, 1);
  const api = await load(
    single.urls,
    SEARCHES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  );
  const distinct = await load(
    single.urls,
    words.map((w) => `/api/search?q=${encodeURIComponent(w)}`),
  );
  const pages = await load(
    single.urls,
    SEARCHES.map((q) => `/search?q=${encodeURIComponent(q)}`),
  );
  const docs = await load(
    single.urls,
    ids.map((id) => `/d/${id}`),
  );
  single.stop();

  // The same archive in PostgreSQL.
  const pgBase = process.env.VERBATIM_BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/test";
  const schema = `verbatim_serve_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pgUrl = new URL(pgBase);
  pgUrl.searchParams.set("options", `-c search_path=${schema}`);
  const copyStarted = performance.now();
  await run(["copy", db, pgUrl.toString(), "--no-progress"]);
  const copySeconds = (performance.now() - copyStarted) / 1000;
  for (const table of ["turns", "doc_index", "vocab", "documents", "postings"])
    await admin.query(`VACUUM ANALYZE ${schema}.${table}`);

  const scaling: {
    backend: string;
    processes: number;
    distinct: Awaited<ReturnType<typeof load>>;
    docs: Awaited<ReturnType<typeof load>>;
  }[] = [];
  for (const [backend, location] of [
    ["SQLite", db],
    ["PostgreSQL", pgUrl.toString()],
  ] as const) {
    for (const processes of [1, 2]) {
      const servers = await startServers(location, processes);
      const d = await load(
        servers.urls,
        words.map((w) => `/api/search?q=${encodeURIComponent(w)}`),
      );
      const p = await load(
        servers.urls,
        ids.map((id) => `/d/${id}`),
      );
      servers.stop();
      scaling.push({ backend, processes, distinct: d, docs: p });
    }
  }
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
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
    "",
    `### SQLite and PostgreSQL, \`serve --processes 1\` and \`2\``,
    "",
    `The same archive copied into PostgreSQL ${await pgVersion(pgBase)} on this machine with \`verbatim copy\` (${copySeconds.toFixed(0)} s). Each row starts \`verbatim serve --processes N\` over the archive: N processes behind one port, each with its own result cache (${CONNECTIONS} connections, ${DURATION} s per row). Target: serving that grows with the number of processes. The machine has 2 cores, which the load generator and PostgreSQL share with the servers.`,
    "",
    "| backend | serve processes | distinct searches req/s | p50 ms | p99 ms | errors | reader pages req/s | p50 ms | p99 ms | errors |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...scaling.map(
      (r) =>
        `| ${r.backend} | ${r.processes} | ${r.distinct.rps.toFixed(0)} | ${r.distinct.p50} | ${r.distinct.p99} | ${r.distinct.errors} | ${r.docs.rps.toFixed(0)} | ${r.docs.p50} | ${r.docs.p99} | ${r.docs.errors} |`,
    ),
  ];
  writeSection("serve", lines.join("\n"));
  console.log(lines.join("\n"));
}

async function pgVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    return String((await c.query("SHOW server_version")).rows[0].server_version).split(" ")[0] ?? "";
  } catch {
    return "";
  } finally {
    await c.end().catch(() => {});
  }
}

await main();
