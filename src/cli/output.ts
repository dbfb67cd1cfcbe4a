import pc from "picocolors";
import { toVerbatimError, VerbatimError } from "../errors/catalog.js";
import type { IngestReport } from "../ingest/batch.js";
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

/** What every run report lists under its summary line: linking, failures, notices, warning counts. */
export function printReportDetails(r: IngestReport): void {
  const out = process.stdout;
  if (r.versionsLinked || r.pairsMeasured)
    out.write(
      `  language versions: ${r.versionsLinked ?? 0} linked by evidence; ${r.pairsMeasured ?? 0} pairs aligned\n`,
    );
  if (r.versionConflicts)
    out.write(
      `  ${pc.yellow("!")} ${r.versionConflicts} keyed pairs contradicted by their texts, left for review: verbatim versions --conflicts\n`,
    );
  for (const f of r.failures) out.write(`  ${pc.red("✗")} ${f.source}: ${pc.bold(f.code)} ${f.message}\n`);
  // Sidecar files (readmes, spreadsheets) are skipped by design: counted above, not listed.
  for (const n of r.notices) {
    if (n.code !== "SIDECAR_SKIPPED")
      out.write(`  ${pc.yellow("!")} ${n.source}: ${pc.bold(n.code)} ${n.message}\n`);
  }
  if (r.warnings.length > 0) {
    const counts = new Map<string, number>();
    for (const w of r.warnings) for (const c of w.codes) counts.set(c, (counts.get(c) ?? 0) + 1);
    out.write(`  warnings: ${[...counts].map(([c, n]) => `${c} ×${n}`).join(", ")}\n`);
  }
}
