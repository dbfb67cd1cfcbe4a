/**
 * Writes a benchmark's section into docs/benchmarks.md between its own markers, leaving the
 * other benchmarks' sections as they are.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const FILE = path.resolve(fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url)));

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function writeSection(name: string, body: string): void {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  let text = existsSync(FILE)
    ? readFileSync(FILE, "utf8")
    : "# Benchmarks\n\nEvery figure here was measured by the command named in its section, on the machine named there.\n";
  const section = `${start}\n${body.trim()}\n${end}`;
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at >= 0 && until > at) text = text.slice(0, at) + section + text.slice(until + end.length);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, text);
}
