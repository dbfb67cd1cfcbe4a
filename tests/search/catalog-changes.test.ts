/**
 * The search catalog is brought up to date from the documents that changed (CatalogChanges)
 * instead of being read whole after every write: whatever the writes were, the catalog so kept
 * must hold what a catalog read whole at the same moment holds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorsFor, type CorrectionOp } from "../../src/model/corrections.js";
import { type Document, TURN_KINDS, type TurnKind } from "../../src/model/document.js";
import type { Enrichment } from "../../src/model/enrichment.js";
import type { TextIndex } from "../../src/model/text-index.js";
import { buildCatalog, TurnCatalog } from "../../src/search/engine/catalog.js";
import { SearchEngine } from "../../src/search/engine/engine.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { reindexAll } from "../../src/store/sqlite/schema.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { catalogReader } from "../../src/store/sqlite/turn-catalog.js";
import type { DocumentStore } from "../../src/store/store.js";
import { BACKENDS, openTestStore } from "../support/backends.js";
import { catalogOf } from "../support/catalog.js";
import { makeDocument, makeTurn } from "../support/documents.js";

const SPEAKERS: [string | null, string | null][] = [
  ["sergey-lavrov", "S.V.Lavrov"],
  ["sergey-lavrov", "Sergey Lavrov"],
  [null, "Question"],
  [null, "Maria Zakharova"],
  ["karine-jean-pierre", "MS. JEAN-PIERRE"],
  [null, null],
];
const ENTITIES = ["TR", "RU", "UA", "vb:nato", "Q1065"];

/** Everything a search can see in a catalog, in a form that does not depend on the order it was built in. */
/**
 * A SQLite store's catalog read in parts of two turns and of one document's mentions, so that a
 * turn's line and its mentions meet part boundaries (the store's connection: the archive is in memory).
 */
function readInSmallParts(store: DocumentStore): TurnCatalog {
  const { db } = store as unknown as { db: Database.Database };
  const catalog = new TurnCatalog();
  catalogReader(db, { turns: 2, documents: 1 }).read(catalog.loader());
  return catalog;
}

function seen(cat: TurnCatalog) {
  const turns = Array.from(cat.rowids, (r) => {
    const s = cat.speaker[r] as number;
    const speaker = s >= 0 ? cat.speakers[s] : null;
    const names = s >= 0 ? [...(cat.speakerNames[s] as string[])].sort() : [];
    return {
      r,
      doc: cat.docId[cat.doc[r] as number],
      kind: TURN_KINDS[cat.kind[r] as number],
      speaker: speaker ? (speaker.id ?? speaker.name) : null,
      speakerShownByOwnName: speaker ? names.includes(speaker.name) : true,
      names,
      language: cat.languages[cat.language[r] as number],
      entities: Array.from(cat.mentionCodes.subarray(cat.mentionStart[r], cat.mentionEnd[r]), (e) => {
        const entity = cat.entities[e] as { id: string; name: string };
        return `${entity.id}=${entity.name}`;
      }).sort(),
    };
  });
  const documents = cat.docId.flatMap((id, n) =>
    id
      ? [
          {
            n,
            id,
            title: cat.docTitle[n],
            date: cat.docDate[n],
            kind: cat.docKind[n],
            publisher: cat.publishers[cat.docPublisher[n] as number],
            language: cat.languages[cat.docLanguage[n] as number],
            from: cat.docFrom[n],
            to: cat.docTo[n],
            year: cat.docYear[n],
          },
        ]
      : [],
  );
  // What the titles' index finds and how it scores it: titles are "Briefing N".
  const titles = [
    [[{ type: "forms" as const, forms: ["briefing"] }]],
    [[{ type: "prefix" as const, prefix: "1" }], [{ type: "forms" as const, forms: ["briefing"] }]],
  ].map((groups) => {
    const m = cat.titles.match(groups, true);
    return Array.from(m.docs, (d, i) => `${cat.docId[d]} ${m.groups[i]} ${m.scores?.[i]}`).sort();
  });
  return { turns, documents, titles };
}

