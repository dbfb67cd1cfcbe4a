import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import type { SegmentLevel } from "../../align/segments.js";
import { VerbatimError } from "../../errors/catalog.js";
import { exportParquet } from "../../export/parquet.js";
import { EXPORT_FORMATS, exportFormat, runExport } from "../../export/run.js";
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
        if (options.format === "parquet") {
          if (!options.out)
            throw new VerbatimError("REQUEST_INVALID", {
              reason:
                "parquet writes two files (documents.parquet, turns.parquet): name their folder with --out",
            });
          const summary = await exportParquet(
            store,
            { query: options.query ? parseQuery(options.query) : null, publisher: options.publisher ?? null },
            options.out,
          );
          process.stderr.write(
            `exported ${summary.documents} documents and ${summary.turns} turns as parquet: ${summary.files.join(", ")}\n`,
          );
          return;
        }
        const format = exportFormat(options.format);
        if (!["sentence", "paragraph"].includes(options.level))
          throw new VerbatimError("REQUEST_INVALID", {
            reason: `--level must be sentence or paragraph, not ${options.level}`,
          });
        const minConfidence = Number(options.minConfidence ?? 0);
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        const bar =
          options.progress && process.stderr.isTTY === true
            ? new SingleBar({
                format: `${pc.cyan("{bar}")} {percentage}% | {value}/{total} documents`,
                hideCursor: true,
                stream: process.stderr,
              })
            : null;
        let started = false;
        try {
          const summary = await runExport(
            store,
            {
              format,
              query: options.query ? parseQuery(options.query) : null,
              publisher: options.publisher ?? null,
              history: options.history === true,
              minConfidence,
              level: options.level as SegmentLevel,
              matcher: format === "tmx" ? await matcher() : null,
              progress: (done, total) => {
                if (!bar) return;
                if (!started) bar.start(total, 0);
                started = true;
                bar.update(done);
              },
            },
            async (chunk) => {
              if (!out.write(chunk)) await once(out, "drain");
            },
          );
          bar?.stop();
          if (options.out) {
            (out as ReturnType<typeof createWriteStream>).end();
            await once(out, "finish");
          }
          const pairs = format === "tmx" ? `, ${summary.pairs} language pairs` : "";
          if (options.out || !process.stdout.isTTY)
            process.stderr.write(`exported ${summary.documents} documents${pairs} as ${format}\n`);
        } finally {
          bar?.stop();
        }
      });
    });
}
