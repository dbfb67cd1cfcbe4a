/**
 * Publisher keys checked against the texts: a key the evidence contradicts, or a second keyed
 * version in one language, is a conflict for review, never a link; undated versions are linked
 * by their content alone.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decideKeyGroup } from "../../src/align/key-check.js";
import { documentAnchors, shareKey, versionKeys } from "../../src/align/link.js";
import { linkAndMeasure } from "../../src/align/service.js";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { makeDocument, makeTurn } from "../support/documents.js";

const EN = [
  "On 12 March 2024 the ministers of Chile and Russia met in Moscow for talks on trade.",
  "Trade grew by 17.5 per cent in 2023, to 1,250 million dollars, and 14 agreements are in force.",
  "Minister Klaveren and Minister Lavrov agreed to meet again in Santiago in 2025.",
];
const RU = [
  "12 марта 2024 года министры Чили и России провели в Москве переговоры о торговле.",
  "Товарооборот вырос на 17,5 процента в 2023 году, до 1 250 миллионов долларов, действуют 14 соглашений.",
  "Министр Клаверен и министр Лавров договорились вновь встретиться в Сантьяго в 2025 году.",
];
const OTHER_RU = [
  "Посольство сообщает о графике работы консульского отдела в праздничные дни.",
  "Приём граждан 3, 4 и 5 мая не ведётся; 6 мая отдел работает с 9:00 до 13:00, телефон 8 800 100 22 33.",
  "Справки по адресу Мясницкая улица, дом 41, Тверь, Казань, Новосибирск, Омск, Пермь.",
];

function doc(id: string, language: string, paragraphs: string[], extra: Partial<Document> = {}): Document {
  return makeDocument({
    id,
    language,
    title: paragraphs[0]?.slice(0, 40) ?? id,
    sourceUrl: null,
    publisherRef: null,
    participants: [],
    attachments: [],
    turns: [makeTurn(0, { paragraphs, notes: [], speakerId: null, speakerName: null, kind: "remarks" })],
    ...extra,
  });
}

const on = (date: string | null) => ({ when: { date, time: null, timeZone: null, dateTime: null } });
const decide = (docs: Document[]) =>
  decideKeyGroup(docs, (d) => documentAnchors(d, null), shareKey).map((v) => [v.a, v.b, v.method]);

describe("checking publisher keys against the texts", () => {
  it("links a keyed pair whose dates, numbers and names agree", () => {
    const en = doc("a-en", "en", EN, { publisherRef: "1224", ...on("2024-03-12") });
    const ru = doc("a-ru", "ru", RU, { publisherRef: "1224", ...on("2024-03-12") });
    expect(decide([en, ru])).toEqual([["a-en", "a-ru", "key"]]);
  });

  it("leaves a keyed pair published weeks apart as a conflict", () => {
    const en = doc("a-en", "en", EN, { publisherRef: "1224", ...on("2024-03-12") });
    const ru = doc("a-ru", "ru", RU, { publisherRef: "1224", ...on("2024-05-02") });
    const [verdict] = decideKeyGroup([en, ru], (d) => documentAnchors(d, null), shareKey);
    expect(verdict?.method).toBe("conflict");
    expect(verdict?.reasons.join(" ")).toContain("51 days apart");
  });

  it("leaves a keyed pair of two well-anchored texts that share almost nothing as a conflict", () => {
    const en = doc("a-en", "en", EN, { publisherRef: "1224", ...on("2024-03-12") });
    const ru = doc("b-ru", "ru", OTHER_RU, { publisherRef: "1224", ...on("2024-03-12") });
    expect(decide([en, ru])).toEqual([["a-en", "b-ru", "conflict"]]);
  });

  it("does not choose between two keyed versions in one language that both fit", () => {
    const en = doc("a-en", "en", EN, { publisherRef: "7", ...on("2024-03-12") });
    const ru1 = doc("a-ru", "ru", RU, { publisherRef: "7", ...on("2024-03-12") });
    const ru2 = doc("c-ru", "ru", RU, { publisherRef: "7", ...on("2024-03-13") });
    expect(decide([en, ru1, ru2])).toEqual([
      ["a-en", "a-ru", "conflict"],
      ["a-en", "c-ru", "conflict"],
    ]);
  });

  it("links the keyed version the texts support when its rival in that language is contradicted", () => {
    const en = doc("a-en", "en", EN, { sourceUrl: "https://example.org/v/1", ...on("2024-03-12") });
    const ru = doc("a-ru", "ru", RU, { sourceUrl: "https://example.org/v/1", ...on("2024-03-12") });
    const stray = doc("b-ru", "ru", OTHER_RU, { sourceUrl: "https://example.org/v/1", ...on("2024-03-12") });
    expect(decide([en, ru, stray])).toEqual([
      ["a-en", "a-ru", "key"],
      ["a-en", "b-ru", "conflict"],
    ]);
  });

  it("links nothing through a key that more documents share than a statement has versions", () => {
    const docs = Array.from({ length: 10 }, (_, i) =>
      doc(`d${i}-${i % 2 ? "ru" : "en"}`, i % 2 ? "ru" : "en", i % 2 ? RU : EN, { publisherRef: "home" }),
    );
    expect(new Set(decide(docs).map((v) => v[2]))).toEqual(new Set(["conflict"]));
  });
});

describe("linking an archive", () => {
  let dir: string;
  let store: DocumentStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-keys-"));
    store = withSearch(new SqliteStore({ path: path.join(dir, "archive.db") }));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("links keyed versions, lists contradicted keys as conflicts, and shows no conflict as a version", async () => {
    const docs = [
      doc("a-en", "en", EN, { publisherRef: "1224", ...on("2024-03-12") }),
      doc("a-ru", "ru", RU, { publisherRef: "1224", ...on("2024-03-12") }),
      doc("b-en", "en", EN, { publisherRef: "99", ...on("2024-03-12") }),
      doc("b-ru", "ru", OTHER_RU, { publisherRef: "99", ...on("2024-03-12") }),
    ];
    // Keys are given with the documents, as ingestion gives them (align/link.ts decides them).
    await store.putBatch([{ raw: null, documents: docs, versionKeys: docs.map(versionKeys) }]);
    const outcome = await linkAndMeasure(
      store,
      docs.map((d) => d.id),
      null,
    );
    expect([outcome.keyed, outcome.conflicts]).toEqual([1, 1]);
    expect((await store.languageVersions("a-en")).map((v) => [v.id, v.method])).toEqual([["a-ru", "key"]]);
    expect(await store.languageVersions("b-en")).toEqual([]);
    const conflicts = await store.versionConflicts();
    expect(conflicts.map((c) => [c.a.id, c.b.id])).toEqual([["b-en", "b-ru"]]);
    expect(conflicts[0]?.reasons[0]).toBe("key contradicted");
  });

  it("links an undated interview to its undated translation by their content", async () => {
    const docs = [doc("i-en", "en", EN, on(null)), doc("i-ru", "ru", RU, on(null))];
    await store.putBatch([{ raw: null, documents: docs }]);
    const outcome = await linkAndMeasure(
      store,
      docs.map((d) => d.id),
      null,
    );
    expect(outcome.linked.map((l) => [l.a, l.b])).toEqual([["i-en", "i-ru"]]);
    expect((await store.languageVersions("i-ru"))[0]?.method).toBe("evidence");
  });
});
