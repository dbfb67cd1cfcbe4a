/**
 * Batch ingestion: sources → pipeline → store, committing every few hundred inputs. One bad
 * input is reported and skipped; it never stops the batch or touches what is stored.
 */

import { setImmediate as nextTurn } from "node:timers/promises";
import { versionKeys } from "../align/link.js";
import { loadLanguageDetection } from "../enrich/language.js";
import { type Notice, toVerbatimError, warningMessage } from "../errors/catalog.js";
import type { Document } from "../model/document.js";
import type { BatchItem, PutResult, RawBlob, StoreBackend } from "../store/store.js";
import { type IngestPool, workerError } from "./parallel/pool.js";
import { type IngestContext, type IngestOutcome, ingestInput } from "./pipeline.js";
import type { RawInput } from "./read/raw-input.js";
import type { SourceItem } from "./read/sources.js";

export interface IngestFailure {
  source: string;
  code: string;
  message: string;
}

export interface IngestReport {
  inputs: number;
  documents: number;
  inserted: number;
  versioned: number;
  unchanged: number;
  skipped: number;
  failed: number;
  failures: IngestFailure[];
  /** Documents stored with non-fatal warnings. */
  warnings: { source: string; id: string; codes: string[] }[];
  /**
   * Warnings about inputs rather than documents: files skipped and why (links not followed,
   * sidecars, archive members that are links), bytes replaced while decoding, versions in conflict.
   */
  notices: Notice[];
  bytes: number;
  /** Pairs of language versions linked by evidence after the batch (set by the ingest command). */
  versionsLinked?: number;
  /** Keyed pairs the texts contradict, left for review (`verbatim versions --conflicts`). */
  versionConflicts?: number;
  /** Pairs of language versions aligned and measured after the batch. */
  pairsMeasured?: number;
}

export interface BatchOptions {
  /** Inputs per transaction, at most: larger is faster, smaller loses less work to a kill. */
  batchSize?: number;
  /** Milliseconds after which what is pending is stored anyway (default 2000): a kill loses at most this much. */
  commitEvery?: number;
  keepRaw?: boolean;
  /** Called after each input with the running report, for progress bars. */
  onProgress?: (report: IngestReport, source: string) => void;
  /** Called with each stored document (after commit), e.g. to print ids. */
  onDocument?: (doc: Document, result: PutResult) => void;
}

export function emptyReport(): IngestReport {
  return {
    inputs: 0,
    documents: 0,
    inserted: 0,
    versioned: 0,
    unchanged: 0,
    skipped: 0,
    failed: 0,
    failures: [],
    warnings: [],
    notices: [],
    bytes: 0,
  };
}

/** Turns one input into documents: in this thread, or on a worker pool. */
export type Processor = (input: RawInput) => Promise<Processed>;

/** What one input gave, from this thread or a worker: the pipeline's own outcome. */
export type Processed = IngestOutcome;

export function inlineProcessor(ctx: IngestContext): Processor {
  // One input at a time, each in its own turn of the event loop, so a server (or a test runner)
  // on this thread is never blocked for a whole batch. Started together, the inputs in flight
  // would all run in one turn.
  let previous: Promise<unknown> = Promise.resolve();
  return (input) => {
    const result = previous.then(async () => {
      await nextTurn();
      // Enriching here needs the language model (enrich/language.ts); loaded once, on first use.
      if (ctx.matcher) await loadLanguageDetection();
      return ingestInput(input, ctx);
    });
    previous = result.catch(() => undefined);
    return result;
  };
}

export function poolProcessor(pool: IngestPool): Processor {
  return async (input) => {
    const result = await pool.run({
      source: input.source,
      name: input.name,
      bytes: input.bytes,
      ...(input.url ? { url: input.url } : {}),
      ...(input.publicSource ? { publicSource: input.publicSource } : {}),
    });
    return result.ok
      ? {
          ok: true,
          documents: result.documents,
          contentHash: result.contentHash,
          enrichments: result.enrichments,
          notices: result.notices,
        }
      : { ok: false, error: workerError(result) };
  };
}

