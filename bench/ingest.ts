/**
 * npm run bench:ingest — ingests ../shared/corpus/bench (the tarballs, streamed in place) into a
 * fresh SQLite archive, once without enrichment and once with it (the default), as `verbatim
 * ingest` does on this machine, and records documents/s, MB/s and memory in docs/benchmarks.md.
 * Memory is sampled through the run so that growth with corpus size is visible.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { linkAndMeasure } from "../src/align/service.js";
import { defaultWorkers } from "../src/cli/processing.js";
import { ingestBatch, poolProcessor } from "../src/ingest/batch.js";
import { IngestPool } from "../src/ingest/parallel/pool.js";
import { startBatchWork } from "../src/ingest/parallel/priority.js";
import { DEFAULT_MAX_BYTES } from "../src/ingest/pipeline.js";
import { planSources, readSources } from "../src/ingest/read/sources.js";
import { SpeakerRegistry } from "../src/ingest/speakers/registry.js";
import { withSearch } from "../src/search/engine/with-search.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { machineLine, writeSection } from "./report.js";

const corpus = path.resolve(fileURLToPath(new URL("../../shared/corpus", import.meta.url)));
const benchDir = path.join(corpus, "bench");
if (!existsSync(benchDir)) {
  console.error(`bench corpus missing: ${benchDir}`);
  process.exit(1);
}

const MB = 1024 * 1024;
/** Worker threads reading pages; the CLI's default on this machine unless BENCH_WORKERS says otherwise. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? defaultWorkers());

interface Run {
  inputs: number;
  failed: number;
  skipped: number;
  documents: number;
  turns: number;
  mentions: number;
  mb: number;
  seconds: number;
  /** Linking and aligning language versions after the batch (included in seconds). */
  linkSeconds: number;
  peakRss: number;
  peakHeap: number;
  dbBytes: number;
  samples: { inputs: number; rssMb: number; heapMb: number }[];
  failures: string[];
}

async function measure(enrich: boolean): Promise<Run> {
  const registry = SpeakerRegistry.load();
  const table = path.join(corpus, "ungdc", "Speakers_by_session.xlsx");
  const { files } = await planSources([benchDir]);
  const archives = files.filter((f) => /\.tar\.gz$/.test(f.path));
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-"));
  const dbPath = path.join(dir, "bench.db");
  const store = withSearch(new SqliteStore({ path: dbPath }));
  await store.putSpeakers(registry.speakers);

  let peakRss = 0;
  let peakHeap = 0;
  const samples: Run["samples"] = [];
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    return m;
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  const changed: string[] = [];
  let nextSample = 1000;
  // As `verbatim ingest` runs on this machine: one worker thread reads pages, the main thread stores them.
  const pool = new IngestPool(WORKERS, {
    registryPath: null,
    debateSpeakersPath: existsSync(table) ? table : null,
    maxBytes: DEFAULT_MAX_BYTES,
    enrich,
  });
  const report = await ingestBatch(
    readSources(archives, { maxBytes: DEFAULT_MAX_BYTES }),
    store,
    poolProcessor(pool),
    {
      onDocument: (doc, result) => {
        if (result.status !== "unchanged") changed.push(doc.id);
      },
      onProgress: (r) => {
        if (r.inputs >= nextSample) {
          const m = sample();
          samples.push({ inputs: r.inputs, rssMb: m.rss / MB, heapMb: m.heapUsed / MB });
          nextSample += 1000;
        }
      },
    },
  );
  await pool.close();
  // As the CLI does after a batch: link the new documents to their versions and measure the pairs.
  const linking = performance.now();
  await linkAndMeasure(store, changed, null);
  const linkSeconds = (performance.now() - linking) / 1000;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  sample();
  const counts = await store.counts();
  const mentions =
    (
      await store.search(
        (
          await import("../src/search/query/parse.js")
        ).parseQuery("kind:remarks|question|answer|moderator|other"),
        { facets: true, limit: 1 },
      )
    ).facets?.entity.reduce((n, e) => n + e.count, 0) ?? 0;
  await store.close();
  const dbBytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
  rmSync(dir, { recursive: true, force: true });
  return {
    inputs: report.inputs,
    failed: report.failed,
    skipped: report.skipped,
    documents: report.documents,
    turns: counts.turns,
    mentions,
    mb: report.bytes / MB,
    seconds,
    linkSeconds,
    peakRss,
    peakHeap,
    dbBytes,
    samples,
    failures: report.failures.slice(0, 20).map((f) => `${f.source}: ${f.code} ${f.message}`),
  };
}

