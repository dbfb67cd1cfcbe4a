/** Editors' decisions about found entities, applied to an enrichment (src/enrich/curation.ts). */
import { describe, expect, it } from "vitest";
import { EntityCuration } from "../../src/enrich/curation.js";
import type { Enrichment } from "../../src/model/enrichment.js";
import type { Entity } from "../../src/model/entity.js";

const person = (id: string, name: string): Entity => ({
  id,
  type: "person",
  name,
  forms: [{ text: name, lang: "en", ambiguous: false }],
});

const enrichment = (documentId: string, ids: string[]): Enrichment => ({
  version: 3,
  documentId,
  turnLanguages: ["en"],
  mentions: ids.map((entityId, i) => ({
    entityId,
    type: "person",
    start: i * 10,
    end: i * 10 + 5,
    text: "",
    turn: 0,
    paragraph: 0,
  })),
  times: [],
  entities: ids.filter((id) => id.startsWith("found:")).map((id) => person(id, id.slice(13))),
});

const ids = (e: Enrichment) => e.mentions.map((m) => m.entityId);

describe("editors' decisions about found entities", () => {
  it("leaves an enrichment alone when nothing was decided", () => {
    const e = enrichment("d1", ["found:person:ann-kaas", "TR"]);
    expect(new EntityCuration([]).apply(e)).toBe(e);
  });

  it("follows merges to the entity they end at, and names a linked one by its Wikidata id", () => {
    const curation = new EntityCuration([
      { action: "merge", id: "found:person:kaas", into: "found:person:ann-kaas" },
      { action: "link", id: "found:person:ann-kaas", wikidata: "Q42" },
    ]);
    const e = curation.apply(enrichment("d1", ["found:person:kaas", "found:person:ann-kaas", "TR"]));
    expect(ids(e)).toEqual(["Q42", "Q42", "TR"]);
    expect(e.entities?.map((x) => x.id)).toEqual(["Q42"]);
  });

  it("drops a rejected entity's mentions, and the latest decision about an id holds", () => {
    const curation = new EntityCuration([
      { action: "link", id: "found:person:ann-kaas", wikidata: "Q42" },
      { action: "reject", id: "found:person:ann-kaas" },
    ]);
    const e = curation.apply(enrichment("d1", ["found:person:ann-kaas", "TR"]));
    expect(ids(e)).toEqual(["TR"]);
    expect(e.entities).toEqual([]);
  });

  it("splits off the documents where the name is someone else, and leaves the others", () => {
    const curation = new EntityCuration([
      {
        action: "split",
        id: "found:person:robert-gibbs",
        documents: ["congress"],
        into: "found:person:robert-gibbs~2",
      },
    ]);
    expect(ids(curation.apply(enrichment("congress", ["found:person:robert-gibbs"])))).toEqual([
      "found:person:robert-gibbs~2",
    ]);
    expect(ids(curation.apply(enrichment("briefing", ["found:person:robert-gibbs"])))).toEqual([
      "found:person:robert-gibbs",
    ]);
  });

  it("leads a promoted entity's found id to the listed one and hands the gazetteer its names", () => {
    const promoted = person("vb:ann-kaas", "Ann Kaas");
    const curation = new EntityCuration([
      { action: "promote", id: "found:person:ann-kaas", entity: promoted },
    ]);
    expect(curation.promoted).toEqual([promoted]);
    const e = curation.apply(enrichment("d1", ["found:person:ann-kaas"]));
    expect(ids(e)).toEqual(["vb:ann-kaas"]);
    // The gazetteer holds its names: no found entity is kept for it.
    expect(e.entities).toEqual([]);
  });

  it("leaves a mention where it was when a log holds a cycle of merges, and follows a long chain to its end", () => {
    const cycle = new EntityCuration([
      { action: "merge", id: "found:person:a", into: "found:person:b" },
      { action: "merge", id: "found:person:b", into: "found:person:c" },
      { action: "merge", id: "found:person:c", into: "found:person:a" },
    ]);
    expect(["a", "b", "c"].map((x) => cycle.resolve(`found:person:${x}`, "d1"))).toEqual([
      "found:person:a",
      "found:person:b",
      "found:person:c",
    ]);
    const chain = new EntityCuration(
      Array.from({ length: 20 }, (_, i) => ({
        action: "merge" as const,
        id: `found:person:p${i}`,
        into: `found:person:p${i + 1}`,
      })),
    );
    expect(chain.resolve("found:person:p0", "d1")).toBe("found:person:p20");
  });

  it("keeps a split's documents apart whatever is decided about the name afterwards", () => {
    const curation = new EntityCuration([
      { action: "split", id: "found:person:a", documents: ["d2"], into: "found:person:a~2" },
      { action: "split", id: "found:person:a", documents: ["d3"], into: "found:person:a~3" },
      { action: "link", id: "found:person:a", wikidata: "Q4242" },
    ]);
    expect(["d1", "d2", "d3"].map((d) => curation.resolve("found:person:a", d))).toEqual([
      "Q4242",
      "found:person:a~2",
      "found:person:a~3",
    ]);
  });
});
