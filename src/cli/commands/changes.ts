import type { Command } from "commander";
import pc from "picocolors";
import type { DocumentChanges } from "../../changes/diff.js";
import { documentHistory } from "../../changes/history.js";
import { VerbatimError } from "../../errors/catalog.js";
import { withArchive } from "../output.js";
import { wholeNumber } from "../processing.js";
import { stripControlCharacters } from "./show.js";

interface ChangesFlags {
  db?: string;
  since?: string;
  publisher?: string;
  limit: string;
  json?: boolean;
}

export function registerChanges(program: Command): void {
  program
    .command("changes")
    .description("edits and withdrawals of published pages: the list, or one document's word-level diffs")
    .argument("[id]", "a document: print each version's changes against the one before")
    .option("--db <path>", "archive location (default: $VERBATIM_DB or ./verbatim.db)")
    .option("--since <date>", "only changes from this date (YYYY-MM-DD or an ISO time) on")
    .option("--publisher <id>", "only this publisher's documents, e.g. mid.ru")
    .option("--limit <n>", "changes listed at most", "100")
    .option("--json", "print JSON")
    .action(async (id: string | undefined, flags: ChangesFlags) => {
      await withArchive(flags, async ({ store }) => {
        if (flags.since && Number.isNaN(Date.parse(flags.since)))
          throw new VerbatimError("REQUEST_INVALID", { reason: `--since needs a date, not ${flags.since}` });
        if (id) {
          const history = await documentHistory(store, id);
          const since = flags.since ?? "";
          const changes = history.changes.filter((c) => c.at >= since);
          if (flags.json) process.stdout.write(`${JSON.stringify({ ...history, changes }, null, 2)}\n`);
          else printHistory(history.title, changes, history.withdrawn);
          return;
        }
        const list =
          (await store.fetchLog?.changes({
            ...(flags.since ? { since: flags.since } : {}),
            ...(flags.publisher ? { publisher: flags.publisher } : {}),
            limit: wholeNumber(flags.limit, "--limit", 1),
          })) ?? [];
        if (flags.json) {
          process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        if (list.length === 0) process.stdout.write("no edits or withdrawals recorded\n");
        for (const c of list)
          process.stdout.write(
            `${c.at}  ${c.kind === "edited" ? pc.yellow("edited   ") : pc.red("withdrawn")}  ${c.id}  ` +
              `${c.kind === "edited" ? `v${c.version}` : `HTTP ${c.status}`}  ${stripControlCharacters(c.title)}\n`,
          );
      });
    });
}

function printHistory(
  title: string,
  changes: (DocumentChanges & { at: string })[],
  withdrawn: { url: string; status: number; at: string } | null,
): void {
  const out = process.stdout;
  out.write(`${pc.bold(stripControlCharacters(title))}\n`);
  if (withdrawn)
    out.write(pc.red(`withdrawn: ${withdrawn.url} answered HTTP ${withdrawn.status} on ${withdrawn.at}\n`));
  if (changes.length === 0) out.write("no edits: one version only\n");
  for (const c of changes) {
    out.write(
      `\n${pc.bold(`version ${c.from} → ${c.to}`)}  ${c.at}  (+${c.wordsAdded} −${c.wordsRemoved} words)\n`,
    );
    for (const f of c.fields)
      out.write(
        `  ${f.field}: ${pc.red(`[-${stripControlCharacters(f.before)}-]`)} ${pc.green(`{+${stripControlCharacters(f.after)}+}`)}\n`,
      );
    // Word-diff markers as git prints them, so the output reads without colour too.
    const text = c.parts
      .map((p) => {
        const clean = stripControlCharacters(p.text);
        return p.change === "added"
          ? pc.green(`{+${clean}+}`)
          : p.change === "removed"
            ? pc.red(`[-${clean}-]`)
            : clean;
      })
      .join("");
    out.write(`${text}\n`);
  }
}
