/**
 * Provenance names the source as the person who ingested it knows it (the file under the folder
 * given, the archive member, the URL), never where the server keeps it: readers, the API and
 * exports show provenance to anyone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentToJsonLine } from "../../src/export/jsonl.js";
import { ingestBatch } from "../../src/ingest/batch.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { appFor } from "../support/app.js";
import { FIXED_NOW, registry } from "../support/ingest.js";

const STATEMENT = `---
title: Statement on the harbour agreement
date: 2024-05-02
---

The ministers signed the harbour agreement today and will meet again in June.
`;

describe("provenance of ingested files", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "verbatim-provenance-"));
  const folder = path.join(tmp, "private-server-folder", "statements");
  const store = withSearch(new SqliteStore({ path: ":memory:" }));
  const docs: Document[] = [];

  beforeAll(async () => {
    mkdirSync(path.join(folder, "2024"), { recursive: true });
    writeFileSync(path.join(folder, "2024", "harbour.md"), STATEMENT);
    const { files } = await planSources([folder]);
    await ingestBatch(readSources(files, { maxBytes: 2 ** 20 }), store, {
      registry,
      debateSpeakers: null,
      maxBytes: 2 ** 20,
      now: FIXED_NOW,
    });
    for await (const d of store.list()) docs.push(d);
  });

  afterAll(async () => {
    await store.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("a file read from a folder is named by the folder's name and its path inside it", () => {
    expect(docs.map((d) => d.provenance.source)).toEqual(["statements/2024/harbour.md"]);
  });

  it("the kept raw input and how it was read name no server path", async () => {
    const raws = [];
    for await (const raw of store.listRaw()) raws.push(raw);
    expect(raws.map((r) => r.source)).toEqual(["statements/2024/harbour.md"]);
    const reading = await store.inputReading(raws[0]?.hash ?? "", "statements/2024/harbour.md");
    expect(reading?.name).toBe("2024/harbour.md");
  });

  it("the reader page, the API, the versions and the JSON Lines export never show the server's folder", async () => {
    const id = docs[0]?.id ?? "";
    const app = appFor(store);
    const shown = [
      await (await app.request(`/d/${id}`)).text(),
      await (await app.request(`/api/documents/${id}`)).text(),
      await (await app.request(`/api/documents/${id}/versions`)).text(),
      docs.map(documentToJsonLine).join(""),
    ];
    for (const text of shown) {
      expect(text).not.toContain(tmp);
      expect(text).not.toContain("private-server-folder");
    }
    expect(shown[0]).toContain("statements/2024/harbour.md");
  });
});