type Step =
  | { do: "put"; id: number; turns: number; seed: number; twice: boolean; others: number[] }
  | { do: "delete"; id: number }
  | { do: "correct"; id: number; op: number; turn: number; seed: number }
  | { do: "enrich"; id: number; seed: number }
  | { do: "entities"; seed: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    do: fc.constant("put" as const),
    id: fc.nat(5),
    turns: fc.nat(5),
    seed: fc.nat(10_000),
    twice: fc.boolean(),
    // More documents in the same transaction, which a refresh may read part of at a time.
    others: fc.array(fc.nat(5), { maxLength: 3 }),
  }),
  fc.record({ do: fc.constant("delete" as const), id: fc.nat(5) }),
  fc.record({
    do: fc.constant("correct" as const),
    id: fc.nat(5),
    op: fc.nat(3),
    turn: fc.nat(4),
    seed: fc.nat(10_000),
  }),
  fc.record({ do: fc.constant("enrich" as const), id: fc.nat(5), seed: fc.nat(10_000) }),
  fc.record({ do: fc.constant("entities" as const), seed: fc.nat(10_000) }),
);

function documentFor(id: number, turns: number, seed: number): Document {
  const pick = <T>(list: readonly T[], k: number) => list[(seed + k * 7) % list.length] as T;
  return makeDocument({
    id: `doc-${id}`,
    title: `Briefing ${seed % 13}`,
    publisher: pick(["mid.ru", "whitehouse.gov", "kremlin.ru"], 1),
    language: pick(["en", "ru"], 2),
    kind: pick(["briefing", "interview", "statement"], 3),
    when: {
      date: pick(["2020-03-04", "2021", "2022-07", null], 4),
      time: null,
      timeZone: null,
      dateTime: null,
    },
    participants: [
      {
        name: "Sergey Lavrov",
        role: null,
        speakerId: "sergey-lavrov",
        aliases: seed % 2 ? ["Сергей Лавров"] : ["Lavrov"],
      },
    ],
    turns: Array.from({ length: turns }, (_, i) => {
      const [speakerId, speakerName] = pick(SPEAKERS, i + 5);
      return makeTurn(i, {
        speakerId,
        speakerName,
        kind: pick(TURN_KINDS, i + 6) as TurnKind,
        paragraphs: [`Turn ${i} of ${seed} on sanctions.`, `A second paragraph ${seed % 7}.`],
      });
    }),
    qa: [],
  });
}

