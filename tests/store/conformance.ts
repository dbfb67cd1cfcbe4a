/**
 * The conformance suite every backend must pass. A backend's test file calls
 * describeStoreConformance with a function that opens a fresh, empty backend with the options given
 * (the aligner version whose divergence summaries are current, as the archive opener passes it);
 * the suite adds search to it as the archive opener does (withSearch), so it tests the
 * DocumentStore users see: the backend and the one search engine over its text index. Each test
 * gets its own store and closes it. Optional behaviour is tested by capability flag, never by name.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ALIGNMENT_VERSION } from "../../src/align/version.js";
import { VerbatimError } from "../../src/errors/catalog.js";
import { anchorsFor, type CorrectionOp, invalidFor } from "../../src/model/corrections.js";
import type { Document, Turn } from "../../src/model/document.js";
import { emptyFilters, type SearchQuery } from "../../src/model/search-query.js";
import type { DocumentHit, FacetName, SearchResult, YearCounts } from "../../src/model/search-results.js";
import type { Speaker } from "../../src/model/speaker.js";
import { termStems, withStems } from "../../src/model/term-stems.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { parseQuery } from "../../src/search/query/parse.js";
import type { DocumentStore, StoreBackend } from "../../src/store/store.js";
import { makeDocument, makeTranscript, makeTurn } from "../support/documents.js";
import {
  and,
  anyTurn,
  bruteForce,
  datedWithin,
  FORMS,
  flat,
  fromPublisher,
  inLanguage,
  not,
  ofKind,
  or,
  SEARCH_ARCHIVE,
  SEARCH_CASES,
  SEARCH_SPEAKERS,
  says,
  saysPhrase,
  saysPrefix,
  type TurnPredicate,
  turnText,
  words,
} from "./search-cases.js";

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The same document with its second paragraph of the opening remarks reworded. */
function withChangedParagraph(doc: Document): Document {
  const turns = structuredClone(doc.turns);
  const first = turns[0];
  if (!first) throw new Error("the factory document has no turns");
  first.paragraphs[1] = "We have held very useful talks. (Applause.)";
  return { ...doc, turns };
}

const speaker = (id: string, name: string): Speaker => ({
  id,
  name,
  aliases: [
    { name: `${name} (alias)`, lang: "en" },
    { name: "С.Лавров", lang: "ru" },
  ],
  roles: [
    { title: "Minister of Foreign Affairs", from: "2004-03-09", to: null, labels: [], publisher: null },
  ],
});

export interface ConformanceOpenOptions {
  alignmentVersion: number;
}

