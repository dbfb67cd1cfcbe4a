/**
 * The `verbatim` command end to end, as a user runs it: a separate process on real files.
 * A SIGKILL mid-ingest must leave a consistent archive, and running the same command again
 * must complete it.
 */
import { existsSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../../src/store/sqlite/schema.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { currentDocuments, verbatim } from "../support/cli.js";
import { checkArchive, transcript, writeTranscripts } from "../support/crash.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a condition every few milliseconds, for at most 20 s. */
async function until(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition() && Date.now() < deadline) await sleep(2);
}

function writtenSince(file: string, since: number): boolean {
  try {
    return statSync(file).mtimeMs >= since;
  } catch {
    return false;
  }
}

const idsOf = (file: string): string[] => {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { id: string }>("SELECT id FROM documents WHERE current = 1 ORDER BY id")
      .all()
      .map((r) => r.id);
  } finally {
    db.close();
  }
};

let tmp = "";

/** An archive whose PRAGMA user_version (99) is newer than any schema this code knows. */
function tooNewArchive(name: string): string {
  const file = path.join(tmp, name);
  const db = new Database(file);
  db.pragma("user_version = 99");
  db.close();
  return file;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-cli-"));
});

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("a killed ingest", () => {
  it("leaves a consistent archive and running the same command again completes it", async () => {
    const inputs = path.join(tmp, "kill", "inputs");
    const db = path.join(tmp, "kill", "archive.db");
    await writeTranscripts(
      inputs,
      Array.from({ length: 400 }, (_, i) => i),
    );
    const args = ["ingest", inputs, "--db", db];

    // Two kills: one shortly after this run's first write to the archive (inside its first
    // transaction), one as soon as a run has committed its first batch (inside the next one).
    // A run that finished before the kill is fine too; the checks below hold either way.
    const triggers: ((started: number, exited: () => boolean) => Promise<void>)[] = [
      async (started, exited) => {
        await until(() => exited() || writtenSince(`${db}-wal`, started));
        await sleep(30);
      },
      async (_started, exited) => {
        const before = currentDocuments(db);
        await until(() => exited() || currentDocuments(db) > before);
      },
    ];
    const outcomes: string[] = [];
    for (const trigger of triggers) {
      const started = Date.now();
      const result = await verbatim(args, { killWhen: ({ exited }) => trigger(started, exited) });
      outcomes.push(result.signal ?? `exit ${result.code}`);
      if (result.signal === null) expect(result.code, result.stderr).toBe(0);

      const check = checkArchive(db);
      expect(check.integrity).toBe("ok");
      expect(check.incomplete).toEqual([]);
      expect(check.orphanTurns).toBe(0);
      expect(check.versions).toBe(check.documents);
      expect(check.documents).toBeLessThanOrEqual(400);
    }
    expect(outcomes).toHaveLength(2);

    const rerun = await verbatim([...args, "--json"]);
    expect(rerun.code, rerun.stderr).toBe(0);
    const report = JSON.parse(rerun.stdout) as {
      inserted: number;
      unchanged: number;
      versioned: number;
      failed: number;
    };
    expect(report.failed).toBe(0);
    expect(report.versioned).toBe(0);
    expect(report.inserted + report.unchanged).toBe(400);

    const final = checkArchive(db);
    expect(final).toEqual({ integrity: "ok", documents: 400, versions: 400, incomplete: [], orphanTurns: 0 });
  }, 120_000);
});

