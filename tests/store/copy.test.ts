/**
 * `verbatim copy` moves an archive between backends without loss: every record read out of the
 * copy equals the record read out of the original, and the copy answers searches alike.
 */

import { afterEach, describe, expect, it } from "vitest";
import { VerbatimError } from "../../src/errors/catalog.js";
import { anchorsFor } from "../../src/model/corrections.js";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore, PageState } from "../../src/store/store.js";
import type { ArchiveRecord } from "../../src/store/transfer.js";
import { makeDocument } from "../support/documents.js";
import { freshPgStore, postgresWanted } from "../support/postgres.js";

const opened: DocumentStore[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
});

const sqlite = () => {
  const s = withSearch(new SqliteStore({ path: ":memory:" }));
  opened.push(s);
  return s;
};
const postgres = async () => {
  const s = withSearch(await freshPgStore());
  opened.push(s);
  return s;
};

/** An archive holding one of everything an archive can hold. */
async function fill(store: DocumentStore): Promise<void> {
  const en = makeDocument({ id: "mfa-en", language: "en", publisherRef: "n1" });
  const ru = makeDocument({
    id: "mfa-ru",
    language: "ru",
    publisherRef: "n1",
    title: "Выступление и ответы на вопросы",
  });
  const page: PageState = {
    url: "https://mid.ru/en/press_service/mfa-en/",
    publisher: "mid.ru",
    role: "record",
    state: "ok",
    etag: '"abc"',
    lastModified: null,
    contentHash: "h1",
    documentIds: ["mfa-en"],
    firstSeen: "2024-01-01T00:00:00.000Z",
    lastFetched: "2024-01-02T00:00:00.000Z",
    lastChanged: null,
    published: "2020-12-29",
    nextVisit: "2024-02-01T00:00:00.000Z",
    failures: 0,
    lastError: null,
  };
  await store.fetchLog?.startCrawl("run-1", "2024-01-01T00:00:00.000Z");
  await store.fetchLog?.enqueue("run-1", [
    { url: page.url, depth: 1 },
    { url: "https://mid.ru/en/next/", depth: 2 },
  ]);
  await store.putBatch([
    {
      raw: {
        hash: "raw-en",
        source: "mid.ru/en.html",
        bytes: new TextEncoder().encode("<p>Sergey Lavrov: sanctions</p>"),
        reading: { name: "en.html", url: page.url, sidecars: { debateSpeakers: "raw-table" } },
      },
      documents: [en],
      fetched: { page, queue: { key: "run-1", url: page.url } },
    },
    {
      raw: { hash: "raw-table", source: "speakers.xlsx", bytes: new Uint8Array([0, 1, 2, 255]) },
      documents: [ru],
    },
  ]);
  await store.putBatch([{ raw: null, documents: [{ ...en, title: `${en.title} (corrected)` }] }]);
  await store.putEnrichment({
    version: 3,
    documentId: "mfa-en",
    turnLanguages: en.turns.map(() => "en"),
    mentions: [{ entityId: "TR", type: "country", start: 0, end: 6, text: "", turn: 1, paragraph: 0 }],
    times: [{ start: 2, end: 10, text: "next year", value: "2021", turn: 1, paragraph: 0 }],
  });
  await store.seedSpeakers([{ id: "sergey-lavrov", name: "Sergey Lavrov", aliases: [], roles: [] }]);
  await store.putSpeakers([{ id: "jen-psaki", name: "Jen Psaki", aliases: [], roles: [] }]);
  await store.putEntities([
    { id: "TR", type: "country", name: "Türkiye", forms: [{ text: "Turkey", lang: "en" }] } as never,
  ]);
  await store.putVersionLink({
    a: "mfa-en",
    b: "mfa-ru",
    method: "manual",
    confidence: 1,
    reasons: ["by hand"],
  });
  await store.putDivergence({
    a: "mfa-en",
    b: "mfa-ru",
    version: 3,
    score: 0.2,
    onlyA: 1,
    onlyB: 0,
    lengthOutliers: 0,
    numberMismatches: 1,
    entityMismatches: 0,
  });
  await store.fetchLog?.putCapture({
    url: page.url,
    fetchedAt: "2024-01-02T00:00:00.000Z",
    status: 200,
    contentHash: "h1",
    warcFile: "verbatim-00001.warc.gz",
    warcOffset: 12_345,
    warcLength: 678,
  });
  await store.fetchLog?.withdraw("mfa-ru", "https://mid.ru/ru/x/", 410, "2024-01-03T00:00:00.000Z");
  // An editor's corrections: one applied, one undone.
  const seen = (await store.get("mfa-en"))?.document as Document;
  for (const op of [
    { op: "speaker", turn: 1, speakerId: "jen-psaki", speakerName: "Jen Psaki" },
    { op: "kind", turn: 0, kind: "other" },
  ] as const) {
    const made = await store.putCorrection({
      documentId: "mfa-en",
      op,
      anchors: anchorsFor(seen, op),
      author: "editor",
      reason: "checked",
      at: "2024-01-04T00:00:00.000Z",
    });
    if (op.op === "kind") await store.undoCorrection(made.id, "editor", "2024-01-05T00:00:00.000Z");
  }
  // And a turn split in two, which moves the enrichment: the copy must move it the same way.
  const text = seen.turns[0]?.paragraphs.at(-1) as string;
  const split = {
    op: "split",
    turn: 0,
    paragraph: seen.turns[0]?.paragraphs.length ? seen.turns[0].paragraphs.length - 1 : 0,
    at: text.indexOf(" ", text.length / 2) + 1,
  } as const;
  await store.putCorrection({
    documentId: "mfa-en",
    op: split,
    anchors: anchorsFor(seen, split),
    author: "editor",
    reason: "two speakers in one turn",
    at: "2024-01-06T00:00:00.000Z",
  });
}

