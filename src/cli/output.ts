import pc from "picocolors";
import { toVerbatimError, VerbatimError } from "../errors/catalog.js";

/** Prints a catalog error the same way in every command and sets a non-zero exit code. */
export function reportError(error: unknown): void {
  const e = toVerbatimError(error);
  process.stderr.write(`${pc.red("error")} ${pc.bold(e.code)}: ${e.message}\n`);
  if (e.kind === "internal" && process.env.VERBATIM_DEBUG && error instanceof Error) {
    process.stderr.write(`${error.stack}\n`);
  }
  process.exitCode = e instanceof VerbatimError && e.kind === "user" ? 1 : 2;
}
