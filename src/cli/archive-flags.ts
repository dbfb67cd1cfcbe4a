/**
 * The flags that say which archive a command opens and with what, worded and read the same in
 * every command, so that no command builds its speakers or gazetteer its own way
 * (archive/open.ts builds them).
 */
import type { Command } from "commander";
import type { ArchiveOptions } from "../archive/open.js";

export interface ArchiveFlags {
  db?: string;
  speakers?: string;
  gazetteer?: string;
}

export function addDbFlag(command: Command): Command {
  return command.option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)");
}

/** --gazetteer: for commands that recognise entities (enrichment, entity anchors of aligned versions). */
export function addGazetteerFlag(command: Command): Command {
  return command.option(
    "--gazetteer <file>",
    "gazetteer YAML (default: the bundled data/gazetteer.yaml); give the one the archive was enriched with, or its entities are replaced",
  );
}

/** --speakers: for commands that seed the archive's speakers before reading pages or serving. */
export function addSpeakersFlag(command: Command): Command {
  return command.option(
    "--speakers <file>",
    "speaker registry YAML that seeds the archive's speakers (default: the bundled data/speakers.yaml); edits made in the archive are kept",
  );
}

/** What the flags ask of openArchive; `create` and `seedSpeakers` are the command's to say. */
export function archiveOptions(
  flags: ArchiveFlags,
  command: Pick<ArchiveOptions, "create" | "seedSpeakers"> = {},
): ArchiveOptions {
  return {
    ...command,
    ...(flags.speakers !== undefined ? { speakers: flags.speakers } : {}),
    ...(flags.gazetteer !== undefined ? { gazetteer: flags.gazetteer } : {}),
  };
}
