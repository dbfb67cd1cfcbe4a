import { Command } from "commander";

// A reader that stops early (`verbatim export | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when that command runs: loading them all (readers, the
 * enrichment gazetteer, the web app) takes about two seconds, which `verbatim show` or `--help`
 * of one command should not pay. `verbatim --help` and unknown commands load them all.
 */
const COMMANDS: [string[], () => Promise<Register>][] = [
  [["ingest"], async () => (await import("./commands/ingest.js")).registerIngest],
  [["crawl"], async () => (await import("./commands/crawl.js")).registerCrawl],
  [["follow"], async () => (await import("./commands/follow.js")).registerFollow],
  [["changes"], async () => (await import("./commands/changes.js")).registerChanges],
  [["show"], async () => (await import("./commands/show.js")).registerShow],
  [["reextract"], async () => (await import("./commands/reextract.js")).registerReextract],
  [["reenrich"], async () => (await import("./commands/reenrich.js")).registerReenrich],
  [["search"], async () => (await import("./commands/search.js")).registerSearch],
  [["serve"], async () => (await import("./commands/serve.js")).registerServe],
  [["export"], async () => (await import("./commands/export.js")).registerExport],
  [["cite"], async () => (await import("./commands/cite.js")).registerCite],
  [["copy"], async () => (await import("./commands/copy.js")).registerCopy],
  [["editor"], async () => (await import("./commands/editor.js")).registerEditor],
  [
    ["versions", "link", "unlink", "align", "divergence"],
    async () => (await import("./commands/versions.js")).registerVersions,
  ],
];

const program = new Command()
  .name("verbatim")
  .description("An archive of what officials said: ingest transcripts, read them, export them.")
  .version("0.1.0")
  // Subcommands parse their own options, so `show ID --version 2` means a document version.
  .enablePositionalOptions()
  .showHelpAfterError();

const asked = process.argv[2];
const one = COMMANDS.find(([names]) => asked !== undefined && names.includes(asked));
for (const [, load] of one ? [one] : COMMANDS) (await load())(program);

// A command's own failures are reported where they happen; anything that escapes one (a setting
// read before its work starts, a fault outside its handlers) is printed the same way, with its
// code, never as a stack trace.
try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Loaded only then: the reporter pulls in the archive's modules, which a quick command never needs.
  (await import("./output.js")).reportError(error);
}
