/**
 * Exports: golden files per format over a small archive made from synthetic fixtures (a
 * bilingual statement, a White House briefing, a kremlin.ru interview), written alike by every
 * backend; and what each format promises: JSON Lines re-ingested gives the same archive (with its
 * history on request), CSV has a row per turn, TEI is well-formed and keeps every turn's text, TMX
 * holds every linked pair once. `UPDATE_GOLDEN=1` rewrites the golden files; read the diff.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { XmlDocument, XsdValidator } from "libxml2-wasm";
import { xmlRegisterFsInputProviders } from "libxml2-wasm/lib/nodejs.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestAndLink } from "../../src/align/service.js";
import { EntityMatcher } from "../../src/enrich/entity-matcher.js";
import { Gazetteer } from "../../src/enrich/gazetteer.js";
import { CITATION_FORMATS, citationTarget, formatCitation } from "../../src/export/citation.js";
import { exportParquet } from "../../src/export/parquet.js";
import { type ExportFormat, type ExportOptions, runExport } from "../../src/export/run.js";
import { readJsonl } from "../../src/ingest/extract/jsonl.js";
import type { SourceItem } from "../../src/ingest/read/sources.js";
import { parseQuery } from "../../src/search/query/parse.js";
import type { DocumentStore } from "../../src/store/store.js";
import { AKN_XSD } from "../support/akn-schema.js";
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
  akn: "archive.akn.xml",
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
        if (turn.speakerId) expect(tei).toContain(`<person xml:id="${who}"`);
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
    const parquet = await app.request("/api/export?format=parquet&table=documents&q=Kazan");
    expect(parquet.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    const tableRows = await parquetReadObjects({ file: await parquet.arrayBuffer() });
    expect(tableRows.map((r) => r.publisher)).toEqual(["mid.ru"]);
    // An export that fails part way is cut off, never delivered as if whole.
    let reads = 0;
    const failing = Object.create(store) as DocumentStore;
    failing.documentView = async (...args) => {
      if (++reads > 1) throw new Error("disk gone");
      return store.documentView(...args);
    };
    const cut = await appFor(failing).request("/api/export?format=jsonl");
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    const bad = await app.request("/api/export?format=docx");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe("REQUEST_INVALID");
    const badQuery = await app.request(`/api/export?format=csv&q=${encodeURIComponent('"unclosed')}`);
    expect(badQuery.status).toBeLessThan(500);
  });

  // The whole collection at once: eIds must also be unique across its documents.
  it.skipIf(!existsSync(AKN_XSD))("akn is valid Akoma Ntoso 3.0, by the schema", async () => {
    const { out } = await exported(store, { format: "akn" });
    xmlRegisterFsInputProviders();
    const schema = XmlDocument.fromBuffer(readFileSync(AKN_XSD), { url: AKN_XSD });
    const validator = XsdValidator.fromDoc(schema);
    const doc = XmlDocument.fromString(out);
    try {
      expect(() => validator.validate(doc)).not.toThrow();
      expect(out.match(/<debate /g)?.length).toBe(4);
      expect(out).toMatch(/<question eId="[^"]+" by="#[^"]+"/);
      expect(out).toMatch(/<answer eId="[^"]+" by="#[^"]+"/);
    } finally {
      doc.dispose();
      validator.dispose();
      schema.dispose();
    }
  });

  it("writes text that looks like markup or entity references as text, in every XML format", async () => {
    const hostile = await openTestStore(backend);
    try {
      // Markdown decodes entities once: the stored text says "&amp;" and "&#38;" literally.
      const text = "Vaccines from J&J; &amp;amp; Pfizer &amp;#38; <b>Moderna</b> & co.";
      const page = `---\ntitle: Vaccines & "doses" <today>\ndate: 2021-03-01\nsource_url: https://www.whitehouse.gov/briefing?a=1&b=2&amp;c=3\n---\n\nMS. PSAKI: ${text}\n\nQ  Is J&J; safe?\n\nMS. PSAKI: Yes.\n`;
      await ingest(hostile, [{ name: "whitehouse/hostile.md", bytes: Buffer.from(page) }]);
      // As the reader kept it (Markdown decodes its own entities and drops tags): still "J&J;".
      const [stored] = readJsonl((await exported(hostile, { format: "jsonl" })).out);
      const kept = stored?.turns[0]?.paragraphs[0] ?? "";
      expect(kept).toContain("J&J; &amp; Pfizer &#38;");
      for (const format of ["tei", "akn"] as const) {
        const { out } = await exported(hostile, { format });
        expect(XMLValidator.validate(out), format).toBe(true);
        // libxml2 refuses a reference to an entity XML does not define, as every strict reader does.
        XmlDocument.fromString(out).dispose();
        // Every text node in document order, so that text split by inline markup reads whole.
        let all = "";
        const walk = (node: unknown): void => {
          if (Array.isArray(node)) for (const n of node) walk(n);
          else if (node && typeof node === "object")
            for (const [k, v] of Object.entries(node)) {
              if (k === "#text") all += String(v);
              else if (k !== ":@") walk(v);
            }
        };
        walk(
          new XMLParser({
            preserveOrder: true,
            trimValues: false,
            ignoreAttributes: false,
            htmlEntities: false,
          }).parse(out),
        );
        expect(all, format).toContain(kept);
        expect(all, format).toContain("Is J&J; safe?");
        // And read back: attribute values (the source URL) as written, entities resolved once.
        const back = await openTestStore(backend);
        try {
          await ingest(back, [{ name: `hostile.${format}.xml`, bytes: Buffer.from(out) }]);
          const [again] = readJsonl((await exported(back, { format: "jsonl" })).out);
          expect(again?.sourceUrl, format).toBe(stored?.sourceUrl);
          expect(
            again?.turns.map((t) => t.paragraphs),
            format,
          ).toStrictEqual(stored?.turns.map((t) => t.paragraphs));
          expect(again?.title, format).toBe(stored?.title);
        } finally {
          await back.close();
        }
      }
    } finally {
      await hostile.close();
    }
  });

  it("cites a document and a turn in every format as the golden file says, naming the speaker and never a label", async () => {
    const [briefing] = readJsonl(
      (await exported(store, { format: "jsonl", publisher: "whitehouse.gov" })).out,
    );
    if (!briefing) throw new Error("no briefing in the fixture archive");
    const answered = briefing.turns.find((t) => t.kind === "answer" && t.speakerName);
    const asked = briefing.turns.find((t) => t.kind === "question" && !t.speakerName);
    if (!answered || !asked)
      throw new Error("the fixture briefing has no attributed answer and unattributed question");
    let out = "";
    for (const turn of [null, answered.index, asked.index]) {
      const target = await citationTarget(store, briefing.id, {
        turn,
        baseUrl: "https://verbatim.example",
        archived: false,
        now: FIXED_NOW(),
      });
      for (const format of CITATION_FORMATS)
        out += `== ${turn === null ? "document" : `turn ${turn}`} ${format}\n${formatCitation(target, format)}\n`;
    }
    const file = path.join(HERE, "golden", "citations.txt");
    if (UPDATE && backend === BACKENDS[0]) writeFileSync(file, out);
    expect(out).toBe(readFileSync(file, "utf8"));

    const turnOf = async (turn: number) =>
      citationTarget(store, briefing.id, { turn, baseUrl: null, archived: false, now: FIXED_NOW() });
    const apa = formatCitation(await turnOf(answered.index), "apa");
    const surname = (answered.speakerName ?? "").split(" ").at(-1) as string;
    expect(apa.startsWith(`${surname},`)).toBe(true);
    expect(apa).toContain(`/d/${briefing.id}?version=1#t${answered.index}`);
    const question = formatCitation(await turnOf(asked.index), "chicago");
    expect(question.startsWith("“")).toBe(true);
    expect(question).not.toMatch(/^Q\b|^Question/);
    await expect(turnOf(10_000)).rejects.toMatchObject({ code: "REQUEST_INVALID" });
  });

  it("serves citations from the API and the reader, each format as its own media type", async () => {
    const app = appFor(store);
    const [doc] = readJsonl((await exported(store, { format: "jsonl", publisher: "whitehouse.gov" })).out);
    const id = encodeURIComponent(doc?.id ?? "");
    const ris = await app.request(`/api/documents/${id}/citation?turn=1&format=ris`);
    expect(ris.status).toBe(200);
    expect(ris.headers.get("content-type")).toBe("application/x-research-info-systems; charset=utf-8");
    expect(await ris.text()).toContain("TY  - ");
    const csl = await app.request(`/api/documents/${id}/citation?format=csl-json`);
    const [item] = (await csl.json()) as { id: string; version: string; archive: string }[];
    expect(item?.version).toBe("1");
    expect(item?.archive).toBe(`Verbatim, http://verbatim.test/d/${id}?version=1`);
    expect((await app.request(`/api/documents/${id}/citation?format=mla`)).status).toBe(400);
    expect((await app.request("/api/documents/nope/citation")).status).toBe(404);
    expect((await app.request(`/api/documents/${id}/citation?turn=10000`)).status).toBe(400);
    const page = await (await app.request(`/d/${id}/cite?turn=1`)).text();
    for (const format of CITATION_FORMATS) expect(page).toContain(`id="cite-${format}"`);
    const reader = await (await app.request(`/d/${id}`)).text();
    expect(reader).toContain(`/d/${id}/cite?version=1&amp;turn=1`);
  });

  it.each(["tei", "akn"] as const)(
    "%s written by Verbatim reads back with the same turns, speakers, kinds, pairs and dates",
    async (format) => {
      const { out } = await exported(store, { format });
      const again = await openTestStore(backend);
      try {
        await ingest(again, [{ name: `archive.${format}.xml`, bytes: Buffer.from(out) }]);
        const before = readJsonl((await exported(store, { format: "jsonl" })).out);
        const after = new Map(
          readJsonl((await exported(again, { format: "jsonl" })).out).map((d) => [d.id, d]),
        );
        expect([...after.keys()].sort()).toEqual(before.map((d) => d.id).sort());
        const kept = (d: (typeof before)[number]) => ({
          id: d.id,
          publisher: d.publisher,
          language: d.language,
          title: d.title,
          kind: d.kind,
          date: d.when.date,
          place: d.place,
          sourceUrl: d.sourceUrl,
          qa: d.qa,
          turns: d.turns.map((t) => ({
            speakerId: t.speakerId,
            speakerName: t.speakerName,
            label: t.label,
            kind: t.kind,
            paragraphs: t.paragraphs,
            notes: t.notes,
          })),
        });
        for (const doc of before)
          expect(kept(after.get(doc.id) as typeof doc), doc.id).toStrictEqual(kept(doc));
      } finally {
        await again.close();
      }
    },
  );

  it("parquet tables read back, by a second reader, with every document and turn as stored", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-parquet-"));
    try {
      const summary = await exportParquet(store, {}, dir);
      const read = async (name: string) =>
        parquetReadObjects({ file: await asyncBufferFromFile(path.join(dir, `${name}.parquet`)) });
      const documents = await read("documents");
      const turns = await read("turns");
      const docs = readJsonl((await exported(store, { format: "jsonl" })).out);
      expect(summary).toMatchObject({ documents: docs.length, turns: turns.length });
      expect(documents.map((d) => d.id).sort()).toEqual(docs.map((d) => d.id).sort());
      for (const doc of docs) {
        const rows = turns
          .filter((t) => t.document_id === doc.id)
          .sort((a, b) => Number(a.turn) - Number(b.turn));
        expect(rows.map((t) => t.text)).toEqual(doc.turns.map((t) => t.paragraphs.join("\n\n")));
        expect(rows.map((t) => t.kind)).toEqual(doc.turns.map((t) => t.kind));
        for (const pair of doc.qa)
          for (const a of pair.answers)
            expect(rows[a]?.answers_question, `${doc.id} t${a}`).toBe(pair.question);
        const row = documents.find((d) => d.id === doc.id);
        expect(row?.date).toBe(doc.when.date);
        expect(row?.participants).toEqual(doc.participants);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
