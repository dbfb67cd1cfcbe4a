/**
 * Inputs that claim one source URL are one document: its versions in the order their dates give,
 * or a conflict shown when the dates tie. Ingesting them again, in any order, changes nothing.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestBatch } from "../../src/ingest/batch.js";
import { DEFAULT_MAX_BYTES, type IngestContext } from "../../src/ingest/pipeline.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { registry } from "../support/ingest.js";

/** A White House briefing page as the archive's Markdown files are: front matter, then the transcript. */
const briefing = (url: string, date: string, words: string) => `---
date: '${date}'
source_url: ${url}
title: "Press Briefing by Press Secretary Karoline Leavitt, ${date}"
---

MS. LEAVITT: Good afternoon, everyone. ${words}

Q Thank you. What about the tariffs?

MS. LEAVITT: We will announce them soon.
`;

const BRIEFING_URL = "https://www.whitehouse.gov/briefings-statements/2025/01/press-briefing/";
const REMARKS_URL = "https://www.whitehouse.gov/remarks/2025/01/remarks-in-the-roosevelt-room/";

/** Two same-URL pairs: one a day apart (versions in order), one on the same day (a conflict). */
const FILES: Record<string, string> = {
  "2025-01/2025-01-21-press-briefing.md": briefing(BRIEFING_URL, "2025-01-21", "Welcome to the first one."),
  "2025-01/2025-01-22-press-briefing.md": briefing(BRIEFING_URL, "2025-01-22", "Welcome back, as promised."),
  "2025-01/2025-01-23-remarks.md": briefing(REMARKS_URL, "2025-01-23", "As delivered."),
  "2025-01/2025-01-23-remarks-2.md": briefing(REMARKS_URL, "2025-01-23", "As prepared for delivery."),
  "2025-01/2025-01-24-other.md": briefing(
    "https://www.whitehouse.gov/briefings-statements/2025/01/another/",
    "2025-01-24",
    "Something else.",
  ),
};

let tmp = "";

/** Every clock reading differs, as between real runs: only what the inputs say may order versions. */
const ticking = (): IngestContext => {
  let t = Date.parse("2026-01-01T00:00:00Z");
  const now = () => {
    t += 60_000;
    return new Date(t);
  };
  return { registry, debateSpeakers: null, maxBytes: DEFAULT_MAX_BYTES, now };
};

async function ingest(store: DocumentStore, files: string[]) {
  const { files: planned } = await planSources(files);
  return ingestBatch(readSources(planned, { maxBytes: DEFAULT_MAX_BYTES }), store, ticking(), {
    batchSize: 2,
  });
}

/** What a reader sees: each document's current text and every stored version's text and source. */
async function snapshot(store: DocumentStore) {
  const docs: Record<string, unknown> = {};
  for await (const doc of store.list()) {
    const versions = await store.versions(doc.id);
    docs[doc.id] = {
      current: doc.turns[0]?.paragraphs[0],
      versions: versions.map((v) => [v.contentHash, v.current, v.conflict]).sort(),
    };
  }
  return docs;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-same-url-"));
  for (const [name, text] of Object.entries(FILES)) {
    await mkdir(path.dirname(path.join(tmp, name)), { recursive: true });
    await writeFile(path.join(tmp, name), text);
  }
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const paths = () => Object.keys(FILES).map((name) => path.join(tmp, name));

describe("inputs that share a source url", () => {
  it("five inputs with two same-url pairs give three documents, the later-dated briefing current", async () => {
    const store = withSearch(new SqliteStore({ path: ":memory:" }));
    try {
      const report = await ingest(store, paths());
      expect(report).toMatchObject({ inputs: 5, documents: 5, inserted: 3, versioned: 2, failed: 0 });
      expect(await store.counts()).toMatchObject({ documents: 3, versions: 5 });
      const current = Object.values(await snapshot(store)).map((d) => (d as { current: string }).current);
      expect(current).toContain("Good afternoon, everyone. Welcome back, as promised.");
      expect(current).not.toContain("Good afternoon, everyone. Welcome to the first one.");
    } finally {
      await store.close();
    }
  });

  it("ingesting the same folder again three times reports everything unchanged and stores nothing", async () => {
    const store = withSearch(new SqliteStore({ path: path.join(tmp, "again.db") }));
    try {
      await ingest(store, [tmp]);
      const first = { counts: await store.counts(), docs: await snapshot(store) };
      for (let run = 0; run < 3; run++) {
        const report = await ingest(store, [tmp]);
        expect(report).toMatchObject({ documents: 5, inserted: 0, versioned: 0, unchanged: 5 });
        expect({ counts: await store.counts(), docs: await snapshot(store) }).toEqual(first);
      }
    } finally {
      await store.close();
    }
  });

  it("the same inputs in the opposite order give the same documents and current versions", async () => {
    const forward = withSearch(new SqliteStore({ path: ":memory:" }));
    const backward = withSearch(new SqliteStore({ path: ":memory:" }));
    try {
      for (const file of paths()) await ingest(forward, [file]);
      for (const file of paths().reverse()) await ingest(backward, [file]);
      expect(await snapshot(backward)).toEqual(await snapshot(forward));
    } finally {
      await forward.close();
      await backward.close();
    }
  });

  it("two inputs of one url and one date with different text are reported as VERSION_CONFLICT on every run", async () => {
    const store = withSearch(new SqliteStore({ path: ":memory:" }));
    try {
      for (let run = 0; run < 2; run++) {
        const report = await ingest(store, [tmp]);
        const conflicts = report.notices.filter((n) => n.code === "VERSION_CONFLICT");
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]?.message).toMatch(/^versions 1, 2 of whitehouse\S+ claim the same date/);
      }
      const conflicted = Object.values(await snapshot(store)).filter((d) =>
        (d as { versions: [string, boolean, boolean][] }).versions.some(([, , conflict]) => conflict),
      );
      expect(conflicted).toHaveLength(1);
    } finally {
      await store.close();
    }
  });
});
