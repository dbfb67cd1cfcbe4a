/**
 * Exports: golden files per format over a small archive made from synthetic fixtures (a
 * bilingual statement, a White House briefing, a kremlin.ru interview), written alike by every
 * backend; and what each format promises: JSON Lines re-ingested gives the same archive (with its
 * history on request), CSV has a row per turn, TEI is well-formed and keeps every turn's text, TMX
 * holds every linked pair once. `UPDATE_GOLDEN=1` rewrites the golden files; read the diff.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAndLink } from "../../src/align/service.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { type ExportFormat, type ExportOptions, runExport } from "../../src/export/run.js";
import { readJsonl } from "../../src/ingest/extract/jsonl.js";
import type { SourceItem } from "../../src/ingest/read/sources.js";
import { parseQuery } from "../../src/search/query/parse.js";
import type { DocumentStore } from "../../src/store/store.js";
import { appFor } from "../support/app.js";
import { BACKENDS, openTestStore } from "../support/backends.js";
import { FIXED_NOW, registry } from "../support/ingest.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(HERE, "..", "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const INPUTS = [
  "mid-ru/bilingual-statement.md",
  "whitehouse/front-matter-briefing.md",
  "kremlin-ru/interview-text-russian.txt",
];
const GOLDEN: Record<ExportFormat, string> = {
  jsonl: "archive.jsonl",
  csv: "archive.csv",
  tei: "archive.tei.xml",
  tmx: "archive.tmx",
};

const matcher = new EntityMatcher(Gazetteer.load(registry));

async function* sources(inputs: { name: string; bytes: Uint8Array }[]): AsyncGenerator<SourceItem> {
  for (const { name, bytes } of inputs) yield { type: "input", input: { source: name, name, bytes } };
}

async function ingest(store: DocumentStore, inputs: { name: string; bytes: Uint8Array }[]) {
  const report = await ingestAndLink(
    sources(inputs),
    store,
    { registry, debateSpeakers: null, maxBytes: 2 ** 22, now: FIXED_NOW, matcher },
    matcher,
  );
  expect(report.failures).toEqual([]);
  return report;
}

const fixtures = () => INPUTS.map((name) => ({ name, bytes: readFileSync(path.join(FIXTURES, name)) }));

async function exported(store: DocumentStore, options: Partial<ExportOptions> & { format: ExportFormat }) {
  let out = "";
  const summary = await runExport(store, { matcher, now: FIXED_NOW, ...options }, (chunk) => {
    out += chunk;
  });
  return { out, summary };
}

describe.each(BACKENDS)("exports from %s", (backend) => {
  let store: DocumentStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
    await ingest(store, fixtures());
  }, 60_000);
  afterAll(() => store?.close());

  it.each(Object.keys(GOLDEN) as ExportFormat[])("writes %s as its golden file says", async (format) => {
    const { out } = await exported(store, { format });
    const file = path.join(HERE, "golden", GOLDEN[format]);
    if (UPDATE && backend === BACKENDS[0]) writeFileSync(file, out);
    expect(out).toBe(readFileSync(file, "utf8"));
  });

  it("json lines re-ingested into an empty archive export the same, and older lines still read", async () => {
    const first = (await exported(store, { format: "jsonl" })).out;
    const again = await openTestStore(backend);
    try {
      await ingest(again, [{ name: "archive.jsonl", bytes: Buffer.from(first) }]);
      const lines = (text: string) =>
        text
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as unknown);
      expect(lines((await exported(again, { format: "jsonl" })).out)).toStrictEqual(lines(first));
    } finally {
      await again.close();
    }
    const docs = readJsonl(first);
    const v1 = docs.map((d) => JSON.stringify(d)).join("\n");
    expect(readJsonl(v1)).toStrictEqual(docs);
  });

  it("json lines with history bring every version back, in order", async () => {
    const history = await openTestStore(backend);
    try {
      const briefing = readFileSync(path.join(FIXTURES, "whitehouse/front-matter-briefing.md"), "utf8");
      const name = "whitehouse/front-matter-briefing.md";
      await ingest(history, [{ name, bytes: Buffer.from(briefing) }]);
      await ingest(history, [
        { name, bytes: Buffer.from(`${briefing}\nQ  One more question, added later?\n`) },
      ]);
      const [id] = (await exported(history, { format: "jsonl" })).out.match(/"id":"[^"]+"/) ?? [];
      const docId = JSON.parse(`{${id}}`).id as string;
      expect((await history.versions(docId)).length).toBe(2);

      const withHistory = (await exported(history, { format: "jsonl", history: true })).out;
      const line = JSON.parse(withHistory) as { history: { version: number }[] };
      expect(line.history.map((h) => h.version)).toEqual([1]);

      const copy = await openTestStore(backend);
      try {
        await ingest(copy, [{ name: "history.jsonl", bytes: Buffer.from(withHistory) }]);
        const versions = await copy.versions(docId);
        expect(versions.length).toBe(2);
        for (const v of versions)
          expect((await copy.get(docId, v.version))?.document).toStrictEqual(
            (await history.get(docId, v.version))?.document,
          );
      } finally {
        await copy.close();
      }
    } finally {
      await history.close();
    }
  });

  it("csv has one row per turn, its text whole and formulas defused", async () => {
    const { out } = await exported(store, { format: "csv" });
    const turns = (await exported(store, { format: "jsonl" })).out
      .trim()
      .split("\n")
      .reduce((n, l) => n + (JSON.parse(l) as { document: { turns: unknown[] } }).document.turns.length, 0);
    const rows = out.split("\r\n").filter((r) => /^[a-z]+-[0-9a-f]{12},/.test(r));
    expect(rows.length).toBe(turns);
    expect(out.startsWith("document_id,version,publisher,")).toBe(true);
  });

  it("tei is well-formed, every utterance keeps its turn's text and points at a listed person", async () => {
    const { out } = await exported(store, { format: "tei" });
    expect(XMLValidator.validate(out)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(out);
    expect(parsed).toBeDefined();
    const docs = readJsonl((await exported(store, { format: "jsonl" })).out);
    for (const doc of docs) {
      const tei = out.slice(
        out.indexOf(`<TEI xml:id="${doc.id}"`),
        out.indexOf("</TEI>", out.indexOf(`"${doc.id}"`)),
      );
      for (const turn of doc.turns) {
        const u = tei.match(new RegExp(`<u xml:id="${doc.id}\\.t${turn.index}"[^>]*>(.*?)</u>`))?.[1] ?? "";
        const text = u
          .split(/<\/seg>/)
          .filter(Boolean)
          .map((seg) =>
            seg
              .replace(/<[^>]+>/g, "")
              .replace(/&lt;/g, "<")
              .replace(/&gt;/g, ">")
              .replace(/&quot;/g, '"')
              .replace(/&apos;/g, "'")
              .replace(/&amp;/g, "&"),
          );
        expect(text).toEqual(turn.paragraphs);
        const who = tei.match(new RegExp(`<u xml:id="${doc.id}\\.t${turn.index}"[^>]*who="#([^"]+)"`))?.[1];
        if (turn.speakerId) expect(tei).toContain(`<person xml:id="${who}">`);
      }
    }
  });

  it("tmx holds every linked pair once, a search narrows it, and a confidence past 1 is refused", async () => {
    const all = await exported(store, { format: "tmx" });
    expect(XMLValidator.validate(all.out)).toBe(true);
    expect(all.summary.pairs).toBe(1);
    expect(all.out.match(/<tu /g)?.length).toBeGreaterThan(1);
    const none = await exported(store, {
      format: "tmx",
      query: parseQuery("Tatarstan publisher:whitehouse.gov"),
    });
    expect(none.summary).toEqual({ documents: 0, pairs: 0 });
    expect(XMLValidator.validate(none.out)).toBe(true);
    await expect(exported(store, { format: "tmx", minConfidence: 2 })).rejects.toMatchObject({
      code: "REQUEST_INVALID",
    });
  });

  it("the API streams an export of a search, and names an unknown format as a coded error", async () => {
    const app = appFor(store);
    const res = await app.request("/api/export?format=csv&q=Kazan");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain("verbatim-export.csv");
    const rows = (await res.text()).trim().split("\r\n");
    expect(rows[0]?.startsWith("document_id,")).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r.startsWith("midru-"))).toBe(true);

    const tei = await app.request("/api/export?format=tei");
    expect(XMLValidator.validate(await tei.text())).toBe(true);
    const bad = await app.request("/api/export?format=docx");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("REQUEST_INVALID");
    const badQuery = await app.request(`/api/export?format=csv&q=${encodeURIComponent('"unclosed')}`);
    expect(badQuery.status).toBeLessThan(500);
  });

  it("a search selects its documents, and --publisher narrows a search's publishers", async () => {
    const kazan = await exported(store, { format: "jsonl", query: parseQuery("Kazan") });
    expect(kazan.summary.documents).toBe(1);
    const both = await exported(store, { format: "jsonl", query: parseQuery("Kazan OR Казани") });
    expect(both.summary.documents).toBe(2);
    const other = await exported(store, {
      format: "csv",
      query: parseQuery("Kazan"),
      publisher: "whitehouse.gov",
    });
    expect(other.summary.documents).toBe(0);
    const whitehouse = await exported(store, { format: "csv", publisher: "whitehouse.gov" });
    expect(whitehouse.summary.documents).toBe(1);
  });
});
