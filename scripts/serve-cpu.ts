/**
 * Where the machine's CPU goes while `verbatim serve` answers reader pages: starts N serve
 * processes over an archive, loads them with autocannon as `npm run bench:serve` does (16
 * connections shared, the first 200 documents' reader pages, 10 s), and reads every process's CPU
 * time from /proc over 8 s of the load, grouped as serve, PostgreSQL, the load generator (this
 * process) and the rest, with the machine's idle time.
 *
 *   npx tsx scripts/serve-cpu.ts <archive location> <ids from: a SQLite archive of the same documents> <processes>
 *
 * Linux only (/proc). Build first (npm run build): it runs bin/verbatim.js.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";

const [location, idsFrom, count] = process.argv.slice(2);
if (!location || !idsFrom || !count) throw new Error("usage: see the comment at the top");
const processes = Number(count);
const cli = path.join(fileURLToPath(new URL("..", import.meta.url)), "bin", "verbatim.js");
const CONNECTIONS = 16;

const reader = new Database(idsFrom, { readonly: true });
const ids = reader.prepare<[], string>("SELECT id FROM doc_index ORDER BY n LIMIT 200").pluck().all();
reader.close();

/** CPU ticks (user + system) of every process, by pid, with the group it belongs to. */
function sample(): Map<string, { group: string; ticks: number }> {
  const out = new Map<string, { group: string; ticks: number }>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      const group = cmd.includes("verbatim.js serve")
        ? "serve"
        : cmd.startsWith("postgres:")
          ? "postgres"
          : pid === String(process.pid)
            ? "load generator"
            : "other";
      out.set(pid, { group, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // A process that ended between the listing and the read.
    }
  }
  return out;
}

const idleTicks = () => Number(readFileSync("/proc/stat", "utf8").split("\n")[0]?.split(/\s+/)[4]);
// USER_HZ is 100 on Linux: a tick is 10 ms.
const TICK_MS = 10;

const servers: ChildProcess[] = [];
const ports: number[] = [];
for (let i = 0; i < processes; i++) {
  const port = 18_700 + i;
  ports.push(port);
  servers.push(
    spawn(
      process.execPath,
      [cli, "serve", "--db", location, "--port", String(port), "--rate-limit", "0", "--no-examples"],
      { stdio: ["ignore", "ignore", "inherit"] },
    ),
  );
}
try {
  for (const port of ports)
    for (let tries = 0; ; tries++) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (tries > 120) throw new Error(`serve on port ${port} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  const load = Promise.all(
    ports.map((port, s) => {
      let i = s;
      return autocannon({
        url: `http://127.0.0.1:${port}`,
        connections: Math.max(1, Math.round(CONNECTIONS / processes)),
        duration: 10,
        requests: [
          {
            setupRequest: (req) => {
              const next = `/d/${ids[i % ids.length]}`;
              i += processes;
              return { ...req, path: next };
            },
          },
        ],
      });
    }),
  );
  await new Promise((r) => setTimeout(r, 1000));
  const before = sample();
  const idleBefore = idleTicks();
  await new Promise((r) => setTimeout(r, 8000));
  const after = sample();
  const idle = (idleTicks() - idleBefore) * TICK_MS;
  const results = await load;
  const groups: Record<string, number> = {};
  for (const [pid, s] of after)
    groups[s.group] = (groups[s.group] ?? 0) + (s.ticks - (before.get(pid)?.ticks ?? s.ticks)) * TICK_MS;
  const rate = results.reduce((n, r) => n + r.requests.average, 0);
  const failed = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
  console.log(
    `${processes} serve ${processes === 1 ? "process" : "processes"}: ${rate.toFixed(0)} reader pages/s, ${failed} failed`,
  );
  console.log(
    `CPU ms over 8 s: ${Object.entries(groups)
      .map(([g, ms]) => `${g} ${ms}`)
      .join(", ")}, idle ${idle}`,
  );
} finally {
  for (const s of servers) s.kill();
}
