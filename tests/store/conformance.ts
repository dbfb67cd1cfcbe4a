/**
 * The conformance suite every DocumentStore backend must pass. A backend's test file calls
 * describeStoreConformance with a function that opens a fresh, empty store; each test gets its
 * own store and closes it. Optional behaviour is tested by capability flag, never by name.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Document } from "../../src/model/document.js";
import type { Speaker } from "../../src/model/speaker.js";
import type { DocumentStore } from "../../src/store/store.js";
import { makeDocument, makeTurn } from "../support/documents.js";

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

export function describeStoreConformance(
  name: string,
  open: () => Promise<DocumentStore> | DocumentStore,
): void {
  describe(`${name} conforms to the DocumentStore interface`, () => {
    let store: DocumentStore;

    beforeEach(async () => {
      store = await open();
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

    it("a changed provenance content hash alone makes a new version", async () => {
      const v1 = makeDocument();
      const v2 = { ...v1, provenance: { ...v1.provenance, contentHash: "another-hash" } };
      await put(v1);
      expect(await put(v2)).toEqual([[{ id: v1.id, version: 2, status: "versioned" }]]);
      expect((await store.get(v1.id))?.document.provenance.contentHash).toBe("another-hash");
      expect((await store.get(v1.id, 1))?.document.provenance.contentHash).toBe(v1.provenance.contentHash);
      expect((await store.versions(v1.id)).map((v) => [v.contentHash, v.current])).toEqual([
        [v1.provenance.contentHash, false],
        ["another-hash", true],
      ]);
    });

    it("going back to the content of an older version makes a new version", async () => {
      const v1 = makeDocument();
      await put(v1);
      await put(withChangedParagraph(v1));
      expect(await put(v1)).toEqual([[{ id: v1.id, version: 3, status: "versioned" }]]);
      expect((await store.get(v1.id))?.document).toStrictEqual(v1);
      expect((await store.versions(v1.id)).filter((v) => v.current).map((v) => v.version)).toEqual([3]);
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
  });
}
