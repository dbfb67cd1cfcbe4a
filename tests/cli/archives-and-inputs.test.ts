/**
 * The command line never answers from an archive it made up: reading commands refuse a missing
 * archive without creating one; only ingest and serve --create make new archives.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verbatim } from "../support/cli.js";

let tmp = "";

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-cli-inputs-"));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function documentsIn(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM documents WHERE current = 1").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

describe("reading commands on an archive that does not exist", () => {
  const READERS = [
    ["search", "sanctions"],
    ["show", "X"],
    ["show", "X", "--versions"],
    ["export"],
    ["versions", "X"],
    ["align", "X", "Y"],
    ["divergence"],
    ["link", "X", "Y"],
    ["link", "--auto"],
    ["unlink", "X", "Y"],
    ["reextract"],
    ["reenrich"],
    ["serve", "--port", "0"],
  ];

  it("each prints STORE_NOT_FOUND, exits 1 and creates neither the archive nor its folder", async () => {
    const folder = path.join(tmp, "typo");
    const db = path.join(folder, "archive.db");
    const results = await Promise.all(READERS.map((args) => verbatim([...args, "--db", db])));
    results.forEach((result, i) => {
      const command = READERS[i]?.join(" ");
      expect(result.stderr, command).toBe(
        `error STORE_NOT_FOUND: no archive at ${db}; create one with \`verbatim ingest\`\n`,
      );
      expect(result.code, command).toBe(1);
      expect(result.stdout, command).toBe("");
    });
    expect(existsSync(folder)).toBe(false);
  }, 180_000);

  it("serve --create makes the archive and loads the bundled examples into it", async () => {
    const db = path.join(tmp, "fresh", "verbatim.db");
    const result = await verbatim(["serve", "--create", "--port", "0", "--db", db], {
      // Serving starts once the examples are in.
      killWhen: async ({ exited, stdout }) => {
        const deadline = Date.now() + 100_000;
        while (!exited() && !stdout().includes("Verbatim is serving") && Date.now() < deadline)
          await sleep(50);
      },
    });
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/the archive was empty: loaded \d+ example documents/);
    expect(documentsIn(db)).toBeGreaterThan(5);
  }, 120_000);
});
