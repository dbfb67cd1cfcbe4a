/**
 * Search over the real development corpus: stemmed Russian and English words find their forms,
 * phrases are exact, filters hold, and every count equals a brute-force count over the stored text.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as russian } from "@orama/stemmers/russian";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestBatch } from "../../src/ingest/batch.js";
import { loadDebateSpeakers } from "../../src/ingest/read/debate-speakers.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import type { Document } from "../../src/model/document.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";
import { FIXED_NOW, registry } from "../support/ingest.js";

/** An independent tokenizer and folder: not the code under test. */
const words = (text: string) =>
  (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) =>
    w
      .replace(/ё/g, "е")
      .replace(/ı/g, "i")
      .normalize("NFD")
      .replace(/(?<=[a-z])[\u0300-\u036f]+/g, "")
      .normalize("NFC"),
  );
const stem = (w: string) => (/[а-яе]/.test(w) ? russian(w) : english(w));

describe.skipIf(!corpusAvailable)("search over the development corpus", () => {
  let dir: string;
  let store: DocumentStore;
  const docs: Document[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-search-"));
    store = withSearch(new SqliteStore({ path: path.join(dir, "archive.db") }));
    await store.putSpeakers(registry.speakers);
    const debateSpeakers = await loadDebateSpeakers(corpusPath("ungdc", "Speakers_by_session.xlsx"));
    const { files } = await planSources(
      ["mid-ru", "whitehouse", "ungdc", "kremlin-ru"].map((d) => corpusPath(d)),
    );
    await ingestBatch(readSources(files, { maxBytes: 20 * 2 ** 20 }), store, {
      registry,
      debateSpeakers,
      maxBytes: 20 * 2 ** 20,
      now: FIXED_NOW,
    });
    for await (const doc of store.list()) docs.push(doc);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const turnTexts = () =>
    docs.flatMap((d) => d.turns.map((t) => ({ doc: d, turn: t, text: t.paragraphs.join("\n\n") })));

  const bruteForceStemmed = (word: string) => {
    const target = stem(words(word)[0] as string);
    const hits = turnTexts().filter((x) => words(x.text).some((w) => stem(w) === target));
    // A document whose title says the word is found even when none of its turns does.
    const titled = docs.filter((d) => d.turns.length > 0 && words(d.title).some((w) => stem(w) === target));
    return {
      turns: hits.length,
      documents: new Set([...hits.map((h) => h.doc.id), ...titled.map((d) => d.id)]).size,
    };
  };

  for (const word of ["sanctions", "vaccine", "negotiations", "Libya", "санкции", "переговоры", "граждан"]) {
    it(`counts the turns and documents saying a form of "${word}" exactly as a brute-force count does`, async () => {
      const result = await store.search(parseQuery(word), { limit: 5 });
      expect(result.total).toEqual(bruteForceStemmed(word));
      expect(result.total.turns).toBeGreaterThan(0);
    });
  }

  it("finds Russian case forms from one form of a word", async () => {
    const result = await store.search(parseQuery("санкция"), { limit: 50, turnsPerDocument: 20 });
    const forms = result.expansions[0]?.forms ?? [];
    expect(forms).toEqual(expect.arrayContaining(["санкции", "санкций"]));
    const matched = result.hits.flatMap((h) =>
      h.turns.flatMap((t) => t.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())),
    );
    expect(new Set(matched).size).toBeGreaterThan(1);
    for (const m of matched) expect(m).toMatch(/^санкц/);
  });

  it("finds an exact phrase only where the words stand together, unstemmed", async () => {
    const query = parseQuery('"territorial integrity"');
    const lines = await store.concordance(query, { limit: 10_000 });
    const expected = turnTexts().reduce(
      (n, x) =>
        n +
        (
          x.text
            .toLowerCase()
            .match(/(?<![\p{L}\p{N}])territorial[^\p{L}\p{N}]+integrity(?![\p{L}\p{N}])/gu) ?? []
        ).length,
      0,
    );
    expect(lines.totalOccurrences).toBe(expected);
    expect(expected).toBeGreaterThan(0);
    for (const l of lines.lines)
      expect(l.match.toLowerCase().replace(/\s+/g, " ")).toBe("territorial integrity");
    const stemmedForm = await store.search(parseQuery('"territorial integrities"'));
    expect(stemmedForm.total.turns).toBe(0);
  });

  it("returns only the named speaker's turns for speaker:", async () => {
    const query = parseQuery("speaker:psaki");
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page = await store.search(query, { limit: 10, cursor, turnsPerDocument: 20, sort: "date" });
      for (const hit of page.hits) for (const t of hit.turns) expect(t.speakerId).toMatch(/psaki/);
      seen += page.hits.length;
      cursor = page.nextCursor;
    } while (cursor);
    const expected = turnTexts().filter((x) => x.turn.speakerId?.includes("psaki"));
    expect(seen).toBe(new Set(expected.map((x) => x.doc.id)).size);
    const total = await store.search(query);
    expect(total.total.turns).toBe(expected.length);
  });

  it("limits by kind, language and date as the stored documents say", async () => {
    const result = await store.search(parseQuery("kind:question lang:en date:2021-08..2021-08"));
    const expected = turnTexts().filter(
      (x) =>
        x.turn.kind === "question" &&
        x.doc.language === "en" &&
        (x.doc.when.date ?? "").startsWith("2021-08"),
    );
    expect(result.total.turns).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });

  it("finds the founding mid.ru transcript by its title words and ranks it first", async () => {
    const founding = docs.find(
      (d) => d.publisher === "mid.ru" && /Sochi/.test(d.title) && /Cavusoglu/.test(d.title),
    );
    expect(founding, "the founding transcript is in the corpus").toBeDefined();
    const result = await store.search(parseQuery("Cavusoglu Sochi"));
    expect(result.hits[0]?.id).toBe(founding?.id);
  });

  it("finds one person's turns under any of their names, in any script", async () => {
    const count = async (q: string) => (await store.search(parseQuery(q))).total;
    const lavrov = await count("speaker:lavrov");
    expect(lavrov.turns).toBe(turnTexts().filter((x) => x.turn.speakerId === "sergey-lavrov").length);
    expect(lavrov.turns).toBeGreaterThan(0);
    expect(await count("speaker:Лавров")).toEqual(lavrov);
    expect(await count('speaker:"Sergey Lavrov"')).toEqual(lavrov);
    expect((await count("speaker:Путин")).turns).toBe(
      turnTexts().filter((x) => x.turn.speakerId === "vladimir-putin").length,
    );
    expect((await count("speaker:Путин")).turns).toBeGreaterThan(0);
  });

  it("makes the press secretary's surname labels and her full name one speaker", () => {
    const hers = turnTexts().filter((x) => x.turn.label?.toUpperCase().includes("JEAN-PIERRE"));
    expect(hers.length).toBeGreaterThan(0);
    expect(new Set(hers.map((x) => x.turn.speakerId))).toEqual(new Set(["karine-jean-pierre"]));
  });

  it("finds a role's holders only in documents dated within their term", async () => {
    const result = await store.search(parseQuery('role:"vice president"'), { limit: 200, sort: "date" });
    for (const hit of result.hits) {
      for (const t of hit.turns) {
        if (t.speakerId === "joe-biden") expect(hit.date && hit.date < "2017-01-21").toBe(true);
      }
    }
    const foreign = await store.search(parseQuery('role:"foreign minister" date:2020'), { facets: true });
    expect(foreign.facets?.speaker.map((f) => f.value)).toContain("sergey-lavrov");
  });
});
