/**
 * Batch work (reading pages, ingest, crawls, re-extraction, copies) yields the CPU to serving: it
 * runs at a lower scheduling priority, so that a server on the same machine answers readers first.
 * Alone, it runs as fast as before; only when both want the CPU does the server get it.
 * VERBATIM_BATCH_NICE sets the niceness (default 10; 0 keeps the normal priority).
 */
import { readdirSync } from "node:fs";
import os from "node:os";

const DEFAULT_NICE = 10;

/**
 * Lowers the priority of every thread of this process; never raises one; a platform that refuses
 * is left as it is. Linux schedules threads one by one: lowering the calling thread alone left the
 * threads Node starts before any code runs (V8's garbage collection helpers, libuv's pool) at the
 * normal priority, and an ingest's collections competed with serving at full weight. Threads
 * started afterwards (worker threads) inherit the caller's.
 */
export function yieldToServing(): void {
  const nice = Number(process.env.VERBATIM_BATCH_NICE ?? DEFAULT_NICE);
  if (!Number.isInteger(nice) || nice <= 0) return;
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
