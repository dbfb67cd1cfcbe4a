/**
 * The archives a suite runs against: one per backend in VERBATIM_TEST_BACKENDS (support/postgres.ts),
 * each empty and throwaway.
 */

import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { freshPgStore, testBackends } from "./postgres.js";

export const BACKENDS = testBackends;

export async function openTestStore(backend: string): Promise<DocumentStore> {
  if (backend === "sqlite") return withSearch(new SqliteStore({ path: ":memory:" }));
  if (backend === "postgres") return withSearch(await freshPgStore());
  throw new Error(`unknown test backend ${backend} in VERBATIM_TEST_BACKENDS`);
}
