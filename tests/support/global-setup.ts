/**
 * Builds dist/ once, in the runner's main process before any test file starts, so the CLI tests
 * run the code under test and not an older build. The build is incremental: a few seconds when
 * nothing changed.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export default async function build(): Promise<void> {
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  try {
    await promisify(execFile)(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: ROOT });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`the build failed before the tests could run:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}
