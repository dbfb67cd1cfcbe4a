/**
 * How commands that read pages set up reading: the speaker registry, the gazetteer for
 * enrichment, and either worker threads or the main thread. `crawl` and `follow` share it.
 */
import os from "node:os";
import type { Command } from "commander";
import { EntityMatcher } from "../enrich/entity-matcher.js";
import { Gazetteer } from "../enrich/gazetteer.js";
import { VerbatimError } from "../errors/catalog.js";
import { inlineProcessor, type Processor, poolProcessor } from "../ingest/batch.js";
import { IngestPool } from "../ingest/parallel/pool.js";
import type { DocumentStore } from "../store/store.js";
import { archiveRegistry } from "./archive-speakers.js";

export interface ReadingOptions {
  speakers?: string;
  gazetteer?: string;
  enrich: boolean;
  workers: string;
  maxBytes: number;
}

export interface Reading {
  processor: Processor;
  /** For linking language versions after the run (null without enrichment's gazetteer). */
  matcher: EntityMatcher | null;
  close(): Promise<void>;
}

/** The flags of commands that read pages: registry, gazetteer, enrichment, worker threads. */
export function addReadingFlags(command: Command): Command {
  return command
    .option(
      "--speakers <file>",
      "speaker registry YAML that seeds the archive's speakers (default: the bundled data/speakers.yaml); edits made in the archive are kept",
    )
    .option("--gazetteer <file>", "gazetteer YAML for enrichment")
    .option("--no-enrich", "skip enrichment")
    .option(
      "--workers <n>",
      "worker threads for reading pages (0: the main thread)",
      String(fetchingWorkers()),
    );
}

/**
 * One worker per core but one, at least one, at most 4: while crawling, the main thread has a
 * core's worth of work of its own (HTTP, WARC, the store), and a worker more than the cores left
 * slowed a crawl down (docs/benchmarks.md, the crawl section).
 */
export function fetchingWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

/** One worker per core, at most 4: reading pages is the heavier side, and the main thread shares a core. */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

export function wholeNumber(value: string, flag: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new VerbatimError("REQUEST_INVALID", {
      reason: `${flag} must be a whole number of at least ${min}, not ${value}`,
    });
  return n;
}

/** Loads the registry and gazetteer into the archive and starts reading (threads start last). */
export async function startReading(store: DocumentStore, options: ReadingOptions): Promise<Reading> {
  const workers = wholeNumber(options.workers, "--workers");
  const registry = await archiveRegistry(store, options.speakers);
  const gazetteer = options.enrich ? Gazetteer.load(registry, options.gazetteer) : null;
  if (gazetteer) await store.putEntities(gazetteer.entities);
  const matcher = gazetteer ? new EntityMatcher(gazetteer) : null;
  if (workers === 0) {
    return {
      processor: inlineProcessor({
        registry,
        debateSpeakers: null,
        maxBytes: options.maxBytes,
        now: () => new Date(),
        matcher,
      }),
      matcher,
      close: async () => {},
    };
  }
  const pool = new IngestPool(workers, {
    registryPath: options.speakers ?? null,
    speakers: registry.speakers,
    gazetteerPath: options.gazetteer ?? null,
    debateSpeakersPath: null,
    maxBytes: options.maxBytes,
    enrich: options.enrich,
  });
  return { processor: poolProcessor(pool), matcher, close: () => pool.close() };
}
