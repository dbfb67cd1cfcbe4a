/**
 * `verbatim crawl` killed with SIGKILL mid-run, then the same command again: nothing lost, and no
 * page that was stored before the kill is fetched again.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verbatim } from "../support/cli.js";
import { type LocalSite, startListedSite } from "../support/local-site.js";

const PAGES = 240;

/** Source URLs of the documents a (possibly running) crawl has stored so far. */
function storedUrls(db: string): string[] {
  if (!existsSync(db)) return [];
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn
        .prepare<[], { url: string }>(
          "SELECT json_extract(body, '$.sourceUrl') AS url FROM documents WHERE current = 1",
        )
        .all()
        .map((r) => r.url);
    } finally {
      conn.close();
    }
  } catch {
    return [];
  }
}

describe("a killed crawl", () => {
  let dir = "";
  let site: LocalSite;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "verbatim-crawl-kill-"));
    site = await startListedSite(PAGES, 40);
  });

  afterAll(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("resumes from its queue in the archive and fetches no stored page twice", async () => {
    const db = path.join(dir, "archive.db");
    // A delay between requests makes the run last long enough to be killed in the middle.
    const args = [
      "crawl",
      `${site.origin}/list/1`,
      "--db",
      db,
      "--max-pages",
      "1000",
      "--delay",
      "15",
      "--workers",
      "0",
      "--no-enrich",
    ];
    let before: string[] = [];
    const killed = await verbatim(args, {
      killWhen: async ({ exited }) => {
        while (!exited() && storedUrls(db).length < 60) await new Promise((r) => setTimeout(r, 20));
        before = storedUrls(db);
      },
    });
    expect(killed.signal ?? `exit ${killed.code}: ${killed.stderr}`).toBe("SIGKILL");
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(PAGES);

    const rerun = await verbatim([...args, "--json"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = JSON.parse(rerun.stdout) as { resumed: boolean; inserted: number; failed: number };
    expect(report.resumed).toBe(true);
    expect(report.failed).toBe(0);

    const after = storedUrls(db);
    expect(new Set(after).size).toBe(PAGES);
    for (const url of before) expect(site.count(new URL(url).pathname), url).toBe(1);
  });
});
