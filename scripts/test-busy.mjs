#!/usr/bin/env node
/**
 * Runs the whole test suite while other processes keep every core busy, the way a shared CI
 * machine or a developer's laptop is: `npm run test:busy [-- --runs 3]`.
 *
 * One CPU-bound process per core spins for the duration of each run (bounded: each stops by
 * itself after --limit minutes, and all are killed when the run ends). Prints the exit code and
 * wall time of every run, and exits non-zero if any run failed.
 */
import { spawn } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "1" },
    load: { type: "string", default: String(os.availableParallelism()) },
    limit: { type: "string", default: "30" },
  },
});
const runs = Number(values.runs);
const load = Number(values.load);
const limitMs = Number(values.limit) * 60_000;

function startLoad() {
  const spin = `const end = Date.now() + ${limitMs}; let x = 0; while (Date.now() < end) x = (x + Math.sqrt(x + 1)) % 1e9;`;
  return Array.from({ length: load }, () => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));
}

function runTests() {
  return new Promise((resolve) => {
    const child = spawn("npm", ["test"], { stdio: "inherit" });
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

const results = [];
for (let run = 1; run <= runs; run++) {
  const burners = startLoad();
  process.stderr.write(
    `test:busy run ${run}/${runs}: ${load} CPU-bound processes on ${os.availableParallelism()} cores\n`,
  );
  const started = Date.now();
  const code = await runTests();
  const seconds = (Date.now() - started) / 1000;
  for (const b of burners) b.kill("SIGKILL");
  results.push({ run, code, seconds });
}

process.stdout.write("\ntest:busy results\n");
for (const r of results) {
  const total = Math.round(r.seconds);
  const m = Math.floor(total / 60);
  const s = total % 60;
  process.stdout.write(`run ${r.run}: exit ${r.code}, ${m} min ${s} s\n`);
}
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
