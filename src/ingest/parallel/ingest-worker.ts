/**
 * A worker thread that runs the pure part of ingestion (decode, extract, segment, assemble,
 * prepare search text) so that the main thread only reads archives and writes the store.
 */
import { parentPort, workerData } from "node:worker_threads";
import { EntityCuration } from "../../enrich/curation.js";
import { EntityMatcher } from "../../enrich/entity-matcher.js";
import { DEFAULT_GAZETTEER_PATH, Gazetteer } from "../../enrich/gazetteer.js";
import { loadLanguageDetection } from "../../enrich/language.js";
import { toVerbatimError } from "../../errors/catalog.js";
import type { DebateSpeakerLookup } from "../extract/reader.js";
import { ingestInput } from "../pipeline.js";
import { loadDebateSpeakers } from "../read/debate-speakers.js";
import { SpeakerRegistry } from "../speakers/registry.js";
import type { WorkerSetup, WorkRequest, WorkResult } from "./messages.js";
import { yieldToServing } from "./priority.js";

const setup = workerData as WorkerSetup;
const registry = setup.speakers
  ? new SpeakerRegistry(setup.speakers)
  : setup.registryPath
    ? SpeakerRegistry.load(setup.registryPath)
    : SpeakerRegistry.load();
const debateSpeakers: DebateSpeakerLookup | null = setup.debateSpeakersPath
  ? await loadDebateSpeakers(setup.debateSpeakersPath)
  : null;
// Only a worker that enriches loads the language model (language.ts: about 200 MB).
if (setup.enrich !== false) await loadLanguageDetection();
const curation = new EntityCuration(setup.entityDecisions ?? []);
const matcher =
  setup.enrich === false
    ? null
    : new EntityMatcher(
        Gazetteer.load(registry, setup.gazetteerPath ?? DEFAULT_GAZETTEER_PATH, curation.promoted),
        curation,
      );
const ctx = { registry, debateSpeakers, maxBytes: setup.maxBytes, now: () => new Date(), matcher };

// Reading pages is batch work, even inside `serve --follow`: the server's own thread answers first.
yieldToServing();

parentPort?.on("message", (request: WorkRequest) => {
  let result: WorkResult;
  try {
    const outcome = ingestInput(
      {
        source: request.source,
        name: request.name,
        bytes: request.bytes,
        ...(request.url ? { url: request.url } : {}),
        ...(request.publicSource ? { publicSource: request.publicSource } : {}),
      },
      ctx,
    );
    result = outcome.ok
      ? {
          seq: request.seq,
          ok: true,
          documents: outcome.documents,
          contentHash: outcome.contentHash,
          enrichments: outcome.enrichments,
          notices: outcome.notices,
        }
      : { seq: request.seq, ok: false, code: outcome.error.code, detail: outcome.error.detail };
  } catch (error) {
    const e = toVerbatimError(error);
    result = { seq: request.seq, ok: false, code: e.code, detail: e.detail };
  }
  parentPort?.postMessage(result);
});
parentPort?.postMessage({ ready: true });
