/**
 * Runs the `verbatim` command as a user does: a separate process on the built CLI (dist/, which
 * the global setup builds before any test file runs). Always asynchronous: a synchronous child
 * process blocks the test worker's event loop for as long as the child runs.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = path.join(ROOT, "bin", "verbatim.js");

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Sends SIGKILL once this resolves, unless the process has already exited. */
  killWhen?: (child: { exited: () => boolean; stdout: () => string }) => Promise<void>;
}

function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", ...extra };
  delete env.FORCE_COLOR;
  for (const [k, v] of Object.entries(extra)) if (v === undefined) delete env[k];
  return env;
}

export function verbatim(args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: baseEnv({ VERBATIM_DB: undefined, ...options.env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let exited = false;
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      exited = true;
      resolve({ code, signal, stdout, stderr });
    });
    options.killWhen?.({ exited: () => exited, stdout: () => stdout }).then(() => {
      if (!exited) child.kill("SIGKILL");
    }, reject);
  });
}

/** Runs a command that must succeed and returns what it printed; a failure throws with its stderr. */
export async function verbatimOk(args: string[], options: RunOptions = {}): Promise<string> {
  const result = await verbatim(args, options);
  if (result.code !== 0)
    throw Object.assign(new Error(`verbatim ${args.join(" ")} exited ${result.code}: ${result.stderr}`), {
      stderr: result.stderr,
    });
  return result.stdout;
}

/** Current documents in an archive that another process may be writing; 0 before it exists. */
export function currentDocuments(file: string): number {
  if (!existsSync(file)) return 0;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare("SELECT COUNT(*) AS n FROM documents WHERE current = 1").get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}
