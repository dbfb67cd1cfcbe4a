/**
 * The archive as its users see it: a storage backend (store/) with search answered by one
 * SearchEngine over the backend's own text index. The store never imports the engine and the
 * engine never imports a backend; this is where they meet, called by whoever opens a store for
 * users (archive/open.ts, tests, benchmarks).
 */
import type { DocumentStore, StoreBackend, StoreSearch } from "../../store/store.js";
import { SearchEngine } from "./engine.js";

/**
 * Adds search to a backend and returns it: the same object (its own methods, flags and close
 * untouched), now a DocumentStore. One engine per store, so its catalog and result cache are
 * built once: a store that already searches is returned as it is.
 */
export function withSearch<S extends StoreBackend>(store: S): S & DocumentStore {
  if (searches(store)) return store;
  const engine = new SearchEngine(store.textIndex);
  const search: StoreSearch = {
    search: (query, options) => engine.search(query, options),
    concordance: (query, options) => engine.concordance(query, options),
    countsByYear: (query) => engine.countsByYear(query),
    countsByMonth: (query) => engine.countsByMonth(query),
  };
  return Object.assign(store, search);
}

function searches<S extends StoreBackend>(store: S): store is S & DocumentStore {
  return typeof (store as Partial<StoreSearch>).search === "function";
}
