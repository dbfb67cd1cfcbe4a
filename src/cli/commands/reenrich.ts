import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import { enrichDocument } from "../../enrich/enrich.js";
import { loadLanguageDetection } from "../../enrich/language.js";
import { startBatchWork } from "../../ingest/parallel/priority.js";
import { type ArchiveFlags, addDbFlag, addGazetteerFlag, addSpeakersFlag } from "../archive-flags.js";
import { withArchive } from "../output.js";

export function registerReenrich(program: Command): void {
  const command = program
    .command("reenrich")
    .description(
      "re-run enrichment (entities, time expressions, turn languages) over the stored archive, without re-ingesting",
    )
    .option("--no-progress", "do not draw a progress bar");
  addGazetteerFlag(addSpeakersFlag(addDbFlag(command))).action(
    async (flags: ArchiveFlags & { progress: boolean }) => {
      startBatchWork();
      await withArchive(
        flags,
        async (archive) => {
          const { store } = archive;
          const matcher = await archive.matcher();
          await loadLanguageDetection();
          await archive.putEntities();
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
          // Enrichment belongs to the extracted turns; the store moves it onto any an editor split or merged.
          for await (const doc of store.list({ extracted: true })) {
            const enrichment = enrichDocument(doc, matcher);
            mentions += enrichment.mentions.length;
            await store.putEnrichment(enrichment);
            done++;
            bar?.update(done);
          }
          bar?.stop();
          process.stdout.write(
            `enriched ${done} documents: ${mentions} entity mentions, ${(await archive.gazetteer()).entities.length} entities known\n`,
          );
        },
        true,
      );
    },
  );
}