describe.each(BACKENDS)("the search catalog kept up to date from what changed (%s)", (backend) => {
  let store: DocumentStore;

  beforeEach(async () => {
    store = await openTestStore(backend);
  });
  afterEach(async () => {
    await store.close();
  });

  async function perform(s: Step): Promise<void> {
    const id = `doc-${"id" in s ? s.id : 0}`;
    const stored = await store.get(id);
    if (s.do === "put") {
      const documents = [documentFor(s.id, s.turns, s.seed)];
      if (s.twice) documents.push(documentFor(s.id, s.turns + 1, s.seed + 1));
      for (const other of s.others) documents.push(documentFor(other, (s.turns + other) % 6, s.seed + other));
      await store.putBatch([{ raw: null, documents }]);
    } else if (s.do === "delete") await store.delete(id);
    else if (s.do === "correct" && stored && stored.document.turns.length > 0) {
      const doc = stored.document;
      const turn = s.turn % doc.turns.length;
      const ops: CorrectionOp[] = [
        { op: "speaker", turn, speakerId: null, speakerName: `Editor's name ${s.seed % 3}` },
        { op: "kind", turn, kind: TURN_KINDS[s.seed % TURN_KINDS.length] as TurnKind },
        { op: "split", turn, paragraph: 1, at: 0 },
        { op: "merge", turn: Math.min(turn, doc.turns.length - 2) },
      ];
      const op = ops[s.op] as CorrectionOp;
      if (op.op === "merge" && doc.turns.length < 2) return;
      await store.putCorrection({
        documentId: id,
        op,
        anchors: anchorsFor(doc, op),
        author: "editor",
        reason: "checked",
        at: "2026-12-05T00:00:00.000Z",
      });
    } else if (s.do === "enrich" && stored) {
      const turns = stored.document.turns.length;
      // Sometimes a name no list holds, new to the archive or already mentioned by another document.
      const found = s.seed % 3 === 0 ? `found:person:someone-${s.seed % 4}` : null;
      const enrichment: Enrichment = {
        version: 1 + (s.seed % 5),
        documentId: id,
        turnLanguages: Array.from({ length: turns }, (_, i) => ((s.seed + i) % 3 === 0 ? "uk" : "")),
        mentions: Array.from({ length: turns * 2 }, (_, i) => ({
          entityId: found && i % 3 === 0 ? found : (ENTITIES[(s.seed + i) % ENTITIES.length] as string),
          type: "country" as const,
          start: 0,
          end: 4,
          text: "Turn",
          turn: i % Math.max(1, turns),
          paragraph: (s.seed + i) % 2,
        })),
        times: [],
        ...(found && {
          entities: [{ id: found, type: "person" as const, name: `Someone ${s.seed % 4}`, forms: [] }],
        }),
      };
      await store.putEnrichment(enrichment);
    } else if (s.do === "entities") {
      await store.putEntities(
        ENTITIES.map((e, i) => ({
          id: e,
          type: "country",
          name: `${e} named ${(s.seed + i) % 4}`,
          forms: [],
        })),
      );
    }
  }

  it("holds, after any sequence of writes, what a catalog read whole holds, read all at once or a few documents at a time", async () => {
    const index = store.textIndex as TextIndex;
    let applied = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.array(step, { minLength: 1, maxLength: 4 }), fc.option(fc.integer({ min: 1, max: 3 }))),
          { minLength: 1, maxLength: 8 },
        ),
        async (writes) => {
          const kept = await catalogOf(index);
          for (const [group, limit] of writes) {
            for (const s of group) await perform(s);
            for (;;) {
              const changes = await index.readCatalogChanges(kept.mark, limit ?? undefined);
              expect(changes).not.toBeNull();
              if (!changes) break;
              kept.apply(changes);
              steps++;
              if (!changes.more) break;
              expect(changes.changed).toHaveLength(limit as number);
            }
            applied++;
            const whole = seen(await catalogOf(index));
            expect(seen(kept)).toEqual(whole);
            if (backend === "sqlite") expect(seen(readInSmallParts(store))).toEqual(whole);
          }
        },
      ),
      { numRuns: backend === "sqlite" ? 40 : 15 },
    );
    expect(applied).toBeGreaterThan(backend === "sqlite" ? 100 : 30);
    // SQLite reads the journal a few documents at a time when asked to.
    if (backend === "sqlite") expect(steps).toBeGreaterThan(applied);
  });

  it("gives searches the new documents' counts and facets without reading the catalog whole", async () => {
    const index = store.textIndex as TextIndex;
    const reads = { whole: 0, changes: 0 };
    const counting: TextIndex = Object.create(index);
    counting.readCatalog = async (sink) => {
      reads.whole++;
      return index.readCatalog(sink);
    };
    counting.readCatalogChanges = async (mark) => {
      reads.changes++;
      return index.readCatalogChanges(mark);
    };
    const engine = new SearchEngine(counting);
    await store.putBatch([{ raw: null, documents: [documentFor(1, 3, 2)] }]);
    const before = await engine.search(parseQuery("sanctions"));
    await store.putBatch([{ raw: null, documents: [documentFor(2, 4, 3)] }]);
    await store.delete("doc-1");
    const after = await engine.search(parseQuery("sanctions"));
    expect(before.total).toEqual({ turns: 3, documents: 1 });
    expect(after.total).toEqual({ turns: 4, documents: 1 });
    expect(after.facets?.publisher.map((p) => p.count)).toEqual([4]);
    expect(reads).toEqual({ whole: 1, changes: 1 });
  });
});

describe("the search catalog's arrays", () => {
  it("grow with the documents and turns they hold, not with the number of refreshes that added them", () => {
    const catalog = buildCatalog({
      documents: [],
      turns: "",
      mentions: "",
      aliases: [],
      entityNames: [],
      mark: "0",
    });
    for (let n = 0; n < 30; n++)
      catalog.apply({
        changed: [n],
        documents: [
          {
            n,
            id: `doc-${n}`,
            publisher: "mid.ru",
            language: "ru",
            kind: "briefing",
            date: "2024-02-09",
            title: "",
          },
        ],
        turns: `${n * 2}\t${n}\tremarks\t\tQuestion\t\n${n * 2 + 1}\t${n}\tremarks\t\tQuestion\t`,
        mentions: "",
        aliases: [],
        entityNames: [],
        mark: String(n + 1),
      });
    expect(catalog.rowids).toHaveLength(60);
    expect(catalog.docId.filter(Boolean)).toHaveLength(30);
    // Room to spare of half as much again at most, whatever the number of steps (growing at
    // every step, they held 190,000 places after these 30).
    expect(catalog.docPublisher.length).toBeLessThanOrEqual(45);
    expect(catalog.doc.length).toBeLessThanOrEqual(90);
  });
});

