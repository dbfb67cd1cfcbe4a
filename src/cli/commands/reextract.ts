import type { Command } from "commander";
import { EntityMatcher } from "../../enrich/entity-matcher.js";
import { Gazetteer } from "../../enrich/gazetteer.js";
import { reextractArchive } from "../../ingest/reextract.js";
import { archiveRegistry } from "../archive-speakers.js";
import { withStore } from "../output.js";
import { keepSidecar } from "../sidecars.js";
import { printSummary } from "./ingest.js";

export function registerReextract(program: Command): void {
  program
    .command("reextract")
    .description(
      "read each current document's kept input again with today's readers and the archive's speakers (after a reader improves); a document read as before is left alone",
    )
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option(
      "--speakers <file>",
      "speaker registry YAML that seeds the archive's speakers first (never replacing edited ones)",
    )
    .option(
      "--debate-speakers <file>",
      "UN General Debate speaker table (Speakers_by_session.xlsx), for archives that did not keep the one their speeches were read with",
    )
    .option("--json", "print the report as JSON")
    .action(async (options: { db?: string; speakers?: string; debateSpeakers?: string; json?: boolean }) => {
      await withStore(options.db, async (store) => {
        const registry = await archiveRegistry(store, options.speakers);
        const fallback = options.debateSpeakers
          ? await keepSidecar(store, options.debateSpeakers, "debateSpeakers", true)
          : {};
        // New versions lose what was found in the old ones: enrich them, then link and measure them again.
        const gazetteer = Gazetteer.load(registry);
        const matcher = new EntityMatcher(gazetteer);
        await store.putEntities(gazetteer.entities);
        const report = await reextractArchive(store, {
          registry,
          matcher,
          debateSpeakersFallback: fallback.debateSpeakers ?? null,
        });
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printSummary(report);
        if (report.failed > 0) process.exitCode = 1;
      });
    });
}
