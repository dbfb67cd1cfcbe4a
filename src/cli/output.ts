import pc from "picocolors";
import { toVerbatimError, VerbatimError } from "../errors/catalog.js";
import { openStore, resolveDbPath } from "../store/open.js";
import type { DocumentStore } from "../store/store.js";

/** Prints a catalog error the same way in every command and sets a non-zero exit code. */
export function reportError(error: unknown): void {
  const e = toVerbatimError(error);
  process.stderr.write(`${pc.red("error")} ${pc.bold(e.code)}: ${e.message}\n`);
  if (e.kind === "internal" && process.env.VERBATIM_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exitCode = e instanceof VerbatimError && e.kind === "user" ? 1 : 2;
}

/**
 * Opens an existing archive, runs a command against it and closes it; any failure, including
 * opening (no archive there, an archive from a newer Verbatim), is printed as a catalog error.
 * Only ingest and `serve --create` make new archives.
 */
export async function withStore(
  dbFlag: string | undefined,
  run: (store: DocumentStore) => Promise<void>,
): Promise<void> {
  let store: DocumentStore | null = null;
  try {
    store = openStore(resolveDbPath(dbFlag), { create: false });
    await run(store);
  } catch (error) {
    reportError(error);
  } finally {
    await store?.close();
  }
}
