import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import { enrichDocument } from "../../enrich/enrich.js";
import { EntityMatcher } from "../../enrich/entity-matcher.js";
import { DEFAULT_GAZETTEER_PATH, Gazetteer } from "../../enrich/gazetteer.js";
import { archiveRegistry } from "../archive-speakers.js";
import { withStore } from "../output.js";

export function registerReenrich(program: Command): void {
  program
    .command("reenrich")
    .description(
      "re-run enrichment (entities, time expressions, turn languages) over the stored archive, without re-ingesting",
    )
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option(
      "--gazetteer <file>",
      "gazetteer YAML (default: the bundled data/gazetteer.yaml)",
      DEFAULT_GAZETTEER_PATH,
    )
    .option(
      "--speakers <file>",
      "speaker registry YAML that seeds the archive's speakers (default: the bundled data/speakers.yaml); edits made in the archive are kept",
    )
    .option("--no-progress", "do not draw a progress bar")
    .action(async (flags: { db?: string; gazetteer: string; speakers?: string; progress: boolean }) => {
      await withStore(flags.db, async (store) => {
        const registry = await archiveRegistry(store, flags.speakers);
        const gazetteer = Gazetteer.load(registry, flags.gazetteer);
        const matcher = new EntityMatcher(gazetteer);
        await store.putEntities(gazetteer.entities);
        const total = (await store.counts()).documents;
        const bar =
          flags.progress && process.stderr.isTTY
            ? new SingleBar({
                format: `${pc.cyan("{bar}")} {value}/{total} documents`,
                stream: process.stderr,
              })
            : null;
        bar?.start(total, 0);
        let done = 0;
        let mentions = 0;
        for await (const doc of store.list()) {
          const enrichment = enrichDocument(doc, matcher);
          mentions += enrichment.mentions.length;
          await store.putEnrichment(enrichment);
          done++;
          bar?.update(done);
        }
        bar?.stop();
        process.stdout.write(
          `enriched ${done} documents: ${mentions} entity mentions, ${gazetteer.entities.length} entities known\n`,
        );
      });
    });
}
