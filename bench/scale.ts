/**
 * npm run bench:scale — how Verbatim's costs grow with the archive. For each step (1×, 4×, 16×
 * the bench corpus by default; BENCH_SCALE_STEPS="1,4,16,64" to choose), a fresh SQLite archive
 * is filled with that many copies of ../shared/corpus/bench, then measured: ingest rate, peak
 * memory, size on disk, search p50/p95 per query kind (uncached, through the engine), and the
 * resident memory of `verbatim serve` over it after answering every query once.
 *
 * Copies are synthesised from the documents read, so nothing deduplicates: each copy has its own
 * ids, source URLs, dates (a year earlier per copy) and text (in some words of each paragraph
 * two letters change places, where the copy number says, which keeps every offset, so the
 * enrichment of the original applies to each copy). Raw inputs are kept once, for the original.
 *
 * BENCH_SCALE_KEEP=DIR keeps each step's archive in DIR (scale-4x.db...) for measuring after.
 *
 * PostgreSQL: the steps in BENCH_SCALE_PG_STEPS (default "1"; empty for none) are measured again
 * on a fresh schema of the database VERBATIM_BENCH_PG names (default: the machine's `test`),
 * ingested directly, then dropped. Its rows count the Node process only: PostgreSQL's own server
 * memory is not in them. A PostgreSQL ingest of the 1× corpus takes minutes, not seconds, here,
 * so larger steps are left to whoever has the time.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import pg from "pg";
import { defaultWorkers } from "../src/cli/processing.js";
import { ingestBatch, type Processor, poolProcessor } from "../src/ingest/batch.js";
import { IngestPool } from "../src/ingest/parallel/pool.js";
import { startBatchWork } from "../src/ingest/parallel/priority.js";
import { DEFAULT_MAX_BYTES } from "../src/ingest/pipeline.js";
import { planSources, readSources } from "../src/ingest/read/sources.js";
import { SpeakerRegistry } from "../src/ingest/speakers/registry.js";
import type { Document } from "../src/model/document.js";
import type { Enrichment } from "../src/model/enrichment.js";
import { withSearch } from "../src/search/engine/with-search.js";
import { parseQuery } from "../src/search/query/parse.js";
import { PgStore } from "../src/store/postgres/pg-store.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { percentile, QUERIES } from "./queries.js";
import { machineLine, writeSection } from "./report.js";

const root = path.resolve(fileURLToPath(new URL("..", import.meta.url)));
const corpus = path.resolve(root, "../shared/corpus");
const benchDir = path.join(corpus, "bench");
if (!existsSync(benchDir)) {
  console.error(`bench corpus missing: ${benchDir}`);
  process.exit(1);
}
const cli = path.join(root, "dist/cli/main.js");
if (!existsSync(cli)) {
  console.error("dist/ is missing: run `npm run build` first (npm run bench:scale does)");
  process.exit(1);
}

const MB = 1024 * 1024;
const STEPS = (process.env.BENCH_SCALE_STEPS ?? "1,4,16").split(",").filter(Boolean).map(Number);
const PG_STEPS = (process.env.BENCH_SCALE_PG_STEPS ?? "1").split(",").filter(Boolean).map(Number);
const PG_BASE = process.env.VERBATIM_BENCH_PG ?? "postgresql://postgres@127.0.0.1:5432/test";
const WORKERS = Number(process.env.BENCH_WORKERS ?? defaultWorkers());
const RUNS = 7;
const WARM_ROUNDS = 3;

/** A copy's words: in some words of four letters or more, two letters change places; lengths stay. */
function garble(text: string, copy: number): string {
  if (copy === 0) return text;
  return text.replace(/\p{L}{4,}/gu, (word) => {
    let h = copy;
    for (let i = 0; i < word.length; i++) h = (h * 31 + word.charCodeAt(i)) >>> 0;
    if (h % 3 !== 0) return word;
    const at = 1 + (copy % (word.length - 2));
    const a = word.charCodeAt(at);
    const b = word.charCodeAt(at + 1);
    // Only letters of the basic plane: a surrogate half must stay beside its partner.
    if (a === b || (a >= 0xd800 && a <= 0xdfff) || (b >= 0xd800 && b <= 0xdfff)) return word;
    return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  });
}

