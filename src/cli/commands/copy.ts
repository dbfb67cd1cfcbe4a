/**
 * `verbatim copy FROM TO`: the whole archive moved to another location, on the same backend or
 * another (a SQLite file into a PostgreSQL database, or back), record by record
 * (store/transfer.ts), into an archive that holds nothing yet.
 */
import type { Command } from "commander";
import { startBatchWork } from "../../ingest/parallel/priority.js";
import { openStore } from "../../store/open.js";
import type { StoreBackend } from "../../store/store.js";
import type { ArchiveRecord } from "../../store/transfer.js";
import { reportError } from "../output.js";

export function registerCopy(program: Command): void {
  program
    .command("copy")
    .description(
      "copy a whole archive to another location, e.g. a SQLite file into PostgreSQL: every version, raw input, speaker, entity, enrichment, link and the crawl state",
    )
    .argument("<from>", "the archive to copy: a SQLite path or a postgres:// URL")
    .argument(
      "<to>",
      "where to copy it: a new SQLite path, or a postgres:// URL of a database with no archive in it",
    )
    .option("--no-progress", "do not report progress on stderr")
    .action(async (from: string, to: string, flags: { progress: boolean }) => {
      startBatchWork();
      // A copy moves records and searches nothing: the backends alone, no search engine.
      let source: StoreBackend | null = null;
      let target: StoreBackend | null = null;
      try {
        source = await openStore(from, { create: false });
        target = await openStore(to, { create: true });
        const total = (await source.counts()).versions;
        let versions = 0;
        const started = Date.now();
        const tick = flags.progress && process.stderr.isTTY;
        async function* counted(records: AsyncIterable<ArchiveRecord>): AsyncGenerator<ArchiveRecord> {
          for await (const r of records) {
            if (r.kind === "version" && ++versions % 500 === 0 && tick)
              process.stderr.write(`\rcopying: ${versions} of ${total} document versions`);
            yield r;
          }
        }
        const counts = await target.transfer.importRecords(counted(source.transfer.exportRecords()));
        if (tick) process.stderr.write("\r\x1b[K");
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const parts = Object.entries(counts)
          .filter(([, n]) => (n ?? 0) > 0)
          .map(([kind, n]) => `${n} ${kind}`);
        process.stdout.write(`copied in ${seconds} s: ${parts.join(", ") || "an empty archive"}\n`);
      } catch (error) {
        reportError(error);
      } finally {
        await source?.close();
        await target?.close();
      }
    });
}