describe("the SQLite catalog journal", () => {
  let dir: string;
  let store: SqliteStore;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-catalog-"));
    store = new SqliteStore({ path: path.join(dir, "archive.db") });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads only the changed documents' entity names when enrichment names someone new, and every name when a mentioned entity is stored again", async () => {
    const index = store.textIndex as TextIndex;
    await store.putBatch([{ raw: null, documents: [documentFor(1, 2, 1), documentFor(2, 2, 2)] }]);
    const kept = await catalogOf(index);
    const enrich = (id: string, entity: string, name: string) =>
      store.putEnrichment({
        version: 1,
        documentId: id,
        turnLanguages: [],
        mentions: [
          { entityId: entity, type: "person", start: 0, end: 4, text: "Turn", turn: 0, paragraph: 0 },
        ],
        times: [],
        entities: [{ id: entity, type: "person", name, forms: [] }],
      });

    await enrich("doc-1", "found:person:ivan-petrov", "Ivan Petrov");
    const named = await index.readCatalogChanges(kept.mark);
    expect(named).toMatchObject({
      someEntityNames: true,
      entityNames: [["found:person:ivan-petrov", "Ivan Petrov"]],
    });
    kept.apply(named as NonNullable<typeof named>);
    // The same person found in another document keeps the first document's name.
    await enrich("doc-2", "found:person:ivan-petrov", "I. Petrov");
    const again = await index.readCatalogChanges(kept.mark);
    expect(again?.someEntityNames).toBe(true);
    kept.apply(again as NonNullable<typeof again>);

    await store.putEntities([
      { id: "found:person:ivan-petrov", type: "person", name: "Ivan I. Petrov", forms: [] },
    ]);
    const renamed = await index.readCatalogChanges(kept.mark);
    expect(renamed?.someEntityNames).toBeUndefined();
    expect(renamed?.entityNames).toContainEqual(["found:person:ivan-petrov", "Ivan I. Petrov"]);
    kept.apply(renamed as NonNullable<typeof renamed>);
    expect(seen(kept)).toEqual(seen(await catalogOf(index)));
  });

  it("leaves the entity names' count alone when the same list of entities is stored again, and moves it when one is renamed or dropped", async () => {
    const db = (store as unknown as { db: import("better-sqlite3").Database }).db;
    const version = () => db.prepare("SELECT v FROM entity_names_version").pluck().get();
    const list = [
      { id: "TR", type: "country" as const, name: "Türkiye", forms: [] },
      { id: "RU", type: "country" as const, name: "Russia", forms: [] },
    ];
    await store.putBatch([{ raw: null, documents: [documentFor(1, 2, 1)] }]);
    await store.putEntities(list);
    await store.putEnrichment({
      version: 1,
      documentId: "doc-1",
      turnLanguages: [],
      mentions: [{ entityId: "TR", type: "country", start: 0, end: 4, text: "Turn", turn: 0, paragraph: 0 }],
      times: [],
    });
    const stored = version();
    await store.putEntities(list);
    expect(version()).toBe(stored);
    await store.putEntities([
      { ...(list[0] as (typeof list)[0]), name: "Turkey" },
      list[1] as (typeof list)[1],
    ]);
    expect(version()).not.toBe(stored);
    const renamed = version();
    await store.putEntities([list[1] as (typeof list)[1]]);
    expect(version()).not.toBe(renamed);
    expect(await store.textIndex.entities()).toEqual([expect.objectContaining({ id: "RU", name: "Russia" })]);
  });

  it("stops counting every new entity as a change of names in an archive made before migration 26", async () => {
    const db = (store as unknown as { db: import("better-sqlite3").Database }).db;
    db.exec(`DROP TRIGGER entity_names_added;
      CREATE TRIGGER entity_names_added AFTER INSERT ON entities
        BEGIN UPDATE entity_names_version SET v = v + 1; END;`);
    db.pragma("user_version = 25");
    const file = db.name;
    await store.close();
    store = new SqliteStore({ path: file });
    const reopened = (store as unknown as { db: import("better-sqlite3").Database }).db;
    const version = () => reopened.prepare("SELECT v FROM entity_names_version").pluck().get();
    const before = version();
    await store.putEntities([{ id: "vb:new-entity", type: "organisation", name: "New", forms: [] }]);
    expect(version()).toBe(before);
  });

  it("has the catalog read whole again when the whole index was rebuilt (documents numbered afresh)", async () => {
    const index = store.textIndex as TextIndex;
    await store.putBatch([{ raw: null, documents: [documentFor(1, 3, 1)] }]);
    const kept = await catalogOf(index);
    const db = (store as unknown as { db: import("better-sqlite3").Database }).db;
    db.transaction(() => reindexAll(db))();
    expect(await index.readCatalogChanges(kept.mark)).toBeNull();
  });
});
