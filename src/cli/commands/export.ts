import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import type { SegmentLevel } from "../../align/segments.js";
import { VerbatimError } from "../../errors/catalog.js";
import { formatNamed } from "../../export/format-name.js";
import { exportParquet } from "../../export/parquet.js";
import { EXPORT_FORMATS, runExport } from "../../export/run.js";
import { parseQuery } from "../../search/query/parse.js";
import { withArchive } from "../output.js";

interface ExportFlags {
  format: string;
  out?: string;
  query?: string;
  publisher?: string;
  history?: boolean;
  minConfidence?: string;
  level: string;
  progress: boolean;
  db?: string;
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the archive's current documents, or those a search finds, in an interchange format")
    .option("--format <format>", `output format: ${[...EXPORT_FORMATS, "parquet"].join(", ")}`, "jsonl")
    .option(
      "--out <file>",
      "write to a file instead of standard output (parquet: a folder, for documents.parquet and turns.parquet)",
    )
    .option(
      "--query <query>",
      "only the documents this search finds (the search language, e.g. 'sanctions date:2022')",
    )
    .option("--publisher <id>", "only documents of this publisher, e.g. mid.ru")
    .option("--history", "jsonl: every earlier version of each document as well")
    .option("--min-confidence <n>", "tmx: only pairs linked with at least this confidence, 0 to 1", "0")
    .option("--level <level>", "tmx: sentence or paragraph units", "sentence")
    .option("--no-progress", "no progress bar")
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .action(async (options: ExportFlags) => {
      await withArchive(options, async ({ store, matcher }) => {
        const named = formatNamed("export", options.format, [...EXPORT_FORMATS, "parquet"] as const);
        const query = options.query ? parseQuery(options.query) : null;
        const publisher = options.publisher ?? null;
        const bar = progressBar(options.progress);
        try {
          if (named === "parquet") {
            if (!options.out)
              throw new VerbatimError("REQUEST_INVALID", {
                reason:
                  "parquet writes two files (documents.parquet, turns.parquet): name their folder with --out",
              });
            const summary = await exportParquet(store, { query, publisher }, options.out, bar.update);
            process.stderr.write(
              `exported ${summary.documents} documents and ${summary.turns} turns as parquet: ${summary.files.join(", ")}\n`,
            );
            return;
          }
          const format = named;
          if (!["sentence", "paragraph"].includes(options.level))
            throw new VerbatimError("REQUEST_INVALID", {
              reason: `--level must be sentence or paragraph, not ${options.level}`,
            });
          const file = options.out ? new PartialFile(options.out) : null;
          const out = file?.stream ?? process.stdout;
          const summary = await runExport(
            store,
            {
              format,
              query,
              publisher,
              history: options.history === true,
              minConfidence: Number(options.minConfidence ?? 0),
              level: options.level as SegmentLevel,
              matcher: format === "tmx" ? await matcher() : null,
              progress: bar.update,
            },
            async (chunk) => {
              if (!out.write(chunk)) await once(out, "drain");
            },
          ).catch(async (error: unknown) => {
            await file?.discard();
            throw error;
          });
          await file?.finish();
          bar.stop();
          const pairs = format === "tmx" ? `, ${summary.pairs} language pairs` : "";
          if (options.out || !process.stdout.isTTY)
            process.stderr.write(`exported ${summary.documents} documents${pairs} as ${format}\n`);
        } finally {
          bar.stop();
        }
      });
    });
}

/** A progress bar on a terminal, started with the first document; nothing otherwise. */
function progressBar(wanted: boolean) {
  const bar =
    wanted && process.stderr.isTTY === true
      ? new SingleBar({
          format: `${pc.cyan("{bar}")} {percentage}% | {value}/{total} documents`,
          hideCursor: true,
          stream: process.stderr,
        })
      : null;
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!bar) return;
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

/**
 * An --out file written beside its final name and moved there only when the export succeeded: a
 * failed export leaves no file that looks whole, and the file already there stays as it was.
 */
class PartialFile {
  private readonly partial: string;
  readonly stream: WriteStream;

  constructor(private readonly target: string) {
    this.partial = `${target}.partial`;
    this.stream = createWriteStream(this.partial);
  }

  async finish(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
    await rename(this.partial, this.target);
  }

  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.partial, { force: true });
  }
}
