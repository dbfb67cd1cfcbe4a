/**
 * Hostile input at scale: every reader and the query parser fed generated inputs (fast-check).
 * None may crash, hang or fail with anything but a catalog code: a reader's failure is a user
 * error for that input (never INTERNAL), the parser's is QUERY_INVALID. `FUZZ_RUNS` sets the
 * inputs per target (default 10,000 here; `npm run fuzz` runs 100,000). Every reader is a target
 * (HTML, text, Markdown, JSON, JSONL, TEI, Akoma Ntoso, UN debate, kremlin.ru acts, bilingual
 * records), and so are tar.gz archives, whole, cut short or damaged.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { pack } from "tar-stream";
import { describe, expect, it } from "vitest";
import { ERRORS, toVerbatimError, VerbatimError } from "../../src/errors/catalog.js";
import { readSources } from "../../src/ingest/read/sources.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { hostileQuery } from "../support/hostile-queries.js";
import { ingestBytes } from "../support/ingest.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** Pieces each format is built from, so generated inputs reach past the first check of a reader. */
const PIECES: Record<string, string[]> = {
  html: [
    "<html>",
    "</html>",
    "<body>",
    "<h1>",
    "</h1>",
    "<p>",
    "</p>",
    "<br>",
    '<meta property="og:title" content="',
    '<time datetime="2021-03-0',
    "<script>",
    "<!--",
    '<div class="text article-content">',
    "&amp;",
    "&#x",
    "<table><tr><td>",
    "Question:",
    "MS. PSAKI:",
    "Q ",
  ],
  text: [
    "\n",
    "\n\n",
    "Question:",
    "Вопрос:",
    "С.Лавров:",
    "Sergey Lavrov:",
    "THE PRESIDENT:",
    "Q    ",
    "29 December 202018:13",
    "en-GB1 ru-RU1",
    "Additional materials",
    "(Applause.)",
    "END",
    "УКАЗ",
    "Президент Российской Федерации",
    "Ответ:",
  ],
  md: [
    "---\n",
    "title: ",
    "date: 2021-0",
    "source_url: http",
    "\n",
    "## Russian\n",
    "## English\n",
    "**",
    "- ",
    "1. ",
    "MS. PSAKI:  ",
    "Q  ",
    "\t",
  ],
  json: [
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    '"id"',
    '"uk"',
    '"en"',
    '"text"',
    '"name"',
    '"messages"',
    '"role"',
    '"content"',
    '"senderName"',
    '"conversationId"',
    '"date"',
    "null",
    "1e999",
    '"\\u0000"',
  ],
  jsonl: ['{"formatVersion":1', '"id":"x"', '"turns":[', "]", "}", "\n", ",", '"title":', "null"],
  // The XML readers: entities declared inline (expansion bombs), CDATA, comments, unclosed and
  // misnested elements, after a root that makes detection pick the reader.
  tei: [
    "<teiHeader>",
    "</teiHeader>",
    "<titleStmt><title>",
    "</title></titleStmt>",
    '<date when="2021-0',
    '<person xml:id="p',
    "<persName>",
    "</persName>",
    '<u who="#p',
    '" ana="#chair">',
    "</u>",
    "<seg>",
    "</seg>",
    "<note>",
    "</note>",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
    "&b;",
    "&amp;",
    "&#x",
    '"',
  ],
  akn: [
    "<debate>",
    "</debate>",
    "<debateBody>",
    "</debateBody>",
    '<FRBRdate date="2021-0',
    '<TLCPerson eId="p',
    '" showAs="',
    '<speech by="#p',
    '<question by="#p',
    '<answer by="#p',
    '">',
    "</speech>",
    "<from>",
    "</from>",
    "<p>",
    "</p>",
    "<![CDATA[",
    '<!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    "&b;",
    "&lt;",
  ],
  "un-debate": ["\n", "\n\n", "Mr. President,", "1.\t", "(spoke in French)", "Thank you.", "\u00a0", "\f"],
  "kremlin-act": [
    "\n",
    "О ",
    "Постановляю:",
    "1. ",
    "Президент Российской Федерации",
    "В.Путин",
    "Москва, Кремль",
    "№ ",
  ],
  "bilingual-records": [
    '"ru"',
    '"en"',
    '"uk"',
    ":",
    "{",
    "}",
    '"text"',
    '"title"',
    '"date"',
    ",",
    "null",
    '"',
  ],
};

const NAMES: Record<string, string> = {
  html: "page.html",
  text: "page.txt",
  md: "briefing.md",
  json: "records.json",
  jsonl: "archive.jsonl",
  tei: "session.xml",
  akn: "debate.xml",
  "un-debate": "USA_75_2020.txt",
  "kremlin-act": "decree.txt",
  "bilingual-records": "statements.json",
};

