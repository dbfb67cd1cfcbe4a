import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import pc from "picocolors";
import { linkAndMeasure } from "../../align/service.js";
import { openArchive } from "../../archive/open.js";
import { crawl, crawlScope, scopeCheck } from "../../fetch/crawl.js";
import { Fetcher } from "../../fetch/fetcher.js";
import { Harvester, type HarvestReport } from "../../fetch/harvest.js";
import { startBatchWork } from "../../ingest/parallel/priority.js";
import { parseLocation, resolveDbPath } from "../../store/open.js";
import { archiveOptions } from "../archive-flags.js";
import { addFetchFlags, type FetchFlags, fetcherOptions } from "../fetch-options.js";
import { printReportDetails, reportError } from "../output.js";
import { addReadingFlags, startReading, wholeNumber } from "../processing.js";

interface CrawlFlags extends FetchFlags {
  db?: string;
  scope: string[];
  maxPages: string;
  maxDepth?: string;
  concurrency: string;
  speakers?: string;
  gazetteer?: string;
  enrich: boolean;
  workers: string;
  json?: boolean;
  progress: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerCrawl(program: Command): void {
  const command = program
    .command("crawl")
    .description(
      "fetch pages from the web by following links within a site, and store the transcripts found (runs resume after a kill)",
    )
    .argument("<urls...>", "start URLs")
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option(
      "--scope <prefix>",
      "only URLs starting with this (default: each start URL's site); repeatable",
      collect,
      [],
    )
    .option("--max-pages <n>", "pages to fetch at most", "1000")
    .option("--max-depth <n>", "links to follow from a start URL at most")
    .option("--concurrency <n>", "pages in flight at once, across hosts", "8")
    .option("--json", "print the report as JSON instead of a summary")
    .option("--no-progress", "do not draw a progress bar");
  addFetchFlags(addReadingFlags(command)).action(async (urls: string[], flags: CrawlFlags) => {
    startBatchWork();
    try {
      const report = await runCrawl(urls, flags);
      if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else printHarvest("crawled", report);
      if (report.failed > 0) process.exitCode = 1;
    } catch (error) {
      reportError(error);
    }
  });
}

async function runCrawl(
  urls: string[],
  flags: CrawlFlags,
): Promise<HarvestReport & { resumed: boolean; left: number }> {
  const location = resolveDbPath(flags.db);
  const options = fetcherOptions(flags, parseLocation(location).path);
  const maxPages = wholeNumber(flags.maxPages, "--max-pages", 1);
  const concurrency = wholeNumber(flags.concurrency, "--concurrency", 1);
  const maxDepth = flags.maxDepth === undefined ? undefined : wholeNumber(flags.maxDepth, "--max-depth");
  // Like ingest, a crawl makes the archive when there is none yet.
  const archive = await openArchive(location, archiveOptions(flags, { create: true, seedSpeakers: true }));
  const { store } = archive;
  const reading = await startReading(archive, { ...flags, maxBytes: options.maxBytes });
  const scope = crawlScope(
    urls.map((u) => new URL(u).href),
    flags.scope,
  );
  const fetcher = new Fetcher(store.fetchLog as NonNullable<typeof store.fetchLog>, {
    ...options,
    allow: scopeCheck(scope),
  });
  const bar =
    flags.progress && !flags.json && process.stderr.isTTY === true
      ? new SingleBar({
          format: `${pc.cyan("{bar}")} {value}/{total} pages | {docs} documents | {failed} failed | {url}`,
          hideCursor: true,
          stream: process.stderr,
        })
      : null;
  bar?.start(maxPages, 0, { docs: 0, failed: 0, url: "" });
  const harvester = new Harvester(store, fetcher, reading.processor, options.warcDir, {
    onVisit: (visit, r) =>
      bar?.update(r.pages, { docs: r.documents, failed: r.failed, url: visit.url.slice(-50) }),
  });
  try {
    const result = await crawl(store, harvester, {
      starts: urls,
      scope,
      maxPages,
      concurrency,
      ...(maxDepth !== undefined ? { maxDepth } : {}),
    });
    const linked = await linkAndMeasure(store, [...new Set(harvester.seen)], reading.matcher);
    return {
      ...result.report,
      versionsLinked: linked.linked.length,
      versionConflicts: linked.conflicts,
      pairsMeasured: linked.measured,
      resumed: result.resumed,
      left: result.left,
    };
  } finally {
    bar?.stop();
    await fetcher.close();
    await reading.close();
    await archive.close();
  }
}

export function printHarvest(verb: string, r: HarvestReport & { resumed?: boolean; left?: number }): void {
  const out = process.stdout;
  out.write(
    `${pc.bold(verb)} ${r.pages} pages${r.resumed ? " (resumed)" : ""}: ${r.inserted} new, ${r.versioned} new versions, ` +
      `${r.unchanged} unchanged (${r.notModified} not modified, ${r.sameBytes} same bytes); ` +
      `${r.withdrawn} withdrawn; ${r.notRecords} not records; ` +
      `${r.failed > 0 ? pc.red(`failed ${r.failed}`) : "failed 0"}\n`,
  );
  if (r.left) out.write(`  ${r.left} pages left in the queue (raise --max-pages to fetch them)\n`);
  printReportDetails(r);
}
