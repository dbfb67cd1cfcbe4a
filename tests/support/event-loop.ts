/**
 * Keeps each test worker's event loop turning, and measures how long it was blocked.
 *
 * vitest's worker reports to the main process over RPC, and each call times out after a minute
 * of waiting. A worker whose event loop is blocked that long cannot read the answer in time:
 * the run fails with `Timeout calling "onTaskUpdate"` even when every test passed. Synchronous
 * tests run back to back without a turn of the loop between them, so a file of short tests adds
 * up to one long block, several times longer on a busy machine. Hence a turn after every test;
 * long work inside one test or hook must yield on its own (`await setImmediate()` from
 * node:timers/promises, as the quality tests do per document).
 *
 * With VERBATIM_LOOP_REPORT=1, the longest block of each file (collection included) is appended
 * to VERBATIM_LOOP_REPORT_FILE (default loop-report.tsv), in milliseconds. Nothing here fails a
 * test: timing is measured, never asserted.
 */
import { appendFileSync } from "node:fs";
import { setImmediate as nextTurn } from "node:timers/promises";
import { afterAll, afterEach, expect } from "vitest";

afterEach(() => nextTurn());

const enabled = process.env.VERBATIM_LOOP_REPORT === "1";
const TICK = 50;
let longest = 0;
let last = 0;
let timer: NodeJS.Timeout | undefined;

if (enabled) {
  // Started at import, so blocks during the file's collection count too.
  last = performance.now();
  timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK);
    last = now;
  }, TICK);
  timer.unref();
}

afterAll(() => {
  if (!timer) return;
  clearInterval(timer);
  // A block that lasts until now has not been seen by the interval yet.
  longest = Math.max(longest, performance.now() - last - TICK);
  const file = expect.getState().testPath ?? "?";
  appendFileSync(
    process.env.VERBATIM_LOOP_REPORT_FILE ?? "loop-report.tsv",
    `${Math.round(longest)}\t${file}\n`,
  );
});
