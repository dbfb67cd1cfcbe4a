/** Writes a quality test's section of docs/quality.md (entity recognition and alignment are measured by different tests). */
import os from "node:os";
import { fileURLToPath } from "node:url";
import { writeMarkedSection } from "./marked-section.js";

const FILE = fileURLToPath(new URL("../../docs/quality.md", import.meta.url));
const HEADING = "# Quality\n\nEvery figure here was measured by the command named in its section.\n";

export function writeQualitySection(name: string, body: string): void {
  writeMarkedSection(FILE, `quality:${name}`, HEADING, body);
}

/** The line under every section's heading: when, and on what, it was measured. */
export function measuredLine(): string {
  return `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, Node ${process.version}.`;
}
