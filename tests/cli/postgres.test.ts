/**
 * The commands on a PostgreSQL archive, as a user runs them: ingest into a database, search it
 * with the same counts as the same ingest into a SQLite file, copy a SQLite archive into a
 * database and back, and serve it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verbatim, verbatimOk } from "../support/cli.js";
import { freshSchemaUrl, postgresWanted } from "../support/postgres.js";

const EXAMPLES = fileURLToPath(new URL("../../examples", import.meta.url));

describe.runIf(postgresWanted)("the commands on a PostgreSQL archive", () => {
  let tmp: string;
  const drops: (() => Promise<void>)[] = [];
  const database = async () => {
    const { url, drop } = await freshSchemaUrl();
    drops.push(drop);
    return url;
  };

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-cli-pg-"));
  });
  afterAll(async () => {
    for (const drop of drops) await drop();
    await rm(tmp, { recursive: true, force: true });
  });

  it("ingest into a database and into a file give the same search counts, and copy moves the file into a database and back", async () => {
    const url = await database();
    const file = path.join(tmp, "a.db");
    for (const db of [url, file])
      await verbatimOk(["ingest", EXAMPLES, "--db", db, "--workers", "0", "--no-progress"]);
    const count = async (db: string, q: string) =>
      (JSON.parse(await verbatimOk(["search", q, "--db", db, "--json"])) as { total: unknown }).total;
    for (const q of ["sanctions", "speaker:lavrov", '"territorial integrity"', "санкции"])
      expect(await count(url, q), q).toEqual(await count(file, q));

    const copied = await database();
    const out = await verbatimOk(["copy", file, copied, "--no-progress"]);
    expect(out).toMatch(/^copied in [\d.]+ s: \d+ version/);
    const back = path.join(tmp, "back.db");
    await verbatimOk(["copy", copied, back, "--no-progress"]);
    for (const q of ["sanctions", "speaker:lavrov"]) {
      expect(await count(copied, q), q).toEqual(await count(file, q));
      expect(await count(back, q), q).toEqual(await count(file, q));
    }
    // Copying into an archive that holds documents is refused.
    const refused = await verbatim(["copy", file, copied, "--no-progress"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error COPY_TARGET_NOT_EMPTY/);
  }, 240_000);

  it("a reading command on a database with no archive exits 1 with STORE_NOT_FOUND", async () => {
    const url = await database();
    const result = await verbatim(["search", "x", "--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error STORE_NOT_FOUND: no archive at /);
  });
});
