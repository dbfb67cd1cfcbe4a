/**
 * The catalog is built from the backend's rows packed into two long strings (CatalogRows). V8
 * makes a piece cut from a long string point into it, so a speaker's name or an entity's id kept
 * as cut held both strings for the life of the server (151 MB at four times the bench corpus).
 */
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { buildCatalog, type TurnCatalog } from "../../src/search/engine/catalog.js";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const TURNS = 300_000;

/** Packed rows of TURNS turns in 1,000 documents: long speaker names and entity ids, as real ones are. */
function packedRows() {
  const documents = Array.from({ length: 1000 }, (_, n) => ({
    n,
    id: `document-${n}`,
    publisher: "example.org",
    language: "en",
    kind: "briefing",
    date: "2021-01-01",
    title: `Briefing ${n}`,
  }));
  const turns: string[] = [];
  const mentions: string[] = [];
  for (let r = 1; r <= TURNS; r++) {
    const speaker = r % 50;
    turns.push(
      `${r}\t${r % 1000}\tanswer\tspeaker-with-a-long-id-${speaker}\tA Speaker Named ${speaker}\ten`,
    );
    mentions.push(`${r}\tentity-with-a-long-id-${r % 300}`);
  }
  // Sorted by document, as backends give them.
  return { documents, turns: turns.join("\n"), mentions: mentions.join("\n") };
}

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A catalog of packedRows(), and how long the packed strings were; nothing else of them is returned. */
function catalogOfPackedRows(): { catalog: TurnCatalog; packedBytes: number } {
  const packed = packedRows();
  const catalog = buildCatalog({
    documents: packed.documents,
    turns: packed.turns,
    mentions: packed.mentions,
    aliases: [],
    entityNames: [],
    mark: "",
  });
  return { catalog, packedBytes: packed.turns.length + packed.mentions.length };
}

describe("the turn catalog", () => {
  it("keeps none of the packed rows it was built from alive", () => {
    const before = heapAfterCollection();
    const { catalog, packedBytes } = catalogOfPackedRows();
    const grown = heapAfterCollection() - before;
    expect(packedBytes).toBeGreaterThan(20_000_000);
    expect(catalog.speakers.length).toBe(50);
    expect(catalog.entities.length).toBe(300);
    expect(catalog.rowids.length).toBe(TURNS);
    // The typed arrays live outside the JS heap: what the heap keeps is names and ids, a few MB.
    expect(grown).toBeLessThan(packedBytes / 4);
  });
});