async function records(store: DocumentStore): Promise<ArchiveRecord[]> {
  const out: ArchiveRecord[] = [];
  for await (const r of store.transfer.exportRecords()) out.push(r);
  return out;
}

async function copy(from: DocumentStore, to: DocumentStore) {
  return to.transfer.importRecords(from.transfer.exportRecords());
}

const kinds = (list: ArchiveRecord[]) => [...new Set(list.map((r) => r.kind))].sort();

describe("copying an archive record by record", () => {
  it("from SQLite to SQLite keeps every record of every kind", async () => {
    const a = sqlite();
    await fill(a);
    const original = await records(a);
    expect(kinds(original)).toEqual(
      [
        "capture",
        "correction",
        "crawl",
        "divergence",
        "enrichment",
        "entity",
        "link",
        "page",
        "queued",
        "raw",
        "reading",
        "speaker",
        "version",
        "withdrawal",
      ].sort(),
    );
    const b = sqlite();
    const counts = await copy(a, b);
    expect(counts.version).toBe(3);
    expect(await records(b)).toEqual(original);
    expect(await b.counts()).toEqual(await a.counts());
    expect(await b.languageVersions("mfa-en")).toEqual(await a.languageVersions("mfa-en"));
    expect(await b.get("mfa-en")).toEqual(await a.get("mfa-en"));
    expect((await b.get("mfa-en"))?.corrections?.applied.length).toBe(2);
    expect(await b.getEnrichment("mfa-en")).toEqual(await a.getEnrichment("mfa-en"));
  });

  it("refuses to copy into an archive that holds documents", async () => {
    const a = sqlite();
    await fill(a);
    const b = sqlite();
    await b.putBatch([{ raw: null, documents: [makeDocument({ id: "other" })] }]);
    await expect(copy(a, b)).rejects.toSatisfy(
      (e) => e instanceof VerbatimError && e.code === "COPY_TARGET_NOT_EMPTY",
    );
  });

  it.runIf(postgresWanted)(
    "from SQLite to PostgreSQL and back keeps every record and every answer",
    async () => {
      const a = sqlite();
      await fill(a);
      const original = await records(a);
      const pg = await postgres();
      await copy(a, pg);
      expect(await records(pg)).toEqual(original);
      const back = sqlite();
      await copy(pg, back);
      expect(await records(back)).toEqual(original);
      // Compared with the fresh copy: FTS5 keeps counting a replaced row in its BM25 statistics
      // until it merges its segments, so the original's scores drift slightly after edits.
      for (const text of ["sanctions", "lavrov", "speaker:lavrov", "mentions:TR"]) {
        const query = parseQuery(text);
        const found = await pg.search(query, { cache: false });
        expect(found, text).toEqual(await back.search(query, { cache: false }));
        expect(found.total, text).toEqual((await a.search(query, { cache: false })).total);
      }
      expect(await pg.versions("mfa-en")).toEqual(await a.versions("mfa-en"));
      expect(await pg.get("mfa-en")).toEqual(await a.get("mfa-en"));
      expect(await pg.corrections("mfa-en")).toEqual(await a.corrections("mfa-en"));
      expect(await pg.getEnrichment("mfa-en")).toEqual(await a.getEnrichment("mfa-en"));
      expect(await pg.fetchLog?.changes()).toEqual(await a.fetchLog?.changes());
    },
  );
});
