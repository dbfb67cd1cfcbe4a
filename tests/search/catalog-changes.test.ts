/**
 * The search catalog is brought up to date from the documents that changed (CatalogChanges)
 * instead of being read whole after every write: whatever the writes were, the catalog so kept
 * must hold what a catalog read whole at the same moment holds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anchorsFor, type CorrectionOp } from "../../src/model/corrections.js";
import { type Document, TURN_KINDS, type TurnKind } from "../../src/model/document.js";
import type { Enrichment } from "../../src/model/enrichment.js";
import type { TextIndex } from "../../src/model/text-index.js";
import { buildCatalog, type TurnCatalog } from "../../src/search/engine/catalog.js";
import { SearchEngine } from "../../src/search/engine/engine.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { reindexAll } from "../../src/store/sqlite/schema.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { BACKENDS, openTestStore } from "../support/backends.js";
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
  return { turns, documents };
}

type Step =
  | { do: "put"; id: number; turns: number; seed: number; twice: boolean }
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
      const enrichment: Enrichment = {
        version: 1 + (s.seed % 5),
        documentId: id,
        turnLanguages: Array.from({ length: turns }, (_, i) => ((s.seed + i) % 3 === 0 ? "uk" : "")),
        mentions: Array.from({ length: turns * 2 }, (_, i) => ({
          entityId: ENTITIES[(s.seed + i) % ENTITIES.length] as string,
          type: "country" as const,
          start: 0,
          end: 4,
          text: "Turn",
          turn: i % Math.max(1, turns),
          paragraph: (s.seed + i) % 2,
        })),
        times: [],
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

  it("holds, after any sequence of writes, what a catalog read whole holds", async () => {
    const index = store.textIndex as TextIndex;
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 15 }), async (steps) => {
        const kept = buildCatalog(await index.readCatalog());
        for (const s of steps) {
          await perform(s);
          const changes = await index.readCatalogChanges(kept.mark);
          expect(changes).not.toBeNull();
          if (changes) kept.apply(changes);
          applied++;
          expect(seen(kept)).toEqual(seen(buildCatalog(await index.readCatalog())));
        }
      }),
      { numRuns: backend === "sqlite" ? 40 : 15 },
    );
    expect(applied).toBeGreaterThan(backend === "sqlite" ? 100 : 30);
  });

  it("gives searches the new documents' counts and facets without reading the catalog whole", async () => {
    const index = store.textIndex as TextIndex;
    const reads = { whole: 0, changes: 0 };
    const counting: TextIndex = Object.create(index);
    counting.readCatalog = async () => {
      reads.whole++;
      return index.readCatalog();
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

  it("has the catalog read whole again when the whole index was rebuilt (documents numbered afresh)", async () => {
    const index = store.textIndex as TextIndex;
    await store.putBatch([{ raw: null, documents: [documentFor(1, 3, 1)] }]);
    const kept = buildCatalog(await index.readCatalog());
    const db = (store as unknown as { db: import("better-sqlite3").Database }).db;
    db.transaction(() => reindexAll(db))();
    expect(await index.readCatalogChanges(kept.mark)).toBeNull();
  });
});
