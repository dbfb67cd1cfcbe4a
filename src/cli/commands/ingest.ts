import path from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import { ingestAndLink } from "../../align/service.js";
import { openArchive } from "../../archive/open.js";
import { VerbatimError, warningMessage } from "../../errors/catalog.js";
import type { IngestReport } from "../../ingest/batch.js";
import { startBatchWork } from "../../ingest/parallel/priority.js";
import { DEFAULT_MAX_BYTES } from "../../ingest/pipeline.js";
import { DEBATE_SPEAKERS_FILE, loadDebateSpeakers } from "../../ingest/read/debate-speakers.js";
import { planSources, readSources } from "../../ingest/read/sources.js";
import { resolveDbPath } from "../../store/open.js";
import { addDbFlag, addGazetteerFlag, addSpeakersFlag, archiveOptions } from "../archive-flags.js";
import { printReportDetails, reportError } from "../output.js";
import { defaultWorkers, type Reading, startReading } from "../processing.js";
import { keepSidecar, withSidecars } from "../sidecars.js";

interface IngestOptions {
  db?: string;
  speakers?: string;
  gazetteer?: string;
  debateSpeakers?: string;
  maxBytes: string;
  json?: boolean;
  progress: boolean;
  raw: boolean;
  workers: string;
  enrich: boolean;
  followSymlinks?: boolean;
}

export function registerIngest(program: Command): void {
  const command = program
    .command("ingest")
    .description("read transcript files, folders, globs or .tar.gz archives into the archive")
    .argument("<paths...>", "files, folders, glob patterns or .tar.gz archives");
  addGazetteerFlag(addSpeakersFlag(addDbFlag(command)))
    .option(
      "--debate-speakers <file>",
      `UN General Debate speaker table (default: any ${DEBATE_SPEAKERS_FILE} among the inputs)`,
    )
    .option("--max-bytes <n>", "largest input accepted, in bytes", String(DEFAULT_MAX_BYTES))
    .option(
      "--follow-symlinks",
      "follow symbolic links that point outside the folders given (and links in glob patterns)",
    )
    .option("--json", "print the report as JSON instead of a summary")
    .option("--no-progress", "do not draw a progress bar")
    .option("--no-raw", "do not keep the raw input bytes in the archive")
    .option(
      "--no-enrich",
      "skip enrichment (entities, time expressions, turn languages); `verbatim reenrich` can add it later",
    )
    .option(
      "--workers <n>",
      "worker threads for reading pages (0: read in the main thread)",
      String(defaultWorkers()),
    )
    .action(async (paths: string[], options: IngestOptions) => {
      startBatchWork();
      try {
        const report = await runIngest(paths, options);
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printSummary(report);
        // Nothing read at all is a mistake worth a non-zero exit: a typo, an empty folder, a loop of links.
        if (report.failed > 0 || readNothing(report)) process.exitCode = 1;
      } catch (error) {
        reportError(error);
      }
    });
}

async function runIngest(paths: string[], options: IngestOptions): Promise<IngestReport> {
  const maxBytes = Number(options.maxBytes);
  if (!Number.isFinite(maxBytes) || maxBytes <= 0) {
    throw new VerbatimError("INPUT_UNREADABLE", {
      reason: `--max-bytes must be a positive number, not ${options.maxBytes}`,
    });
  }
  const { files, missing } = await planSources(paths, { followSymlinks: options.followSymlinks ?? false });
  const table =
    options.debateSpeakers ?? files.find((f) => path.basename(f.path) === DEBATE_SPEAKERS_FILE)?.path;
  const debateSpeakers = table ? { path: table, lookup: await loadDebateSpeakers(table) } : null;

  const workers = Number(options.workers);
  if (!Number.isInteger(workers) || workers < 0) {
    throw new VerbatimError("INPUT_UNREADABLE", {
      reason: `--workers must be a whole number, not ${options.workers}`,
    });
  }
  // A registry file that does not load is refused before the archive is touched (openArchive).
  const archive = await openArchive(
    resolveDbPath(options.db),
    archiveOptions(options, { create: true, seedSpeakers: true }),
  );
  const { store } = archive;
  let reading: Reading | null = null;
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  const showBar = options.progress && !options.json && process.stderr.isTTY === true;
  const bar = showBar
    ? new SingleBar({
        format: `${pc.cyan("{bar}")} {percentage}% | {docs} documents | {failed} failed | {source}`,
        hideCursor: true,
        stream: process.stderr,
      })
    : null;
  let done = 0;
  try {
    // The speaker table is kept beside the inputs it helps read, so that `reextract` reads them alike.
    const sidecars = table ? await keepSidecar(store, table, "debateSpeakers", options.raw) : {};
    // Workers start only once the archive is open: a refused archive must not leave threads running.
    reading = await startReading(archive, { ...options, maxBytes, debateSpeakers });
    bar?.start(Math.max(totalBytes, 1), 0, { docs: 0, failed: 0, source: "" });
    // What was read may be versions of documents already stored: ingestAndLink links and measures it.
    const report = await ingestAndLink(
      withSidecars(
        readSources(files, {
          maxBytes,
          onBytes: (n) => {
            done += n;
          },
        }),
        sidecars,
      ),
      store,
      reading.processor,
      reading.matcher,
      {
        keepRaw: options.raw,
        onProgress: (r, source) =>
          bar?.update(Math.min(done, totalBytes), {
            docs: r.documents,
            failed: r.failed,
            source: source.slice(-40),
          }),
      },
    );
    for (const m of missing) {
      report.failed++;
      report.failures.push({
        source: m,
        code: "PATH_NOT_FOUND",
        message: new VerbatimError("PATH_NOT_FOUND", { path: m }).message,
      });
    }
    if (readNothing(report)) {
      const source = paths.join(" ");
      report.notices.push({
        source,
        code: "INPUT_NONE",
        message: warningMessage("INPUT_NONE", { paths: source }),
      });
    }
    return report;
  } finally {
    bar?.stop();
    await reading?.close();
    await archive.close();
  }
}

/** No input was read: every path gave nothing, or only files that are skipped by rule. */
function readNothing(r: IngestReport): boolean {
  return r.inputs - r.skipped === 0 && r.failed === 0;
}

export function printSummary(r: IngestReport): void {
  const out = process.stdout;
  out.write(
    `${pc.bold("ingested")} ${r.inserted} new, ${r.versioned} new versions, ${r.unchanged} unchanged` +
      ` (${r.documents} documents from ${r.inputs} inputs); skipped ${r.skipped}; ` +
      `${r.failed > 0 ? pc.red(`failed ${r.failed}`) : "failed 0"}\n`,
  );
  printReportDetails(r);
}
