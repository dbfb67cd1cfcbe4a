/**
 * npm run bench:search — indexes ../shared/corpus/bench, then times a fixed set of queries of
 * each kind through Verbatim (parsing, stemming by expansion, filters, exact counts, facets,
 * snippets) and, side by side in the same run, raw FTS5 on the same turn text (a plain FTS5
 * table, count + top 20 by rank, no Verbatim layer), and the same archive copied into PostgreSQL
 * (`verbatim copy`'s record stream; VERBATIM_BENCH_PG names the server, default the machine's
 * database `test`, in a schema made and dropped for the run). Writes p50/p95, index size and the
 * copy's rate to docs/benchmarks.md.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { ingestBatch, poolProcessor } from "../src/ingest/batch.js";
import { IngestPool } from "../src/ingest/parallel/pool.js";
import { DEFAULT_MAX_BYTES } from "../src/ingest/pipeline.js";
import { planSources, readSources } from "../src/ingest/read/sources.js";
import { SpeakerRegistry } from "../src/ingest/speakers/registry.js";
import { withSearch } from "../src/search/engine/with-search.js";
import { parseQuery } from "../src/search/query/parse.js";
import { PgStore } from "../src/store/postgres/pg-store.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { percentile, QUERIES } from "./queries.js";
import { machineLine, writeSection } from "./report.js";

const corpus = path.resolve(fileURLToPath(new URL("../../shared/corpus", import.meta.url)));
const benchDir = path.join(corpus, "bench");
if (!existsSync(benchDir)) {
  console.error(`bench corpus missing: ${benchDir}`);
  process.exit(1);
}

const RUNS = 15;
const WARM_ROUNDS = 3;

async function run() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-search-"));
  const dbPath = path.join(dir, "bench.db");
  const store = withSearch(new SqliteStore({ path: dbPath }));
  const registry = SpeakerRegistry.load();
  await store.putSpeakers(registry.speakers);
  const { files } = await planSources([benchDir]);
  const table = path.join(corpus, "ungdc", "Speakers_by_session.xlsx");
  const pool = new IngestPool(1, {
    registryPath: null,
    debateSpeakersPath: existsSync(table) ? table : null,
    maxBytes: DEFAULT_MAX_BYTES,
  });
  const started = performance.now();
  const report = await ingestBatch(
    readSources(
      files.filter((f) => f.path.endsWith(".tar.gz")),
      { maxBytes: DEFAULT_MAX_BYTES },
    ),
    store,
    poolProcessor(pool),
  );
  await pool.close();
  const ingestSeconds = (performance.now() - started) / 1000;

  // The raw baseline: the same turn text in a plain FTS5 table.
  const raw = new Database(dbPath);
  raw.exec("CREATE VIRTUAL TABLE raw_fts USING fts5(text)");
  raw.exec("INSERT INTO raw_fts (rowid, text) SELECT rowid, text FROM turns");
  const rawCount = raw
    .prepare<[string], number>("SELECT count(*) FROM raw_fts WHERE raw_fts MATCH ?")
    .pluck();
  const rawTop = raw
    .prepare<[string], number>("SELECT rowid FROM raw_fts WHERE raw_fts MATCH ? ORDER BY rank LIMIT 20")
    .pluck();

  const sizes = raw
    .prepare<[], { name: string; bytes: number }>(
      "SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'turn_fts%' OR name LIKE 'doc_fts%' OR name LIKE 'raw_fts%' GROUP BY name",
    )
    .all();
  const indexBytes = sizes.filter((s) => !s.name.startsWith("raw_fts")).reduce((n, s) => n + s.bytes, 0);
  const rawIndexBytes = sizes.filter((s) => s.name.startsWith("raw_fts")).reduce((n, s) => n + s.bytes, 0);
  const textBytes =
    raw.prepare<[], number>("SELECT sum(length(CAST(text AS BLOB))) FROM turns").pluck().get() ?? 0;

  // The same archive in PostgreSQL, copied record by record as `verbatim copy` does.
  const pgBase = process.env.VERBATIM_BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/test";
  const schema = `verbatim_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const pgUrl = new URL(pgBase);
  pgUrl.searchParams.set("options", `-c search_path=${schema}`);
  const postgres = withSearch(await PgStore.open({ url: pgUrl.toString() }));
  const copyStarted = performance.now();
  const copied = await postgres.transfer.importRecords(store.transfer.exportRecords());
  const copySeconds = (performance.now() - copyStarted) / 1000;
  for (const table of ["turns", "doc_index", "vocab", "postings"])
    await admin.query(`VACUUM ANALYZE ${schema}.${table}`);
  console.log(`copied into PostgreSQL in ${copySeconds.toFixed(1)} s`);
  const pgIndexBytes = Number(
    (
      await admin.query(
        `SELECT pg_total_relation_size('${schema}.postings') + pg_total_relation_size('${schema}.vocab') AS n`,
      )
    ).rows[0].n,
  );

  const rows: {
    kind: string;
    query: string;
    turns: number;
    verbatim: number[];
    postgres: number[];
    raw: number[];
  }[] = [];
  // A running server answers with code the JIT has compiled: every query is asked a few times
  // before any is timed, so the first queries timed do not pay for compiling what all of them use.
  for (let round = 0; round < WARM_ROUNDS; round++) {
    for (const q of QUERIES) {
      await store.search(parseQuery(q.verbatim), { limit: 20, facets: true, cache: false });
      await postgres.search(parseQuery(q.verbatim), { limit: 20, facets: true, cache: false });
      rawCount.get(q.raw);
      rawTop.all(q.raw);
    }
  }
  for (const q of QUERIES) {
    const parsed = parseQuery(q.verbatim);
    const first = await store.search(parsed, { limit: 20, facets: true, cache: false });
    const second = await postgres.search(parsed, { limit: 20, facets: true, cache: false });
    if (second.total.turns !== first.total.turns)
      throw new Error(
        `${q.verbatim}: SQLite counts ${first.total.turns} turns, PostgreSQL ${second.total.turns}`,
      );
    rawCount.get(q.raw);
    rawTop.all(q.raw);
    const v: number[] = [];
    const p: number[] = [];
    const r: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await store.search(parseQuery(q.verbatim), { limit: 20, facets: true, cache: false });
      v.push(performance.now() - t);
      t = performance.now();
      await postgres.search(parseQuery(q.verbatim), { limit: 20, facets: true, cache: false });
      p.push(performance.now() - t);
      t = performance.now();
      rawCount.get(q.raw);
      rawTop.all(q.raw);
      r.push(performance.now() - t);
    }
    rows.push({
      kind: q.kind,
      query: q.verbatim,
      turns: first.total.turns,
      verbatim: v.sort((a, b) => a - b),
      postgres: p.sort((a, b) => a - b),
      raw: r.sort((a, b) => a - b),
    });
  }
  raw.close();
  await store.close();
  await postgres.close();
  await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });

  const fmt = (n: number) => n.toFixed(1);
  const kinds = [...new Set(QUERIES.map((q) => q.kind))];
  const all = (key: "verbatim" | "postgres" | "raw") => rows.flatMap((row) => row[key]).sort((a, b) => a - b);
  const lines = [
    "## Search (`npm run bench:search`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    "Target: p95 under 20 ms on the bench corpus, and within 1.5× of raw FTS5 while also returning facets and snippets.",
    `Corpus: \`../shared/corpus/bench/\` (${report.documents} documents, ${(textBytes / 2 ** 20).toFixed(0)} MB of turn text), indexed in ${ingestSeconds.toFixed(1)} s. ` +
      `Every query ran ${WARM_ROUNDS + 1} times before it was timed (${WARM_ROUNDS} rounds over all the queries first, so that the engine runs compiled code, as a running server does, then once more), then ${RUNS} times. Verbatim: parse, stem by vocabulary expansion, filter, exact turn and document counts, six facets, top 20 documents with 3 snippets each. ` +
      "Raw FTS5: a plain `fts5(text)` table over the same turn text in the same file, `count(*)` plus top 20 `ORDER BY rank`; no stemming, fields, facets or snippets.",
    "",
    `PostgreSQL: the same archive copied into PostgreSQL ${(await pgVersion(pgBase)) ?? ""} on this machine (${copied.version ?? 0} document versions in ${copySeconds.toFixed(1)} s, ${((copied.version ?? 0) / copySeconds).toFixed(0)} documents/s), searched through the same engine; every query's count checked equal to SQLite's. Target: PostgreSQL p95 within 2× SQLite's.`,
    "",
    "| query kind | queries | SQLite p50 ms | SQLite p95 ms | PostgreSQL p50 ms | PostgreSQL p95 ms | raw FTS5 p50 ms | raw FTS5 p95 ms | SQLite / raw (p50) | PostgreSQL / SQLite (p95) |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...kinds.map((k) => {
      const ks = rows.filter((row) => row.kind === k);
      const v = ks.flatMap((row) => row.verbatim).sort((a, b) => a - b);
      const p = ks.flatMap((row) => row.postgres).sort((a, b) => a - b);
      const r = ks.flatMap((row) => row.raw).sort((a, b) => a - b);
      return `| ${k} | ${ks.length} | ${fmt(percentile(v, 50))} | ${fmt(percentile(v, 95))} | ${fmt(percentile(p, 50))} | ${fmt(percentile(p, 95))} | ${fmt(percentile(r, 50))} | ${fmt(percentile(r, 95))} | ${(percentile(v, 50) / Math.max(percentile(r, 50), 0.01)).toFixed(2)}× | ${(percentile(p, 95) / Math.max(percentile(v, 95), 0.01)).toFixed(2)}× |`;
    }),
    `| **all** | ${rows.length} | ${fmt(percentile(all("verbatim"), 50))} | ${fmt(percentile(all("verbatim"), 95))} | ${fmt(percentile(all("postgres"), 50))} | ${fmt(percentile(all("postgres"), 95))} | ${fmt(percentile(all("raw"), 50))} | ${fmt(percentile(all("raw"), 95))} | ${(percentile(all("verbatim"), 50) / percentile(all("raw"), 50)).toFixed(2)}× | ${(percentile(all("postgres"), 95) / percentile(all("verbatim"), 95)).toFixed(2)}× |`,
    "",
    "Per query (matching turns; SQLite p50 / PostgreSQL p50 / raw p50 ms):",
    "",
    ...rows.map(
      (row) =>
        `- \`${row.query}\`: ${row.turns} turns; ${fmt(percentile(row.verbatim, 50))} / ${fmt(percentile(row.postgres, 50))} / ${fmt(percentile(row.raw, 50))}`,
    ),
    "",
    `Index size: Verbatim's FTS5 tables ${(indexBytes / 2 ** 20).toFixed(0)} MB (contentless; text is read from the turns table) against ${(textBytes / 2 ** 20).toFixed(0)} MB of raw turn text (${((100 * indexBytes) / textBytes).toFixed(0)}%); the raw baseline's FTS5 table, which keeps its own copy of the text, takes ${(rawIndexBytes / 2 ** 20).toFixed(0)} MB; PostgreSQL's postings and vocabulary take ${(pgIndexBytes / 2 ** 20).toFixed(0)} MB.`,
  ];
  writeSection("search", lines.join("\n"));
  console.log(lines.join("\n"));
}

async function pgVersion(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    return String((await c.query("SHOW server_version")).rows[0].server_version).split(" ")[0] ?? null;
  } catch {
    return null;
  } finally {
    await c.end().catch(() => {});
  }
}

await run();
