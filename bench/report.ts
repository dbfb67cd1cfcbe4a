/**
 * Writes a benchmark's section into docs/benchmarks.md between its own markers, leaving the
 * other benchmarks' sections as they are.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeMarkedSection } from "../tests/support/marked-section.js";

const FILE = path.resolve(fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url)));
const HEADING =
  "# Benchmarks\n\nEvery figure here was measured by the command named in its section, on the machine named there.\n";

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export function writeSection(name: string, body: string): void {
  writeMarkedSection(FILE, `bench:${name}`, HEADING, body);
}
