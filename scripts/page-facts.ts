/**
 * What the readers make of each page's frame, for auditing a change over many pages:
 * `npx tsx scripts/page-facts.ts OUT.json PATH...` reads every input under the paths (files,
 * folders, .tar.gz archives, as `verbatim ingest` does, without storing anything) and writes, per
 * document, its date, time, place, kind, number of turns and title. Two runs, before and after a
 * change, compared field by field, say how many pages each change touched (docs in the closing
 * notes: undated pages, places, kinds).
 */
import { writeFileSync } from "node:fs";
import { DEFAULT_MAX_BYTES, ingestInput } from "../src/ingest/pipeline.js";
import { planSources, readSources } from "../src/ingest/read/sources.js";
import { SpeakerRegistry } from "../src/ingest/speakers/registry.js";

const [out, ...paths] = process.argv.slice(2);
if (!out || paths.length === 0) {
  console.error("usage: npx tsx scripts/page-facts.ts OUT.json PATH...");
  process.exit(2);
}

const registry = SpeakerRegistry.load();
// A fixed clock: the facts must not change between two runs over the same pages.
const now = () => new Date("2026-01-01T00:00:00Z");
const { files } = await planSources(paths);
const facts: Record<string, unknown> = {};
for await (const item of readSources(files, { maxBytes: DEFAULT_MAX_BYTES })) {
  if (item.type !== "input") continue;
  const outcome = ingestInput(item.input, {
    registry,
    debateSpeakers: null,
    maxBytes: DEFAULT_MAX_BYTES,
    now,
  });
  if (!outcome.ok) {
    facts[item.input.name] = { error: outcome.error.code };
    continue;
  }
  outcome.documents.forEach((d, i) => {
    facts[`${item.input.name}#${i}`] = {
      date: d.when.date,
      time: d.when.time,
      place: d.place,
      kind: d.kind,
      turns: d.turns.length,
      title: d.title,
    };
  });
}
writeFileSync(out, `${JSON.stringify(facts, null, 1)}\n`);
console.log(`${Object.keys(facts).length} documents → ${out}`);