const earlier = (value: string | null, years: number) =>
  value?.replace(/^(\d{4})/, (y) => String(Number(y) - years).padStart(4, "0")) ?? null;

function copyOf(doc: Document, copy: number): Document {
  if (copy === 0) return doc;
  const tag = `x${copy}`;
  return {
    ...doc,
    id: `${doc.id}-${tag}`,
    title: garble(doc.title, copy),
    sourceUrl: doc.sourceUrl ? `${doc.sourceUrl}#${tag}` : null,
    publisherRef: doc.publisherRef ? `${doc.publisherRef}-${tag}` : null,
    when: { ...doc.when, date: earlier(doc.when.date, copy), dateTime: earlier(doc.when.dateTime, copy) },
    turns: doc.turns.map((t) => ({ ...t, paragraphs: t.paragraphs.map((p) => garble(p, copy)) })),
    provenance: { ...doc.provenance, source: `${doc.provenance.source}#${tag}` },
  };
}

/** Each input read once, stored as `copies` documents (the enrichment of the original for each). */
function multiplied(inner: Processor, copies: number): Processor {
  return async (input) => {
    const read = await inner(input);
    if (!read.ok) return read;
    const documents: Document[] = [];
    const enrichments: Enrichment[] = [];
    for (let c = 0; c < copies; c++) {
      read.documents.forEach((doc, i) => {
        const copy = copyOf(doc, c);
        documents.push(copy);
        const e = read.enrichments?.[i];
        if (e) enrichments.push({ ...e, documentId: copy.id });
      });
    }
    return { ...read, documents, ...(read.enrichments ? { enrichments } : {}) };
  };
}

type Searchable = ReturnType<typeof withSearch>;

interface Step {
  backend: "SQLite" | "PostgreSQL";
  copies: number;
  documents: number;
  turns: number;
  ingestSeconds: number;
  peakRss: number;
  dbBytes: number;
  /** Per query kind: timings in ms, sorted. */
  search: Map<string, number[]>;
  serveRss: number;
  serveStartSeconds: number;
}

async function ingest(copies: number, store: Searchable) {
  const registry = SpeakerRegistry.load();
  const table = path.join(corpus, "ungdc", "Speakers_by_session.xlsx");
  const { files } = await planSources([benchDir]);
  const archives = files.filter((f) => /\.tar\.gz$/.test(f.path));
  await store.putSpeakers(registry.speakers);
  let peakRss = 0;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const started = performance.now();
  const pool = new IngestPool(WORKERS, {
    registryPath: null,
    debateSpeakersPath: existsSync(table) ? table : null,
    maxBytes: DEFAULT_MAX_BYTES,
    enrich: true,
  });
  const report = await ingestBatch(
    readSources(archives, { maxBytes: DEFAULT_MAX_BYTES }),
    store,
    multiplied(poolProcessor(pool), copies),
  );
  await pool.close();
  const ingestSeconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  const counts = await store.counts();
  return { report, ingestSeconds, peakRss, turns: counts.turns };
}

async function timeSearches(store: Searchable): Promise<Map<string, number[]>> {
  const byKind = new Map<string, number[]>();
  // A running server answers with code the JIT has compiled: every query is asked a few times
  // before any is timed.
  for (let round = 0; round < WARM_ROUNDS; round++)
    for (const q of QUERIES) await store.search(parseQuery(q.verbatim), { cache: false });
  for (const q of QUERIES) {
    const query = parseQuery(q.verbatim);
    await store.search(query, { cache: false });
    const list = byKind.get(q.kind) ?? [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await store.search(query, { cache: false });
      list.push(performance.now() - t);
    }
    byKind.set(q.kind, list);
  }
  for (const list of byKind.values()) list.sort((a, b) => a - b);
  return byKind;
}

