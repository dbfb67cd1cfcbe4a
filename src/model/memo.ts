/**
 * A pure function of a string, remembered for the last strings it was asked. Readers and
 * enrichment ask the same question of the same words over and over (a name on every line of a
 * briefing, each rule of the turn kinds of the same turn); the cache is emptied when full, so
 * memory stays bounded however long an ingest runs.
 */
import { ownString } from "./own-string.js";

export interface MemoOptions {
  /** Strings remembered before the cache starts again. */
  limit?: number;
  /**
   * Keep a copy of each key (the default) when keys are short pieces cut from a page, which would
   * keep the whole page alive; not when keys are whole texts alive anyway, which copying would
   * cost as much as the work saved.
   */
  copyKeys?: boolean;
}

export function memoise<T>(compute: (key: string) => T, options: MemoOptions = {}): (key: string) => T {
  const limit = options.limit ?? 4096;
  const copy = options.copyKeys ?? true;
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    const value = compute(key);
    if (known.size >= limit) known.clear();
    known.set(copy ? ownString(key) : key, value);
    return value;
  };
}
