/**
 * Replaces one section of a generated Markdown report (docs/benchmarks.md, docs/quality.md)
 * between its own markers, leaving the other sections as they are; the benchmarks and the
 * quality tests each write their own section.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function writeMarkedSection(file: string, marker: string, heading: string, body: string): void {
  const start = `<!-- ${marker}:start -->`;
  const end = `<!-- ${marker}:end -->`;
  let text = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (!text.startsWith(heading.split("\n")[0] ?? heading)) text = heading;
  const section = `${start}\n${body.trim()}\n${end}`;
  const at = text.indexOf(start);
  const until = text.indexOf(end);
  if (at >= 0 && until > at) text = text.slice(0, at) + section + text.slice(until + end.length);
  else text = `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, text);
}
