/**
 * npm run bench:export — indexes ../shared/corpus/bench into a fresh archive (or uses
 * VERBATIM_BENCH_DB if set), then exports the whole archive in every format with `verbatim export`,
 * each in its own process, timing it and reading its peak resident memory from the kernel
 * (/usr/bin/time). Each format is exported twice: as Node runs by default, and with the heap
 * capped at 256 MB, which shows whether the export's memory depends on the archive's size (it
 * would fail) or only on how lazily V8 collects garbage. Writes docs/benchmarks.md.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EXPORT_FORMATS } from "../src/export/run.js";
import { machineLine, writeSection } from "./report.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const corpus = path.resolve(root, "../shared/corpus");
const benchDir = path.join(corpus, "bench");
const cli = path.join(root, "bin", "verbatim.js");
const HEAP_CAP_MB = 256;

function run(args: string[], wrap: string[] = []): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const [command, ...rest] = wrap.length ? wrap : [process.execPath];
    const child = spawn(command as string, wrap.length ? [...rest, process.execPath, ...args] : args, {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("exit", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

async function measure(db: string, format: string, out: string, heapCap: number | null) {
  const node = heapCap ? [`--max-old-space-size=${heapCap}`] : [];
  const started = performance.now();
  const result = await run(
    [...node, cli, "export", "--db", db, "--format", format, "--no-progress", "--out", out],
    ["/usr/bin/time", "-f", "maxrss_kb=%M"],
  );
  const seconds = (performance.now() - started) / 1000;
  const rss = Number(result.stderr.match(/maxrss_kb=(\d+)/)?.[1] ?? Number.NaN) / 1024;
  return {
    ok: result.code === 0,
    seconds,
    rss,
    bytes: sizeOf(out),
    stderr: result.stderr,
  };
}

/** A file's size, or a folder's files' (parquet writes two). */
function sizeOf(out: string): number {
  if (!existsSync(out)) return 0;
  const s = statSync(out);
  return s.isDirectory()
    ? readdirSync(out).reduce((n, f) => n + statSync(path.join(out, f)).size, 0)
    : s.size;
}

async function main() {
  if (!existsSync("/usr/bin/time"))
    throw new Error("bench:export reads peak memory with /usr/bin/time (Debian package time)");
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-bench-export-"));
  let db = process.env.VERBATIM_BENCH_DB ?? "";
  if (!db) {
    if (!existsSync(benchDir)) throw new Error(`bench corpus missing: ${benchDir}`);
    db = path.join(dir, "bench.db");
    const ingest = await run([cli, "ingest", "--db", db, "--no-progress", path.join(benchDir, "*.tar.gz")]);
    if (ingest.code !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  }
  const rows: string[] = [];
  for (const format of [...EXPORT_FORMATS, "parquet"]) {
    const out = path.join(dir, `export.${format}`);
    const free = await measure(db, format, out, null);
    const capped = await measure(db, format, out, HEAP_CAP_MB);
    const documents = free.stderr.match(/exported (\d+) documents/)?.[1] ?? "?";
    rows.push(
      `| ${format} | ${documents} | ${(free.bytes / 2 ** 20).toFixed(0)} | ${free.seconds.toFixed(1)} | ${free.rss.toFixed(0)} | ${capped.ok ? `${capped.seconds.toFixed(1)} s, ${capped.rss.toFixed(0)} MB` : "failed"} |`,
    );
    console.log(rows.at(-1));
  }
  rmSync(dir, { recursive: true, force: true });
  const lines = [
    "## Exports (`npm run bench:export`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`,
    `The bench corpus (\`../shared/corpus/bench/\`) indexed with \`verbatim ingest\` into ${process.env.VERBATIM_BENCH_DB ? "an archive made beforehand (VERBATIM_BENCH_DB)" : "a fresh archive"}, then exported whole in each format by \`verbatim export --format F --out FILE\` in its own process; peak resident memory from \`/usr/bin/time\`. The last column repeats the export with Node's heap capped at ${HEAP_CAP_MB} MB (\`--max-old-space-size=${HEAP_CAP_MB}\`): an export whose memory grew with the archive would fail there. TMX aligns every linked pair as it goes (the bench corpus has none: its pairs are measured by \`tests/cli/export.test.ts\` on the mid.ru statements).`,
    "",
    `| format | documents | output MB | seconds | peak RSS MB | with the heap capped at ${HEAP_CAP_MB} MB |`,
    "|---|---|---|---|---|---|",
    ...rows,
  ];
  writeSection("export", lines.join("\n"));
  console.log(lines.join("\n"));
}

await main();
