/**
 * Hostile input at scale: every reader and the query parser fed generated inputs (fast-check).
 * None may crash, hang or fail with anything but a catalog code: a reader's failure is a user
 * error for that input (never INTERNAL), the parser's is QUERY_INVALID. `FUZZ_RUNS` sets the
 * inputs per target (default 10,000 here; `npm run fuzz` runs 100,000).
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERRORS, VerbatimError } from "../../src/errors/catalog.js";
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
};

const NAMES: Record<string, string> = {
  html: "page.html",
  text: "page.txt",
  md: "briefing.md",
  json: "records.json",
  jsonl: "archive.jsonl",
};

function inputs(format: string) {
  const pieces = PIECES[format] as string[];
  const piece = fc.oneof(
    fc.constantFrom(...pieces),
    fc.string({ maxLength: 12, unit: "grapheme" }),
    fc.string({ maxLength: 6, unit: "binary" }),
  );
  const text = fc.array(piece, { maxLength: 60 }).map((parts) => Buffer.from(parts.join(""), "utf8"));
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
