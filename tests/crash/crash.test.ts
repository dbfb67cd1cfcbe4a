/**
 * `npm run test:crash`: `verbatim ingest` and `verbatim crawl` killed with SIGKILL at random
 * moments, CRASH_KILLS times each (20 in `npm run test:crash`). After every kill the archive must
 * pass SQLite's and FTS5's integrity checks and hold only whole documents; every run that ends,
 * and the run after the last kill, must give exactly what one uninterrupted run gives. The moments are
 * drawn from CRASH_SEED (printed on failure), so a failing sequence can be run again.
 * Skipped unless CRASH_KILLS is set: the everyday suite kills each command once or twice
 * (tests/cli/kill-and-rerun.test.ts, tests/cli/crawl-kill.test.ts).
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verbatim } from "../support/cli.js";
import {
  type ArchiveCounts,
  archiveCounts,
  checkArchive,
  ftsIntegrity,
  writeTranscripts,
} from "../support/crash.js";
import { type LocalSite, startListedSite } from "../support/local-site.js";

const KILLS = Number(process.env.CRASH_KILLS ?? 0);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const INPUTS = 600;
const PAGES = 150;

/** mulberry32: a small seeded generator, so the kill moments of a run can be drawn again. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The checks every archive left by a kill must pass, named by the kill that left it. */
function expectConsistent(db: string, kill: string): void {
  if (!existsSync(db)) return;
  const check = checkArchive(db);
  expect(check.integrity, kill).toBe("ok");
  expect(ftsIntegrity(db), kill).toBe("ok");
  expect(check.incomplete, kill).toEqual([]);
  expect(check.orphanTurns, kill).toBe(0);
  expect(check.versions, kill).toBe(check.documents);
}

/** Runs a command to its end (it must succeed), timed. */
async function timed(args: string[]): Promise<number> {
  const started = Date.now();
  const result = await verbatim(args);
  expect(result.code, result.stderr).toBe(0);
  return Date.now() - started;
}

/**
 * Kills `args` KILLS times, each at a moment drawn between 0 and the uninterrupted run's time,
 * checking the archive after each. A run that finishes before its kill must have stored exactly
 * what the uninterrupted run did; its archive is then removed, so the kills go on into fresh work.
 */
async function killRepeatedly(
  args: string[],
  db: string,
  full: number,
  draw: () => number,
  expected: ArchiveCounts,
): Promise<{ kills: number; finished: number }> {
  let kills = 0;
  let finished = 0;
  for (let attempt = 0; kills < KILLS && attempt < KILLS * 4; attempt++) {
    const at = Math.round(draw() * full);
    const result = await verbatim(args, {
      killWhen: async () => {
        await sleep(at);
      },
    });
    const name = `run ${attempt + 1}, kill at ${at} ms (CRASH_SEED=${SEED})`;
    expectConsistent(db, name);
    if (result.signal === "SIGKILL") {
      kills++;
      continue;
    }
    expect(result.code, `${name}: ${result.stderr}`).toBe(0);
    expect(archiveCounts(db), name).toEqual(expected);
    finished++;
    for (const file of [db, `${db}-wal`, `${db}-shm`]) await rm(file, { force: true });
  }
  expect(kills).toBe(KILLS);
  console.log(`${args[0]}: ${kills} kills, ${finished} runs that finished first (CRASH_SEED=${SEED})`);
  return { kills, finished };
}

describe.skipIf(KILLS === 0)(`ingest and crawl killed ${KILLS} times each (CRASH_SEED=${SEED})`, () => {
  let tmp = "";
  let site: LocalSite;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-crash-"));
    site = await startListedSite(PAGES, 30);
  });

  afterAll(async () => {
    await site?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it("ingest: every kill leaves a sound archive, and the re-run ends with exactly the uninterrupted run's counts", async () => {
    const inputs = path.join(tmp, "inputs");
    await writeTranscripts(
      inputs,
      Array.from({ length: INPUTS }, (_, i) => i),
    );
    const reference = path.join(tmp, "ingest-reference.db");
    const full = await timed(["ingest", inputs, "--db", reference, "--no-progress"]);
    const expected = archiveCounts(reference);
    expect(expected.documents).toBe(INPUTS);

    const db = path.join(tmp, "ingest-killed.db");
    const args = ["ingest", inputs, "--db", db, "--no-progress"];
    await killRepeatedly(args, db, full, random(SEED), expected);

    await timed(args);
    expectConsistent(db, `the re-run (CRASH_SEED=${SEED})`);
    expect(archiveCounts(db)).toEqual(expected);
  });

  it("crawl: every kill leaves a sound archive, and the re-run stores every page once, as the uninterrupted run does", async () => {
    const crawl = (db: string) => [
      "crawl",
      `${site.origin}/list/1`,
      "--db",
      db,
      "--max-pages",
      "1000",
      "--delay",
      "10",
      "--workers",
      "0",
    ];
    const reference = path.join(tmp, "crawl-reference.db");
    const full = await timed(crawl(reference));
    const expected = archiveCounts(reference);
    expect(expected.documents).toBe(PAGES);

    const db = path.join(tmp, "crawl-killed.db");
    await killRepeatedly(crawl(db), db, full, random(SEED + 1), expected);

    await timed(crawl(db));
    expectConsistent(db, `the re-run (CRASH_SEED=${SEED})`);
    // Nothing stored twice (versions, raw inputs), nothing skipped (documents, turns, index).
    expect(archiveCounts(db)).toEqual(expected);
  });
});
