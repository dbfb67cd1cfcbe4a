import type { Command } from "commander";
import { VerbatimError } from "../../errors/catalog.js";
import { CITATION_FORMATS, citationFormat, citationTarget, formatCitation } from "../../export/citation.js";
import { withArchive } from "../output.js";

interface CiteFlags {
  format: string;
  turn?: string;
  version?: string;
  baseUrl?: string;
  db?: string;
}

const count = (flag: string, value: string | undefined, min: number): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw new VerbatimError("REQUEST_INVALID", {
      reason: `${flag} must be a whole number from ${min}, not ${value}`,
    });
  return Number(value);
};

export function registerCite(program: Command): void {
  program
    .command("cite")
    .description("cite a document, or one of its turns, in a citation style or format")
    .argument("<id>", "document id")
    .option("--turn <n>", "cite this turn (0-based, as in the permalink #tN)")
    .option("--version <n>", "cite this version (default: the current one)")
    .option("--format <format>", `${CITATION_FORMATS.join(", ")}`, "chicago")
    .option(
      "--base-url <url>",
      "the archive's public address, for permalinks (default: $VERBATIM_BASE_URL, else relative)",
    )
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .action(async (id: string, options: CiteFlags) => {
      await withArchive(options, async ({ store }) => {
        const format = citationFormat(options.format);
        const target = await citationTarget(store, id, {
          version: count("--version", options.version, 1),
          turn: count("--turn", options.turn, 0) ?? null,
          baseUrl: options.baseUrl ?? process.env.VERBATIM_BASE_URL ?? null,
          archived: false,
        });
        process.stdout.write(formatCitation(target, format));
      });
    });
}
