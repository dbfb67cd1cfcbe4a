import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
  counting.readCatalog = async () => {
    reads.catalog++;
    return index.readCatalog();
  };
  counting.readCatalogChanges = async (mark) => {
    reads.changes++;
    return index.readCatalogChanges(mark);
  };
  return { store, engine: new SearchEngine(counting), reads };
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

  it("is read again after a read that failed, instead of every later search failing with it", async () => {
    const { store, reads } = countingEngine();
    await store.putBatch([{ raw: null, documents: [transcript("a", "sanctions")] }]);
    const index = store.textIndex;
    const flaky = Object.create(index) as TextIndex;
    let fail = true;
    flaky.readCatalog = async () => {
      reads.catalog++;
      if (fail) throw new Error("connection lost");
      return index.readCatalog();
    };
    const flakyEngine = new SearchEngine(flaky);
    await expect(flakyEngine.search(parseQuery("sanctions"))).rejects.toThrow("connection lost");
    fail = false;
    expect((await flakyEngine.search(parseQuery("sanctions"))).total.documents).toBe(1);
    expect(reads.catalog).toBe(2);
    await store.close();
  });
});
