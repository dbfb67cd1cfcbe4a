import { readFileSync } from "node:fs";
import path from "node:path";
import type { DebateSpeakerLookup } from "../../src/ingest/extract/reader.js";
import { type IngestOutcome, ingestInput } from "../../src/ingest/pipeline.js";
import { SpeakerRegistry } from "../../src/ingest/speakers/registry.js";
import type { Document } from "../../src/model/document.js";

export const registry = SpeakerRegistry.load();

export const FIXED_NOW = () => new Date("2026-01-01T00:00:00Z");

export function ingestBytes(
  name: string,
  bytes: Uint8Array,
  debateSpeakers: DebateSpeakerLookup | null = null,
): IngestOutcome {
  return ingestInput(
    { source: name, name, bytes },
    { registry, debateSpeakers, maxBytes: 20 * 1024 * 1024, now: FIXED_NOW },
  );
}

/** Ingests a file that must yield documents; throws with the catalog error otherwise. */
export function ingestFile(file: string, debateSpeakers: DebateSpeakerLookup | null = null): Document[] {
  const name = file.split(path.sep).slice(-2).join("/");
  const outcome = ingestBytes(name, readFileSync(file), debateSpeakers);
  if (!outcome.ok) throw new Error(`${file}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.documents;
}

export function ingestText(name: string, text: string): Document[] {
  const outcome = ingestBytes(name, Buffer.from(text, "utf8"));
  if (!outcome.ok) throw new Error(`${name}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.documents;
}

/** A mid.ru page as its text export prints it: dateline glued to its time, title, language switcher, text, furniture. */
export const midRuPage = (title: string, body: string, dateline = "12 March 202114:20") =>
  `${dateline}\n\n${title}\n\n\n  • en-GB1 ru-RU1\n\n${body}\n\nAdditional materials\n`;

/** A saved page as text: its lines (address, title, dateline, paragraphs) as paragraphs of their own. */
export const textPage = (lines: string[]) => lines.join("\n\n");
