import { Command } from "commander";
import { registerChanges } from "./commands/changes.js";
import { registerCrawl } from "./commands/crawl.js";
import { registerExport } from "./commands/export.js";
import { registerFollow } from "./commands/follow.js";
import { registerIngest } from "./commands/ingest.js";
import { registerReenrich } from "./commands/reenrich.js";
import { registerReextract } from "./commands/reextract.js";
import { registerSearch } from "./commands/search.js";
import { registerServe } from "./commands/serve.js";
import { registerShow } from "./commands/show.js";
import { registerVersions } from "./commands/versions.js";

// A reader that stops early (`verbatim export | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

const program = new Command()
  .name("verbatim")
  .description("An archive of what officials said: ingest transcripts, read them, export them.")
  .version("0.1.0")
  // Subcommands parse their own options, so `show ID --version 2` means a document version.
  .enablePositionalOptions()
  .showHelpAfterError();

registerIngest(program);
registerCrawl(program);
registerChanges(program);
registerFollow(program);
registerShow(program);
registerReextract(program);
registerReenrich(program);
registerSearch(program);
registerServe(program);
registerExport(program);
registerVersions(program);

await program.parseAsync(process.argv);
