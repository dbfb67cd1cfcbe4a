/**
 * How commands that read pages set up reading: the archive's speakers and gazetteer (from
 * openArchive) for enrichment, and either worker threads or the main thread. `crawl` and `follow`
 * share it.
 */
import os from "node:os";
import type { Command } from "commander";
import type { Archive } from "../archive/open.js";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import { VerbatimError } from "../errors/catalog.js";
import { inlineProcessor, type Processor, poolProcessor } from "../ingest/batch.js";
import type { DebateSpeakerLookup } from "../ingest/extract/reader.js";
import { IngestPool } from "../ingest/parallel/pool.js";
import { addGazetteerFlag, addSpeakersFlag } from "./archive-flags.js";

export interface ReadingOptions {
  enrich: boolean;
  workers: string;
  maxBytes: number;
  /** The UN General Debate speaker table, for ingest: its file (for workers) and its lookup. */
  debateSpeakers?: { path: string; lookup: DebateSpeakerLookup } | null;
}

export interface Reading {
  processor: Processor;
  /** For linking language versions after the run (null without enrichment's gazetteer). */
  matcher: EntityMatcher | null;
  close(): Promise<void>;
}

/** The flags of commands that read pages: registry, gazetteer, enrichment, worker threads. */
export function addReadingFlags(command: Command): Command {
  return addGazetteerFlag(addSpeakersFlag(command))
    .option("--no-enrich", "skip enrichment")
    .option(
      "--workers <n>",
      "worker threads for reading pages (0: the main thread)",
      String(defaultWorkers()),
    );
}

/**
 * One worker per core but one, at least one, at most 4: the main thread has a core's worth of
 * work of its own (the store's writes and indexes; while crawling, HTTP and WARC too), and a
 * worker more than the cores left slows everything down. On 2 cores, the whole bench corpus took
 * 153 s and 1.49 GB with 2 workers, 132 s and 0.92 GB with 1 (the UN speeches, where the writer is
 * the bottleneck, 97 s against 70); a crawl slowed down the same way (docs/benchmarks.md).
 */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

export function wholeNumber(value: string, flag: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new VerbatimError("REQUEST_INVALID", {
      reason: `${flag} must be a whole number of at least ${min}, not ${value}`,
    });
  return n;
}

/** Stores the gazetteer's entities in the archive (when enriching) and starts reading (threads start last). */
export async function startReading(archive: Archive, options: ReadingOptions): Promise<Reading> {
  const workers = wholeNumber(options.workers, "--workers");
  const registry = await archive.registry();
  if (options.enrich) await archive.putEntities();
  const matcher = options.enrich ? await archive.matcher() : null;
  if (workers === 0) {
    return {
      processor: inlineProcessor({
        registry,
        debateSpeakers: options.debateSpeakers?.lookup ?? null,
        maxBytes: options.maxBytes,
        now: () => new Date(),
        matcher,
      }),
      matcher,
      close: async () => {},
    };
  }
  // Workers cannot share this thread's registry and matcher: they build theirs from the same
  // speakers and gazetteer file.
  const pool = new IngestPool(workers, {
    registryPath: archive.options.speakers ?? null,
    speakers: registry.speakers,
    gazetteerPath: archive.options.gazetteer ?? null,
    entityDecisions: options.enrich ? [...(await archive.curation()).decisions] : [],
    debateSpeakersPath: options.debateSpeakers?.path ?? null,
    maxBytes: options.maxBytes,
    enrich: options.enrich,
  });
  return { processor: poolProcessor(pool), matcher, close: () => pool.close() };
}
