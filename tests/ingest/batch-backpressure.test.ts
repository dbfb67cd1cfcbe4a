/**
 * How much read work an ingest holds while the store is slower than its readers: every input in
 * flight is read and waits to be stored, so what waits is bounded in documents and characters,
 * not only in inputs, however many documents one input gives.
 */
import { describe, expect, it } from "vitest";
import { ingestBatch, type Processor } from "../../src/ingest/batch.js";
import type { SourceItem } from "../../src/ingest/read/sources.js";
import type { Document } from "../../src/model/document.js";
import type { BatchItem, PutResult, StoreBackend } from "../../src/store/store.js";
import { makeDocument } from "../support/documents.js";

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Inputs as an archive gives them: one at a time, each a turn of the event loop apart. */
async function* inputs(count: number, bytes: Buffer): AsyncIterable<SourceItem> {
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    yield { type: "input", input: { source: `in-${i}`, name: `in-${i}.md`, bytes } };
  }
}

/**
 * Reads each input, a millisecond later as a worker would, into `perInput` documents of `text`
 * each, and stores slowly; notes the most documents read and not yet handed to the store at any
 * time, and how many batches it stored.
 */
async function run(count: number, perInput: number, text: string) {
  let read = 0;
  let handed = 0;
  let mostWaiting = 0;
  let batches = 0;
  const processor: Processor = async (input) => {
    await later(1);
    const documents: Document[] = Array.from({ length: perInput }, (_, k) =>
      makeDocument({
        id: `midru-${input.source}-${k}`,
        turns: [{ ...makeDocument().turns[0], paragraphs: [text] } as Document["turns"][number]],
      }),
    );
    read += documents.length;
    mostWaiting = Math.max(mostWaiting, read - handed);
    return { ok: true, documents, contentHash: input.source, enrichments: [], notices: [] };
  };
  const store = {
    capabilities: { rawInputs: false },
    putBatch: async (items: BatchItem[]): Promise<PutResult[][]> => {
      const documents = items.reduce((n, item) => n + item.documents.length, 0);
      handed += documents;
      batches++;
      await later(20);
      return items.map((item) => item.documents.map(() => ({ status: "inserted" }) as PutResult));
    },
  } as unknown as StoreBackend;
  // The input's bytes, as long as the text it gives (one buffer for all: only its length is read).
  const bytes = Buffer.alloc(perInput * text.length);
  const report = await ingestBatch(inputs(count, bytes), store, processor);
  return { report, mostWaiting, batches };
}

describe("an ingest whose store is slower than its readers", () => {
  it("holds at most about 512 read documents waiting when each input gives forty", async () => {
    const { report, mostWaiting } = await run(300, 40, "A short paragraph.");
    expect(report.documents).toBe(12_000);
    // 256 read ahead and 256 in the batch being gathered, each reached within one input. Counted
    // in inputs alone, 256 inputs (10,240 documents) were read ahead of the store.
    expect(mostWaiting).toBeLessThanOrEqual(2 * (256 + 40));
  });

  it("holds at most about 32 MB of read text waiting when each document is long", async () => {
    const long = "word ".repeat(1_000_000);
    const { report, mostWaiting } = await run(40, 1, long);
    expect(report.documents).toBe(40);
    expect(mostWaiting * long.length).toBeLessThanOrEqual(2 * (16 * 1024 * 1024 + long.length));
  });

  it("still reads ahead of the store and stores in batches when each input gives one short document", async () => {
    const { report, mostWaiting, batches } = await run(600, 1, "A short paragraph.");
    expect(report.documents).toBe(600);
    expect(mostWaiting).toBeGreaterThan(300);
    // Batches of 250 inputs, or of what two seconds gave: a few, not one per input.
    expect(batches).toBeLessThanOrEqual(10);
  });
});
