import type { Command } from "commander";
import { VerbatimError } from "../../errors/catalog.js";
import { issueEditorToken, revokeEditor } from "../../server/editors.js";
import { reportError } from "../output.js";

/** Where `serve` and `editor` look for editors when no --editors is given. */
export const DEFAULT_EDITORS_FILE = process.env.VERBATIM_EDITORS ?? "verbatim-editors.json";

export function registerEditor(program: Command): void {
  const editor = program
    .command("editor")
    .description("issue or revoke the tokens editors correct the archive with (kept hashed in a file)");
  editor
    .command("add")
    .description("issue a token for an editor; it is printed once and only its SHA-256 is kept")
    .argument("<name>", "the editor's name, as the correction log will show it")
    .option("--editors <file>", "the editors file (default: $VERBATIM_EDITORS or ./verbatim-editors.json)")
    .action((name: string, flags: { editors?: string }) => {
      try {
        const file = flags.editors ?? DEFAULT_EDITORS_FILE;
        // The name is what the correction log shows: a blank one would sign nobody's work.
        if (!name.trim() || name.trim().length > 100)
          throw new VerbatimError("REQUEST_INVALID", {
            reason: "an editor needs a name of 1 to 100 characters",
          });
        const token = issueEditorToken(file, name.trim());
        console.log(token);
        console.error(
          `issued a token for ${name.trim()}; its hash is in ${file} (give \`serve --editors ${file}\`)`,
        );
      } catch (error) {
        reportError(error);
      }
    });
  editor
    .command("remove")
    .description("revoke every token of an editor")
    .argument("<name>")
    .option("--editors <file>", "the editors file (default: $VERBATIM_EDITORS or ./verbatim-editors.json)")
    .action((name: string, flags: { editors?: string }) => {
      try {
        const file = flags.editors ?? DEFAULT_EDITORS_FILE;
        const removed = revokeEditor(file, name.trim());
        console.log(`revoked ${removed} ${removed === 1 ? "token" : "tokens"} of ${name.trim()} in ${file}`);
      } catch (error) {
        reportError(error);
      }
    });
}
