/**
 * A fingerprint of what the pure pipeline makes of some inputs, and how long it took: every input
 * is read, segmented, assembled and enriched in this thread, as an ingest worker does, and every
 * document and enrichment goes into one hash. A change made for speed must leave the hash as it
 * was; the times say what it saved (this machine's speed drifts between runs: alternate old and
 * new code rather than compare figures from different hours).
 *
 *   npx tsx scripts/pipeline-fingerprint.ts <paths...> [--every N] [--limit N]
 *
 * Paths are what `verbatim ingest` takes (files, folders, .tar.gz archives); `--every 3` keeps
 * every third input. The inputs are read into memory before the clock starts.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EntityCuration } from "../src/enrich/curation.js";
import { enrichDocument } from "../src/enrich/enrich.js";
import { EntityMatcher } from "../src/enrich/entity-matcher.js";
import { DEFAULT_GAZETTEER_PATH, Gazetteer } from "../src/enrich/gazetteer.js";
import { loadLanguageDetection } from "../src/enrich/language.js";
import { DEFAULT_MAX_BYTES, ingestInput } from "../src/ingest/pipeline.js";
import { loadDebateSpeakers } from "../src/ingest/read/debate-speakers.js";
import type { RawInput } from "../src/ingest/read/raw-input.js";
import { planSources, readSources } from "../src/ingest/read/sources.js";
import { SpeakerRegistry } from "../src/ingest/speakers/registry.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { every: { type: "string", default: "1" }, limit: { type: "string" } },
});
if (positionals.length === 0) {
  console.error("usage: npx tsx scripts/pipeline-fingerprint.ts <paths...> [--every N] [--limit N]");
  process.exit(2);
}
const every = Number(values.every);
const limit = values.limit ? Number(values.limit) : Number.POSITIVE_INFINITY;

const registry = SpeakerRegistry.load();
const table = fileURLToPath(new URL("../../shared/corpus/ungdc/Speakers_by_session.xlsx", import.meta.url));
const debateSpeakers = existsSync(table) ? await loadDebateSpeakers(table) : null;
await loadLanguageDetection();
const matcher = new EntityMatcher(
  Gazetteer.load(registry, DEFAULT_GAZETTEER_PATH, []),
  new EntityCuration([]),
);

const inputs: RawInput[] = [];
const { files, missing } = await planSources(positionals);
// A mistyped path must not pass for an empty corpus with a fingerprint of its own.
if (missing.length > 0) {
  console.error(`not found: ${missing.join(", ")}`);
  process.exit(1);
}
let seen = 0;
for await (const item of readSources(files, { maxBytes: DEFAULT_MAX_BYTES })) {
  if (item.type !== "input") {
    console.error(`${item.type}: ${item.source}`);
    continue;
  }
  if (seen++ % every === 0) inputs.push(item.input);
  if (inputs.length >= limit) break;
}

// The clock the documents record is fixed: the hash is of what was read, not of when.
const ctx = { registry, debateSpeakers, maxBytes: DEFAULT_MAX_BYTES, now: () => new Date(0), matcher: null };
const hash = createHash("sha256");
let reading = 0;
let enriching = 0;
let documents = 0;
let failed = 0;
for (const raw of inputs) {
  const started = performance.now();
  const outcome = ingestInput(raw, ctx);
  const read = performance.now();
  reading += read - started;
  if (!outcome.ok) {
    failed++;
    hash.update(`failed ${raw.source} ${outcome.error.code}\n`);
    continue;
  }
  for (const doc of outcome.documents) {
    documents++;
    hash.update(JSON.stringify(doc));
    hash.update(JSON.stringify(enrichDocument(doc, matcher)));
  }
  enriching += performance.now() - read;
}
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `${inputs.length} inputs (${failed} failed), ${documents} documents: reading ${s(reading)}, enriching ${s(enriching)}`,
);
console.log(`fingerprint ${hash.digest("hex").slice(0, 16)}`);
