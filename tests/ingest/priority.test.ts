/**
 * Batch work yields the CPU to serving by running every one of its threads at a lower priority
 * (src/ingest/parallel/priority.ts), including those Node starts before any code runs, and keeps
 * its heaps near what they hold alive.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startBatchWork } from "../../src/ingest/parallel/priority.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** In a process of its own: yield, start a worker thread, then each thread's niceness from /proc. */
const PROBE = `
import { readdirSync, readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { yieldToServing } from ${JSON.stringify(path.join(root, "src/ingest/parallel/priority.ts"))};
yieldToServing();
const worker = new Worker("setInterval(() => {}, 1000)", { eval: true });
await new Promise((resolve) => worker.once("online", resolve));
const nice = readdirSync("/proc/self/task").map((tid) => {
  const stat = readFileSync("/proc/self/task/" + tid + "/stat", "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
});
console.log(JSON.stringify(nice));
process.exit(0);
`;

/**
 * In a process of its own: start batch work (or not), then churn through about 250 MB of small
 * objects with about 10 MB of them alive at any time, and print the highest heap seen.
 */
const CHURN = `
import { startBatchWork } from ${JSON.stringify(path.join(root, "src/ingest/parallel/priority.ts"))};
if (process.env.START_BATCH === "1") startBatchWork();
let peak = 0;
const alive = [];
for (let i = 0; i < 1200; i++) {
  const objects = [];
  for (let j = 0; j < 5000; j++) objects.push({ j, s: "x" + j });
  alive.push(objects);
  if (alive.length > 40) alive.shift();
  if (i % 10 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
console.log(peak / 1048576);
`;

describe("batch work's heaps", () => {
  it("grow about a fifth past what they hold alive, where V8 alone lets them grow to twice that and more", () => {
    const peak = (env: NodeJS.ProcessEnv) =>
      Number(
        execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHURN], {
          cwd: root,
          env: { ...process.env, VERBATIM_BATCH_NICE: "0", ...env },
          encoding: "utf8",
        }),
      );
    // Measured here: 52 to 55 MB started as batch work, 112 MB without.
    const batch = peak({ START_BATCH: "1" });
    const plain = peak({ START_BATCH: "1", VERBATIM_HEAP_GROWING: "0" });
    expect(batch).toBeLessThan(80);
    expect(batch).toBeLessThan(0.75 * plain);
  });
});

describe("batch work's settings", () => {
  it("are whole numbers: a mistyped VERBATIM_HEAP_GROWING or VERBATIM_BATCH_NICE is a coded error, not ignored", () => {
    const saved = { heap: process.env.VERBATIM_HEAP_GROWING, nice: process.env.VERBATIM_BATCH_NICE };
    try {
      process.env.VERBATIM_BATCH_NICE = "1O";
      expect(() => startBatchWork()).toThrow(expect.objectContaining({ code: "SETTING_INVALID" }));
      // Niceness 0 keeps the normal priority, so only the heap setting is read, and refused.
      process.env.VERBATIM_BATCH_NICE = "0";
      process.env.VERBATIM_HEAP_GROWING = "-5";
      expect(() => startBatchWork()).toThrow(/VERBATIM_HEAP_GROWING="-5" is not a valid setting/);
    } finally {
      for (const [name, value] of [
        ["VERBATIM_HEAP_GROWING", saved.heap],
        ["VERBATIM_BATCH_NICE", saved.nice],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe.skipIf(!existsSync("/proc/self/task"))("batch work's priority", () => {
  it("is lowered for every thread of the process, those started before it was lowered and after", () => {
    const run = (env: NodeJS.ProcessEnv) =>
      JSON.parse(
        execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", PROBE], {
          cwd: root,
          env: { ...process.env, ...env },
          encoding: "utf8",
        }),
      ) as number[];
    const lowered = run({ VERBATIM_BATCH_NICE: "10" });
    // The main thread, V8's and libuv's threads, and the worker: more than the main thread alone.
    expect(lowered.length).toBeGreaterThan(3);
    expect(Math.min(...lowered)).toBeGreaterThanOrEqual(10);
    // Unless this suite itself runs lowered, 0 leaves them as they were.
    if (os.getPriority() < 10) expect(run({ VERBATIM_BATCH_NICE: "0" }).some((n) => n < 10)).toBe(true);
  });
});