/** `verbatim serve` over the archive: how long it takes to answer, and its peak resident memory after every query once. */
async function serveMemory(location: string): Promise<{ rss: number; startSeconds: number }> {
  const port = 18_000 + Math.floor(Math.random() * 1000);
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "serve", "--db", location, "--port", String(port)],
    {
      stdio: "ignore",
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  try {
    for (;;) {
      try {
        if ((await fetch(`${base}/api/search?q=warm`)).ok) break;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 600_000) throw new Error("serve did not answer in 10 minutes");
      await new Promise((r) => setTimeout(r, 200));
    }
    const startSeconds = (performance.now() - started) / 1000;
    for (const q of QUERIES)
      await (await fetch(`${base}/api/search?q=${encodeURIComponent(q.verbatim)}`)).text();
    const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    return { rss: hwm, startSeconds };
  } finally {
    child.kill();
  }
}

/** Moves an archive out of the temporary folder; copies it when DIR is on another file system. */
function keepArchive(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    copyFileSync(from, to);
  }
}

/** Where a step's archive lives, and what only its backend knows how to do. */
interface Archive {
  backend: Step["backend"];
  /** What `verbatim serve --db` is given. */
  location: string;
  open(): Promise<Searchable>;
  /** After the ingest, before the searches: what an operator does after a bulk load. */
  settle(): Promise<void>;
  bytes(): Promise<number>;
}

/** One step on one backend: ingest, searches, size on disk, then a server over it. */
async function measure(copies: number, archive: Archive): Promise<Step> {
  // The ingest as `verbatim ingest` runs it (priority.ts: heaps kept near what they hold alive),
  // the searches after it with V8's own heap growth, as `verbatim serve` runs them.
  startBatchWork();
  const store = await archive.open();
  const { report, ingestSeconds, peakRss, turns } = await ingest(copies, store);
  v8.setFlagsFromString("--heap-growing-percent=0");
  await archive.settle();
  const search = await timeSearches(store);
  await store.close();
  const dbBytes = await archive.bytes();
  const serve = await serveMemory(archive.location);
  console.log(
    `${copies}× ${archive.backend}: ${report.documents} documents in ${ingestSeconds.toFixed(0)} s`,
  );
  return {
    backend: archive.backend,
    copies,
    documents: report.documents,
    turns,
    ingestSeconds,
    peakRss,
    dbBytes,
    search,
    serveRss: serve.rss,
    serveStartSeconds: serve.startSeconds,
  };
}