describe("the verbatim command", () => {
  for (const args of [["--help"], ["ingest", "--help"], ["show", "--help"], ["export", "--help"]]) {
    it(`verbatim ${args.join(" ")} prints usage and exits 0`, async () => {
      const result = await verbatim(args, { cwd: tmp });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: verbatim/m);
      if (args.length > 1) expect(result.stdout).toContain(`verbatim ${args[0]}`);
    });
  }

  it("verbatim show of an unknown id exits non zero with DOCUMENT_NOT_FOUND", async () => {
    const db = path.join(tmp, "empty.db");
    await new SqliteStore({ path: db }).close();
    const result = await verbatim(["show", "NOPE", "--db", db]);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toContain("DOCUMENT_NOT_FOUND");
    expect(result.stderr).toContain("NOPE");
    expect(result.stdout).toBe("");
  });

  it("verbatim ingest into an archive with a newer schema fails with STORE_SCHEMA_TOO_NEW", async () => {
    const db = tooNewArchive("ingest-too-new.db");
    const inputs = path.join(tmp, "too-new", "inputs");
    await writeTranscripts(inputs, [30]);
    const result = await verbatim(["ingest", inputs, "--db", db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error STORE_SCHEMA_TOO_NEW: the archive uses schema version 99, newer than this Verbatim knows (${SCHEMA_VERSION})\n`,
    );
  });

  for (const command of [["show", "X"], ["export"]]) {
    it(`verbatim ${command[0]} on an archive with a newer schema prints the catalog error only`, async () => {
      const result = await verbatim([...command, "--db", tooNewArchive(`${command[0]}-too-new.db`)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        `error STORE_SCHEMA_TOO_NEW: the archive uses schema version 99, newer than this Verbatim knows (${SCHEMA_VERSION})\n`,
      );
    });
  }

  it("a run with one broken file prints its file code and message and exits 1", async () => {
    const inputs = path.join(tmp, "broken", "inputs");
    const db = path.join(tmp, "broken", "archive.db");
    await writeTranscripts(inputs, [0, 1, 2, 3]);
    const broken = path.join(inputs, "en", "zz-broken.txt");
    await writeFile(broken, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(64)]));

    const result = await verbatim(["ingest", inputs, "--db", db]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${broken}: INPUT_BINARY the file is binary, not a text or HTML page`);
    expect(result.stdout).toMatch(/ingested 4 new, .* failed 1/);
    expect(idsOf(db)).toHaveLength(4);
  });

  it("verbatim search reads the query language, exclusions included, and explains bad queries", async () => {
    const inputs = path.join(tmp, "search", "inputs");
    const db = path.join(tmp, "search", "archive.db");
    await writeTranscripts(inputs, [0, 1, 4, 5, 8]);
    expect((await verbatim(["ingest", inputs, "--db", db])).code).toBe(0);
    const all = await verbatim(["search", "--db", db, "review", "--json"]);
    expect(all.code, all.stderr).toBe(0);
    const total = (JSON.parse(all.stdout) as { total: { turns: number } }).total.turns;
    expect(total).toBeGreaterThan(0);
    const without = await verbatim(["search", "--db", db, "review", "-experts", "--json"]);
    expect(without.code, without.stderr).toBe(0);
    expect((JSON.parse(without.stdout) as { total: { turns: number } }).total.turns).toBeLessThan(total);
    const kwic = await verbatim(["search", "--db", db, "review", "--kwic", "--csv"]);
    expect(kwic.stdout.split("\r\n")[0]).toBe("date,speaker,left,match,right,document,turn,permalink");
    const bad = await verbatim(["search", "--db", db, '"unclosed']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("QUERY_INVALID");
  });

  it("the VERBATIM_DB environment variable chooses the archive", async () => {
    const inputs = path.join(tmp, "env", "inputs");
    const cwd = path.join(tmp, "env", "cwd");
    const db = path.join(tmp, "env", "elsewhere", "from-env.db");
    await writeTranscripts(inputs, [4, 5]);
    await mkdir(cwd, { recursive: true });

    const ingest = await verbatim(["ingest", inputs], { cwd, env: { VERBATIM_DB: db } });
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
    expect(existsSync(path.join(cwd, "verbatim.db"))).toBe(false);
    const ids = idsOf(db);
    expect(ids).toHaveLength(2);

    const shown = await verbatim(["show", ids[0] as string, "--json"], { cwd, env: { VERBATIM_DB: db } });
    expect(shown.code, shown.stderr).toBe(0);
    expect((JSON.parse(shown.stdout) as { id: string }).id).toBe(ids[0]);

    const flagWins = await verbatim(["show", ids[0] as string, "--db", path.join(cwd, "other.db")], {
      cwd,
      env: { VERBATIM_DB: db },
    });
    expect(flagWins.stderr).toContain(`STORE_NOT_FOUND: no archive at ${path.join(cwd, "other.db")}`);
  });

  describe("export and re-ingest", () => {
    const dir = () => path.join(tmp, "export");
    const first = () => path.join(dir(), "first.db");
    const exported = () => path.join(dir(), "archive.jsonl");

    beforeAll(async () => {
      await writeTranscripts(path.join(dir(), "inputs"), [10, 11, 12, 13, 14, 15, 16, 17]);
      const ingest = await verbatim(["ingest", path.join(dir(), "inputs"), "--db", first()]);
      expect(ingest.code, ingest.stderr).toBe(0);
      const out = await verbatim(["export", "--format", "jsonl", "--db", first()]);
      expect(out.code, out.stderr).toBe(0);
      await writeFile(exported(), out.stdout);
    }, 60_000);

    it("an export in json lines re-ingested into a second archive gives identical documents", async () => {
      const second = path.join(dir(), "second.db");
      const ingest = await verbatim(["ingest", exported(), "--db", second]);
      expect(ingest.code, ingest.stderr).toBe(0);
      const ids = idsOf(first());
      expect(ids).toHaveLength(8);
      expect(idsOf(second)).toEqual(ids);

      for (const id of [ids[0], ids[5]] as string[]) {
        const a = await verbatim(["show", id, "--json", "--db", first()]);
        const b = await verbatim(["show", id, "--json", "--db", second]);
        expect(a.code).toBe(0);
        expect(b.code).toBe(0);
        const docA = JSON.parse(a.stdout) as { id: string; turns: unknown[] };
        expect(docA.id).toBe(id);
        expect(docA.turns.length).toBeGreaterThan(1);
        expect(JSON.parse(b.stdout)).toStrictEqual(docA);
      }

      const again = await verbatim(["export", "--format", "jsonl", "--db", second]);
      const parse = (s: string) =>
        s
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as unknown);
      expect(parse(again.stdout)).toStrictEqual(parse(await readFile(exported(), "utf8")));
    });

    it("re-ingesting an export into the archive it came from changes nothing", async () => {
      const copy = path.join(dir(), "copy.db");
      const source = new Database(first(), { readonly: true });
      source.prepare("VACUUM INTO ?").run(copy);
      source.close();
      const result = await verbatim(["ingest", exported(), "--db", copy, "--json"]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout) as { unchanged: number; versioned: number };
      expect(report.versioned).toBe(0);
      expect(report.unchanged).toBe(8);
    });
  });

  it("verbatim show with --version prints that earlier version of the document", async () => {
    const inputs = path.join(tmp, "versions", "inputs");
    const db = path.join(tmp, "versions", "archive.db");
    await writeTranscripts(inputs, [20]);
    const file = path.join(inputs, transcript(20).name);
    expect((await verbatim(["ingest", inputs, "--db", db])).code).toBe(0);
    await writeFile(file, transcript(20).text.replace("Press conference", "Corrected press conference"));
    expect((await verbatim(["ingest", inputs, "--db", db])).code).toBe(0);
    const [id] = idsOf(db);

    const result = await verbatim(["show", id as string, "--version", "1", "--json", "--db", db]);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as { title: string };
    expect(doc.title).toMatch(/^Press conference/);
  });
});
