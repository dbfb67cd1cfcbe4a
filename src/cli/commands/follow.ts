import type { Command } from "commander";
import { linkAndMeasure } from "../../align/service.js";
import { type Archive, openArchive } from "../../archive/open.js";
import { VerbatimError } from "../../errors/catalog.js";
import { Fetcher } from "../../fetch/fetcher.js";
import { follow, nextVisit } from "../../fetch/follow.js";
import { Harvester, type HarvestReport } from "../../fetch/harvest.js";
import { startBatchWork } from "../../ingest/parallel/priority.js";
import { PROFILES } from "../../ingest/publishers/index.js";
import type { PublisherProfile } from "../../ingest/publishers/profile.js";
import { isRecordUrl } from "../../ingest/publishers/sources.js";
import { resolveDbPath } from "../../store/open.js";
import { archiveOptions } from "../archive-flags.js";
import { addFetchFlags, type FetchFlags, fetcherOptions } from "../fetch-options.js";
import { reportError } from "../output.js";
import { addReadingFlags, startReading, wholeNumber } from "../processing.js";
import { printHarvest } from "./crawl.js";

export interface FollowFlags extends FetchFlags {
  db?: string;
  maxPages: string;
  maxRevisits: string;
  speakers?: string;
  gazetteer?: string;
  enrich: boolean;
  workers: string;
  json?: boolean;
}

export const FOLLOWED: PublisherProfile[] = PROFILES.filter((p) => p.sources !== null);

export function followedProfiles(ids: string[]): PublisherProfile[] {
  if (ids.length === 0) return FOLLOWED;
  return ids.map((id) => {
    const profile = FOLLOWED.find((p) => p.id === id || p.hosts.includes(id));
    if (!profile)
      throw new VerbatimError("PUBLISHER_NOT_FOLLOWED", { id, known: FOLLOWED.map((p) => p.id).join(", ") });
    return profile;
  });
}

export function addFollowFlags(command: Command): Command {
  return addFetchFlags(
    addReadingFlags(
      command
        .option("--max-pages <n>", "pages fetched at most in one run, listings included", "500")
        .option("--max-revisits <n>", "known records looked at again at most in one run", "200"),
    ),
  );
}

/** One follow run over an open archive: new records, their other languages, due revisits, then linking. */
export async function followOnce(
  archive: Archive,
  profiles: PublisherProfile[],
  flags: FollowFlags,
): Promise<HarvestReport> {
  const { store } = archive;
  const options = fetcherOptions(flags, archive.path);
  // A server follows for days: speakers edited through its API meanwhile are read with.
  archive.reloadSpeakers();
  const reading = await startReading(archive, { ...flags, maxBytes: options.maxBytes });
  const fetcher = new Fetcher(store.fetchLog as NonNullable<typeof store.fetchLog>, options);
  const harvester = new Harvester(store, fetcher, reading.processor, options.warcDir, {
    schedule: nextVisit,
    roleOf: (url) => {
      const profile = profiles.find((p) => p.sources && isRecordUrl(p.sources, url));
      if (profile) return "record";
      return profiles.some((p) => p.sources?.entries.some((e) => url.startsWith(new URL(e.url).origin)))
        ? "listing"
        : null;
    },
  });
  try {
    await follow(store, harvester, profiles, {
      maxPages: wholeNumber(flags.maxPages, "--max-pages", 1),
      maxRevisits: wholeNumber(flags.maxRevisits, "--max-revisits"),
    });
    const linked = await linkAndMeasure(store, [...new Set(harvester.seen)], reading.matcher);
    return {
      ...harvester.report,
      versionsLinked: linked.linked.length,
      versionConflicts: linked.conflicts,
      pairsMeasured: linked.measured,
    };
  } finally {
    await fetcher.close();
    await reading.close();
  }
}

export function registerFollow(program: Command): void {
  const command = program
    .command("follow")
    .description(
      "fetch what publishers have published since the last run (listings, feeds, sitemaps, other-language pages) and look at known pages again for edits",
    )
    .argument(
      "[publishers...]",
      `publisher ids (default: every followed one: ${FOLLOWED.map((p) => p.id).join(", ")})`,
    )
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option("--json", "print the report as JSON instead of a summary");
  addFollowFlags(command).action(async (ids: string[], flags: FollowFlags) => {
    startBatchWork();
    try {
      const profiles = followedProfiles(ids);
      const archive = await openArchive(
        resolveDbPath(flags.db),
        archiveOptions(flags, { create: true, seedSpeakers: true }),
      );
      try {
        const report = await followOnce(archive, profiles, flags);
        if (flags.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else printHarvest("followed", report);
        if (report.failed > 0) process.exitCode = 1;
      } finally {
        await archive.close();
      }
    } catch (error) {
      reportError(error);
    }
  });
}
