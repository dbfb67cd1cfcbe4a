/**
 * Batch work (reading pages, ingest, crawls, re-extraction, copies) yields the CPU to serving: it
 * runs at a lower scheduling priority, so that a server on the same machine answers readers first.
 * Alone, it runs as fast as before; only when both want the CPU does the server get it.
 * VERBATIM_BATCH_NICE sets the niceness (default 10; 0 keeps the normal priority).
 */
import os from "node:os";

const DEFAULT_NICE = 10;

/**
 * Lowers the calling thread's priority (Linux schedules threads: a worker thread lowers only
 * itself, and threads started afterwards inherit it). Never raises it; a platform that refuses
 * is left as it is.
 */
export function yieldToServing(): void {
  const nice = Number(process.env.VERBATIM_BATCH_NICE ?? DEFAULT_NICE);
  if (!Number.isInteger(nice) || nice <= 0) return;
  try {
    if (os.getPriority() < nice) os.setPriority(Math.min(19, nice));
  } catch {
    // Not permitted here: batch work runs at the priority it has.
  }
}
