/**
 * Re-extraction as a function of what the archive holds: each current document's own input (its
 * bytes, the name readers saw, its URL, the sidecars read with it) is read again with the archive's
 * speakers. A reader that reads it as before stores nothing; a better one adds one version. What
 * is not current is never replayed (an edited page's old text stays history, not a new version),
 * documents deleted stay deleted, ids stay, and links made by hand are not touched.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { linkAndMeasure } from "../align/service.js";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import { loadLanguageDetection } from "../enrich/language.js";
import { type Notice, warningMessage } from "../errors/catalog.js";
import type { Document } from "../model/document.js";
import type { Enrichment } from "../model/enrichment.js";
import type { InputReading, StoreBackend } from "../store/store.js";
import { type IngestReport, ingestBatch, type Processed } from "./batch.js";
import type { DebateSpeakerLookup } from "./extract/reader.js";
import { ingestInput } from "./pipeline.js";
import { debateSpeakersFromBytes } from "./read/debate-speakers.js";
import type { RawInput } from "./read/raw-input.js";
import type { SourceItem } from "./read/sources.js";
import type { SpeakerRegistry } from "./speakers/registry.js";

export interface ReextractOptions {
  registry: SpeakerRegistry;
  matcher: EntityMatcher | null;
  /**
   * For inputs whose reading recorded no speaker table (archives written before readings were
   * kept): the hash of a table kept in the archive to read them with.
   */
  debateSpeakersFallback?: string | null;
}

/** One input that current documents were read from, and which documents those are. */
interface CurrentInput {
  hash: string;
  source: string;
  readAt: string;
  ids: Set<string>;
}

/** The name a reader saw, for inputs kept before readings were recorded: as the readers of the time named them. */
export function legacyReading(hash: string, source: string): InputReading {
  if (/^https?:\/\//i.test(source)) {
    const u = new URL(source);
    const last = u.pathname.split("/").filter(Boolean).pop() ?? "";
    const file = /\.[a-z0-9]{1,5}$/i.test(last) ? last : `${last || "index"}.html`;
    return { hash, source, name: `${u.host}/${file}`, url: source, sidecars: {} };
  }
  const member = source.indexOf("#");
  const name = source.startsWith("api:")
    ? source.slice(4)
    : member >= 0
      ? source.slice(member + 1)
      : source.split(/[\\/]/).filter(Boolean).slice(-2).join("/");
  return { hash, source, name, url: null, sidecars: {} };
}

/** Current documents grouped by the input they were read from, in id order of their first document. */
async function currentInputs(store: StoreBackend): Promise<CurrentInput[]> {
  const byInput = new Map<string, CurrentInput>();
  for await (const doc of store.list()) {
    const { contentHash: hash, source, readAt } = doc.provenance;
    const key = `${hash}\u0000${source}`;
    const known = byInput.get(key);
    if (known) known.ids.add(doc.id);
    else byInput.set(key, { hash, source, readAt, ids: new Set([doc.id]) });
  }
  return [...byInput.values()];
}

const notice = (code: Notice["code"], ids: Iterable<string>) => ({
  code,
  message: warningMessage(code as Parameters<typeof warningMessage>[0], { ids: [...ids].sort().join(", ") }),
});

export async function reextractArchive(
  store: StoreBackend,
  options: ReextractOptions,
): Promise<IngestReport> {
  // Re-extraction enriches here, in this thread: it needs the language model (enrich/language.ts).
  if (options.matcher) await loadLanguageDetection();
  const inputs = await currentInputs(store);
  const planned = new Map<RawInput, CurrentInput>();
  const tables = new Map<string, DebateSpeakerLookup | null>();
  const missing: Notice[] = [];

  const table = async (hash: string | undefined): Promise<DebateSpeakerLookup | null> => {
    if (!hash) return null;
    if (!tables.has(hash)) {
      const bytes = await store.getRaw(hash);
      tables.set(
        hash,
        bytes ? await debateSpeakersFromBytes(bytes, `speaker table ${hash.slice(0, 12)}`) : null,
      );
    }
    return tables.get(hash) ?? null;
  };

  async function* sources(): AsyncGenerator<SourceItem> {
    for (const input of inputs) {
      const bytes = await store.getRaw(input.hash);
      if (!bytes) {
        missing.push({ source: input.source, ...notice("REEXTRACT_RAW_MISSING", input.ids) });
        continue;
      }
      const reading =
        (await store.inputReading(input.hash, input.source)) ?? legacyReading(input.hash, input.source);
      const sidecars = { ...reading.sidecars };
      if (!sidecars.debateSpeakers && options.debateSpeakersFallback)
        sidecars.debateSpeakers = options.debateSpeakersFallback;
      const raw: RawInput = {
        source: input.source,
        publicSource: input.source,
        name: reading.name,
        bytes,
        ...(reading.url ? { url: reading.url } : {}),
        sidecars,
      };
      planned.set(raw, input);
      yield { type: "input", input: raw };
    }
  }

  // Read in this thread, one input per turn of the event loop, each with its own sidecars and the
  // time it was first read (which orders a fetched page's versions), keeping only current documents.
  const processor = async (raw: RawInput): Promise<Processed> => {
    await nextTurn();
    const input = planned.get(raw);
    const outcome = ingestInput(raw, {
      registry: options.registry,
      debateSpeakers: await table(raw.sidecars?.debateSpeakers),
      maxBytes: Number.POSITIVE_INFINITY,
      now: () => new Date(input?.readAt ?? Date.now()),
      matcher: options.matcher,
    });
    if (!outcome.ok || !input) return outcome;
    return keepCurrent(outcome, input.ids);
  };

  const changed: string[] = [];
  const report = await ingestBatch(sources(), store, processor, {
    keepRaw: true,
    onDocument: (doc, result) => {
      if (result.status !== "unchanged") changed.push(doc.id);
    },
  });
  report.notices.push(...missing);
  // Only what changed is linked and measured again: a run that changes nothing writes nothing.
  if (changed.length > 0) {
    const outcome = await linkAndMeasure(store, changed, options.matcher);
    report.versionsLinked = outcome.linked.length;
    report.pairsMeasured = outcome.measured;
  }
  return report;
}

/** The documents of an outcome that the archive holds as current, with notices for the others. */
function keepCurrent(outcome: Extract<Processed, { ok: true }>, ids: Set<string>): Processed {
  const kept: Document[] = [];
  const enrichments: Enrichment[] | undefined = outcome.enrichments ? [] : undefined;
  const extra: string[] = [];
  outcome.documents.forEach((doc, i) => {
    if (!ids.has(doc.id)) {
      extra.push(doc.id);
      return;
    }
    kept.push(doc);
    const enrichment = outcome.enrichments?.[i];
    if (enrichments && enrichment) enrichments.push(enrichment);
  });
  const read = new Set(kept.map((d) => d.id));
  const gone = [...ids].filter((id) => !read.has(id));
  const notices = [...(outcome.notices ?? [])];
  if (extra.length > 0) notices.push(notice("REEXTRACT_NOT_STORED", extra));
  if (gone.length > 0) notices.push(notice("REEXTRACT_MISSING", gone));
  return {
    ok: true,
    documents: kept,
    contentHash: outcome.contentHash,
    ...(enrichments ? { enrichments } : {}),
    notices,
  };
}
