import { fileURLToPath } from "node:url";
import { VerbatimError } from "../errors/catalog.js";
import { SqliteStore } from "./sqlite/sqlite-store.js";
import type { StoreBackend } from "./store.js";

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
  /**
   * The aligner whose divergence summaries are current (align's ALIGNMENT_VERSION: the archive
   * opener passes it, since the store does not know the aligner); older summaries read as unmeasured.
   */
  alignmentVersion?: number;
  /** PostgreSQL: streaming replicas that take reads (--replica, VERBATIM_REPLICAS). */
  replicas?: string[];
}

/**
 * What an archive location names: a SQLite file, or a PostgreSQL database. `path` names where
 * files kept with the archive go by default (WARC files beside a SQLite file; for a database,
 * beside the working folder, under the database's name).
 */
export type ArchiveLocation =
  | { backend: "sqlite"; path: string }
  | { backend: "postgres"; url: string; path: string };

/**
 * A URL's scheme: letters, digits, `+ - .`, at least two characters before `://`, so that a
 * Windows drive (`C:\archives\x.db`, `C:/archives/x.db`) and a file name with a colon stay paths.
 */
const URL_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]+):\/\//;

/** Reads a --db location; a URL of a kind Verbatim does not open is a coded error, never a file path. */
export function parseLocation(location: string): ArchiveLocation {
  const scheme = URL_SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined) return { backend: "sqlite", path: location };
  // A database URL may carry a password: the error names the location without it.
  const shown = location.replace(/^([^:]+:\/\/)[^@/]*@/, "$1…@");
  if (scheme === "file") {
    try {
      return { backend: "sqlite", path: fileURLToPath(location) };
    } catch (error) {
      throw new VerbatimError("STORE_INVALID", { path: shown, reason: (error as Error).message });
    }
  }
  if (scheme === "postgres" || scheme === "postgresql") {
    let database = "postgres";
    try {
      database = decodeURIComponent(new URL(location).pathname.replace(/^\//, "")) || "postgres";
    } catch (error) {
      throw new VerbatimError("STORE_INVALID", { path: shown, reason: (error as Error).message });
    }
    return { backend: "postgres", url: location, path: database.replace(/[^\p{L}\p{N}._-]+/gu, "_") };
  }
  throw new VerbatimError("DB_SCHEME_UNSUPPORTED", { location: shown, scheme });
}

/** Opens the archive at a location (a path or a URL, see parseLocation) with the backend it names. */
export async function openStore(location: string, options: OpenOptions = {}): Promise<StoreBackend> {
  const where = parseLocation(location);
  const alignment =
    options.alignmentVersion !== undefined ? { alignmentVersion: options.alignmentVersion } : {};
  if (where.backend === "postgres") {
    // Loaded only when a database is named: a SQLite user never loads the driver.
    const { PgStore } = await import("./postgres/pg-store.js");
    return PgStore.open({
      url: where.url,
      replicas: options.replicas ?? [],
      create: options.create ?? false,
      ...alignment,
    });
  }
  return new SqliteStore({
    path: where.path,
    readonly: options.readonly ?? false,
    create: options.create ?? false,
    ...alignment,
  });
}