/** The bytes to keep, under their public source, with how they were read (for re-extraction). */
function rawBlob(input: RawInput, hash: string): RawBlob {
  return {
    hash,
    source: input.publicSource ?? input.source,
    bytes: input.bytes,
    reading: { name: input.name, url: input.url ?? null, sidecars: input.sidecars ?? {} },
  };
}

/** How long stored work may wait for its transaction: what a kill can lose. */
const COMMIT_EVERY_MS = 2000;

/** Inputs being processed at once; enough to keep workers busy, few enough to bound memory. */
const IN_FLIGHT = 256;
/**
 * What read inputs may hold while they wait for the store, counted in documents and in characters
 * (UTF-16 units) of their text, whichever is reached first: read ahead of the batch being gathered, and in that
 * batch (besides its limit in inputs). When the store is slower than the readers (PostgreSQL at
 * tens of documents a second), every input in flight is read and waits, and a batch fills at
 * once; counted in inputs alone, what waited grew with the documents an input gives, and an
 * ingest whose inputs gave four documents each peaked at twice the resident memory of one whose
 * inputs gave one (2,057 MB against 953 MB, the Obama-era pages into PostgreSQL); bounded so,
 * 1,042 MB, and the four-document ingest took 230 s instead of 298.
 */
const WAITING_DOCUMENTS = 256;
const WAITING_CHARACTERS = 16 * 1024 * 1024;

/** What a read input holds: its documents, and the characters of their text. */
interface Held {
  documents: number;
  characters: number;
}

/** Characters of a read input's documents: their titles and turns' text. */
function charactersOf(processed: Processed): number {
  if (!processed.ok) return 0;
  let n = 0;
  for (const doc of processed.documents) {
    n += doc.title.length;
    for (const turn of doc.turns) for (const p of turn.paragraphs) n += p.length;
  }
  return n;
}

