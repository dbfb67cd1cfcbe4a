/**
 * `verbatim serve --processes N` over an archive for the benchmarks that load a server: its own
 * process tree on a random port, per-client limits off (every benchmark client is 127.0.0.1),
 * resolved once it says it is serving.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cli = path.join(fileURLToPath(new URL("..", import.meta.url)), "bin", "verbatim.js");

export async function startServe(
  db: string,
  processes: string,
): Promise<{ port: number; child: ChildProcess }> {
  const port = 18000 + Math.floor(Math.random() * 1000);
  const child = spawn(
    process.execPath,
    [
      cli,
      "serve",
      "--db",
      db,
      "--port",
      String(port),
      "--no-examples",
      "--rate-limit",
      "0",
      "--search-rate-limit",
      "0",
      "--processes",
      processes,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve) =>
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("serving") && resolve()),
  );
  return { port, child };
}