async function run() {
  // As `verbatim ingest` starts: lower priority, heaps kept near what they hold alive (priority.ts).
  startBatchWork();
  const plain = await measure(false);
  const enriched = await measure(true);
  const both = (f: (r: Run) => string) => `${f(plain)} | ${f(enriched)}`;
  const lines = [
    "## Ingest (`npm run bench:ingest`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    "Target: the whole bench corpus in under 60 s on a 2-core machine, with memory that stays flat as the corpus grows.",
    `Corpus: \`../shared/corpus/bench/\` — ungdc.tar.gz, whitehouse-briefings.tar.gz, whitehouse-obama-html.tar.gz, read straight from the tarballs; speakers from \`ungdc/Speakers_by_session.xlsx\`. Fresh SQLite archive each run, raw inputs kept, full-text index built as documents are stored; ${WORKERS} worker thread(s) read pages (\`--workers\`; the CLI's default: one per core but one, at least one, at most 4), at batch priority with heaps that grow a fifth past what they hold alive, as the CLI runs (\`VERBATIM_HEAP_GROWING\`). Run twice: without enrichment (\`--no-enrich\`) and with it (the default: entities, time expressions, turn languages). Wall time includes linking the new documents to other-language versions afterwards, as \`verbatim ingest\` does (this corpus is all English, so it finds none).`,
    "",
    "| measure | without enrichment | with enrichment |",
    "|---|---|---|",
    `| inputs read | ${both((r) => `${r.inputs} (${r.failed} failed, ${r.skipped} skipped)`)} |`,
    `| documents stored | ${both((r) => `${r.documents} (${r.turns} turns)`)} |`,
    `| text read | ${both((r) => `${r.mb.toFixed(1)} MB`)} |`,
    `| wall time | ${both((r) => `${r.seconds.toFixed(1)} s`)} |`,
    `| of which linking language versions | ${both((r) => `${r.linkSeconds.toFixed(1)} s`)} |`,
    `| documents per second | ${both((r) => (r.documents / r.seconds).toFixed(0))} |`,
    `| MB per second | ${both((r) => (r.mb / r.seconds).toFixed(2))} |`,
    `| peak RSS (main thread and worker) | ${both((r) => `${(r.peakRss / MB).toFixed(0)} MB`)} |`,
    `| peak JS heap (main thread) | ${both((r) => `${(r.peakHeap / MB).toFixed(0)} MB`)} |`,
    `| archive size on disk | ${both((r) => `${(r.dbBytes / MB).toFixed(0)} MB`)} |`,
    `| turns mentioning each of the 20 most mentioned entities, summed | ${both((r) => String(r.mentions))} |`,
    "",
    "Memory as the corpus grows, with enrichment (sampled every 1,000 inputs):",
    "",
    "| inputs | RSS MB | heap MB |",
    "|---|---|---|",
    ...enriched.samples.map((s) => `| ${s.inputs} | ${s.rssMb.toFixed(0)} | ${s.heapMb.toFixed(0)} |`),
  ];
  const failures = [...plain.failures, ...enriched.failures];
  if (failures.length) lines.push("", "Failures:", "", ...failures.map((f) => `- ${f}`));
  writeSection("ingest", lines.join("\n"));
  console.log(lines.join("\n"));
}

await run();
