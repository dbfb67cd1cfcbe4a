/**
 * `verbatim export` on real documents: every linked pair of the mid.ru statements in one TMX,
 * a search's documents as CSV to a file, and an unknown format named as a coded error.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verbatim } from "../support/cli.js";
import { corpusAvailable, corpusPath } from "../support/corpus.js";

const tmp = mkdtempSync(path.join(os.tmpdir(), "verbatim-export-cli-"));
const db = path.join(tmp, "archive.db");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!corpusAvailable)("verbatim export", () => {
  beforeAll(async () => {
    const ingest = await verbatim([
      "ingest",
      "--db",
      db,
      "--no-progress",
      corpusPath("mid-ru", "statements"),
    ]);
    expect(ingest.code, ingest.stderr).toBe(0);
  }, 120_000);

  it("writes the aligned units of all 15 mid.ru statement pairs into one TMX", async () => {
    const out = await verbatim(["export", "--format", "tmx", "--db", db]);
    expect(out.code, out.stderr).toBe(0);
    expect(XMLValidator.validate(out.stdout)).toBe(true);
    const pairs = new Set([...out.stdout.matchAll(/<tu tuid="(.+)-\d+">/g)].map((m) => m[1]));
    expect(pairs.size).toBe(15);
    expect(out.stderr).toContain("exported 33 documents, 15 language pairs as tmx");
  }, 120_000);

  it("writes a search's documents as CSV to a file, one row per turn", async () => {
    const file = path.join(tmp, "kazan.csv");
    const out = await verbatim([
      "export",
      "--format",
      "csv",
      "--query",
      "lang:en",
      "--out",
      file,
      "--db",
      db,
    ]);
    expect(out.code, out.stderr).toBe(0);
    const rows = readFileSync(file, "utf8").trim().split("\r\n");
    expect(rows[0]).toMatch(/^document_id,version,publisher,document_language,/);
    const languages = new Set(
      rows
        .slice(1)
        .map((r) => r.split(",")[3])
        .filter((l) => /^[a-z]{2}$/.test(l ?? "")),
    );
    expect([...languages]).toEqual(["en"]);
    expect(out.stderr).toMatch(/exported 1[0-9] documents as csv/);
  }, 60_000);

  it("leaves the file already at --out as it was when an export fails, and no partial file", async () => {
    const file = path.join(tmp, "kept.tmx");
    writeFileSync(file, "an earlier export");
    const out = await verbatim([
      "export",
      "--format",
      "tmx",
      "--min-confidence",
      "5",
      "--out",
      file,
      "--db",
      db,
    ]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("REQUEST_INVALID");
    expect(readFileSync(file, "utf8")).toBe("an earlier export");
    expect(existsSync(`${file}.partial`)).toBe(false);
  });

  it("names an unknown format with the formats it knows", async () => {
    const out = await verbatim(["export", "--format", "docx", "--db", db]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('OUTPUT_FORMAT_UNKNOWN: there is no export format "docx"');
    expect(out.stderr).toContain("jsonl, csv, tei, akn, tmx");
  });
});