/** What each generated input starts with, so that detection picks the reader under test. */
const PREFIX: Record<string, string> = {
  tei: '<TEI xmlns="http://www.tei-c.org/ns/1.0">',
  akn: '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">',
  "kremlin-act": "УКАЗ\nПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ\n",
  "bilingual-records": '[{"ru": {"text": ',
};

function inputs(format: string) {
  const pieces = PIECES[format] as string[];
  const piece = fc.oneof(
    fc.constantFrom(...pieces),
    fc.string({ maxLength: 12, unit: "grapheme" }),
    fc.string({ maxLength: 6, unit: "binary" }),
  );
  const prefix = PREFIX[format] ?? "";
  const text = fc
    .array(piece, { maxLength: 60 })
    .map((parts) => Buffer.from(prefix + parts.join(""), "utf8"));
  // Raw bytes too: wrong encodings, NULs, truncated UTF-8.
  return fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  );
}

describe("readers under generated input", () => {
  for (const format of Object.keys(PIECES)) {
    it(`the ${format} reader never crashes and fails only with a user error`, async () => {
      await fc.assert(
        fc.asyncProperty(inputs(format), async (bytes) => {
          await nextTurn();
          const outcome = ingestBytes(NAMES[format] as string, bytes);
          if (outcome.ok) {
            for (const doc of outcome.documents) expect(doc.turns.length).toBeGreaterThan(0);
            return;
          }
          expect(outcome.error).toBeInstanceOf(VerbatimError);
          expect(ERRORS[outcome.error.code].kind, `${outcome.error.code}: ${outcome.error.message}`).toBe(
            "user",
          );
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe("the query parser under generated input", () => {
  it("answers every query with a query or QUERY_INVALID, never anything else", async () => {
    await fc.assert(
      fc.asyncProperty(hostileQuery, async (q) => {
        await nextTurn();
        try {
          parseQuery(q);
        } catch (error) {
          expect(error).toBeInstanceOf(VerbatimError);
          expect((error as VerbatimError).code).toBe("QUERY_INVALID");
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

/** A tar of generated members (names that climb out, links, empty and odd entries), gzipped, then maybe cut short or damaged. */
const tarGz = fc
  .record({
    members: fc.array(
      fc.record({
        name: fc.oneof(
          fc.constantFrom(
            "a.txt",
            "dir/b.md",
            "../escape.txt",
            "/abs.txt",
            "._hidden.txt",
            "x/.meta.json",
            "c.html",
          ),
          fc.string({ minLength: 1, maxLength: 20 }),
        ),
        type: fc.constantFrom("file", "file", "file", "directory", "symlink", "link"),
        text: fc.array(fc.constantFrom(...(PIECES.text as string[]), ...(PIECES.html as string[])), {
          maxLength: 12,
        }),
      }),
      { maxLength: 5 },
    ),
    cut: fc.option(fc.nat(), { nil: null }),
    flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 3 }),
  })
  .map(({ members, cut, flips }) => ({ members, cut, flips }));

async function packTarGz(spec: {
  members: { name: string; type: string; text: string[] }[];
  cut: number | null;
  flips: { at: number; xor: number }[];
}): Promise<Buffer> {
  const packer = pack();
  for (const m of spec.members) {
    const type = m.type as "file" | "directory" | "symlink" | "link";
    if (type === "file") packer.entry({ name: m.name, type }, m.text.join(""));
    else packer.entry({ name: m.name, type, linkname: type === "directory" ? undefined : "../target" });
  }
  packer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of packer) chunks.push(chunk as Buffer);
  let bytes = gzipSync(Buffer.concat(chunks));
  if (spec.cut !== null) bytes = bytes.subarray(0, spec.cut % (bytes.length + 1));
  for (const f of spec.flips)
    if (bytes.length) bytes[f.at % bytes.length] = (bytes[f.at % bytes.length] as number) ^ f.xor;
  return bytes;
}

describe("the tar.gz reader under generated archives", () => {
  it("gives every member as an input, a skip or a user error, and the readers take every input", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-fuzz-tar-"));
    const file = path.join(dir, "inputs.tar.gz");
    try {
      await fc.assert(
        fc.asyncProperty(tarGz, async (spec) => {
          await writeFile(file, await packTarGz(spec));
          for await (const item of readSources([{ path: file, size: 0 }], { maxBytes: 1_000_000 })) {
            if (item.type === "failed") {
              const e = toVerbatimError(item.error);
              expect(ERRORS[e.code].kind, `${e.code}: ${e.message}`).toBe("user");
            } else if (item.type === "input") {
              const outcome = ingestBytes(item.input.name, item.input.bytes);
              if (!outcome.ok) expect(ERRORS[outcome.error.code].kind).toBe("user");
            }
          }
        }),
        { numRuns: RUNS },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
