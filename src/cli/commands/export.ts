import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Command } from "commander";
import { VerbatimError } from "../../errors/catalog.js";
import { documentToJsonLine } from "../../export/jsonl.js";
import { withArchive } from "../output.js";

const FORMATS = ["jsonl"] as const;

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the archive's current documents in an interchange format")
    .option("--format <format>", `output format: ${FORMATS.join(", ")}`, "jsonl")
    .option("--out <file>", "write to a file instead of standard output")
    .option("--publisher <id>", "only documents of this publisher, e.g. mid.ru")
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .action(async (options: { format: string; out?: string; publisher?: string; db?: string }) => {
      await withArchive(options, async ({ store }) => {
        if (!(FORMATS as readonly string[]).includes(options.format)) {
          throw new VerbatimError("FORMAT_UNSUPPORTED", {
            reason: `export format "${options.format}"; try ${FORMATS.join(", ")}`,
          });
        }
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        for await (const doc of store.list({ publisher: options.publisher })) {
          if (!out.write(`${documentToJsonLine(doc)}\n`)) await once(out, "drain");
        }
        if (options.out) {
          (out as ReturnType<typeof createWriteStream>).end();
          await once(out, "finish");
        }
      });
    });
}
