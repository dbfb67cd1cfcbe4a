/**
 * The worker pool under a page that kills its worker: that page fails alone with READER_FAILED,
 * the worker is replaced, and the pages queued behind it are read as usual.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { IngestPool } from "../../src/ingest/parallel/pool.js";

// The built pool: its workers are plain JavaScript threads, which vitest's module runner cannot start
// from TypeScript sources (the global setup builds dist/ before any test).
const built = "../../dist/ingest/parallel/pool.js";
const { IngestPool: BuiltPool } = (await import(built)) as typeof import("../../src/ingest/parallel/pool.js");

const page = (n: number) =>
  new TextEncoder().encode(
    `<!doctype html><html lang="en"><head><title>Briefing ${n}</title></head><body><h1>Press briefing number ${n}, March 3, 2021</h1><p>March 3, 2021</p><p>Question: What is the position on the talks, item ${n}?</p><p>John Smith: The position is unchanged, and a joint statement will follow once both sides have approved the text of it.</p></body></html>`,
  );

/** A page whose DOM needs far more memory than the worker may use (millions of elements). */
function hugePage(): Uint8Array {
  const cell = "<div><p>x</p><span>y</span></div>";
  return new TextEncoder().encode(`<!doctype html><html><body>${cell.repeat(500_000)}</body></html>`);
}

describe("the ingest worker pool", () => {
  let pool: IngestPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it("fails a page that kills its worker with READER_FAILED and reads the pages queued behind it", async () => {
    pool = new BuiltPool(
      1,
      { registryPath: null, enrich: false, debateSpeakersPath: null, maxBytes: 200 * 2 ** 20 },
      // Loading the readers takes about 80 MB of heap: room for ordinary pages, none for the huge one.
      { heapMb: 160 },
    );
    const first = pool.run({ source: "a.html", name: "a.html", bytes: page(1) });
    const huge = pool.run({ source: "huge.html", name: "huge.html", bytes: hugePage() });
    const after = [2, 3, 4].map((n) => pool?.run({ source: `${n}.html`, name: `${n}.html`, bytes: page(n) }));

    expect((await first).ok).toBe(true);
    const failed = await huge;
    expect(failed.ok).toBe(false);
    expect(failed.ok === false && failed.code).toBe("READER_FAILED");
    for (const r of await Promise.all(after)) {
      expect(r?.ok).toBe(true);
      expect(r?.ok === true && r.documents[0]?.title).toMatch(/Press briefing number \d/);
    }
    expect(pool.restarts).toBe(1);
  });

  it("a worker that enriches loads the language model and finds a turn in another language than its page", async () => {
    pool = new BuiltPool(1, {
      registryPath: null,
      enrich: true,
      debateSpeakersPath: null,
      maxBytes: 200 * 2 ** 20,
    });
    const french =
      "Le ministre a déclaré que les négociations se poursuivront la semaine prochaine à Genève, et que les deux délégations ont convenu de publier une déclaration commune dès que le texte aura été approuvé par les capitales.";
    const bytes = new TextEncoder().encode(
      `<!doctype html><html lang="en"><head><title>Briefing</title></head><body><h1>Press briefing, March 3, 2021</h1><p>March 3, 2021</p><p>Question: What is the position on the talks?</p><p>John Smith: ${french}</p></body></html>`,
    );
    const read = await pool.run({ source: "fr.html", name: "fr.html", bytes });
    expect(read.ok).toBe(true);
    const languages = read.ok ? read.enrichments?.[0]?.turnLanguages : undefined;
    expect(languages?.at(-1)).toBe("fr");
  });
});
