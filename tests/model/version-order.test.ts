/**
 * The version order: which reading of a document is current, and which inputs repeat a stored
 * one, whatever order the inputs come in and however often they are ingested.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chooseCurrent,
  fetchedAt,
  publishedKey,
  type Reading,
  repeatedReading,
} from "../../src/model/version-order.js";

const reading = (version: number, over: Partial<Reading> = {}): Reading => ({
  version,
  fingerprint: `fp-${version}`,
  contentHash: `hash-${version}`,
  source: `in/${version}.md`,
  published: "2025-01-21",
  fetched: null,
  ...over,
});

/** Puts readings one by one as a store does: a repeat is dropped, anything else gets the next version. */
function ingestAll(inputs: Omit<Reading, "version">[], stored: Reading[] = []): Reading[] {
  for (const input of inputs) {
    const incoming = { ...input, version: stored.length + 1 };
    if (!repeatedReading(incoming, stored)) stored.push(incoming);
  }
  return stored;
}

/** What a user sees of the outcome: the current content and every stored content with its source. */
function outcome(stored: Reading[]) {
  const { current, conflicts } = chooseCurrent(stored);
  return {
    current: current.fingerprint,
    stored: stored.map((r) => `${r.source}:${r.fingerprint}`).sort(),
    conflicts: conflicts.map((v) => stored.find((r) => r.version === v)?.fingerprint).sort(),
  };
}

describe("the version order of readings that claim one document", () => {
  it("the reading published later is current whichever came first", () => {
    const jan21 = reading(1, { published: "2025-01-21", source: "a.md", fingerprint: "a" });
    const jan22 = reading(2, { published: "2025-01-22", source: "b.md", fingerprint: "b" });
    expect(chooseCurrent([jan21, jan22]).current.fingerprint).toBe("b");
    expect(
      chooseCurrent([
        { ...jan22, version: 1 },
        { ...jan21, version: 2 },
      ]).current.fingerprint,
    ).toBe("b");
    expect(chooseCurrent([jan21, jan22]).conflicts).toEqual([]);
  });

  it("an undated reading comes before a dated one", () => {
    const undated = reading(2, { published: null });
    expect(chooseCurrent([reading(1), undated]).current.version).toBe(1);
  });

  it("two sources with the same date and different bytes are a conflict decided by content hash", () => {
    const a = reading(1, { contentHash: "ffff", source: "a.md" });
    const b = reading(2, { contentHash: "0000", source: "b.md" });
    expect(chooseCurrent([a, b])).toEqual({ current: a, conflicts: [1, 2] });
    expect(chooseCurrent([b, a]).current).toBe(a);
  });

  it("the same bytes read again by a changed reader come after the earlier reading", () => {
    const old = reading(1, { source: "a.md", contentHash: "h", fingerprint: "old" });
    const reread = reading(2, { source: "raw.md", contentHash: "h", fingerprint: "new" });
    expect(chooseCurrent([old, reread])).toEqual({ current: reread, conflicts: [] });
  });

  it("a source's latest reading replaces its earlier ones even when those sort later", () => {
    const first = reading(1, { source: "a.md", contentHash: "ffff", fingerprint: "first" });
    const corrected = reading(2, { source: "a.md", contentHash: "0000", fingerprint: "corrected" });
    expect(chooseCurrent([first, corrected])).toEqual({ current: corrected, conflicts: [] });
  });

  it("pages fetched from the web follow each other by fetch time, not by arrival", () => {
    const url = "https://example.org/briefing";
    const later = reading(1, { source: url, fetched: "2025-02-01T00:00:00.000Z", fingerprint: "later" });
    const earlier = reading(2, { source: url, fetched: "2025-01-01T00:00:00.000Z", fingerprint: "earlier" });
    expect(chooseCurrent([later, earlier]).current.fingerprint).toBe("later");
    // Importing the earlier fetch again repeats it instead of adding a copy.
    expect(repeatedReading({ ...earlier, version: 3 }, [later, earlier])).toBe(earlier);
  });
});

describe("which inputs repeat a stored reading", () => {
  it("a source giving the same reading again is unchanged", () => {
    const stored = [reading(1, { source: "a.md", fingerprint: "x" })];
    expect(repeatedReading(reading(2, { source: "a.md", fingerprint: "x" }), stored)).toBe(stored[0]);
  });

  it("a source going back to an older reading is a new version", () => {
    const stored = [
      reading(1, { source: "a.md", fingerprint: "x" }),
      reading(2, { source: "a.md", fingerprint: "y" }),
    ];
    expect(repeatedReading(reading(3, { source: "a.md", fingerprint: "x" }), stored)).toBeNull();
  });

  it("a new source with the bytes of any stored version is unchanged", () => {
    const stored = [reading(1, { source: "a.md", fingerprint: "x" }), reading(2, { source: "b.md" })];
    expect(repeatedReading(reading(3, { source: "/abs/a.md", fingerprint: "x" }), stored)).toBe(stored[0]);
  });
});

describe("keys of the order", () => {
  it("an instant with an offset is compared in UTC; a date without one as written", () => {
    expect(publishedKey({ date: "2021-01-21", time: "19:35", dateTime: "2021-01-21T19:35:00-05:00" })).toBe(
      "2021-01-22T00:35:00.000Z",
    );
    expect(publishedKey({ date: "2021-01-21", time: "19:35", dateTime: null })).toBe("2021-01-21T19:35");
    expect(publishedKey({ date: "2021-01", time: null, dateTime: null })).toBe("2021-01");
    expect(publishedKey({ date: null, time: null, dateTime: null })).toBeNull();
  });

  it("only a page read from a URL has a fetch time", () => {
    const readAt = "2025-01-01T10:00:00.000Z";
    expect(fetchedAt({ source: "https://example.org/a", readAt, contentHash: "h" })).toBe(readAt);
    expect(fetchedAt({ source: "in/a.md", readAt, contentHash: "h" })).toBeNull();
  });
});

describe("properties of the rule", () => {
  // A few sources, each with one fixed reading: the same set of inputs, in any order, any number of
  // times. Bytes decide the date a reader finds, so each content has its own date; q and r share one.
  const DATES: Record<string, string | null> = { p: null, q: "2025-01-21", r: "2025-01-21", s: "2025-01-22" };
  const inputSet = fc.uniqueArray(
    fc.record({
      source: fc.constantFrom("a.md", "b.md", "c.md", "d.md", "e.md"),
      content: fc.constantFrom("p", "q", "r", "s"),
    }),
    { selector: (r) => r.source, minLength: 1 },
  );
  const asInput = ({ source, content }: { source: string; content: string }) => ({
    source,
    fingerprint: content,
    contentHash: `hash-${content}`,
    published: DATES[content] ?? null,
    fetched: null,
  });

  it("ingesting the same inputs again stores nothing and changes no current version", () => {
    fc.assert(
      fc.property(inputSet, (set) => {
        const inputs = set.map(asInput);
        const once = ingestAll(inputs);
        const first = outcome(once);
        const twice = ingestAll(inputs, [...once]);
        expect(twice).toHaveLength(once.length);
        expect(outcome(twice)).toEqual(first);
      }),
    );
  });

  it("the current content does not depend on the order the inputs come in", () => {
    fc.assert(
      fc.property(
        inputSet.chain((set) =>
          fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length })),
        ),
        ([set, shuffled]) => {
          const a = outcome(ingestAll(set.map(asInput)));
          const b = outcome(ingestAll(shuffled.map(asInput)));
          expect(b.current).toBe(a.current);
          expect(b.conflicts).toEqual(a.conflicts);
        },
      ),
    );
  });
});
