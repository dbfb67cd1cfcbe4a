import pc from "picocolors";
import { type Archive, openArchive } from "../archive/open.js";
import { toVerbatimError, VerbatimError } from "../errors/catalog.js";
import type { IngestReport } from "../ingest/batch.js";
import { resolveDbPath } from "../store/open.js";
import { type ArchiveFlags, archiveOptions } from "./archive-flags.js";

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
 * opening (no archive there, an archive from a newer Verbatim, a location of an unknown kind), is
 * printed as a catalog error. Commands that add documents make new archives instead (ingest,
 * crawl, follow, `serve --create`).
 */
export async function withArchive(
  flags: ArchiveFlags,
  run: (archive: Archive) => Promise<void>,
  seedSpeakers = false,
): Promise<void> {
  let archive: Archive | null = null;
  try {
    archive = await openArchive(resolveDbPath(flags.db), archiveOptions(flags, { seedSpeakers }));
    await run(archive);
  } catch (error) {
    reportError(error);
  } finally {
    await archive?.close();
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