/** A step on a fresh SQLite archive in a temporary folder (kept in BENCH_SCALE_KEEP if set). */
async function step(copies: number): Promise<Step> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-scale-"));
  const dbPath = path.join(dir, "scale.db");
  try {
    return await measure(copies, {
      backend: "SQLite",
      location: dbPath,
      open: async () => withSearch(new SqliteStore({ path: dbPath })),
      settle: async () => {},
      bytes: async () =>
        statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0),
    });
  } finally {
    const keep = process.env.BENCH_SCALE_KEEP;
    if (keep) keepArchive(dbPath, path.join(keep, `scale-${copies}x.db`));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same step on a fresh PostgreSQL schema, dropped afterwards. */
async function pgStep(copies: number): Promise<Step> {
  const schema = `verbatim_scale_${copies}x_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    const url = new URL(PG_BASE);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return await measure(copies, {
      backend: "PostgreSQL",
      location: url.toString(),
      open: async () => withSearch(await PgStore.open({ url: url.toString() })),
      // The planner's statistics, as after any bulk load.
      settle: async () => {
        for (const table of ["turns", "doc_index", "vocab", "postings"])
          await admin.query(`VACUUM ANALYZE ${schema}.${table}`);
      },
      bytes: async () =>
        Number(
          (
            await admin.query(
              "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')",
              [schema],
            )
          ).rows[0].bytes,
        ),
    });
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await admin.end();
  }
}

const growth = (now: number, before: number | undefined) =>
  before === undefined || before === 0 ? "" : ` (${(now / before).toFixed(2)}×)`;

async function run() {
  const steps: Step[] = [];
  // PostgreSQL first: a database that cannot be reached fails the run before the long SQLite steps.
  const pgSteps: Step[] = [];
  for (const copies of PG_STEPS) pgSteps.push(await pgStep(copies));
  for (const copies of STEPS) steps.push(await step(copies));
  steps.push(...pgSteps);
  const kinds = [...new Set(QUERIES.map((q) => q.kind))];
  const all = (s: Step) => [...s.search.values()].flat().sort((a, b) => a - b);
  const lines = [
    "## Scale (`npm run bench:scale`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    "Targets (issue 18): the last step's ingest rate within 20% of the first's; search p95 under 50 ms and server RSS under 1 GiB at the largest step.",
    `${STEPS.length ? `Archives of ${STEPS.join("×, ")}× the bench corpus (\`../shared/corpus/bench/\`), each a fresh SQLite archive` : "No SQLite archive in this run (BENCH_SCALE_STEPS empty); archives of the bench corpus (`../shared/corpus/bench/`)"}: every input read once (${WORKERS} worker threads, enrichment on) and stored as that many documents, the copies with their own ids, URLs, dates and text (in some words two letters change places), so nothing deduplicates; raw inputs kept once. Search: the ${QUERIES.length} queries of bench:search through the engine, uncached, each ${RUNS} times after ${WARM_ROUNDS} rounds over all of them and one more run of its own. Serve: \`verbatim serve\` over the archive, its peak resident memory after answering each query once. ${PG_STEPS.length ? `PostgreSQL (${PG_STEPS.join("×, ")}×): the same on a fresh schema of PostgreSQL ${"`"}${new URL(PG_BASE).host}${"`"}, ingested directly, its tables vacuumed and analysed before the searches; disk is the schema's tables and indexes; RSS is the Node process's only, not the database server's.` : "PostgreSQL is not measured in this run."} In brackets: the growth over the same backend's step before.`,
    "",
    "| backend | step | documents | turns | ingest docs/s | ingest peak RSS MB | disk MB | search p50 ms | search p95 ms | serve ready s | serve RSS MB |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
    ...steps.map((s, i) => {
      const b = steps.slice(0, i).findLast((x) => x.backend === s.backend);
      const rate = s.documents / s.ingestSeconds;
      const p50 = percentile(all(s), 50);
      const p95 = percentile(all(s), 95);
      return `| ${s.backend} | ${s.copies}× | ${s.documents} | ${s.turns} | ${rate.toFixed(0)}${growth(rate, b && b.documents / b.ingestSeconds)} | ${(s.peakRss / MB).toFixed(0)}${growth(s.peakRss, b?.peakRss)} | ${(s.dbBytes / MB).toFixed(0)}${growth(s.dbBytes, b?.dbBytes)} | ${p50.toFixed(1)}${growth(p50, b && percentile(all(b), 50))} | ${p95.toFixed(1)}${growth(p95, b && percentile(all(b), 95))} | ${s.serveStartSeconds.toFixed(1)} | ${(s.serveRss / MB).toFixed(0)}${growth(s.serveRss, b?.serveRss)} |`;
    }),
    "",
    "Search p50 / p95 ms per query kind:",
    "",
    `| query kind | ${steps.map((s) => `${s.backend} ${s.copies}×`).join(" | ")} |`,
    `|---|${steps.map(() => "---").join("|")}|`,
    ...kinds.map((k) => {
      const cells = steps.map((s) => {
        const t = s.search.get(k) ?? [];
        return `${percentile(t, 50).toFixed(1)} / ${percentile(t, 95).toFixed(1)}`;
      });
      return `| ${k} | ${cells.join(" | ")} |`;
    }),
  ];
  writeSection("scale", lines.join("\n"));
  console.log(lines.join("\n"));
}

await run();
