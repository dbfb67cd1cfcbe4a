/**
 * Writes a quality test's section into docs/quality.md between its own markers, leaving the other
 * sections as they are (entity recognition and alignment are measured by different tests).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const FILE = fileURLToPath(new URL("../../docs/quality.md", import.meta.url));

export function writeQualitySection(name: string, body: string): void {
  const start = `<!-- quality:${name}:start -->`;
  const end = `<!-- quality:${name}:end -->`;
  let text = existsSync(FILE) ? readFileSync(FILE, "utf8") : "";
  if (!text.startsWith("# Quality"))
    text = "# Quality\n\nEvery figure here was measured by the command named in its section.\n";
  const section = `${start}\n${body.trim()}\n${end}`;
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at >= 0 && until > at) text = text.slice(0, at) + section + text.slice(until + end.length);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(FILE, text);
}
