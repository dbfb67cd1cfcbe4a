/**
 * Inputs that claim one URL, as an operator meets them on the command line: a second ingest of
 * the same files is a no-op, and `show --versions` says which version is current and which conflict.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verbatimOk } from "../support/cli.js";

const URL = "https://www.whitehouse.gov/briefings-statements/2025/01/press-briefing/";

const briefing = (date: string, words: string) => `---
date: '${date}'
source_url: ${URL}
title: "Press Briefing by Press Secretary Karoline Leavitt"
---

MS. LEAVITT: Good afternoon. ${words}

Q What about the tariffs?

MS. LEAVITT: We will announce them soon.
`;

let tmp = "";
let inputs = "";
let db = "";

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-cli-same-url-"));
  inputs = path.join(tmp, "inputs");
  db = path.join(tmp, "archive.db");
  await mkdir(inputs, { recursive: true });
  await writeFile(path.join(inputs, "2025-01-21-briefing.md"), briefing("2025-01-21", "First."));
  await writeFile(path.join(inputs, "2025-01-22-briefing.md"), briefing("2025-01-22", "Second."));
  await writeFile(path.join(inputs, "2025-01-22-copy.md"), briefing("2025-01-22", "Second, as prepared."));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const ingest = () => verbatimOk(["ingest", inputs, "--db", db, "--workers", "0", "--no-enrich"]);

describe("a same-url pair on the command line", () => {
  it("the second ingest reports 0 new, 0 new versions, all unchanged, and show --versions marks the conflict", async () => {
    const first = await ingest();
    expect(first).toContain("ingested 1 new, 2 new versions, 0 unchanged (3 documents from 3 inputs)");
    const second = await ingest();
    expect(second).toContain("ingested 0 new, 0 new versions, 3 unchanged (3 documents from 3 inputs)");
    expect(second).toMatch(
      /VERSION_CONFLICT versions 2, 3 of \S+ claim the same date with different content/,
    );

    const reader = new Database(db, { readonly: true });
    const id = reader.prepare("SELECT id FROM documents LIMIT 1").pluck().get() as string;
    reader.close();
    const lines = (await verbatimOk(["show", id, "--versions", "--db", db])).trim().split("\n");
    expect(lines.map((l) => l.split("  ").slice(0, 2))).toEqual([
      ["1", "2025-01-21"],
      [expect.stringMatching(/^2( \(current\))? \(conflict\)$/), "2025-01-22"],
      [expect.stringMatching(/^3( \(current\))? \(conflict\)$/), "2025-01-22"],
    ]);
    expect(lines.filter((l) => l.includes("(current)"))).toHaveLength(1);
  });
});
