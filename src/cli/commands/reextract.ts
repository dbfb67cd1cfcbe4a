import type { Command } from "commander";
import { startBatchWork } from "../../ingest/parallel/priority.js";
import { reextractArchive } from "../../ingest/reextract.js";
import { type ArchiveFlags, addDbFlag, addGazetteerFlag, addSpeakersFlag } from "../archive-flags.js";
import { withArchive } from "../output.js";
import { keepSidecar } from "../sidecars.js";
import { printSummary } from "./ingest.js";

interface ReextractFlags extends ArchiveFlags {
  debateSpeakers?: string;
  json?: boolean;
}

export function registerReextract(program: Command): void {
  const command = program
    .command("reextract")
    .description(
      "read each current document's kept input again with today's readers and the archive's speakers (after a reader improves); a document read as before is left alone",
    )
    .option(
      "--debate-speakers <file>",
      "UN General Debate speaker table (Speakers_by_session.xlsx), for archives that did not keep the one their speeches were read with",
    )
    .option("--json", "print the report as JSON");
  addGazetteerFlag(addSpeakersFlag(addDbFlag(command))).action(async (options: ReextractFlags) => {
    startBatchWork();
    await withArchive(
      options,
      async (archive) => {
        const { store } = archive;
        const fallback = options.debateSpeakers
          ? await keepSidecar(store, options.debateSpeakers, "debateSpeakers", true)
          : {};
        // New versions lose what was found in the old ones: enrich them, then link and measure them again.
        await archive.putEntities();
        const report = await reextractArchive(store, {
          registry: await archive.registry(),
          matcher: await archive.matcher(),
          debateSpeakersFallback: fallback.debateSpeakers ?? null,
        });
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printSummary(report);
        if (report.failed > 0) process.exitCode = 1;
      },
      true,
    );
  });
}
