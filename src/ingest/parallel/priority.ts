/**
 * Batch work (reading pages, ingest, crawls, re-extraction, copies) yields the CPU to serving: it
 * runs at a lower scheduling priority, so that a server on the same machine answers readers first.
 * Alone, it runs as fast as before; only when both want the CPU does the server get it.
 * VERBATIM_BATCH_NICE sets the niceness (default 10; 0 keeps the normal priority). It also keeps
 * its heaps small (startBatchWork), so that a long ingest leaves memory to the server beside it.
 */
import { readdirSync } from "node:fs";
import os from "node:os";
import v8 from "node:v8";
import { VerbatimError } from "../../errors/catalog.js";

const DEFAULT_NICE = 10;

/**
 * How far a batch command's heaps grow past what a full collection leaves alive, in percent.
 * V8 picks the factor itself, up to several times the live heap for a program that allocates
 * fast: an ingest's main thread holds about 60 MB alive between batches (a heap snapshot taken
 * while the White House briefings were ingested) yet reached 300 to 490 MB of heap before
 * collecting, most of it the last batch's garbage. At a fifth, the briefings' ingest (3,181
 * documents, one worker) peaked at 597 and 611 MB resident against 847 and 852 MB, its wall time
 * 59.5 and 63.4 s against 58.8 and 60.4 s (runs alternated); `npm run bench:ingest` (15,358
 * documents) peaked at 583 and 686 MB against 961 and 1,140 MB (VERBATIM_HEAP_GROWING=0), in
 * 103.8 and 170.5 s against 94.0 and 172.3 s (without and with enrichment).
 */
const DEFAULT_HEAP_GROWING_PERCENT = 20;

/**
 * What every batch command does first: yields the CPU to serving, and keeps its heaps near what
 * they hold alive (DEFAULT_HEAP_GROWING_PERCENT; VERBATIM_HEAP_GROWING sets it, 0 leaves V8's
 * own). The factor is V8's, for the whole process: it holds from the next collection of this
 * thread on, and in every worker thread started afterwards.
 */
export function startBatchWork(): void {
  yieldToServing();
  const percent = wholeNumberSetting("VERBATIM_HEAP_GROWING", DEFAULT_HEAP_GROWING_PERCENT);
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/**
 * A setting read from the environment that must be a whole number of 0 or more; unset or empty,
 * the default. A typo ("2O", "-5") is a coded error, not a setting silently ignored.
 */
function wholeNumberSetting(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim()))
    throw new VerbatimError("SETTING_INVALID", {
      name,
      value,
      reason: "a whole number of 0 or more is expected",
    });
  return Number(value.trim());
}

/**
 * Lowers the priority of every thread of this process; never raises one; a platform that refuses
 * is left as it is. Linux schedules threads one by one: lowering the calling thread alone left the
 * threads Node starts before any code runs (V8's garbage collection helpers, libuv's pool) at the
 * normal priority, and an ingest's collections competed with serving at full weight. Threads
 * started afterwards (worker threads) inherit the caller's.
 */
export function yieldToServing(): void {
  const nice = wholeNumberSetting("VERBATIM_BATCH_NICE", DEFAULT_NICE);
  if (nice <= 0) return;
  for (const thread of threads()) {
    try {
      if (os.getPriority(thread) < nice) os.setPriority(thread, Math.min(19, nice));
    } catch {
      // Not permitted here, or gone: that thread runs at the priority it has.
    }
  }
}

/** The process's threads where the system lists them (Linux), else the process itself (0). */
function threads(): number[] {
  try {
    return readdirSync("/proc/self/task").map(Number);
  } catch {
    return [0];
  }
}