export function describeStoreConformance(
  name: string,
  open: (options: ConformanceOpenOptions) => Promise<StoreBackend> | StoreBackend,
): void {
  describe(`${name} conforms to the DocumentStore interface`, () => {
    let store: DocumentStore;

    beforeEach(async () => {
      store = withSearch(await open({ alignmentVersion: ALIGNMENT_VERSION }));
    });

    afterEach(async () => {
      await store.close();
    });

    const put = (...documents: Document[]) => store.putBatch([{ raw: null, documents }]);

    it("putBatch inserts a document and get returns the same document", async () => {
      const doc = makeDocument();
      expect(await put(doc)).toEqual([[{ id: doc.id, version: 1, status: "inserted" }]]);
      const stored = await store.get(doc.id);
      expect(stored?.document).toStrictEqual(doc);
      expect(stored?.version).toBe(1);
      expect(stored?.current).toBe(true);
      expect(Number.isNaN(Date.parse(stored?.storedAt ?? ""))).toBe(false);
    });

    it("putBatch returns one result per document of each item in item order", async () => {
      const [a, b, c] = ["midru-a", "midru-b", "midru-c"].map((id) => makeDocument({ id }));
      const results = await store.putBatch([
        { raw: null, documents: [a as Document, b as Document] },
        { raw: null, documents: [] },
        { raw: null, documents: [c as Document] },
      ]);
      expect(results).toEqual([
        [
          { id: "midru-a", version: 1, status: "inserted" },
          { id: "midru-b", version: 1, status: "inserted" },
        ],
        [],
        [{ id: "midru-c", version: 1, status: "inserted" }],
      ]);
    });

    it("get returns null for an unknown id or an unknown version", async () => {
      const doc = makeDocument();
      await put(doc);
      expect(await store.get("midru-unknown")).toBeNull();
      expect(await store.get(doc.id, 2)).toBeNull();
      expect(await store.versions("midru-unknown")).toEqual([]);
    });

    it("putting the identical document again is unchanged with the same version", async () => {
      const doc = makeDocument();
      await put(doc);
      expect(await put(structuredClone(doc))).toEqual([[{ id: doc.id, version: 1, status: "unchanged" }]]);
      expect((await store.versions(doc.id)).map((v) => v.version)).toEqual([1]);
      expect((await store.counts()).versions).toBe(1);
    });

    it("the same document read again at another moment is unchanged", async () => {
      const doc = makeDocument();
      await put(doc);
      const reread = { ...doc, provenance: { ...doc.provenance, readAt: "2026-02-02T10:00:00.000Z" } };
      expect(await put(reread)).toEqual([[{ id: doc.id, version: 1, status: "unchanged" }]]);
    });

    it("a document with a changed paragraph becomes version 2 and version 1 is kept", async () => {
      const v1 = makeDocument();
      const v2 = withChangedParagraph(v1);
      await put(v1);
      expect(await put(v2)).toEqual([[{ id: v1.id, version: 2, status: "versioned" }]]);

      const current = await store.get(v1.id);
      expect(current?.version).toBe(2);
      expect(current?.current).toBe(true);
      expect(current?.document).toStrictEqual(v2);

      const old = await store.get(v1.id, 1);
      expect(old?.version).toBe(1);
      expect(old?.current).toBe(false);
      expect(old?.document).toStrictEqual(v1);

      const versions = await store.versions(v1.id);
      expect(
        versions.map(({ version, current, title, contentHash }) => ({
          version,
          current,
          title,
          contentHash,
        })),
      ).toEqual([
        { version: 1, current: false, title: v1.title, contentHash: v1.provenance.contentHash },
        { version: 2, current: true, title: v2.title, contentHash: v2.provenance.contentHash },
      ]);
    });

    it("other bytes saying the same record (a view counter, furniture, whitespace) are no new version", async () => {
      const v1 = makeDocument();
      const v2 = {
        ...v1,
        provenance: {
          ...v1.provenance,
          contentHash: "another-hash",
          byteLength: v1.provenance.byteLength + 7,
        },
      };
      await put(v1);
      expect(await put(v2)).toEqual([[{ id: v1.id, version: 1, status: "unchanged" }]]);
      expect((await store.versions(v1.id)).map((v) => [v.contentHash, v.current])).toEqual([
        [v1.provenance.contentHash, true],
      ]);
    });

    it("the same record read by another reader makes a new version", async () => {
      const v1 = makeDocument();
      const v2 = { ...v1, provenance: { ...v1.provenance, reader: "another-reader" } };
      await put(v1);
      expect(await put(v2)).toEqual([[{ id: v1.id, version: 2, status: "versioned" }]]);
    });

    it("going back to the content of an older version makes a new version", async () => {
      const v1 = makeDocument();
      await put(v1);
      await put(withChangedParagraph(v1));
      expect(await put(v1)).toEqual([[{ id: v1.id, version: 3, status: "versioned" }]]);
      expect((await store.get(v1.id))?.document).toStrictEqual(v1);
      expect((await store.versions(v1.id)).filter((v) => v.current).map((v) => v.version)).toEqual([3]);
    });

    describe("inputs that claim one document", () => {
      /** Another input with the document's URL: its own file, date, bytes and wording. */
      const claim = (day: string, source: string, hash: string): Document => {
        const doc = makeDocument({
          id: "whitehouse-same-url",
          when: { date: `2025-01-${day}`, time: null, timeZone: null, dateTime: null },
        });
        const turns = structuredClone(doc.turns);
        turns[0]?.paragraphs.push(`Remarks of the ${day}th.`);
        return { ...doc, turns, provenance: { ...doc.provenance, source, contentHash: hash } };
      };
      const jan21 = claim("21", "briefings/2025-01-21.md", "b".repeat(64));
      const jan22 = claim("22", "briefings/2025-01-22.md", "a".repeat(64));
      const currentDate = async () => (await store.get(jan21.id))?.document.when.date;

      for (const [what, order] of [
        ["earlier first", [jan21, jan22]],
        ["later first", [jan22, jan21]],
      ] as const) {
        it(`the later-dated input is current and putting both again stores nothing (${what})`, async () => {
          for (const doc of order) await put(doc);
          expect(await currentDate()).toBe("2025-01-22");
          expect((await store.versions(jan21.id)).map((v) => v.conflict)).toEqual([false, false]);
          for (let run = 0; run < 3; run++) {
            const results = await store.putBatch([
              { raw: null, documents: [structuredClone(jan21)] },
              { raw: null, documents: [structuredClone(jan22)] },
            ]);
            expect(results.flat().map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
            expect(await currentDate()).toBe("2025-01-22");
          }
          expect(await store.counts()).toMatchObject({ documents: 1, versions: 2 });
        });
      }

      it("an earlier-dated input arriving last is kept as an older version, not made current", async () => {
        await put(jan22);
        expect(await put(jan21)).toEqual([[{ id: jan21.id, version: 2, status: "versioned" }]]);
        const versions = await store.versions(jan21.id);
        expect(versions.map((v) => [v.version, v.current, v.source, v.published])).toEqual([
          [1, true, jan22.provenance.source, "2025-01-22"],
          [2, false, jan21.provenance.source, "2025-01-21"],
        ]);
        expect((await store.get(jan21.id))?.document).toStrictEqual(jan22);
        const hits = await store.search(parseQuery('"Remarks of the 21th"'));
        expect(hits.total.documents).toBe(0);
      });

      it("a long speech's enrichment, a hundred mentions and more over its turns, reads back whole and in order", async () => {
        await put(jan22);
        const mentions = Array.from({ length: 123 }, (_, k) => ({
          entityId: `E${k % 7}`,
          type: "country" as const,
          start: k * 3,
          end: k * 3 + 2,
          text: "",
          turn: k % jan22.turns.length,
          paragraph: 0,
        }));
        await store.putEnrichment({
          version: 2,
          documentId: jan22.id,
          turnLanguages: jan22.turns.map(() => "en"),
          mentions,
          times: [],
        });
        const key = (m: { entityId: string; turn: number; paragraph: number; start: number; end: number }) =>
          [m.turn, m.paragraph, m.start, m.end, m.entityId] as const;
        const stored = (await store.getEnrichment(jan22.id))?.mentions.map(key);
        const sorted = mentions.map(key).sort((a, b) => a[0] - b[0] || a[2] - b[2]);
        expect(stored).toEqual(sorted);
      });

      it("an older version's enrichment never replaces the current version's", async () => {
        const enrichment = (languages: string[]) => ({
          version: 2,
          documentId: jan21.id,
          turnLanguages: languages,
          mentions: [],
          times: [],
        });
        await store.putBatch([
          { raw: null, documents: [jan22], enrichments: [enrichment(["en", "en", "en"])] },
        ]);
        await store.putBatch([
          { raw: null, documents: [jan21], enrichments: [enrichment(["fr", "fr", "fr"])] },
        ]);
        expect((await store.getEnrichment(jan21.id))?.turnLanguages).toEqual(["en", "en", "en"]);
      });

      it("two inputs with the same date and different bytes are kept as a visible conflict", async () => {
        const rival = claim("22", "elsewhere/2025-01-22.md", "c".repeat(64));
        rival.turns[0]?.paragraphs.push("A different account of the day.");
        await put(jan22);
        expect(await put(rival)).toEqual([
          [{ id: jan22.id, version: 2, status: "versioned", conflicts: [1, 2] }],
        ]);
        // The content hash decides, whichever came first, and the conflict stays visible.
        expect((await store.get(jan22.id))?.document).toStrictEqual(rival);
        expect((await store.versions(jan22.id)).map((v) => [v.version, v.current, v.conflict])).toEqual([
          [1, false, true],
          [2, true, true],
        ]);
        expect(await put(jan22)).toEqual([
          [{ id: jan22.id, version: 1, status: "unchanged", conflicts: [1, 2] }],
        ]);
        expect((await store.get(jan22.id))?.version).toBe(2);
      });
    });

    it("list yields current versions only in id order", async () => {
      const c = makeDocument({ id: "midru-c" });
      const a = makeDocument({ id: "midru-a" });
      const b = makeDocument({ id: "midru-b" });
      await put(c, a);
      await put(b);
      const b2 = withChangedParagraph(b);
      await put(b2);
      const listed = await collect(store.list());
      expect(listed.map((d) => d.id)).toEqual(["midru-a", "midru-b", "midru-c"]);
      expect(listed).toStrictEqual([a, b2, c]);
    });

    it("list honours publisher after and limit", async () => {
      const ids = ["a", "b", "c", "d", "e", "f"];
      await put(
        ...ids.map((s, i) =>
          makeDocument({ id: `doc-${s}`, publisher: i % 2 === 0 ? "mid.ru" : "whitehouse.gov" }),
        ),
      );
      const idsOf = async (options: Parameters<DocumentStore["list"]>[0]) =>
        (await collect(store.list(options))).map((d) => d.id);
      expect(await idsOf({ publisher: "mid.ru" })).toEqual(["doc-a", "doc-c", "doc-e"]);
      expect(await idsOf({ publisher: "whitehouse.gov" })).toEqual(["doc-b", "doc-d", "doc-f"]);
      expect(await idsOf({ publisher: "kremlin.ru" })).toEqual([]);
      expect(await idsOf({ after: "doc-c" })).toEqual(["doc-d", "doc-e", "doc-f"]);
      expect(await idsOf({ limit: 2 })).toEqual(["doc-a", "doc-b"]);
      expect(await idsOf({ after: "doc-b", limit: 3 })).toEqual(["doc-c", "doc-d", "doc-e"]);
      expect(await idsOf({ publisher: "whitehouse.gov", after: "doc-b", limit: 1 })).toEqual(["doc-d"]);
      expect(await idsOf({ after: "doc-f" })).toEqual([]);
    });

    it("list pages through more documents than a backend would fetch at once", async () => {
      const ids = Array.from({ length: 1201 }, (_, i) => `doc-${String(i).padStart(5, "0")}`);
      await put(...ids.map((id) => makeDocument({ id })));
      const all = (await collect(store.list())).map((d) => d.id);
      expect(all).toEqual(ids);
      const page = (await collect(store.list({ after: ids[99], limit: 700 }))).map((d) => d.id);
      expect(page).toEqual(ids.slice(100, 800));
    });

    it("raw bytes put with a batch come back from getRaw", async (ctx) => {
      if (!store.capabilities.rawInputs) ctx.skip("the backend does not keep raw inputs");
      const bytes = new Uint8Array([0x00, 0xff, 0xfe, 0xc0, 0x41, 0x0a, 0x00, 0x80]);
      const other = new TextEncoder().encode("Вопрос: второй файл");
      await store.putBatch([
        { raw: { hash: "raw-1", source: "corpus/one.txt", bytes }, documents: [makeDocument()] },
        { raw: { hash: "raw-2", source: "corpus/two.txt", bytes: other }, documents: [] },
      ]);
      expect(await store.getRaw("raw-1")).toEqual(bytes);
      expect(await store.getRaw("raw-2")).toEqual(other);
      expect(await store.getRaw("raw-3")).toBeNull();
      expect((await store.counts()).rawInputs).toBe(2);
    });

    it("putSpeakers and getSpeaker round trip and a second put replaces a speaker", async () => {
      const lavrov = speaker("sergey-lavrov", "Sergey Lavrov");
      const psaki = speaker("jen-psaki", "Jen Psaki");
      await store.putSpeakers([lavrov, psaki]);
      expect(await store.getSpeaker("sergey-lavrov")).toStrictEqual(lavrov);
      expect(await store.getSpeaker("jen-psaki")).toStrictEqual(psaki);
      expect(await store.getSpeaker("nobody")).toBeNull();

      const renamed = { ...psaki, name: "Jennifer Psaki", aliases: [] };
      await store.putSpeakers([renamed]);
      expect(await store.getSpeaker("jen-psaki")).toStrictEqual(renamed);
      expect((await store.counts()).speakers).toBe(2);
    });

    it("seeding speakers adds new ones and updates unedited ones but never replaces a speaker edited by hand", async () => {
      const lavrov = speaker("sergey-lavrov", "Sergey Lavrov");
      const psaki = speaker("jen-psaki", "Jen Psaki");
      expect(await store.seedSpeakers([lavrov, psaki])).toBe(2);
      // Every serve and ingest seeds on start; one that changes nothing must leave every other
      // process's caches and catalog valid.
      const before = await store.textIndex.state();
      expect(await store.seedSpeakers([lavrov, psaki])).toBe(0);
      expect(await store.textIndex.state()).toBe(before);
      const edited = { ...psaki, name: "Jennifer Psaki", aliases: [] };
      await store.putSpeakers([edited]);

      const newerFile = [
        {
          ...lavrov,
          roles: [{ title: "Minister", from: "2004-03-09", to: null, labels: [], publisher: null }],
        },
        { ...psaki, name: "Jen Psaki (from the file)" },
        speaker("maria-zakharova", "Maria Zakharova"),
      ];
      expect(await store.seedSpeakers(newerFile)).toBe(2);
      expect(await store.getSpeaker("jen-psaki")).toStrictEqual(edited);
      expect(await store.getSpeaker("sergey-lavrov")).toStrictEqual(newerFile[0]);
      // In the file's order, by which registries break ties between namesakes; one added by hand comes last.
      expect((await store.listSpeakers()).map((s) => s.id)).toEqual([
        "sergey-lavrov",
        "jen-psaki",
        "maria-zakharova",
      ]);
      await store.putSpeakers([speaker("a-new-one", "A New One")]);
      expect((await store.listSpeakers()).map((s) => s.id).at(-1)).toBe("a-new-one");
      expect(await store.seedSpeakers(newerFile)).toBe(0);
    });

    it("how kept bytes were read comes back by hash and source", async (ctx) => {
      if (!store.capabilities.rawInputs) ctx.skip("the backend does not keep raw inputs");
      const bytes = new TextEncoder().encode("the same bytes from two places");
      const reading = { name: "2021/a.md", url: null, sidecars: { debateSpeakers: "table-hash" } };
      await store.putBatch([
        { raw: { hash: "h", source: "corpus/2021/a.md", bytes, reading }, documents: [] },
        { raw: { hash: "h", source: "copy/a.md", bytes }, documents: [] },
      ]);
      expect(await store.inputReading("h", "corpus/2021/a.md")).toEqual({
        hash: "h",
        source: "corpus/2021/a.md",
        ...reading,
      });
      expect(await store.inputReading("h", "copy/a.md")).toBeNull();
      expect(await store.inputReading("other", "corpus/2021/a.md")).toBeNull();
    });

    it("lists the newest current documents first, undated last, ties by id, at most the limit", async () => {
      const dated = (id: string, date: string | null) => {
        const doc = makeDocument({ id });
        return { ...doc, when: { ...doc.when, date, time: null, dateTime: null } };
      };
      await put(
        dated("b", "2020-03-15"),
        dated("a", "2020-03-15"),
        dated("c", "2021"),
        dated("d", null),
        dated("e", "2019-12-31"),
        dated("f", null),
        dated("g", "2020-03"),
      );
      // A new version's date is the one listed.
      await put(dated("e", "2022-01-01"));
      expect((await store.recent(20)).map((d) => [d.id, d.date])).toEqual([
        ["e", "2022-01-01"],
        ["c", "2021"],
        ["a", "2020-03-15"],
        ["b", "2020-03-15"],
        ["g", "2020-03"],
        ["d", null],
        ["f", null],
      ]);
      expect((await store.recent(3)).map((d) => d.id)).toEqual(["e", "c", "a"]);
    });

    it("counts reflect documents versions and turns of current versions", async () => {
      expect(await store.counts()).toMatchObject({ documents: 0, versions: 0, turns: 0, speakers: 0 });
      const a = makeDocument({ id: "midru-a" });
      const b = makeDocument({ id: "midru-b" });
      await put(a, b);
      expect(await store.counts()).toMatchObject({ documents: 2, versions: 2, turns: 6 });
      const a2 = {
        ...a,
        turns: [...a.turns, makeTurn(3, { kind: "answer", paragraphs: ["And one more thing."] })],
        qa: [{ question: 1, answers: [2, 3] }],
      };
      await put(a2);
      expect(await store.counts()).toMatchObject({ documents: 2, versions: 3, turns: 7 });
      await put(a2, b);
      expect(await store.counts()).toMatchObject({ documents: 2, versions: 3, turns: 7 });
    });

    it("a batch that fails midway leaves nothing from that batch stored", async (ctx) => {
      if (!store.capabilities.atomicBatches) ctx.skip("the backend does not write batches atomically");
      const existing = makeDocument({ id: "midru-existing" });
      await put(existing);
      const before = await store.counts();

      const fresh = makeDocument({ id: "midru-fresh" });
      // JSON.stringify throws on a BigInt, so whatever the backend serialises, this document fails.
      const unserialisable = makeDocument({ id: "midru-broken" });
      (unserialisable.provenance as unknown as { byteLength: bigint }).byteLength = 10n;
      await expect(
        store.putBatch([
          {
            raw: { hash: "raw-of-batch", source: "corpus/batch.txt", bytes: new Uint8Array([1, 2, 3]) },
            documents: [withChangedParagraph(existing), fresh],
          },
          { raw: null, documents: [unserialisable] },
        ]),
      ).rejects.toThrow();

      expect(await store.get("midru-fresh")).toBeNull();
      expect(await store.get("midru-broken")).toBeNull();
      expect((await store.get(existing.id))?.document).toStrictEqual(existing);
      expect((await store.versions(existing.id)).map((v) => v.version)).toEqual([1]);
      expect(await store.getRaw("raw-of-batch")).toBeNull();
      expect(await store.counts()).toEqual(before);
      expect((await collect(store.list())).map((d) => d.id)).toEqual([existing.id]);
    });

    it("deleting a document removes every version from reading, listing and search", async () => {
      const doc = makeDocument({ id: "to-delete" });
      await store.putBatch([{ raw: null, documents: [doc] }]);
      await store.putBatch([{ raw: null, documents: [{ ...doc, title: "Changed title" }] }]);
      expect((await store.versions("to-delete")).length).toBe(2);
      expect(await store.delete("to-delete")).toBe(true);
      expect(await store.get("to-delete")).toBeNull();
      expect(await store.get("to-delete", 1)).toBeNull();
      expect(await store.versions("to-delete")).toEqual([]);
      expect(await store.delete("to-delete")).toBe(false);
      for await (const d of store.list()) expect(d.id).not.toBe("to-delete");
      if (store.capabilities.fullTextSearch) {
        const result = await store.search(parseQuery(`doc:to-delete`));
        expect(result.total.turns).toBe(0);
      }
    });

    it("keeps the entities a document's enrichment found beside the gazetteer's, named by the first document, through a new gazetteer", async () => {
      await store.putEntities([{ id: "TR", type: "country", name: "Turkey", forms: [] }]);
      const found = (id: string, name: string) => ({
        id,
        type: "person" as const,
        name,
        forms: [{ text: name, lang: "en", ambiguous: false }],
      });
      for (const [docId, name] of [
        ["found-1", "Robert Brian Gibbs"],
        ["found-2", "Robert Gibbs"],
      ] as const) {
        await put(makeDocument({ id: docId }));
        await store.putEnrichment({
          version: 3,
          documentId: docId,
          turnLanguages: ["en", "en", "en"],
          mentions: [
            {
              entityId: "found:person:robert-gibbs",
              type: "person",
              start: 0,
              end: 6,
              text: "",
              turn: 0,
              paragraph: 0,
            },
          ],
          times: [],
          entities: [found("found:person:robert-gibbs", name)],
        });
      }
      expect((await store.getEntity("found:person:robert-gibbs"))?.name).toBe("Robert Brian Gibbs");
      await store.putEntities([{ id: "RU", type: "country", name: "Russia", forms: [] }]);
      expect(await store.getEntity("TR")).toBeNull();
      expect((await store.getEntity("RU"))?.name).toBe("Russia");
      expect((await store.getEntity("found:person:robert-gibbs"))?.forms[0]?.text).toBe("Robert Brian Gibbs");
    });

    it("lists found entities by how many documents name them, finds those documents, keeps decisions in order and what they point at", async () => {
      const person = (id: string, name: string) => ({
        id,
        type: "person" as const,
        name,
        forms: [{ text: name, lang: "en", ambiguous: false }],
      });
      const names = (docId: string, ids: string[]) =>
        store.putEnrichment({
          version: 3,
          documentId: docId,
          turnLanguages: ["en", "en", "en"],
          mentions: ids.map((entityId, i) => ({
            entityId,
            type: "person" as const,
            start: i,
            end: i + 1,
            text: "",
            turn: 0,
            paragraph: 0,
          })),
          times: [],
          entities: [
            person("found:person:ann-kaas", "Ann Kaas"),
            person("found:person:bo-rutte", "Bo Rutte_%"),
          ],
        });
      for (const id of ["fe-1", "fe-2", "fe-3"]) await put(makeDocument({ id }));
      await names("fe-1", ["found:person:ann-kaas", "found:person:ann-kaas", "found:person:bo-rutte"]);
      await names("fe-2", ["found:person:ann-kaas", "TR"]);
      await names("fe-3", ["found:person:ann-kaas"]);
      const all = await store.foundEntities({ limit: 10, offset: 0 });
      expect(all.total).toBe(2);
      expect(all.entities.map((e) => [e.id, e.documents, e.mentions])).toEqual([
        ["found:person:ann-kaas", 3, 4],
        ["found:person:bo-rutte", 1, 1],
      ]);
      // A name filter is a substring, with LIKE's own characters taken as themselves.
      expect(
        (await store.foundEntities({ name: "TTE_%", limit: 10, offset: 0 })).entities.map((e) => e.id),
      ).toEqual(["found:person:bo-rutte"]);
      expect((await store.foundEntities({ name: "tt%", limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.foundEntities({ type: "place", limit: 10, offset: 0 })).total).toBe(0);
      expect((await store.foundEntities({ limit: 1, offset: 1 })).entities.map((e) => e.id)).toEqual([
        "found:person:bo-rutte",
      ]);
      expect(await store.documentsMentioning("found:person:ann-kaas", 2)).toEqual(["fe-1", "fe-2"]);
      expect(
        (await collect(store.list({ extracted: true, ids: ["fe-3", "fe-1", "nobody"] }))).map((d) => d.id),
      ).toEqual(["fe-1", "fe-3"]);
      const first = await store.putEntityDecision({
        decision: { action: "link", id: "found:person:ann-kaas", wikidata: "Q99" },
        author: "Ada",
        reason: "the same person",
        at: "2026-12-05T08:00:00.000Z",
      });
      await store.putEntityDecision({
        decision: { action: "reject", id: "found:person:bo-rutte" },
        author: "Ada",
        reason: "a typo",
        at: "2026-12-05T08:01:00.000Z",
      });
      const log = await store.entityDecisions();
      expect(log.map((d) => [d.decision.action, d.author])).toEqual([
        ["link", "Ada"],
        ["reject", "Ada"],
      ]);
      expect(log[0]?.seq).toBe(first.seq);
      expect(log[1]?.seq).toBeGreaterThan(first.seq);
      // What a decision points at survives a new gazetteer; other listed entities do not.
      await store.putEnrichment({
        version: 3,
        documentId: "fe-3",
        turnLanguages: ["en", "en", "en"],
        mentions: [],
        times: [],
        entities: [person("Q99", "Ann Kaas")],
      });
      await store.putEntities([{ id: "RU", type: "country", name: "Russia", forms: [] }]);
      expect((await store.getEntity("Q99"))?.name).toBe("Ann Kaas");
      expect(await store.getEntity("TR")).toBeNull();
      // A gazetteer that lists a decision's target itself (a promoted entity) replaces its row.
      await store.putEntities([person("Q99", "Ann Kaas-Roe")]);
      await store.putEntities([person("Q99", "Ann Kaas-Roe")]);
      expect((await store.getEntity("Q99"))?.name).toBe("Ann Kaas-Roe");
      // Names are searched whatever their case, in any script.
      await store.putEnrichment({
        version: 3,
        documentId: "fe-2",
        turnLanguages: ["en", "en", "en"],
        mentions: [
          {
            entityId: "found:person:frilend",
            type: "person",
            start: 0,
            end: 2,
            text: "",
            turn: 0,
            paragraph: 0,
          },
        ],
        times: [],
        entities: [person("found:person:frilend", "Христя Фрилэнд")],
      });
      expect(
        (await store.foundEntities({ name: "фрилэнд", limit: 5, offset: 0 })).entities.map((e) => e.id),
      ).toEqual(["found:person:frilend"]);
    });

    describe("corrections", () => {
      /** A correction as the archive makes one: anchored on the record the editor saw. */
      const correct = async (id: string, op: CorrectionOp, author = "editor") => {
        const seen = (await store.get(id))?.document as Document;
        expect(invalidFor(seen, op)).toBeNull();
        return store.putCorrection({
          documentId: id,
          op,
          anchors: anchorsFor(seen, op),
          author,
          reason: "checked against the video",
          at: "2026-12-04T12:00:00.000Z",
        });
      };

      it("a correction changes what get, list, documentView and search give, and the extracted record stays", async () => {
        const doc = makeDocument({ id: "fix-1" });
        await put(doc);
        const made = await correct("fix-1", {
          op: "speaker",
          turn: 1,
          speakerId: "maria-zakharova",
          speakerName: "Maria Zakharova",
        });
        expect(made).toMatchObject({
          id: expect.any(Number),
          documentId: "fix-1",
          author: "editor",
          undone: null,
        });
        const second = await correct("fix-1", { op: "kind", turn: 0, kind: "moderator" });
        const stored = await store.get("fix-1");
        expect(stored?.document.turns[1]).toMatchObject({
          speakerId: "maria-zakharova",
          speakerName: "Maria Zakharova",
        });
        expect(stored?.document.turns[0]?.kind).toBe("moderator");
        expect(stored?.corrections).toEqual({
          applied: [made.id, second.id],
          stale: [],
        });
        const listed = [];
        for await (const d of store.list()) if (d.id === "fix-1") listed.push(d);
        expect(listed[0]?.turns[1]?.speakerId).toBe("maria-zakharova");
        const view = await store.documentView("fix-1");
        expect(view?.stored).toEqual(stored);
        expect(view?.corrections.map((c) => c.op.op)).toEqual(["speaker", "kind"]);
        // Search filters see the corrected speaker and kind.
        expect((await store.search(parseQuery("speaker:maria-zakharova"))).total.turns).toBe(1);
        expect((await store.search(parseQuery("doc:fix-1 kind:moderator"))).total.turns).toBe(1);
        // Versions list what was published; the first version is the extracted record.
        expect((await store.versions("fix-1")).length).toBe(1);
      });

      it("undoing a correction gives back the extracted record, and keeps the correction in the log", async () => {
        const doc = makeDocument({ id: "fix-2" });
        await put(doc);
        const made = await correct("fix-2", { op: "kind", turn: 0, kind: "other" });
        const undone = await store.undoCorrection(made.id, "chief-editor", "2026-12-04T13:00:00.000Z");
        expect(undone?.undone).toEqual({ by: "chief-editor", at: "2026-12-04T13:00:00.000Z" });
        expect(await store.undoCorrection(made.id, "chief-editor", "2026-12-04T14:00:00.000Z")).toBeNull();
        const stored = await store.get("fix-2");
        expect(stored?.document).toStrictEqual(doc);
        expect(stored?.corrections).toBeUndefined();
        expect((await store.search(parseQuery("doc:fix-2 kind:other"))).total.turns).toBe(0);
        expect((await store.corrections("fix-2")).map((c) => c.undone?.by)).toEqual(["chief-editor"]);
      });

      it("a new version keeps the corrections whose turns still read the same, and flags the others", async () => {
        const doc = makeDocument({ id: "fix-3" });
        await put(doc);
        const kept = await correct("fix-3", { op: "kind", turn: 0, kind: "moderator" });
        const lost = await correct("fix-3", {
          op: "speaker",
          turn: 1,
          speakerId: "someone",
          speakerName: "Someone",
        });
        const edited = structuredClone(doc);
        (edited.turns[1] as Document["turns"][number]).paragraphs = ["A different answer altogether."];
        edited.provenance = {
          ...edited.provenance,
          contentHash: "edited",
          readAt: "2030-01-01T00:00:00.000Z",
        };
        await put(edited);
        const stored = await store.get("fix-3");
        expect(stored?.version).toBe(2);
        expect(stored?.document.turns[0]?.kind).toBe("moderator");
        expect(stored?.document.turns[1]?.speakerId).toBe(doc.turns[1]?.speakerId);
        expect(stored?.corrections).toEqual({
          applied: [kept.id],
          stale: [{ id: lost.id, reason: "turn 1 no longer reads as it did" }],
        });
        // The earlier version is shown as it was published.
        expect((await store.get("fix-3", 1))?.document).toStrictEqual(doc);
      });

      it("a split turn is two turns in the record, the search index and the enrichment, and undoing it puts back the extracted turns", async () => {
        const doc = makeDocument({ id: "fix-5" });
        await put(doc);
        const talks = (doc.turns[0]?.paragraphs[1] ?? "").indexOf("talks");
        await store.putEnrichment({
          version: 1,
          documentId: "fix-5",
          turnLanguages: ["en", "ru", "en"],
          mentions: [
            {
              entityId: "TR",
              type: "country",
              start: talks,
              end: talks + 5,
              text: "",
              turn: 0,
              paragraph: 1,
            },
            { entityId: "RU", type: "country", start: 0, end: 2, text: "", turn: 2, paragraph: 0 },
          ],
          times: [],
        });
        const made = await correct("fix-5", { op: "split", turn: 0, paragraph: 1, at: 0 });
        const stored = await store.get("fix-5");
        expect(stored?.document.turns.map((t) => t.paragraphs)).toEqual([
          ["Ladies and gentlemen,"],
          ["We have held useful talks. (Applause.)"],
          ["How do you assess the results?"],
          ["We are satisfied with them."],
        ]);
        expect(stored?.document.qa).toEqual([{ question: 2, answers: [3] }]);
        expect(stored?.corrections?.applied).toEqual([made.id]);
        // Search finds the words in the new turn, and the mentions moved with them.
        const found = await store.search(parseQuery("doc:fix-5 talks"));
        expect(found.hits[0]?.turns.map((t) => t.index)).toEqual([1]);
        expect(
          (await store.search(parseQuery("doc:fix-5 mentions:TR"))).hits[0]?.turns.map((t) => t.index),
        ).toEqual([1]);
        const enrichment = await store.getEnrichment("fix-5");
        expect(enrichment?.mentions.map((m) => [m.entityId, m.turn, m.paragraph, m.start])).toEqual([
          ["TR", 1, 0, talks],
          ["RU", 3, 0, 0],
        ]);
        expect(enrichment?.turnLanguages).toEqual(["en", "en", "ru", "en"]);
        // The new turn has no speaker until an editor names one; then search finds it by speaker.
        expect(stored?.document.turns[1]?.speakerId).toBeNull();
        await correct("fix-5", {
          op: "speaker",
          turn: 1,
          speakerId: "maria-zakharova",
          speakerName: "Maria Zakharova",
        });
        const named = await store.search(parseQuery("doc:fix-5 speaker:maria-zakharova"));
        expect(named.hits[0]?.turns.map((t) => t.index)).toEqual([1]);
        // Re-enrichment of the extracted record lands on the corrected turns too.
        await store.putEnrichment({
          version: 2,
          documentId: "fix-5",
          turnLanguages: ["en", "ru", "en"],
          mentions: [{ entityId: "RU", type: "country", start: 0, end: 2, text: "", turn: 2, paragraph: 0 }],
          times: [],
        });
        expect((await store.getEnrichment("fix-5"))?.mentions.map((m) => m.turn)).toEqual([3]);
        // Undone, the extracted turns and the latest enrichment of them come back.
        await store.undoCorrection(made.id, "chief-editor", "2026-12-04T13:00:00.000Z");
        expect((await store.get("fix-5"))?.document.turns).toHaveLength(3);
        expect((await store.getEnrichment("fix-5"))?.mentions.map((m) => [m.turn, m.paragraph])).toEqual([
          [2, 0],
        ]);
        const again = await store.search(parseQuery("doc:fix-5 talks"));
        expect(again.hits[0]?.turns.map((t) => t.index)).toEqual([0]);
      });

      it("merged turns are one turn in the record and in search, and a copy of the archive brings the merge", async () => {
        const doc = makeDocument({ id: "fix-6" });
        await put(doc);
        await correct("fix-6", { op: "merge", turn: 1 });
        const stored = await store.get("fix-6");
        expect(stored?.document.turns.map((t) => t.paragraphs)).toEqual([
          ["Ladies and gentlemen,", "We have held useful talks. (Applause.)"],
          ["How do you assess the results?", "We are satisfied with them."],
        ]);
        expect(stored?.document.qa).toEqual([{ question: 1, answers: [] }]);
        const found = await store.search(parseQuery("doc:fix-6 satisfied"));
        expect(found.hits[0]?.turns.map((t) => t.index)).toEqual([1]);
        expect((await store.search(parseQuery("doc:fix-6"))).total.turns).toBe(2);
      });

      it("deleting a document deletes its corrections", async () => {
        await put(makeDocument({ id: "fix-4" }));
        await correct("fix-4", { op: "kind", turn: 0, kind: "other" });
        await store.delete("fix-4");
        expect(await store.corrections("fix-4")).toEqual([]);
      });
    });

    it("a mentions: search marks the mention in its snippet, not the turn's start", async () => {
      const filler =
        "Nothing of note was said in this long opening, which goes on and on about the weather. ".repeat(6);
      const doc = makeDocument({ id: "snip-1" });
      const turn = {
        ...(doc.turns[0] as Document["turns"][number]),
        index: 0,
        paragraphs: [filler.trim(), `${filler}Then the minister spoke of Turkey at last.`],
        notes: [],
      };
      await put({ ...doc, turns: [turn], qa: [] });
      const second = turn.paragraphs[1] as string;
      const at = second.indexOf("Turkey");
      await store.putEnrichment({
        version: 1,
        documentId: "snip-1",
        turnLanguages: ["en"],
        mentions: [
          { entityId: "TR", type: "country", start: at, end: at + 6, text: "", turn: 0, paragraph: 1 },
        ],
        times: [],
      });
      const found = await store.search(parseQuery("mentions:TR"));
      const marked = found.hits[0]?.turns[0]?.snippet.filter((s) => s.match).map((s) => s.text);
      expect(marked).toEqual(["Turkey"]);
      // With words too, both are marked.
      const both = await store.search(parseQuery("minister mentions:TR"));
      expect(both.hits[0]?.turns[0]?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual([
        "minister",
        "Turkey",
      ]);
    });

    describe("language versions", () => {
      const version = (id: string, language: string, extra: Partial<Document> = {}) =>
        makeDocument({ id, language, publisherRef: null, sourceUrl: null, ...extra });
      const ids = async (id: string) => (await store.languageVersions(id)).map((v) => [v.id, v.method]);

      /** Stores documents with the keys given (align/link.ts decides them; the store only keeps them). */
      const putKeyed = (...entries: [Document, string[]][]) =>
        store.putBatch([
          { raw: null, documents: entries.map(([d]) => d), versionKeys: entries.map(([, k]) => k) },
        ]);

      it("documents given a shared key are each other's key partners, and a key alone links nothing", async () => {
        await putKeyed(
          [version("ref-en", "en"), ["mid.ru#1224-26-06-2024"]],
          [version("ref-ru", "ru"), ["mid.ru#1224-26-06-2024"]],
          [version("url-en", "en"), ["mid.ru@mid.ru/foreign_policy/news/1234567"]],
          [version("url-ru", "ru"), ["mid.ru#1", "mid.ru@mid.ru/foreign_policy/news/1234567"]],
          [version("other-ru", "ru"), ["mid.ru#9999-01-01-2024"]],
          [version("keyless-en", "en"), []],
        );
        expect(await store.keyPartners("ref-en")).toEqual(["ref-ru"]);
        expect(await store.keyPartners("url-ru")).toEqual(["url-en"]);
        expect(await store.keyPartners("other-ru")).toEqual([]);
        expect(await store.keyPartners("keyless-en")).toEqual([]);
        // A key alone links nothing: the linker's verdict does (align/key-check.ts).
        expect(await ids("ref-en")).toEqual([]);
        await store.putVersionLink({ a: "ref-en", b: "ref-ru", method: "key", confidence: 1, reasons: [] });
        expect(await ids("ref-en")).toEqual([["ref-ru", "key"]]);
      });

      it("a document's keys are its current version's: an older reading leaves them, and a version that becomes current brings its own", async () => {
        /** A reading of v-en from a source, dated. */
        const reading = (source: string, date: string) =>
          version("v-en", "en", {
            title: `Read from ${source} on ${date}`,
            when: { date, time: null, timeZone: null, dateTime: null },
            provenance: { ...makeDocument().provenance, source, contentHash: `${source}-${date}` },
          });
        await putKeyed(
          [version("p-ru", "ru"), ["k"]],
          [version("b-ru", "ru"), ["b"]],
          [reading("a.html", "2024-03-02"), ["k"]],
        );
        expect(await store.keyPartners("v-en")).toEqual(["p-ru"]);
        // An earlier-dated reading from another source is history: the current keys stay.
        await putKeyed([reading("b.html", "2024-03-01"), ["b"]]);
        expect(await store.keyPartners("v-en")).toEqual(["p-ru"]);
        // a.html is corrected to an earlier date still: b.html's reading is now the latest by date,
        // and becomes current with the keys it was stored with.
        await putKeyed([reading("a.html", "2024-02-28"), ["k"]]);
        expect((await store.get("v-en"))?.document.provenance.source).toBe("b.html");
        expect(await store.keyPartners("v-en")).toEqual(["b-ru"]);
        expect(await store.keyPartners("p-ru")).toEqual([]);
      });

      it("keys given to stored versions afterwards count for the current one at once and for another once it is current", async () => {
        await put(version("g-en", "en"), version("g-ru", "ru"));
        await put(version("g-ru", "ru", { title: "A second version" }));
        expect(await store.keyPartners("g-en")).toEqual([]);
        await store.putVersionKeys([
          { id: "g-en", version: 1, keys: ["g"] },
          { id: "g-ru", version: 1, keys: ["g"] },
        ]);
        // Version 1 of g-ru is history: its key waits.
        expect(await store.keyPartners("g-en")).toEqual([]);
        await store.putVersionKeys([{ id: "g-ru", version: 2, keys: ["g"] }]);
        expect(await store.keyPartners("g-en")).toEqual(["g-ru"]);
        expect(await store.pendingWork()).toEqual([]);
      });

      it("a keyed pair left as a conflict is no version, is listed for review, and a new version of either clears the verdict", async () => {
        await put(version("k-en", "en", { publisherRef: "k" }), version("k-ru", "ru", { publisherRef: "k" }));
        await store.putVersionLink({
          a: "k-ru",
          b: "k-en",
          method: "conflict",
          confidence: 0,
          reasons: ["key contradicted", "dates 40 days apart"],
        });
        expect(await ids("k-en")).toEqual([]);
        const conflicts = await store.versionConflicts();
        expect(conflicts.map((c) => [c.a.id, c.b.id, c.reasons])).toEqual([
          ["k-en", "k-ru", ["key contradicted", "dates 40 days apart"]],
        ]);
        expect((await store.versionConflicts({ id: "k-ru" })).length).toBe(1);
        expect(await store.versionConflicts({ id: "other" })).toEqual([]);
        await put(version("k-en", "en", { publisherRef: "k", title: "A new version" }));
        expect(await store.versionConflicts()).toEqual([]);
      });

      it("links by evidence and by hand show with their method, and unlinking by hand outlasts the linker's verdicts", async () => {
        await put(
          version("a-en", "en", { publisherRef: "k1" }),
          version("a-ru", "ru", { publisherRef: "k1" }),
          version("b-uk", "uk"),
          version("c-tr", "tr"),
        );
        await store.putVersionLink({ a: "a-en", b: "a-ru", method: "key", confidence: 1, reasons: [] });
        await store.putVersionLink({
          a: "a-en",
          b: "b-uk",
          method: "evidence",
          confidence: 0.8,
          reasons: ["same day"],
        });
        await store.putVersionLink({ a: "c-tr", b: "a-en", method: "manual", confidence: 1, reasons: [] });
        // By language: ru, tr, uk.
        expect(await ids("a-en")).toEqual([
          ["a-ru", "key"],
          ["c-tr", "manual"],
          ["b-uk", "evidence"],
        ]);
        expect((await store.languageVersions("b-uk"))[0]?.confidence).toBe(0.8);
        await store.putVersionLink({ a: "a-ru", b: "a-en", method: "unlinked", confidence: 1, reasons: [] });
        await store.putVersionLink({ a: "b-uk", b: "a-en", method: "unlinked", confidence: 1, reasons: [] });
        for (const method of ["evidence", "key", "conflict"] as const)
          await store.putVersionLink({ a: "a-en", b: "b-uk", method, confidence: 0.9, reasons: [] });
        await store.putVersionLink({ a: "a-en", b: "a-ru", method: "key", confidence: 1, reasons: [] });
        expect(await ids("a-en")).toEqual([["c-tr", "manual"]]);
        await store.putVersionLink({ a: "a-en", b: "a-ru", method: "manual", confidence: 1, reasons: [] });
        expect((await ids("a-ru")).map((x) => x[0])).toEqual(["a-en"]);
      });

      it("candidates for evidence linking are documents in other languages dated within the window", async () => {
        const on = (date: string) => ({ when: { date, time: null, timeZone: null, dateTime: null } });
        await put(
          version("d-en", "en", on("2022-05-03")),
          version("d-uk", "uk", on("2022-05-04")),
          version("d-ru", "ru", on("2022-05-09")),
          version("d-en2", "en", on("2022-05-03")),
        );
        expect((await store.versionCandidates("d-en", 3)).map((c) => c.id)).toEqual(["d-uk"]);
      });

      it("divergence summaries rank linked pairs, stale ones are left out, and all are dropped when a document changes", async () => {
        await put(version("p-en", "en", { publisherRef: "p" }), version("p-ru", "ru", { publisherRef: "p" }));
        await put(version("q-en", "en", { publisherRef: "q" }), version("q-ru", "ru", { publisherRef: "q" }));
        for (const [a, b] of [
          ["p-en", "p-ru"],
          ["q-en", "q-ru"],
        ] as const)
          await store.putVersionLink({ a, b, method: "key", confidence: 1, reasons: [] });
        const summary = {
          version: ALIGNMENT_VERSION,
          onlyA: 1,
          onlyB: 0,
          lengthOutliers: 0,
          numberMismatches: 2,
          entityMismatches: 0,
        };
        await store.putDivergence({ a: "p-ru", b: "p-en", score: 0.05, ...summary });
        await store.putDivergence({ a: "q-en", b: "q-ru", score: 0.4, ...summary });
        const pairs = await store.divergentPairs(10);
        expect(pairs.map((p) => [p.a, p.b, p.score])).toEqual([
          ["q-en", "q-ru", 0.4],
          ["p-en", "p-ru", 0.05],
        ]);
        // Stored in id order: the side that had one passage alone is now B.
        expect(pairs[1]?.onlyB).toBe(1);
        expect((await store.languageVersions("q-en"))[0]?.divergence).toBe(0.4);
        // A summary measured by an older aligner is stale: not ranked, not shown.
        await store.putDivergence({ a: "q-en", b: "q-ru", score: 0.9, ...summary, version: 0 });
        expect((await store.divergentPairs(10)).map((p) => p.a)).toEqual(["p-en"]);
        expect((await store.languageVersions("q-en"))[0]?.divergence).toBeNull();
        await put(version("q-en", "en", { publisherRef: "q", title: "A new version" }));
        expect((await store.divergentPairs(10)).map((p) => p.a)).toEqual(["p-en"]);
        await store.delete("p-ru");
        expect(await store.divergentPairs(10)).toEqual([]);
      });

      it("documentView reads at once what get, getEnrichment, languageVersions, versions and the withdrawal give", async () => {
        const en = version("v-en", "en", { publisherRef: "v" });
        await put(
          en,
          version("v-ru", "ru", { publisherRef: "v" }),
          version("v-uk", "uk", { publisherRef: "v" }),
        );
        await put({ ...en, title: `${en.title} (corrected)` });
        await store.putEnrichment({
          version: 2,
          documentId: "v-en",
          turnLanguages: en.turns.map(() => "en"),
          mentions: [
            { entityId: "TR", type: "country", start: 4, end: 10, text: "", turn: 0, paragraph: 0 },
            { entityId: "RU", type: "country", start: 0, end: 3, text: "", turn: 0, paragraph: 0 },
          ],
          times: [{ start: 2, end: 10, text: "next year", value: "2021", turn: 0, paragraph: 0 }],
        });
        await store.putVersionLink({ a: "v-en", b: "v-ru", method: "manual", confidence: 1, reasons: [] });
        await store.putVersionLink({
          a: "v-en",
          b: "v-uk",
          method: "evidence",
          confidence: 0.7,
          reasons: [],
        });
        await store.putDivergence({
          a: "v-en",
          b: "v-ru",
          score: 0.25,
          version: ALIGNMENT_VERSION,
          onlyA: 0,
          onlyB: 1,
          lengthOutliers: 0,
          numberMismatches: 0,
          entityMismatches: 0,
        });
        await store.fetchLog?.withdraw("v-en", "https://example.org/v", 410, "2024-01-03T00:00:00.000Z");

        const separately = async (v?: number) => ({
          stored: await store.get("v-en", v),
          enrichment: await store.getEnrichment("v-en"),
          languageVersions: await store.languageVersions("v-en"),
          versions: await store.versions("v-en"),
          withdrawal: (await store.fetchLog?.withdrawal("v-en")) ?? null,
          corrections: await store.corrections("v-en"),
        });
        const current = await store.documentView("v-en");
        expect(current).toEqual(await separately());
        expect(current?.stored.version).toBe(2);
        expect(current?.enrichment?.mentions.map((m) => m.entityId)).toEqual(["RU", "TR"]);
        expect(current?.languageVersions.map((v) => [v.id, v.method, v.divergence])).toEqual([
          ["v-ru", "manual", 0.25],
          ["v-uk", "evidence", null],
        ]);
        expect(current?.versions.map((v) => [v.version, v.current])).toEqual([
          [1, false],
          [2, true],
        ]);
        if (store.fetchLog)
          expect(current?.withdrawal).toEqual({
            url: "https://example.org/v",
            status: 410,
            at: "2024-01-03T00:00:00.000Z",
          });
        // An earlier version comes with the same surroundings; the enrichment stays the current one's.
        const first = await store.documentView("v-en", 1);
        expect(first).toEqual(await separately(1));
        expect(first?.stored.current).toBe(false);
        // A document with nothing around it, and versions or documents that do not exist.
        expect(await store.documentView("v-uk")).toEqual({
          stored: await store.get("v-uk"),
          enrichment: null,
          languageVersions: await store.languageVersions("v-uk"),
          versions: await store.versions("v-uk"),
          withdrawal: null,
          corrections: [],
        });
        expect(await store.documentView("v-en", 3)).toBeNull();
        expect(await store.documentView("v-none")).toBeNull();
      });

      it("divergent pairs come a page at a time, and by publisher or by the language of either side", async () => {
        const summary = {
          version: ALIGNMENT_VERSION,
          onlyA: 0,
          onlyB: 0,
          lengthOutliers: 0,
          numberMismatches: 0,
          entityMismatches: 0,
        };
        await put(
          version("w-en", "en", { publisherRef: "w" }),
          version("w-ru", "ru", { publisherRef: "w" }),
          version("w-uk", "uk", { publisherRef: "w" }),
          version("x-en", "en", { publisherRef: "x", publisher: "kremlin.ru" }),
          version("x-ru", "ru", { publisherRef: "x", publisher: "kremlin.ru" }),
        );
        for (const [a, b, score] of [
          ["w-en", "w-ru", 0.5],
          ["w-en", "w-uk", 0.4],
          ["w-ru", "w-uk", 0.3],
          ["x-en", "x-ru", 0.2],
        ] as const) {
          await store.putVersionLink({ a, b, method: "key", confidence: 1, reasons: [] });
          await store.putDivergence({ a, b, score, ...summary });
        }
        const pairs = async (limit: number, options = {}) =>
          (await store.divergentPairs(limit, options)).map((p) => `${p.a}/${p.b}`);
        expect(await pairs(2)).toEqual(["w-en/w-ru", "w-en/w-uk"]);
        expect(await pairs(2, { offset: 2 })).toEqual(["w-ru/w-uk", "x-en/x-ru"]);
        expect(await pairs(2, { offset: 4 })).toEqual([]);
        expect(await pairs(10, { publisher: "kremlin.ru" })).toEqual(["x-en/x-ru"]);
        expect(await pairs(10, { language: "uk" })).toEqual(["w-en/w-uk", "w-ru/w-uk"]);
        expect(await pairs(10, { language: "ru", publisher: "mid.ru" })).toEqual(["w-en/w-ru", "w-ru/w-uk"]);
      });

      it("unlinking one pair drops that pair's divergence summary and no other", async () => {
        await put(
          version("r-en", "en", { publisherRef: "r" }),
          version("r-ru", "ru", { publisherRef: "r" }),
          version("r-uk", "uk", { publisherRef: "r" }),
        );
        const summary = {
          version: ALIGNMENT_VERSION,
          onlyA: 0,
          onlyB: 0,
          lengthOutliers: 0,
          numberMismatches: 0,
          entityMismatches: 0,
        };
        for (const [a, b, score] of [
          ["r-en", "r-ru", 0.1],
          ["r-en", "r-uk", 0.2],
          ["r-ru", "r-uk", 0.3],
        ] as const) {
          await store.putVersionLink({ a, b, method: "key", confidence: 1, reasons: [] });
          await store.putDivergence({ a, b, score, ...summary });
        }
        await store.putVersionLink({ a: "r-en", b: "r-ru", method: "unlinked", confidence: 1, reasons: [] });
        expect((await store.divergentPairs(10)).map((p) => [p.a, p.b])).toEqual([
          ["r-ru", "r-uk"],
          ["r-en", "r-uk"],
        ]);
      });
    });

    describe("search", () => {
      const q = (text: string) => parseQuery(text);

      /**
       * A test on the synthetic archive (and its speaker registry); skipped when the backend
       * keeps no full-text index.
       */
      const searchTest =
        (test: typeof it) =>
        (title: string, body: () => Promise<void>, extra: Document[] = []) =>
          test(title, async (ctx) => {
            if (!store.capabilities.fullTextSearch) ctx.skip("the backend has no full-text search");
            await store.putSpeakers(SEARCH_SPEAKERS);
            await put(...SEARCH_ARCHIVE, ...extra);
            await body();
          });
      const searching = searchTest(it);

      const docOf = (id: string) => {
        const doc = SEARCH_ARCHIVE.find((d) => d.id === id);
        if (!doc) throw new Error(`the search returned a document that was never stored: ${id}`);
        return doc;
      };
      const turnOf = (id: string, index: number) => {
        const turn = docOf(id).turns.find((t) => t.index === index);
        if (!turn) throw new Error(`the search returned a turn that does not exist: ${id}#t${index}`);
        return turn;
      };
      /** Turn indexes by document id, sorted. */
      const byDocument = (pairs: { doc: Document; turn: Turn }[]) => {
        const out: Record<string, number[]> = {};
        for (const { doc, turn } of pairs) out[doc.id] = [...(out[doc.id] ?? []), turn.index];
        for (const list of Object.values(out)) list.sort((a, b) => a - b);
        return out;
      };
      const foundTurns = (result: SearchResult) =>
        Object.fromEntries(result.hits.map((h) => [h.id, h.turns.map((t) => t.index).sort((a, b) => a - b)]));
      /** Comparable day of a (possibly reduced precision) date; 0 when undated. */
      const dayKey = (date: string | null) =>
        date ? Number(`${date}-01-01`.slice(0, 10).replace(/-/g, "")) : 0;
      const errorCodeOf = async (run: () => Promise<unknown>) => {
        try {
          await run();
        } catch (error) {
          return error instanceof VerbatimError ? error.code : `not a VerbatimError: ${String(error)}`;
        }
        return "no error";
      };

      searching(
        "looks terms up by their stems exactly as stemming every term under a prefix would",
        async () => {
          const vocabulary = store.textIndex.vocabulary;
          let compared = 0;
          for (const prefix of ["sa", "sanc", "са", "пе", "ca", "tu", "ki", "te", "ез", "e"]) {
            const all = await vocabulary.termsWithPrefix(prefix, 100_000);
            const stems = [...new Set(all.flatMap((t) => [termStems(t).main, termStems(t).alternate]))];
            for (const stem of stems)
              for (const alternate of [false, true])
                for (const limit of [2, 200]) {
                  expect(await vocabulary.termsWithStems(prefix, [stem], alternate, limit)).toEqual(
                    withStems(all, [stem], alternate, limit),
                  );
                  compared++;
                }
            if (stems.length > 1)
              expect(await vocabulary.termsWithStems(prefix, stems.slice(0, 2), true, 200)).toEqual(
                withStems(all, stems.slice(0, 2), true, 200),
              );
          }
          expect(compared).toBeGreaterThan(40);
        },
      );

      for (const c of SEARCH_CASES) {
        searching(`${c.query} finds exactly the turns a brute-force count finds`, async () => {
          const expected = bruteForce(SEARCH_ARCHIVE, c.expect);
          expect(expected.length).toBeGreaterThanOrEqual(c.atLeast);
          const result = await store.search(q(c.query), { limit: 200, turnsPerDocument: 20, sort: "date" });
          const expectedTurns: Record<string, number[]> = byDocument(expected);
          for (const id of c.titleOnly ?? []) expectedTurns[id] = [];
          expect(result.total).toEqual({
            turns: expected.length,
            documents: Object.keys(expectedTurns).length,
          });
          // A document found by its title alone shows its opening turn.
          const shown = { ...expectedTurns };
          for (const id of c.titleOnly ?? []) shown[id] = [Math.min(...docOf(id).turns.map((t) => t.index))];
          expect(foundTurns(result)).toEqual(shown);
          expect(result.nextCursor).toBeNull();
          for (const hit of result.hits) {
            const doc = docOf(hit.id);
            expect(hit).toMatchObject({
              title: doc.title,
              date: doc.when.date,
              publisher: doc.publisher,
              language: doc.language,
              kind: doc.kind,
              matchingTurns: expectedTurns[doc.id]?.length ?? -1,
            });
            for (const t of hit.turns) {
              const turn = turnOf(hit.id, t.index);
              expect(t).toMatchObject({
                speakerId: turn.speakerId,
                speakerName: turn.speakerName,
                label: turn.label,
                kind: turn.kind,
                permalink: `/d/${doc.id}#t${turn.index}`,
              });
            }
          }
        });
      }

      searching(
        "documents whose title holds the words rank above documents that only mention them",
        async () => {
          const result = await store.search(q("sanctions"), { limit: 200, sort: "relevance" });
          const inTitle = SEARCH_ARCHIVE.filter((d) =>
            words(d.title).some((w) => FORMS.sanction.includes(w as never)),
          );
          expect(inTitle.length).toBeGreaterThanOrEqual(2);
          expect(result.hits.length).toBeGreaterThan(inTitle.length);
          expect(
            result.hits
              .slice(0, inTitle.length)
              .map((h) => h.id)
              .sort(),
          ).toEqual(inTitle.map((d) => d.id).sort());
          const onlyTitle = await store.search(q("lavrov interview"), { sort: "relevance" });
          expect(onlyTitle.hits.map((h) => [h.id, h.matchingTurns, h.turns.map((t) => t.index)])).toEqual([
            ["midru-en-2021-06", 0, [0]],
          ]);
          const [hit] = onlyTitle.hits;
          expect(hit?.titleSnippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual([
            "lavrov",
            "interview",
          ]);
          expect(hit?.titleSnippet.map((s) => s.text).join("")).toBe(hit?.title);
          expect(hit?.turns[0]?.snippet.some((s) => s.match)).toBe(false);
        },
      );

      searching("a stemmed word reports its forms and leaves out words that only look alike", async () => {
        const english = await store.search(q("sanction"), { limit: 200, turnsPerDocument: 20 });
        const forms = english.expansions.find((e) => e.word === "sanction")?.forms ?? [];
        expect(forms).toEqual(expect.arrayContaining(["sanctions", "sanctioned", "sanctioning"]));
        expect(forms).not.toContain("sanctity");
        expect(forms).not.toContain("sanctuary");
        // wh-2020-05-02 turn 1 says "sanctity", not a form of "sanction".
        expect(foundTurns(english)["wh-2020-05-02"]).toEqual([0, 2, 4]);

        const russian = await store.search(q("санкция"), { limit: 200, turnsPerDocument: 20 });
        expect(russian.expansions[0]?.forms).toEqual(expect.arrayContaining(["санкций", "санкциями"]));
        // Turn 1 says "санкционного" (another stem), turn 3 "Санкция".
        expect(foundTurns(russian)["midru-ru-2020-01"]).toEqual([0, 2, 3]);
        const talks = await store.search(q("переговоры"), { limit: 200, turnsPerDocument: 20 });
        expect(foundTurns(talks)).toEqual({ "midru-ru-2020-01": [0, 2] });
        // "Ежевика" (blackberry) is not a form of "ежик".
        const hedgehog = await store.search(q("ежик"), { limit: 200, turnsPerDocument: 20 });
        expect(foundTurns(hedgehog)).toEqual({ "midru-ru-2020-01": [2], "kremlin-ru-2020": [2] });
      });

      searching("an exact phrase is neither reordered nor stemmed", async () => {
        const phrase = await store.search(q('"territorial integrity"'), { limit: 200, turnsPerDocument: 20 });
        expect(phrase.hits.map((h) => h.id)).not.toContain("wh-2020-05-02");
        const exact = await store.search(q('"sanctions"'), { limit: 200, turnsPerDocument: 20 });
        // wh-2019-11-05 turn 2 says only "Sanctioned"; midru-en-2020-12 turn 1 only "sanctioning".
        expect(foundTurns(exact)["wh-2019-11-05"]).toEqual([0, 1]);
        expect(foundTurns(exact)["midru-en-2020-12"]).toEqual([0]);
        const russian = await store.search(q('"санкций"'), { limit: 200, turnsPerDocument: 20 });
        expect(foundTurns(russian)).toEqual({ "midru-ru-2020-01": [0] });
      });

      const sanctioned = says(...FORMS.sanction);
      const FACET_CASES: { query: string; expect: TurnPredicate; everyTurnHasSpeakerAndYear?: boolean }[] = [
        { query: "sanction", expect: sanctioned },
        { query: "lang:ru", expect: inLanguage("ru") },
        { query: "kind:question|answer", expect: ofKind("question", "answer") },
        { query: "-sanctions", expect: not(sanctioned) },
        {
          query: "sanction OR санкция date:2020",
          expect: and(or(sanctioned, says(...FORMS.санкция)), datedWithin("2020", "2020")),
        },
        {
          query: "sanction -kind:question -kind:moderator date:2019..2021",
          expect: and(sanctioned, not(ofKind("question", "moderator")), datedWithin("2019", "2021")),
          everyTurnHasSpeakerAndYear: true,
        },
      ];
      for (const c of FACET_CASES) {
        searching(`facet counts of ${c.query} equal brute-force counts and sum to the total`, async () => {
          const result = await store.search(q(c.query), { limit: 1 });
          expect(result.facets).not.toBeNull();
          const facets = result.facets as NonNullable<SearchResult["facets"]>;
          const sum = (name: FacetName) => facets[name].reduce((n, v) => n + v.count, 0);
          const counts = (name: FacetName) => Object.fromEntries(facets[name].map((v) => [v.value, v.count]));
          const tally = (values: (string | null)[]) => {
            const out: Record<string, number> = {};
            for (const v of values) if (v !== null) out[v] = (out[v] ?? 0) + 1;
            return out;
          };
          const expected = bruteForce(SEARCH_ARCHIVE, c.expect);
          expect(expected.length).toBeGreaterThan(1);
          expect(result.total.turns).toBe(expected.length);
          // Every turn has a kind, a publisher and a language.
          for (const name of ["kind", "publisher", "language"] as const)
            expect(sum(name)).toBe(expected.length);
          if (c.everyTurnHasSpeakerAndYear) {
            expect(expected.every((x) => x.turn.speakerName !== null && x.doc.when.date !== null)).toBe(true);
            expect(sum("speaker")).toBe(expected.length);
            expect(sum("year")).toBe(expected.length);
          }
          expect(counts("kind")).toEqual(tally(expected.map((x) => x.turn.kind)));
          expect(counts("publisher")).toEqual(tally(expected.map((x) => x.doc.publisher)));
          expect(counts("language")).toEqual(tally(expected.map((x) => x.doc.language)));
          expect(counts("year")).toEqual(tally(expected.map((x) => x.doc.when.date?.slice(0, 4) ?? null)));
          expect(counts("speaker")).toEqual(
            tally(expected.map((x) => x.turn.speakerId ?? x.turn.speakerName ?? null)),
          );
        });
      }

      searching("facets are not computed when not asked for", async () => {
        const result = await store.search(q("sanction"), { facets: false });
        expect(result.facets).toBeNull();
        expect(result.total.turns).toBeGreaterThan(0);
      });

      // Documents for paging: ties of score (identical text) and of date, a year-only and an undated one.
      const pagingFiller = Array.from({ length: 14 }, (_, i) =>
        makeTranscript({
          id: `page-${String(i).padStart(2, "0")}`,
          publisher: "mid.ru",
          date:
            [null, "2018", "2018-03", "2018-03-01", "2018-03-01", "2017-12-31", "2019-11-05"][i % 7] ?? null,
          turns: [
            {
              speaker: { id: "sergey-lavrov", name: "Sergey Lavrov" },
              text: `${"Sanctions again. ".repeat((i % 3) + 1)}`,
            },
            { text: i % 2 ? "Any news on sanctioned banks?" : "No comment." },
          ],
        }),
      );
      const pagingArchive = [...SEARCH_ARCHIVE, ...pagingFiller];

      for (const sort of ["relevance", "date", "date-asc"] as const) {
        searching(
          `paging by ${sort} with nextCursor visits every matching document exactly once`,
          async () => {
            const expected = Object.keys(byDocument(bruteForce(pagingArchive, says(...FORMS.sanction))));
            expect(expected.length).toBeGreaterThan(15);
            const seen: string[] = [];
            const hits: DocumentHit[] = [];
            let cursor: string | null = null;
            for (let page = 0; page < 50; page++) {
              const result: SearchResult = await store.search(q("sanction"), { limit: 4, sort, cursor });
              expect(result.total.documents).toBe(expected.length);
              if (result.nextCursor !== null) expect(result.hits).toHaveLength(4);
              else expect(result.hits.length).toBeGreaterThan(0);
              seen.push(...result.hits.map((h) => h.id));
              hits.push(...result.hits);
              cursor = result.nextCursor;
              if (cursor === null) break;
            }
            expect(cursor).toBeNull();
            expect(seen).toHaveLength(new Set(seen).size);
            expect([...seen].sort()).toEqual([...expected].sort());
            for (let i = 1; i < hits.length; i++) {
              const a = hits[i - 1] as DocumentHit;
              const b = hits[i] as DocumentHit;
              if (sort === "relevance") {
                expect(a.score).not.toBeNull();
                expect(a.score as number).toBeLessThanOrEqual(b.score as number);
              } else if (a.date !== null && b.date !== null) {
                if (sort === "date") expect(dayKey(a.date)).toBeGreaterThanOrEqual(dayKey(b.date));
                else expect(dayKey(a.date)).toBeLessThanOrEqual(dayKey(b.date));
              }
            }
          },
          pagingFiller,
        );
      }

      searching(
        "a cursor is refused by another query, another order, or when it is not a cursor",
        async () => {
          const first = await store.search(q("sanction"), { limit: 2 });
          const cursor = first.nextCursor;
          expect(cursor).not.toBeNull();
          // The cursor works for its own query.
          const second = await store.search(q("sanction"), { limit: 2, cursor });
          expect(second.hits.map((h) => h.id)).not.toEqual(first.hits.map((h) => h.id));
          expect(await errorCodeOf(() => store.search(q("санкция"), { limit: 2, cursor }))).toBe(
            "CURSOR_INVALID",
          );
          expect(await errorCodeOf(() => store.search(q("sanction lang:en"), { limit: 2, cursor }))).toBe(
            "CURSOR_INVALID",
          );
          expect(
            await errorCodeOf(() => store.search(q("sanction"), { limit: 2, cursor, sort: "date" })),
          ).toBe("CURSOR_INVALID");
          expect(await errorCodeOf(() => store.search(q("sanction"), { cursor: "not-a-cursor" }))).toBe(
            "CURSOR_INVALID",
          );
        },
      );

      const SNIPPET_CASES: {
        query: string;
        isMatch: (segment: string) => boolean;
        count: (text: string) => number;
      }[] = [
        ...(["sanction", "санкция", "ежик", "turkiye", "cavusoglu"] as const).map((word) => ({
          query: word,
          isMatch: (s: string) =>
            words(s).length === 1 && (FORMS[word] as readonly string[]).includes(words(s)[0] as string),
          count: (text: string) =>
            words(text).filter((w) => (FORMS[word] as readonly string[]).includes(w)).length,
        })),
        {
          query: '"territorial integrity"',
          isMatch: (s) => words(s).join(" ") === "territorial integrity",
          count: (text) =>
            words(text).filter((w, i, all) => w === "territorial" && all[i + 1] === "integrity").length,
        },
        {
          query: "sanct*",
          isMatch: (s) => words(s).length === 1 && (words(s)[0] as string).startsWith("sanct"),
          count: (text) => words(text).filter((w) => w.startsWith("sanct")).length,
        },
      ];
      for (const c of SNIPPET_CASES) {
        searching(
          `snippets of ${c.query} mark exactly the matched words, in the text's own case`,
          async () => {
            const result = await store.search(q(c.query), { limit: 200, turnsPerDocument: 20 });
            expect(result.hits.length).toBeGreaterThan(0);
            for (const hit of result.hits) {
              // A document found by its title alone marks the title and shows its opening unmarked.
              if (hit.matchingTurns === 0) {
                const marked = hit.titleSnippet.filter((s) => s.match).map((s) => s.text);
                expect(marked.length).toBeGreaterThan(0);
                for (const m of marked) expect(c.isMatch(m), `"${m}" marked in ${hit.id}'s title`).toBe(true);
                expect(hit.turns.flatMap((t) => t.snippet).some((s) => s.match)).toBe(false);
                continue;
              }
              for (const t of hit.turns) {
                const text = flat(turnText(turnOf(hit.id, t.index)));
                const segments = [...t.snippet];
                expect(segments.length).toBeGreaterThan(0);
                if (segments[0]?.text === "…") segments.shift();
                if (segments[segments.length - 1]?.text === "…") segments.pop();
                for (const s of segments) expect(s.text).not.toBe("…");
                const joined = segments.map((s) => s.text).join("");
                expect(text).toContain(joined);
                const marked = segments.filter((s) => s.match).map((s) => s.text);
                expect(marked.length).toBeGreaterThan(0);
                for (const m of marked)
                  expect(c.isMatch(m), `"${m}" marked in ${hit.id}#t${t.index}`).toBe(true);
                expect(marked).toHaveLength(c.count(joined));
              }
            }
          },
        );
      }

      searching("a snippet keeps the case of the text and cuts a long turn around the match", async () => {
        const result = await store.search(q("sanction"), { limit: 200, turnsPerDocument: 20 });
        const turn = (id: string, index: number) =>
          result.hits.find((h) => h.id === id)?.turns.find((t) => t.index === index)?.snippet ?? [];
        expect(
          turn("midru-en-2020-03", 0)
            .filter((s) => s.match)
            .map((s) => s.text),
        ).toEqual(["sanctions", "Sanctions"]);
        const long = turn("wh-2020-05-02", 4);
        expect(long[0]).toEqual({ text: "…", match: false });
        expect(long[long.length - 1]).toEqual({ text: "…", match: false });
        expect(long.filter((s) => s.match).map((s) => s.text)).toEqual(["Sanctions", "sanctioned"]);
        const joined = long.map((s) => s.text).join("");
        expect(joined.length).toBeLessThan(flat(turnText(turnOf("wh-2020-05-02", 4))).length);
      });

      const versioned = makeTranscript({
        id: "midru-versioned",
        publisher: "mid.ru",
        date: "2020-04-01",
        title: "Remarks on airships",
        turns: [
          { speaker: { id: "sergey-lavrov", name: "Sergey Lavrov" }, text: "The zeppelin arrived on time." },
          { text: "Why do zeppelins fly so slowly?" },
        ],
      });
      const revised: Document = {
        ...versioned,
        title: "Remarks on dirigibles (corrected)",
        publisher: "kremlin.ru",
        when: { ...versioned.when, date: "2022-02-02" },
        turns: [{ ...(versioned.turns[0] as Turn), paragraphs: ["The dirigible arrived on time."] }],
        qa: [],
      };

      searching("a new version replaces the old text, metadata and turns in the index", async () => {
        expect((await store.search(q("zeppelin"))).total).toEqual({ turns: 2, documents: 1 });
        expect(await put(revised)).toEqual([[{ id: versioned.id, version: 2, status: "versioned" }]]);

        for (const gone of ["zeppelin", "zeppel*", '"zeppelins"', "zeppelin OR airship"]) {
          const result = await store.search(q(gone));
          expect(result.total, gone).toEqual({ turns: 0, documents: 0 });
          expect(result.hits).toEqual([]);
          expect((await store.concordance(q(gone))).lines).toEqual([]);
          expect((await store.countsByYear(q(gone))).years).toEqual([]);
        }
        const now = await store.search(q("dirigible"));
        expect(now.total).toEqual({ turns: 1, documents: 1 });
        expect(now.hits[0]).toMatchObject({
          id: versioned.id,
          title: revised.title,
          publisher: "kremlin.ru",
          date: "2022-02-02",
        });
        expect(now.hits[0]?.turns[0]?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual([
          "dirigible",
        ]);
        expect((await store.search(q("dirigible publisher:mid.ru"))).total.turns).toBe(0);
        expect((await store.search(q("dirigible date:2020"))).total.turns).toBe(0);
        expect((await store.search(q("dirigible date:2022"))).total.turns).toBe(1);
        expect((await store.search(q(`doc:${versioned.id}`))).total).toEqual({ turns: 1, documents: 1 });

        // Going back to the first text finds the old words again and loses the new one.
        await put(versioned);
        expect((await store.search(q("zeppelin"))).total).toEqual({ turns: 2, documents: 1 });
        expect((await store.search(q("dirigible"))).total).toEqual({ turns: 0, documents: 0 });
      }, [versioned]);

      const CONCORDANCE_CASES: { query: string; forms?: readonly string[]; phrase?: string[] }[] = [
        { query: "sanction", forms: FORMS.sanction },
        { query: "санкция", forms: FORMS.санкция },
        { query: "Çavuşoğlu", forms: FORMS.cavusoglu },
        { query: '"territorial integrity"', phrase: ["territorial", "integrity"] },
      ];
      for (const c of CONCORDANCE_CASES) {
        searching(`concordance of ${c.query} gives one line per occurrence, oldest first`, async () => {
          const perTurn = (turn: Turn) => {
            const w = words(turnText(turn));
            return c.phrase
              ? w.filter((_x, i) => c.phrase?.every((p, k) => w[i + k] === p)).length
              : w.filter((x) => c.forms?.includes(x)).length;
          };
          const matching = bruteForce(SEARCH_ARCHIVE, (t) => perTurn(t) > 0);
          const total = matching.reduce((n, x) => n + perTurn(x.turn), 0);
          expect(matching.length).toBeGreaterThan(0);

          const result = await store.concordance(q(c.query));
          expect(result.turns).toBe(matching.length);
          expect(result.totalOccurrences).toBe(total);
          expect(result.lines).toHaveLength(total);
          expect(result.truncated).toBe(false);
          const linesPerTurn: Record<string, number> = {};
          for (const line of result.lines) {
            const doc = docOf(line.documentId);
            const turn = turnOf(line.documentId, line.turnIndex);
            expect(flat(turnText(turn))).toContain(line.left + line.match + line.right);
            if (c.phrase) expect(words(line.match)).toEqual(c.phrase);
            else expect(c.forms).toContain(words(line.match).join(" "));
            expect(line.permalink).toBe(`/d/${doc.id}#t${turn.index}`);
            expect(line.date).toBe(doc.when.date);
            expect(line.speakerName).toBe(turn.speakerName);
            const key = `${doc.id}#t${turn.index}`;
            linesPerTurn[key] = (linesPerTurn[key] ?? 0) + 1;
          }
          expect(linesPerTurn).toEqual(
            Object.fromEntries(matching.map((x) => [`${x.doc.id}#t${x.turn.index}`, perTurn(x.turn)])),
          );
          const dated = result.lines.filter((l) => l.date !== null).map((l) => dayKey(l.date));
          expect(dated).toEqual([...dated].sort((a, b) => a - b));
        });
      }

      searching("concordance honours its limit and context width", async () => {
        const all = await store.concordance(q("sanction"));
        const some = await store.concordance(q("sanction"), { limit: 3, context: 12 });
        expect(some.lines).toHaveLength(3);
        expect(some.truncated).toBe(true);
        expect(some.turns).toBe(all.turns);
        expect(some.totalOccurrences).toBe(all.totalOccurrences);
        for (const line of some.lines) {
          expect(line.left.length).toBeLessThanOrEqual(12);
          expect(line.right.length).toBeLessThanOrEqual(12);
          expect(flat(turnText(turnOf(line.documentId, line.turnIndex)))).toContain(
            line.left + line.match + line.right,
          );
        }
        expect(some.lines.some((l) => l.left.length === 12)).toBe(true);
      });

      const YEAR_CASES: {
        query: string;
        counting: YearCounts["counting"];
        /** The turns the query matches. */
        expect: TurnPredicate;
        /** Its where-conditions: with the languages its words are used in, the base of turnsInYear. */
        base: TurnPredicate;
        /** Languages named by the query itself (lang:), which the base keeps; else chosen by its matches. */
        ownLanguages?: boolean;
      }[] = [
        { query: "sanction", counting: "stemmed", expect: sanctioned, base: anyTurn },
        { query: "санкция", counting: "stemmed", expect: says(...FORMS.санкция), base: anyTurn },
        {
          query: '"territorial integrity"',
          counting: "exact",
          expect: saysPhrase("territorial", "integrity"),
          base: anyTurn,
        },
        { query: "terr*", counting: "exact", expect: saysPrefix("terr"), base: anyTurn },
        {
          query: "sanction lang:en",
          counting: "stemmed",
          expect: and(sanctioned, inLanguage("en")),
          base: inLanguage("en"),
          ownLanguages: true,
        },
        {
          // A turn kind says what is counted, not where: the base has every kind.
          query: "sanction -territorial -kind:question",
          counting: "stemmed",
          expect: and(sanctioned, not(says(...FORMS.territorial)), not(ofKind("question"))),
          base: anyTurn,
        },
        {
          query: "sanction OR санкция publisher:mid.ru",
          counting: "stemmed",
          expect: and(or(sanctioned, says(...FORMS.санкция)), fromPublisher("mid.ru")),
          base: fromPublisher("mid.ru"),
        },
        {
          query: 'sanction "territorial integrity"',
          counting: "mixed",
          expect: and(sanctioned, saysPhrase("territorial", "integrity")),
          base: anyTurn,
        },
      ];
      for (const c of YEAR_CASES) {
        searching(
          `countsByYear of ${c.query} equals brute-force counts per year, over the base of its where-conditions and languages`,
          async () => {
            const all = bruteForce(SEARCH_ARCHIVE, c.expect);
            const matching = all.filter((x) => x.doc.when.date !== null);
            expect(matching.length).toBeGreaterThan(0);
            const years = new Map<number, { turns: number; docs: Set<string> }>();
            for (const { doc } of matching) {
              const y = Number(doc.when.date?.slice(0, 4));
              const e = years.get(y) ?? { turns: 0, docs: new Set<string>() };
              e.turns++;
              e.docs.add(doc.id);
              years.set(y, e);
            }
            // The base's languages: those holding at least one in twenty of the matching turns.
            const perLanguage = new Map<string, number>();
            for (const { doc } of all)
              perLanguage.set(doc.language, (perLanguage.get(doc.language) ?? 0) + 1);
            const languages = c.ownLanguages
              ? null
              : [...perLanguage]
                  .filter(([, n]) => n * 20 >= all.length)
                  .map(([l]) => l)
                  .sort();
            const base = languages ? and(c.base, (_t, d) => languages.includes(d.language)) : c.base;
            const inYear = (y: number) =>
              bruteForce(
                SEARCH_ARCHIVE,
                and(base, (_t, d) => d.when.date?.slice(0, 4) === String(y)),
              ).length;
            const result = await store.countsByYear(q(c.query));
            expect(result.counting).toBe(c.counting);
            expect(result.baseLanguages).toEqual(languages);
            const first = Math.min(...years.keys());
            const last = Math.max(...years.keys());
            expect(result.years).toEqual(
              Array.from({ length: last - first + 1 }, (_, i) => first + i).map((year) => ({
                year,
                turns: years.get(year)?.turns ?? 0,
                documents: years.get(year)?.docs.size ?? 0,
                turnsInYear: inYear(year),
              })),
            );
          },
        );
      }

      searching(
        "a speaker's trend counts their turns against every turn of the year, not against their own",
        async () => {
          const theirs = await store.countsByYear(q("speaker:ada-quill"));
          expect(theirs.years.length).toBeGreaterThan(1);
          expect(theirs.baseLanguages).toBeNull();
          const everything = await store.countsByYear(q("date:1900..2100"));
          const all = new Map(everything.years.map((y) => [y.year, y.turns]));
          for (const y of theirs.years) expect(y.turnsInYear).toBe(all.get(y.year) ?? 0);
          expect(theirs.years.some((y) => y.turns < y.turnsInYear)).toBe(true);
        },
      );

      searching(
        "countsByYear counts a year-only date in its year and an undated document nowhere",
        async () => {
          const result = await store.countsByYear(q("санкция"));
          // kremlin-ru-2020 (dated "2020") has three turns, all saying a form of санкция.
          expect(result.years.find((y) => y.year === 2020)).toMatchObject({ turns: 6, documents: 2 });
          const withUndated = await store.search(q("sanction"));
          const byYear = await store.countsByYear(q("sanction"));
          // UN-A-75-PV-5 has no date: its matching turn is searched but counted in no year.
          expect(byYear.years.reduce((n, y) => n + y.turns, 0)).toBe(withUndated.total.turns - 1);
        },
      );

      const HOSTILE_QUERIES = [
        '"NEAR"',
        "NEAR(sanctions",
        "NEAR(sanctions, 5)",
        '"OR"',
        "sanctions*",
        '"5+5"',
        "U.S.-led",
        "^caret",
        "caret:",
        "col:umn",
        "title:hack",
        "{braces} (parens)",
        "sanctions OR",
        "OR OR",
        '"unbalanced',
        '""',
        "- -- ---",
        "***",
        "sanction^2",
        'sanction "*****"',
        "-sanctions -*",
        "NEAR/3",
        "AND NOT OR",
        "kind:question|",
        "date:2020..2019",
        'speaker:"',
        'doc:"UN-A-75-PV-5" -doc:*',
        "ёжик OR -",
        "Türkiye'nin",
        "'; DROP TABLE turns; --",
        '\\"escaped\\"',
        "x".repeat(1001),
        Array.from({ length: 70 }, (_, i) => `w${i}`).join(" "),
      ];

      /** Parses and runs a query everywhere; only parseQuery may throw, and only QUERY_INVALID. */
      const runHostile = async (text: string) => {
        let parsed: SearchQuery;
        try {
          parsed = parseQuery(text);
        } catch (error) {
          expect(error, text).toBeInstanceOf(VerbatimError);
          expect((error as VerbatimError).code, text).toBe("QUERY_INVALID");
          return null;
        }
        const results: SearchResult[] = [];
        for (const sort of ["relevance", "date", "date-asc"] as const) {
          results.push(await store.search(parsed, { sort, limit: 3 }));
        }
        await store.concordance(parsed, { limit: 5 });
        await store.countsByYear(parsed);
        return results[0] as SearchResult;
      };

      searching("hostile text in documents and queries raises nothing but QUERY_INVALID", async () => {
        let parsed = 0;
        for (const text of HOSTILE_QUERIES) if (await runHostile(text)) parsed++;
        expect(parsed).toBeGreaterThan(10);
        // Operators of the full-text dialect are only words when searched for.
        const turnsOf = async (text: string) => foundTurns((await runHostile(text)) as SearchResult);
        expect(await turnsOf('"NEAR"')).toEqual({ "wh-2019-11-05": [0, 2] });
        expect(await turnsOf("NEAR(sanctions")).toEqual({ "wh-2019-11-05": [0] });
        expect((await store.search(q('"OR"'), { turnsPerDocument: 20 })).total.turns).toBe(
          bruteForce(SEARCH_ARCHIVE, says("or")).length,
        );
        expect(await turnsOf('"5+5"')).toEqual({ "wh-2019-11-05": [1] });
        expect(await turnsOf("U.S.-led")).toEqual({ "wh-2019-11-05": [1] });
        expect(await turnsOf("^caret")).toEqual({ "wh-2019-11-05": [0] });
      });

      searching("random hostile queries raise nothing but QUERY_INVALID", async () => {
        const pieces = fc.constantFrom(
          '"',
          "*",
          "NEAR(",
          "NEAR",
          "OR",
          "AND",
          "NOT",
          "-",
          "^",
          ":",
          "(",
          ")",
          "{",
          "}",
          "|",
          "..",
          "'",
          "\\",
          "+",
          "sanction",
          "санкция",
          "ёжик",
          "Türkiye'nin",
          "ı",
          "İ",
          "speaker:",
          "kind:question",
          "lang:ru",
          "date:2020..",
          "doc:",
          "role:",
          "-speaker:lavrov",
          "col:umn",
          "NEAR/3",
          "5",
          "\u0000",
          "é",
        );
        const text = fc.oneof(
          fc.array(pieces, { minLength: 1, maxLength: 10 }).map((a) => a.join(" ")),
          fc.array(pieces, { minLength: 1, maxLength: 10 }).map((a) => a.join("")),
          fc.string({ maxLength: 40 }),
        );
        await fc.assert(
          fc.asyncProperty(text, async (t) => {
            await runHostile(t);
          }),
          { numRuns: 300 },
        );
      });

      /** A query built without the parser, every text slot holding `text`. */
      const handBuilt = (text: string, withFilters: boolean): SearchQuery => {
        const none = emptyFilters();
        return {
          groups: [
            {
              terms: [
                { type: "word", text },
                { type: "prefix", text },
                { type: "phrase", words: [text, text] },
              ],
            },
          ],
          exclude: [{ type: "word", text: `${text}x` }],
          filters: withFilters
            ? {
                speaker: [text],
                role: [text],
                kind: [],
                type: [],
                lang: [text],
                publisher: [text],
                date: [],
                doc: [text],
                mentions: [text],
              }
            : none,
          excludeFilters: none,
        };
      };

      searching("queries built without the parser carry hostile text as plain words", async () => {
        for (const text of ['NEAR("sanctions"', 'sanctions" OR "', "*", "^col:x", "-", "", "a b", "NEAR/3"]) {
          for (const withFilters of [false, true]) {
            const query = handBuilt(text, withFilters);
            await store.search(query);
            await store.concordance(query);
            await store.countsByYear(query);
          }
        }
        // Quotes in a hand-built word are not syntax: 'sanctions" OR "territorial' is three plain words.
        const quoted = await store.search({
          ...handBuilt("x", false),
          groups: [{ terms: [{ type: "word", text: 'sanctions" OR "territorial' }] }],
          exclude: [],
        });
        expect(quoted.total.turns).toBe(0);
      });

      searching("a hand-built query holding a NUL character is searched, not refused", async () => {
        const query = handBuilt("sanctions\u0000", false);
        await store.search(query);
        await store.concordance(query);
        await store.countsByYear(query);
      });

      const decomposed = makeTranscript({
        id: "nfd-2020",
        date: "2020-02-02",
        turns: [
          {
            speaker: { id: "sergey-lavrov", name: "Sergey Lavrov" },
            text: "I met Mevlu\u0308t C\u0327avus\u0327og\u0306lu in Tu\u0308rkiye.",
          },
        ],
      });
      searching("text in decomposed Unicode form is marked in snippets and counted in concordance", async () => {
        const query = q("cavusoglu doc:nfd-2020");
        const result = await store.search(query);
        expect(result.total).toEqual({ turns: 1, documents: 1 });
        const marked = result.hits[0]?.turns[0]?.snippet.filter((s) => s.match).map((s) => s.text);
        expect(marked).toEqual(["C\u0327avus\u0327og\u0306lu"]);
        const lines = await store.concordance(query);
        expect(lines.totalOccurrences).toBe(1);
        expect(lines.lines.map((l) => l.match)).toEqual(["C\u0327avus\u0327og\u0306lu"]);
      }, [decomposed]);

      const turkishSpeaker = makeTranscript({
        id: "tr-2018",
        language: "tr",
        date: "2018-05-05",
        turns: [{ speaker: { id: null, name: "Binali Yıldırım" }, text: "Teşekkür ederim." }],
      });
      searching("speaker: folds the dotless ı as the text does", async () => {
        expect((await store.search(q('speaker:"Yıldırım"'))).total.turns).toBe(1);
        expect((await store.search(q("speaker:yildirim"))).total.turns).toBe(1);
      }, [turkishSpeaker]);
    });
  });
}
