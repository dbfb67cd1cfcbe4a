/**
 * `verbatim serve --processes N`: N processes answer on one port over one archive; one that dies
 * is replaced, and stopping the first stops them all.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, verbatim, verbatimOk } from "../support/cli.js";

/** The pids pgrep finds (it exits 1 when it finds none). */
const pgrep = (...args: string[]): number[] => {
  try {
    return execFileSync("pgrep", args, { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    return [];
  }
};

/** The processes a process started. */
const childrenOf = (pid: number) => pgrep("-P", String(pid));

/** Processes serving an archive, found by its path on their command line. */
const serving = (archive: string) => pgrep("-f", `serve --db ${archive}`);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

describe("serve --processes", () => {
  let tmp: string;
  let db: string;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), "verbatim-processes-"));
    db = path.join(tmp, "archive.db");
    const input = path.join(tmp, "briefing.txt");
    await writeFile(
      input,
      "Press briefing on sanctions\n\nQuestion: What about the sanctions?\n\nJohn Smith: The sanctions stay.\n",
    );
    await verbatimOk(["ingest", input, "--db", db]);
  }, 120_000);

  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("answers on one port from two processes, replaces one that dies, and stops them all with the first", async () => {
    const child: ChildProcess = spawn(
      process.execPath,
      [BIN, "serve", "--db", db, "--port", "0", "--processes", "2", "--no-examples"],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, VERBATIM_DB: undefined } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr?.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    const pid = child.pid as number;
    try {
      await until("it serves", () => /serving on http:\/\/127\.0\.0\.1:\d+ \(2 processes\)/.test(stdout));
      const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
      expect(childrenOf(pid)).toHaveLength(2);

      const search = async () => {
        const response = await fetch(`http://127.0.0.1:${port}/api/search?q=sanctions`);
        expect(response.status).toBe(200);
        return ((await response.json()) as { total: { turns: number } }).total.turns;
      };
      expect(await Promise.all(Array.from({ length: 20 }, search))).toEqual(Array(20).fill(2));

      const [first] = childrenOf(pid);
      process.kill(first as number, "SIGKILL");
      await until("another process replaces it", () => {
        const now = childrenOf(pid);
        return now.length === 2 && !now.includes(first as number);
      });
      await until("the new one listens", () => /starting another/.test(stderr));
      // The replacement may still be opening the archive: connections go to whichever listens.
      expect(await Promise.all(Array.from({ length: 10 }, search))).toEqual(Array(10).fill(2));

      const workers = childrenOf(pid);
      child.kill("SIGTERM");
      await until("every process has stopped", () => !alive(pid) && workers.every((w) => !alive(w)), 20_000);
    } finally {
      if (alive(pid)) child.kill("SIGKILL");
      for (const w of childrenOf(pid)) process.kill(w, "SIGKILL");
    }
  }, 120_000);

  it("stops with PORT_UNAVAILABLE when the port is taken, with one process or several, and leaves none running", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = String((taken.address() as AddressInfo).port);
    try {
      for (const processes of ["1", "2"]) {
        const result = await verbatim([
          "serve",
          "--db",
          db,
          "--port",
          port,
          "--no-examples",
          "--processes",
          processes,
        ]);
        expect(result.code, processes).toBe(1);
        expect(result.stderr, processes).toMatch(
          /PORT_UNAVAILABLE: cannot serve on 127\.0\.0\.1:\d+: something else is listening there/,
        );
        expect(result.stderr, processes).not.toMatch(/starting another| {4}at /);
        await until("no process of it is left", () => serving(db).length === 0, 10_000);
      }
    } finally {
      taken.close();
    }
  }, 60_000);

  it("refuses a process count that is not one", async () => {
    const result = await verbatim(["serve", "--db", db, "--port", "0", "--processes", "zero"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/REQUEST_INVALID.*--processes must be a whole number/);
  });
});
