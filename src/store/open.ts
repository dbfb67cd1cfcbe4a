import { SqliteStore } from "./sqlite/sqlite-store.js";
import type { DocumentStore } from "./store.js";

/** Where the archive lives when neither --db nor VERBATIM_DB says otherwise. */
export const DEFAULT_DB_PATH = "verbatim.db";

export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.VERBATIM_DB ?? DEFAULT_DB_PATH;
}

export interface OpenOptions {
  readonly?: boolean;
  /**
   * Create the archive (and its folder) when there is none. Only commands that add documents
   * (ingest, serve --create) do: a mistyped path given to a reading command is an error, not a
   * new empty archive that answers every question with nothing.
   */
  create?: boolean;
}

/** Opens the archive at a location; `postgres://` URLs will select the PostgreSQL backend when it exists. */
export function openStore(location: string, options: OpenOptions = {}): DocumentStore {
  return new SqliteStore({
    path: location,
    readonly: options.readonly ?? false,
    create: options.create ?? false,
  });
}
