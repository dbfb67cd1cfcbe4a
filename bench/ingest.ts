/**
 * npm run bench:ingest — ingests ../shared/corpus/bench (the tarballs, streamed in place) into
 * a fresh SQLite archive and records documents/s, MB/s and memory in docs/benchmarks.md.
 * Memory is sampled through the run so that growth with corpus size is visible.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ingestBatch, poolProcessor } from "../src/ingest/batch.js";
import { IngestPool } from "../src/ingest/parallel/pool.js";
import { DEFAULT_MAX_BYTES } from "../src/ingest/pipeline.js";
import { planSources, readSources } from "../src/ingest/read/sources.js";
import { SpeakerRegistry } from "../src/ingest/speakers/registry.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { machineLine, writeSection } from "./report.js";

const corpus = path.resolve(fileURLToPath(new URL("../../shared/corpus", import.meta.url)));
const benchDir = path.join(corpus, "bench");
if (!existsSync(benchDir)) {
  console.error(`bench corpus missing: ${benchDir}`);
  process.exit(1);
}

const MB = 1024 * 1024;

async function run() {
  const registry = SpeakerRegistry.load();
  const table = path.join(corpus, "ungdc", "Speakers_by_session.xlsx");
  const { files } = await planSources([benchDir]);
  const archives = files.filter((f) => /\.tar\.gz$/.test(f.path));
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-"));
  const dbPath = path.join(dir, "bench.db");
  const store = new SqliteStore({ path: dbPath });
  await store.putSpeakers(registry.speakers);

  let peakRss = 0;
  let peakHeap = 0;
  const samples: { inputs: number; rssMb: number; heapMb: number }[] = [];
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    return m;
  };
  const timer = setInterval(sample, 50);
  const started = performance.now();
  let nextSample = 1000;
  // As `verbatim ingest` runs on this machine: one worker thread reads pages, the main thread stores them.
  const pool = new IngestPool(1, {
    registryPath: null,
    debateSpeakersPath: existsSync(table) ? table : null,
    maxBytes: DEFAULT_MAX_BYTES,
  });
  const report = await ingestBatch(
    readSources(archives, { maxBytes: DEFAULT_MAX_BYTES }),
    store,
    poolProcessor(pool),
    {
      onProgress: (r) => {
        if (r.inputs >= nextSample) {
          const m = sample();
          samples.push({ inputs: r.inputs, rssMb: m.rss / MB, heapMb: m.heapUsed / MB });
          nextSample += 1000;
        }
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  clearInterval(timer);
  sample();
  const counts = await store.counts();
  await store.close();
  const dbBytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);
  rmSync(dir, { recursive: true, force: true });

  const mb = report.bytes / MB;
  const lines = [
    "## Ingest (`npm run bench:ingest`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    "Target: the whole bench corpus in under 60 s on a 2-core machine, with memory that stays flat as the corpus grows.",
    `Corpus: \`../shared/corpus/bench/\` — ${archives.map((a) => path.basename(a.path)).join(", ")}, read straight from the tarballs; speakers from \`ungdc/Speakers_by_session.xlsx\`. Fresh SQLite archive, raw inputs kept, full-text index built as documents are stored; one worker thread for reading pages (the CLI default on 2 cores).`,
    "",
    "| measure | value |",
    "|---|---|",
    `| inputs read | ${report.inputs} (${report.failed} failed, ${report.skipped} skipped) |`,
    `| documents stored | ${report.documents} (${counts.turns} turns) |`,
    `| text read | ${mb.toFixed(1)} MB |`,
    `| wall time | ${seconds.toFixed(1)} s |`,
    `| documents per second | ${(report.documents / seconds).toFixed(0)} |`,
    `| MB per second | ${(mb / seconds).toFixed(2)} |`,
    `| peak RSS | ${(peakRss / MB).toFixed(0)} MB |`,
    `| peak JS heap | ${(peakHeap / MB).toFixed(0)} MB |`,
    `| archive size on disk | ${(dbBytes / MB).toFixed(0)} MB |`,
    "",
    "Memory as the corpus grows (sampled every 1,000 inputs):",
    "",
    "| inputs | RSS MB | heap MB |",
    "|---|---|---|",
    ...samples.map((s) => `| ${s.inputs} | ${s.rssMb.toFixed(0)} | ${s.heapMb.toFixed(0)} |`),
  ];
  if (report.failures.length) {
    lines.push(
      "",
      "Failures:",
      "",
      ...report.failures.slice(0, 20).map((f) => `- ${f.source}: ${f.code} ${f.message}`),
    );
  }
  writeSection("ingest", lines.join("\n"));
  console.log(lines.join("\n"));
}

await run();
