import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TextIndex } from "../../src/model/text-index.js";
import { SearchEngine } from "../../src/search/engine/engine.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { makeTranscript } from "../support/documents.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function transcript(id: string, text: string) {
  return makeTranscript({ id, turns: [{ text }] });
}

/** A SQLite archive and an engine over its text index that counts how often the catalog is read. */
function countingEngine() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-engine-"));
  dirs.push(dir);
  const store = new SqliteStore({ path: path.join(dir, "archive.db") });
  const reads = { catalog: 0, changes: 0 };
  const index = store.textIndex;
  const counting: TextIndex = Object.create(index);
  counting.readCatalog = async (sink) => {
    reads.catalog++;
    return index.readCatalog(sink);
  };
  counting.readCatalogChanges = async (mark, limit) => {
    reads.changes++;
    return index.readCatalogChanges(mark, limit);
  };
  return { store, engine: new SearchEngine(counting), reads };
}

/**
 * An engine over one SQLite connection whose catalog reads wait for `before` (given the read's
 * number, from 1), and a second connection to the same file standing for another process.
 */
function twoProcesses(before: (read: number) => Promise<void> | undefined) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-engine-"));
  dirs.push(dir);
  const file = path.join(dir, "archive.db");
  const store = new SqliteStore({ path: file });
  const otherProcess = new SqliteStore({ path: file });
  const index = store.textIndex;
  let reads = 0;
  const gated: TextIndex = Object.create(index);
  gated.readCatalogChanges = async (mark, limit) => {
    await before(++reads);
    return index.readCatalogChanges(mark, limit);
  };
  const engine = new SearchEngine(gated);
  const documents = async (q: string) => (await engine.search(parseQuery(q))).total.documents;
  const close = async () => {
    await otherProcess.close();
    await store.close();
  };
  return { store, otherProcess, documents, reads: () => reads, close };
}

describe("the search engine's turn catalog", () => {
  it("is read once for searches that arrive together, and its changes once after the archive changes", async () => {
    const { store, engine, reads } = countingEngine();
    await store.putBatch([{ raw: null, documents: [transcript("a", "sanctions against the ministry")] }]);

    const first = await Promise.all(
      Array.from({ length: 8 }, (_, i) => engine.search(parseQuery(i % 2 ? "sanctions" : "ministry"))),
    );
    expect(first.map((r) => r.total.documents)).toEqual(Array(8).fill(1));
    expect(reads.catalog).toBe(1);

    await store.putBatch([{ raw: null, documents: [transcript("b", "new sanctions")] }]);
    const second = await Promise.all(
      Array.from({ length: 8 }, (_, i) => engine.search(parseQuery(`sanctions${i ? ` -word${i}` : ""}`))),
    );
    expect(second.map((r) => r.total.documents)).toEqual(Array(8).fill(2));
    expect(reads).toEqual({ catalog: 1, changes: 1 });
    await store.close();
  });

  it("is brought up to date a few documents at a time after a large commit, with every document in it", async () => {
    const { store, engine, reads } = countingEngine();
    await store.putBatch([{ raw: null, documents: [transcript("a", "sanctions")] }]);
    expect((await engine.search(parseQuery("sanctions"))).total.documents).toBe(1);
    const many = Array.from({ length: 50 }, (_, i) => transcript(`b${i}`, `sanctions number ${i}`));
    await store.putBatch([{ raw: null, documents: many }]);
    expect((await engine.search(parseQuery("sanctions"))).total.documents).toBe(51);
    // 50 documents, 20 at a time.
    expect(reads).toEqual({ catalog: 1, changes: 3 });
    await store.close();
  });

  it("answers a search that arrives while another process's writes are being read from the catalog as it stands, but holds one that follows a write of its own", async () => {
    let open: () => void = () => {};
    let gate: Promise<void> | undefined;
    const { store, otherProcess, documents, close } = twoProcesses(() => gate);
    await store.putBatch([{ raw: null, documents: [transcript("a", "sanctions")] }]);
    expect(await documents("sanctions")).toBe(1);

    gate = new Promise((resolve) => {
      open = resolve;
    });
    await otherProcess.putBatch([{ raw: null, documents: [transcript("b", "sanctions again")] }]);
    // The first search after the other process's write starts the refresh and waits for it...
    const starter = documents("sanctions");
    // ...one arriving meanwhile does not: it sees the archive as the catalog last held it.
    expect(await documents("sanctions OR again")).toBe(1);

    await store.putBatch([{ raw: null, documents: [transcript("c", "sanctions of our own")] }]);
    let ownAnswered = false;
    const own = documents("sanctions OR own").then((n) => {
      ownAnswered = true;
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ownAnswered).toBe(false);

    open();
    // The refresh the first search waited for read on past its own write, to this process's.
    expect(await starter).toBe(3);
    expect(await own).toBe(3);
    await close();
  });

  it("answers the first search after another process's large commit once the refresh's first step is applied, and the rest as it goes", async () => {
    let open: () => void = () => {};
    const secondStep = new Promise<void>((resolve) => {
      open = resolve;
    });
    const { store, otherProcess, documents, reads, close } = twoProcesses((read) =>
      read === 2 ? secondStep : undefined,
    );
    await store.putBatch([{ raw: null, documents: [transcript("a", "sanctions")] }]);
    expect(await documents("sanctions")).toBe(1);

    const many = Array.from({ length: 30 }, (_, i) => transcript(`b${i}`, `sanctions number ${i}`));
    await otherProcess.putBatch([{ raw: null, documents: many }]);
    // The first 20 of the 30 documents are applied; the search does not wait for the other 10.
    expect(await documents("sanctions")).toBe(21);
    open();
    // Once the refresh is over, every one (and the same query is not answered from the step's result).
    await vi.waitFor(async () => expect(await documents("sanctions")).toBe(31), {
      timeout: 10_000,
      interval: 5,
    });
    expect(reads()).toBe(2);
    await close();
  });

  it("is read again after a read that failed, instead of every later search failing with it", async () => {
    const { store, reads } = countingEngine();
    await store.putBatch([{ raw: null, documents: [transcript("a", "sanctions")] }]);
    const index = store.textIndex;
    const flaky = Object.create(index) as TextIndex;
    let fail = true;
    flaky.readCatalog = async (sink) => {
      reads.catalog++;
      if (fail) throw new Error("connection lost");
      return index.readCatalog(sink);
    };
    const flakyEngine = new SearchEngine(flaky);
    await expect(flakyEngine.search(parseQuery("sanctions"))).rejects.toThrow("connection lost");
    fail = false;
    expect((await flakyEngine.search(parseQuery("sanctions"))).total.documents).toBe(1);
    expect(reads.catalog).toBe(2);
    await store.close();
  });
});
