/**
 * Records that hold one text in several languages: a JSON array of
 * `{ id, uk: {name, date, text, speaker, url, translated}, en: {…} }` (the addresses of the
 * President of Ukraine, in Ukrainian and English). Each language of each record becomes a document;
 * the versions share the record id as publisher reference, which links them.
 */
import type { WarningCode } from "../../errors/catalog.js";
import { VerbatimError } from "../../errors/catalog.js";
import { presidentUa } from "../publishers/index.js";
import { documentDate } from "./dates.js";
import type { Draft } from "./draft.js";
import { parseJsonInput, str } from "./json-input.js";
import { markdownToText } from "./markdown.js";
import { normaliseSpace, splitOnBlankLines } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { kindFromTitle } from "./title.js";

const LANGUAGE = /^[a-z]{2}$/;

interface Version {
  id?: unknown;
  name?: unknown;
  date?: unknown;
  text?: unknown;
  speaker?: unknown;
  url?: unknown;
  translated?: unknown;
}

/** Whether the start of a JSON text looks like such records: an array whose objects hold two-letter language keys with a text. */
export function looksLikeBilingualRecords(head: string): boolean {
  return /^\[\s*\{/.test(head) && /"[a-z]{2}"\s*:\s*\{[^{}]*"text"\s*:/.test(head);
}

export function readBilingualRecords(text: string, ctx: ReaderContext): Draft[] {
  const records = parseJsonInput(text, ctx.name);
  if (!Array.isArray(records))
    throw new VerbatimError("FORMAT_UNSUPPORTED", { reason: `${ctx.name} is not an array of records` });
  const drafts: Draft[] = [];
  for (const record of records) {
    if (!record || typeof record !== "object") continue;
    const recordId = str((record as { id?: unknown }).id);
    for (const [language, value] of Object.entries(record as Record<string, unknown>)) {
      if (!LANGUAGE.test(language) || !value || typeof value !== "object") continue;
      const version = value as Version;
      const body = str(version.text);
      if (!body) continue;
      const warnings: WarningCode[] = [];
      const stamp = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(str(version.date) ?? "");
      if (!stamp) warnings.push("DATELINE_MISSING");
      const speakers = Array.isArray(version.speaker)
        ? version.speaker.map(str).filter((s): s is string => s !== null)
        : [];
      // The record's id is what its language versions share; a version's own id is the fallback.
      const ref = recordId ?? str(version.id);
      const title = normaliseSpace(str(version.name) ?? "");
      drafts.push({
        profile: presidentUa.id,
        reader:
          version.translated === true ? "bilingual-records (unofficial translation)" : "bilingual-records",
        idKey: `${presidentUa.id}:${ref ?? `${ctx.name}#${drafts.length}`}#${language}`,
        sourceUrl: str(version.url),
        language,
        title,
        kind: kindFromTitle(title) ?? "speech",
        event: null,
        place: null,
        when: documentDate(stamp?.[1] ?? null, stamp?.[2] ?? null, presidentUa.timeZone),
        participants: speakers.map((name) => ({ name, role: null })),
        titleSpeaker: speakers.length === 1 ? { name: speakers[0] as string, role: null } : null,
        attachments: [],
        publisherRef: ref,
        paragraphs: splitOnBlankLines(markdownToText(body)),
        hasDialogue: false,
        warnings,
      });
    }
  }
  return drafts;
}
