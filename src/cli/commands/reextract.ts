import type { Command } from "commander";
import { ingestAndLink } from "../../align/service.js";
import { EntityMatcher } from "../../enrich/entity-matcher.js";
import { Gazetteer } from "../../enrich/gazetteer.js";
import type { DebateSpeakerLookup } from "../../ingest/extract/reader.js";
import { loadDebateSpeakers } from "../../ingest/read/debate-speakers.js";
import type { SourceItem } from "../../ingest/read/sources.js";
import { SpeakerRegistry } from "../../ingest/speakers/registry.js";
import type { RawBlob } from "../../store/store.js";
import { withStore } from "../output.js";
import { printSummary } from "./ingest.js";

/** The name readers see for a kept input: the archive member, or the file's last two path segments. */
export function nameFromSource(source: string): string {
  const hash = source.lastIndexOf("#");
  if (hash >= 0) return source.slice(hash + 1);
  return source.split(/[\\/]/).filter(Boolean).slice(-2).join("/");
}

async function* rawSources(raws: AsyncIterable<RawBlob>): AsyncGenerator<SourceItem> {
  for await (const raw of raws) {
    yield {
      type: "input",
      input: { source: raw.source, name: nameFromSource(raw.source), bytes: raw.bytes },
    };
  }
}

export function registerReextract(program: Command): void {
  program
    .command("reextract")
    .description(
      "re-run extraction over every raw input kept in the archive (after a reader or registry improves)",
    )
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option("--speakers <file>", "speaker registry YAML (default: the bundled data/speakers.yaml)")
    .option("--debate-speakers <file>", "UN General Debate speaker table (Speakers_by_session.xlsx)")
    .option("--json", "print the report as JSON")
    .action(async (options: { db?: string; speakers?: string; debateSpeakers?: string; json?: boolean }) => {
      await withStore(options.db, async (store) => {
        const registry = options.speakers ? SpeakerRegistry.load(options.speakers) : SpeakerRegistry.load();
        const debateSpeakers: DebateSpeakerLookup | null = options.debateSpeakers
          ? await loadDebateSpeakers(options.debateSpeakers)
          : null;
        await store.putSpeakers(registry.speakers);
        // New versions lose what was found in the old ones: enrich them, then link and measure them again.
        const gazetteer = Gazetteer.load(registry);
        const matcher = new EntityMatcher(gazetteer);
        await store.putEntities(gazetteer.entities);
        const report = await ingestAndLink(
          rawSources(store.listRaw()),
          store,
          { registry, debateSpeakers, maxBytes: Number.POSITIVE_INFINITY, now: () => new Date(), matcher },
          matcher,
        );
        if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printSummary(report);
        if (report.failed > 0) process.exitCode = 1;
      });
    });
}
