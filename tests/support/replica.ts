/**
 * A PostgreSQL primary and its streaming replica, made for a test and removed after it: initdb
 * into a temporary folder (as the `postgres` user: the server refuses to run as root), a
 * pg_basebackup of it as the replica, both started on free ports of 127.0.0.1 with trust
 * authentication. Needs PostgreSQL's server binaries and root (to act as `postgres`).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

const BIN = ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"].find(
  (d) => existsSync(path.join(d, "pg_basebackup")),
);

/** Why a replicated pair cannot be made here, or null when it can. */
export function replicaUnavailable(): string | null {
  if (!BIN) return "PostgreSQL server binaries are not installed";
  if (process.getuid?.() !== 0) return "making a cluster needs root, to run the server as the postgres user";
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const asPostgres = (command: string, args: string[]) =>
  execFileSync("runuser", ["-u", "postgres", "--", path.join(BIN as string, command), ...args], {
    stdio: "pipe",
    timeout: 120_000,
  });

export interface ReplicatedPair {
  primaryUrl: string;
  replicaUrl: string;
  stop(): void;
}

export async function startReplicatedPair(): Promise<ReplicatedPair> {
  const root = mkdtempSync(path.join(os.tmpdir(), "verbatim-pg-"));
  chmodSync(root, 0o777);
  const primaryDir = path.join(root, "primary");
  const replicaDir = path.join(root, "replica");
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = () => {
    for (const dir of started.reverse()) {
      try {
        asPostgres("pg_ctl", ["-D", dir, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    asPostgres("initdb", [
      "-D",
      primaryDir,
      "-U",
      "postgres",
      "--auth=trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
    ]);
    writeFileSync(
      path.join(primaryDir, "pg_hba.conf"),
      "local all all trust\nhost all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n",
    );
    const options = (port: number) =>
      `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${root} -c fsync=off`;
    asPostgres("pg_ctl", [
      "-D",
      primaryDir,
      "-o",
      options(primaryPort),
      "-l",
      path.join(root, "primary.log"),
      "-w",
      "start",
    ]);
    started.push(primaryDir);
    asPostgres("pg_basebackup", [
      "-h",
      "127.0.0.1",
      "-p",
      String(primaryPort),
      "-U",
      "postgres",
      "-D",
      replicaDir,
      "-R",
      "-X",
      "stream",
    ]);
    asPostgres("pg_ctl", [
      "-D",
      replicaDir,
      "-o",
      options(replicaPort),
      "-l",
      path.join(root, "replica.log"),
      "-w",
      "start",
    ]);
    started.push(replicaDir);
  } catch (error) {
    stop();
    throw new Error(
      `could not make a replicated pair: ${(error as { stderr?: Buffer }).stderr?.toString() ?? error}`,
    );
  }
  return {
    primaryUrl: `postgresql://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgresql://postgres@127.0.0.1:${replicaPort}/postgres`,
    stop,
  };
}
