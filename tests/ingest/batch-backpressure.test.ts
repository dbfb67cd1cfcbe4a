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

async function* inputs(count: number): AsyncIterable<SourceItem> {
  for (let i = 0; i < count; i++)
    yield { type: "input", input: { source: `in-${i}`, name: `in-${i}.md`, bytes: Buffer.from("x") } };
}

/**
 * Reads each input at once into `perInput` documents of `text` each, and stores slowly; notes the
 * most documents read and not yet handed to the store at any time.
 */
async function run(count: number, perInput: number, text: string) {
  let read = 0;
  let handed = 0;
  let mostWaiting = 0;
  const processor: Processor = async (input) => {
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
      handed += items.reduce((n, item) => n + item.documents.length, 0);
      await new Promise((resolve) => setTimeout(resolve, 5));
      return items.map((item) => item.documents.map(() => ({ status: "inserted" }) as PutResult));
    },
  } as unknown as StoreBackend;
  const report = await ingestBatch(inputs(count), store, processor, { batchSize: 10 });
  return { report, mostWaiting };
}

describe("an ingest whose store is slower than its readers", () => {
  it("holds at most about 512 read documents waiting when each input gives forty", async () => {
    const { report, mostWaiting } = await run(60, 40, "A short paragraph.");
    expect(report.documents).toBe(2400);
    // Counted in inputs alone, all 60 inputs (2,400 documents) were read ahead of the store.
    // 256 read ahead and 256 in the batch being gathered, each reached within one input.
    expect(mostWaiting).toBeLessThanOrEqual(2 * (256 + 40));
  });

  it("holds at most about 32 MB of read text waiting when each document is long", async () => {
    const long = "word ".repeat(1_000_000);
    const { report, mostWaiting } = await run(40, 1, long);
    expect(report.documents).toBe(40);
    expect(mostWaiting * long.length).toBeLessThanOrEqual(2 * (16 * 1024 * 1024 + long.length));
  });

  it("still reads ahead of the store when inputs are small", async () => {
    const { report, mostWaiting } = await run(100, 1, "A short paragraph.");
    expect(report.documents).toBe(100);
    expect(mostWaiting).toBeGreaterThan(10);
  });
});
