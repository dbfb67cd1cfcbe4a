/**
 * Work migrations leave because it needs rules the store does not hold (store.ts PendingWork):
 * align decides which keys a document has and what a key group's verdict is. Done once, when the
 * archive is next opened for writing, in the order the work depends on (keys, then verdicts).
 */
import type { PendingWork, StoreBackend } from "../store/store.js";

const STEPS: readonly [PendingWork, (store: StoreBackend) => Promise<void>][] = [
  ["version-keys", async (store) => (await import("../align/stored-keys.js")).keyStoredVersions(store)],
  ["settle-version-keys", async (store) => (await import("../align/stored-keys.js")).settleStoredKeys(store)],
];

/** Does what the store's migrations left and marks each done; a kill part-way leaves it to do again. */
export async function finishPendingWork(store: StoreBackend): Promise<void> {
  const pending = new Set(await store.pendingWork());
  if (pending.size === 0) return;
  for (const [work, step] of STEPS) {
    if (!pending.has(work)) continue;
    await step(store);
    await store.finishWork(work);
  }
}
