/**
 * Facet counts (search/engine/facets.ts): counted over the matching turns, or, when they are most
 * of the archive, taken from every turn's counts minus the turns that do not match; and only the
 * top values put in order. Both shortcuts must give what counting and sorting everything gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TURN_KINDS } from "../../src/model/document.js";
import { buildCatalog, type TurnCatalog } from "../../src/search/engine/catalog.js";
import { facetsOf, facetValues, releaseFacets } from "../../src/search/engine/facets.js";

/** A catalog of `turns` turns over 7 documents, with speakers, kinds and entities drawn from `seed`. */
function catalogOf(turns: number, seed: number[]): TurnCatalog {
  const pick = (i: number, n: number) => (seed[i % seed.length] as number) % n;
  const documents = Array.from({ length: 7 }, (_, n) => ({
    n,
    id: `doc-${n}`,
    publisher: `publisher-${n % 3}`,
    language: n % 2 ? "en" : "ru",
    kind: "transcript",
    date: n === 6 ? null : `20${10 + n}-0${1 + (n % 9)}-01`,
    title: `Title ${n}`,
  }));
  const lines: string[] = [];
  const mentions: string[] = [];
  for (let r = 1; r <= turns; r++) {
    const speaker = pick(r, 40);
    lines.push(
      [
        r,
        pick(r + 1, 7),
        TURN_KINDS[pick(r + 2, TURN_KINDS.length)],
        speaker < 30 ? `s${speaker}` : "",
        speaker < 30 ? `Speaker ${speaker}` : "",
        "",
      ].join("\t"),
    );
    // Many entities with a few mentions each, so that ties and the top-20 cut are exercised.
    const entities = new Set(Array.from({ length: pick(r + 3, 6) }, (_, k) => pick(r * 7 + k, 60)));
    for (const e of [...entities].sort((a, b) => a - b)) mentions.push(`${r}\tQ${e}`);
  }
  return buildCatalog({
    documents,
    turns: lines.join("\n"),
    aliases: [],
    entityNames: Array.from({ length: 60 }, (_, e) => [`Q${e}`, `Entity ${e}`] as [string, string]),
    mentions: mentions.join("\n"),
    mark: "",
  });
}

/** Every facet's counts by counting each matching turn and sorting everything. */
function bruteForce(cat: TurnCatalog, rowids: number[]) {
  const tally = (values: (string | null)[], labels?: Map<string, string>) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts]
      .map(([value, count]) => ({ value, label: labels?.get(value) ?? value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  };
  const doc = (r: number) => cat.doc[r] as number;
  const speaker = (r: number) => cat.speakers[cat.speaker[r] as number];
  const top = <T>(list: T[]) => list.slice(0, 20);
  return {
    speaker: top(
      tally(
        rowids.map((r) => ((cat.speaker[r] as number) >= 0 ? (speaker(r)?.id ?? null) : null)),
        new Map(cat.speakers.map((s) => [s.id ?? s.name, s.name])),
      ),
    ),
    year: tally(rowids.map((r) => cat.docDate[doc(r)]?.slice(0, 4) ?? null)).sort((a, b) =>
      a.value < b.value ? -1 : 1,
    ),
    publisher: top(tally(rowids.map((r) => cat.publishers[cat.docPublisher[doc(r)] as number] ?? null))),
    language: top(tally(rowids.map((r) => cat.languages[cat.language[r] as number] ?? null))),
    kind: top(tally(rowids.map((r) => TURN_KINDS[cat.kind[r] as number] ?? null))),
    entity: top(
      tally(
        rowids.flatMap((r) =>
          Array.from(
            cat.mentionCodes.subarray(cat.mentionStart[r], cat.mentionEnd[r]),
            (e) => cat.entities[e]?.id ?? null,
          ),
        ),
        new Map(cat.entities.map((e) => [e.id, e.name])),
      ),
    ),
  };
}

describe("facet counts", () => {
  it("equal counting every matching turn and sorting every value, for few matches and for most of the archive", () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(10_000), { minLength: 3, maxLength: 30 }),
        fc.integer({ min: 20, max: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (seed, turns, shares) => {
          const cat = catalogOf(turns, seed);
          // Several searches on one catalog, each counting into the counters the last gave back.
          for (const [k, share] of shares.entries()) {
            const rowids = Array.from(cat.rowids).filter(
              (r, i) => (((r + k) * 2654435761) % 1000) / 1000 < share || i === 0,
            );
            const f = facetsOf(cat, Int32Array.from(rowids), rowids.length);
            expect(facetValues(f, cat)).toEqual(bruteForce(cat, rowids));
            releaseFacets(cat, f);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("taken from every turn's counts, leave out the values no matching turn has", () => {
    const cat = catalogOf(100, [1, 2, 3, 4, 5]);
    const rowids = Array.from(cat.rowids).filter((r) => cat.doc[r] !== 0);
    expect(rowids.length * 2).toBeGreaterThan(cat.rowids.length);
    const values = facetValues(facetsOf(cat, Int32Array.from(rowids), rowids.length), cat);
    expect(values.year.map((v) => v.value)).not.toContain("2010");
    for (const name of ["speaker", "entity", "year", "publisher", "language", "kind"] as const)
      expect(values[name].every((v) => v.count > 0)).toBe(true);
  });
});