export async function ingestBatch(
  sources: AsyncIterable<SourceItem>,
  store: StoreBackend,
  processing: IngestContext | Processor,
  options: BatchOptions = {},
): Promise<IngestReport> {
  const process = typeof processing === "function" ? processing : inlineProcessor(processing);
  const report = emptyReport();
  const batchSize = options.batchSize ?? 250;
  const keepRaw = options.keepRaw ?? store.capabilities.rawInputs;
  let pending: { item: BatchItem; source: string }[] = [];
  // What the batch being gathered holds.
  const gathered: Held = { documents: 0, characters: 0 };
  const commitEvery = options.commitEvery ?? COMMIT_EVERY_MS;
  let lastFlush = Date.now();

  // Each input of a conflict reports it; the report says it once per document.
  const conflictsNoted = new Set<string>();
  const noteConflict = (source: string, id: string, versions: number[]) => {
    if (conflictsNoted.has(id)) return;
    conflictsNoted.add(id);
    report.notices.push({
      source,
      code: "VERSION_CONFLICT",
      message: warningMessage("VERSION_CONFLICT", { id, versions: versions.join(", ") }),
    });
  };

  const flush = async () => {
    lastFlush = Date.now();
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    gathered.documents = 0;
    gathered.characters = 0;
    let results: (PutResult[] | null)[];
    try {
      results = await store.putBatch(batch.map((p) => p.item));
    } catch {
      // The transaction rolled back: store the inputs one by one, so only the bad one fails.
      results = [];
      for (const p of batch) {
        try {
          results.push((await store.putBatch([p.item]))[0] ?? []);
        } catch (error) {
          const e = toVerbatimError(error);
          report.failed++;
          report.failures.push({ source: p.source, code: e.code, message: e.message });
          results.push(null);
        }
      }
    }
    results.forEach((docResults, i) => {
      if (!docResults) return;
      const { item } = batch[i] as { item: BatchItem; source: string };
      docResults.forEach((r, j) => {
        report.documents++;
        report[r.status === "inserted" ? "inserted" : r.status === "versioned" ? "versioned" : "unchanged"]++;
        const doc = item.documents[j] as Document;
        if (r.conflicts) noteConflict(batch[i]?.source ?? doc.provenance.source, doc.id, r.conflicts);
        options.onDocument?.(doc, r);
      });
    });
  };

  const settle = async (input: RawInput, processed: Processed, held: Held) => {
    report.bytes += input.bytes.length;
    if (!processed.ok) {
      report.failed++;
      report.failures.push({
        source: input.source,
        code: processed.error.code,
        message: processed.error.message,
      });
    } else {
      for (const doc of processed.documents) {
        if (doc.warnings.length)
          report.warnings.push({ source: input.source, id: doc.id, codes: doc.warnings });
      }
      for (const n of processed.notices ?? []) report.notices.push({ source: input.source, ...n });
      pending.push({
        source: input.source,
        item: {
          raw: keepRaw ? rawBlob(input, processed.contentHash) : null,
          documents: processed.documents,
          enrichments: processed.enrichments,
          versionKeys: processed.documents.map(versionKeys),
        },
      });
      gathered.documents += held.documents;
      gathered.characters += held.characters;
      if (
        pending.length >= batchSize ||
        gathered.documents >= WAITING_DOCUMENTS ||
        gathered.characters >= WAITING_CHARACTERS ||
        Date.now() - lastFlush >= commitEvery
      )
        await flush();
    }
    options.onProgress?.(report, input.source);
  };

  // Results are settled in input order, whatever order workers finish in.
  const inFlight: { input: RawInput; result: Promise<Processed>; held: Held }[] = [];
  // What the inputs read and not yet settled hold, summed as each is read and taken off as it settles.
  const waiting: Held = { documents: 0, characters: 0 };
  // Inputs still being read hold nothing yet, but will, or they would all be sent to be read and
  // come back together while a slow store writes: each counts as many characters as it has bytes
  // (its text is not longer), and as many documents as the inputs read so far gave on average
  // (before any is read, a sixteenth of what may wait: inputs enough to keep the workers busy,
  // not a burst of 256 large ones).
  let reading = 0;
  let readingBytes = 0;
  const read = { inputs: 0, documents: 0 };
  const settleOldest = async () => {
    const oldest = inFlight.shift();
    if (!oldest) return;
    const processed = await oldest.result;
    waiting.documents -= oldest.held.documents;
    waiting.characters -= oldest.held.characters;
    await settle(oldest.input, processed, oldest.held);
  };
  const tooMuchWaiting = () => {
    if (inFlight.length >= IN_FLIGHT) return true;
    const each = read.inputs > 0 ? read.documents / read.inputs : WAITING_DOCUMENTS / 16;
    return (
      waiting.documents + reading * each >= WAITING_DOCUMENTS ||
      waiting.characters + readingBytes >= WAITING_CHARACTERS
    );
  };

  for await (const item of sources) {
    report.inputs++;
    if (item.type === "input") {
      const held: Held = { documents: 0, characters: 0 };
      const result = process(item.input)
        .catch((error) => ({ ok: false as const, error: toVerbatimError(error) }))
        .then((processed) => {
          held.documents = processed.ok ? processed.documents.length : 0;
          held.characters = charactersOf(processed);
          waiting.documents += held.documents;
          waiting.characters += held.characters;
          reading--;
          readingBytes -= item.input.bytes.length;
          read.inputs++;
          read.documents += held.documents;
          return processed;
        });
      reading++;
      readingBytes += item.input.bytes.length;
      inFlight.push({ input: item.input, result, held });
      while (inFlight.length > 0 && tooMuchWaiting()) await settleOldest();
      continue;
    }
    // Skips and read failures wait for earlier inputs, so the report keeps input order.
    while (inFlight.length) await settleOldest();
    if (item.type === "skipped") {
      report.skipped++;
      report.notices.push({ source: item.source, code: item.code, message: item.message });
    } else {
      const e = toVerbatimError(item.error);
      report.failed++;
      report.failures.push({ source: item.source, code: e.code, message: e.message });
    }
    options.onProgress?.(report, item.source);
  }
  while (inFlight.length) await settleOldest();
  await flush();
  return report;
}
