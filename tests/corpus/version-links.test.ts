/**
 * No false language-version links on the dev corpus. The true pairs are known by construction:
 * an MFA statement file holds one statement in Russian and English, a Zelensky record holds one
 * address in Ukrainian and English, and an example's `.en`/`.ru` files are one conference. Some
 * publisher keys there are wrong (records that carry another record's video URL): those pairs
 * must be conflicts, never links.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alignDocuments, documentSentences } from "../../src/align/align-documents.js";
import { versionKeys } from "../../src/align/link.js";
import { linkAndMeasure } from "../../src/align/service.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { ingestFile, registry } from "../support/ingest.js";

const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

interface Truth {
  /** Each document's group: documents of one group are versions of one text. */
  group: Map<string, string>;
  title: Map<string, string>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe.skipIf(!corpusAvailable)("language-version links on the dev corpus", () => {
  let dir = "";
  let store: DocumentStore;
  const truth: Truth = { group: new Map(), title: new Map() };
  const links: { a: string; b: string; method: string }[] = [];
  let conflicts: { a: string; b: string }[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-links-"));
    store = withSearch(new SqliteStore({ path: path.join(dir, "archive.db") }));
    const docs: Document[] = [];
    const add = (group: string, found: Document[]) => {
      for (const d of found) {
        truth.group.set(d.id, group);
        truth.title.set(d.id, d.title);
        docs.push(d);
      }
    };
    for (const file of filesUnder(corpusPath("mid-ru", "statements"))) {
      if (!file.endsWith(".md")) continue;
      await nextTurn();
      add(file, ingestFile(file));
    }
    for (const file of filesUnder(EXAMPLES)) {
      if (!/\.(?:md|txt|html)$/.test(file)) continue;
      await nextTurn();
      // "x.en.txt" and "x.ru.txt" are one event; any other file is its own.
      add(file.replace(/\.(?:en|ru|uk)(?=\.\w+$)/, ""), ingestFile(file));
    }
    // A Zelensky record is one address: its documents carry the record's id as their reference.
    await nextTurn();
    for (const d of ingestFile(corpusPath("zelensky", "addresses-uk-en.json")))
      add(`zelensky#${d.publisherRef}`, [d]);
    // One id read twice (a record repeated) keeps its first group; the store keeps one document.
    const unique = [...new Map(docs.map((d) => [d.id, d])).values()];
    for (let i = 0; i < unique.length; i += 50) {
      const batch = unique.slice(i, i + 50);
      await store.putBatch([{ raw: null, documents: batch, versionKeys: batch.map(versionKeys) }]);
      await nextTurn();
    }
    const matcher = new EntityMatcher(Gazetteer.load(registry));
    await linkAndMeasure(
      store,
      unique.map((d) => d.id),
      matcher,
    );
    const seen = new Set<string>();
    for (const d of unique) {
      for (const v of await store.languageVersions(d.id)) {
        const [a, b] = d.id < v.id ? [d.id, v.id] : [v.id, d.id];
        if (seen.has(`${a} ${b}`)) continue;
        seen.add(`${a} ${b}`);
        links.push({ a, b, method: v.method });
      }
    }
    conflicts = (await store.versionConflicts({ limit: 1000 })).map((c) => ({ a: c.a.id, b: c.b.id }));
  }, 600_000);

  afterAll(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("links no two documents that are not versions of one text", () => {
    const isTrue = (p: { a: string; b: string }) => truth.group.get(p.a) === truth.group.get(p.b);
    const wrong = links
      .filter((p) => !isTrue(p))
      .map((p) => `${p.method}: ${truth.title.get(p.a)} ↔ ${truth.title.get(p.b)}`);
    expect(wrong).toEqual([]);
    // Most true pairs are found (the corpus has about two hundred).
    expect(links.length).toBeGreaterThan(200);
  });

  it("leaves the keys the corpus gets wrong as conflicts: records that share another record's video URL", () => {
    const isTrue = (p: { a: string; b: string }) => truth.group.get(p.a) === truth.group.get(p.b);
    expect(conflicts.filter((c) => !isTrue(c)).length).toBeGreaterThanOrEqual(2);
  });
});

describe.skipIf(!corpusAvailable)("aligning a speech whose versions divide paragraphs differently", () => {
  it("pairs the opening sentences of the UN Security Council address one to one, with no slip", async () => {
    const docs = ingestFile(corpusPath("zelensky", "addresses-uk-en.json"));
    await nextTurn();
    const uk = docs.find((d) => d.id === "presidentgovua-22436cdfcf27");
    const en = docs.find((d) => d.id === "presidentgovua-9db5a8a8c549");
    if (!uk || !en) throw new Error("the Security Council address is not in the corpus as expected");
    const alignment = alignDocuments(uk, en, null);
    const opening = alignment.sentences.slice(0, 15);
    expect(opening.every((l) => l.a.length === 1 && l.b.length === 1)).toBe(true);
    const flat = (refs: [number, number][], sentencesOf: (p: number) => number) =>
      refs.map(([p, k]) => {
        let n = k;
        for (let q = 0; q < p; q++) n += sentencesOf(q);
        return n;
      });
    const countA = documentSentences(uk).map((s) => s.length);
    const countB = documentSentences(en).map((s) => s.length);
    const a = opening.flatMap((l) => flat(l.a, (p) => countA[p] ?? 0));
    const b = opening.flatMap((l) => flat(l.b, (p) => countB[p] ?? 0));
    expect(a).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(b).toEqual(Array.from({ length: 15 }, (_, i) => i));
  });
});
