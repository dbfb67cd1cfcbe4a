/**
 * Pages saved as plain text (the mid.ru export is the founding example): a dateline, a title,
 * furniture such as the language switcher, body paragraphs, then "Additional materials".
 */
import { decodeHTML } from "entities";
import { isGivenName } from "../../enrich/english-words.js";
import type { WarningCode } from "../../errors/catalog.js";
import type { Attachment } from "../../model/document.js";
import { generic, midRu, PROFILES, profileForUrl } from "../publishers/index.js";
import type { PublisherProfile } from "../publishers/profile.js";
import { withBriefer } from "./briefer-note.js";
import { readDatelineBlock } from "./dateline-block.js";
import { documentDate, parseDateline } from "./dates.js";
import type { Draft } from "./draft.js";
import { readHeaderFrame, withHeader } from "./header-frame.js";
import { normaliseSpace, textToParagraphs } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { analyseTitle, eventKindFromLead } from "./title.js";

const URL_LINE = /^https?:\/\/\S+$/;

/** A line that is nothing but a date and maybe a time ("29 December 202018:13", "07.04.2022 18:54"). */
function isDateline(line: string): boolean {
  if (line.length > 48) return false;
  const parsed = parseDateline(line);
  if (!parsed.date) return false;
  const leftover = line
    .replace(/\d+/g, "")
    .replace(/[\p{L}]+/gu, (w) => (w.length <= 10 ? "" : w))
    .replace(/[\s.,:/-]+/g, "");
  return leftover.length === 0;
}

export function chooseTextProfile(lines: string[], url: string | null): PublisherProfile {
  const byUrl = profileForUrl(url);
  if (byUrl) return byUrl;
  if (lines.some((l) => midRu.furniture[0]?.test(l.trim()))) return midRu;
  const marked = PROFILES.find(
    (p) => p.textMarks && lines.some((l) => p.textMarks?.some((m) => m.test(l.trim()))),
  );
  return marked ?? generic;
}

/** The publisher's record id (the reference that links language versions) from its URL or permalink lines. */
export function recordIdOf(profile: PublisherProfile, url: string | null, lines: string[]): string | null {
  for (const pattern of profile.recordId ?? []) {
    for (const candidate of [url, ...lines]) {
      const id = candidate ? pattern.exec(candidate.trim())?.[1] : undefined;
      if (id) return id;
    }
  }
  return null;
}

/** Removes furniture lines and lifts the attachments block out of the body. */
export function stripFurniture(
  lines: string[],
  profile: PublisherProfile,
): { body: string[]; attachments: Attachment[] } {
  const body: string[] = [];
  const attachments: Attachment[] = [];
  let inAttachments = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (profile.tailStart?.test(trimmed)) break;
    if (profile.attachmentsHeading?.test(trimmed)) {
      inAttachments = true;
      continue;
    }
    if (profile.furniture.some((f) => f.test(trimmed))) {
      if (inAttachments) inAttachments = false;
      continue;
    }
    if (inAttachments) {
      if (trimmed) attachments.push({ title: normaliseSpace(trimmed), url: null });
      continue;
    }
    body.push(line);
  }
  return { body, attachments };
}

export function readTextPage(text: string, ctx: ReaderContext): Draft {
  const warnings: WarningCode[] = [];
  const lines = decodeHTML(text).split(/\r\n|\r|\n/);
  let cursor = 0;
  let sourceUrl: string | null = null;
  const firstLine = lines.findIndex((l) => l.trim() !== "");
  if (firstLine >= 0 && URL_LINE.test((lines[firstLine] ?? "").trim())) {
    sourceUrl = (lines[firstLine] ?? "").trim();
    cursor = firstLine + 1;
  }
  const profile = chooseTextProfile(lines, sourceUrl);
  // Menus and tabs printed above the title (kremlin.ru's "События", "Текстовая версия") are skipped.
  const isFurniture = (line: string) => profile.furniture.some((f) => f.test(line));
  const nextNonBlank = () => {
    while (cursor < lines.length) {
      const line = (lines[cursor] ?? "").trim();
      if (line !== "" && !isFurniture(line)) return line;
      cursor++;
    }
    return null;
  };

  let dateline: { date: string | null; time: string | null; place: string | null } | null = null;
  // A dateline with a place, where the profile prints one; a plain dateline otherwise.
  const takeDateline = (afterTitle: boolean): boolean => {
    const line = nextNonBlank();
    if (!line) return false;
    if (profile.placeInDateline) {
      const block = readDatelineBlock(lines, cursor, afterTitle);
      if (!block) return false;
      dateline = block;
      cursor += block.lines;
      return true;
    }
    if (!isDateline(line)) return false;
    dateline = { ...parseDateline(line), place: null };
    cursor++;
    return true;
  };
  takeDateline(false);
  const titleLine = nextNonBlank() ?? "";
  cursor++;
  if (!dateline) takeDateline(true);
  if (!dateline && !profile.placeInDateline) dateline = datelineAfterLead(lines, cursor);
  const { body, attachments } = stripFurniture(lines.slice(cursor), profile);
  let paragraphs = textToParagraphs(body.join("\n"));
  const lead = paragraphs[0] && profile.lead?.test(paragraphs[0]) ? (paragraphs.shift() as string) : null;
  // The briefer, place and clock lines above the first label (a State Department briefing).
  const header = readHeaderFrame(paragraphs, profile.conventions, namesPerson(ctx));
  if (header) paragraphs = header.paragraphs;

  const parsed: { date: string | null; time: string | null; place: string | null } = dateline ?? {
    date: null,
    time: null,
    place: null,
  };
  const title = normaliseSpace(titleLine);
  const facts = withHeader(
    withBriefer(analyseTitle(title, ctx.registry, parsed.date), paragraphs, attachments),
    header,
  );
  if (!facts.kind && lead) facts.kind = eventKindFromLead(lead);
  const date = parsed.date ?? facts.date;
  if (!date) warnings.push("DATELINE_MISSING");
  return {
    profile: profile.id,
    reader: "text-page",
    idKey:
      sourceUrl ?? `${profile.id}:${profile === generic ? lastTwoSegments(ctx.name) : baseName(ctx.name)}`,
    sourceUrl,
    language: null,
    title,
    kind: facts.kind,
    event: facts.event,
    place: parsed.place ?? header?.place ?? facts.place,
    when: parsed.time
      ? documentDate(date, parsed.time, profile.timeZone)
      : documentDate(date, header?.time ?? null, header?.timeZone ?? profile.timeZone),
    participants: facts.participants,
    titleSpeaker: facts.titleSpeaker,
    attachments,
    publisherRef: recordIdOf(profile, sourceUrl, lines),
    paragraphs,
    hasDialogue: true,
    warnings,
  };
}

/** A header line that is a person's name: someone the registry knows, or a given name and a surname ("Jens Stoltenberg"). */
const namesPerson = (ctx: ReaderContext) => (line: string) => {
  const words = line.split(/\s+/u);
  return (
    ctx.registry.findByName(line) !== null ||
    (words.length >= 2 &&
      words.length <= 3 &&
      /^\p{Lu}\p{Ll}+$/u.test(words[0] ?? "") &&
      isGivenName(words[0] ?? ""))
  );
};

/** How many lines after the title a lone dateline is looked for, when a lead comes first. */
const LEAD_LINES = 3;
const CLOCK = /^(\d{1,2}):(\d{2})$/;

/**
 * A date on a line of its own within the first lines after the title, below a lead sentence
 * ("Vladimir Putin answered questions…" / "May 16, 2024" / "14:10"), as news sites print it:
 * taken, with a bare clock on the next line, and both lines blanked. Only before any label, so a
 * date someone says is never read as the page's.
 */
function datelineAfterLead(
  lines: string[],
  from: number,
): { date: string | null; time: string | null; place: string | null } | null {
  let seen = 0;
  for (let i = from; i < lines.length && seen < LEAD_LINES; i++) {
    const line = (lines[i] ?? "").trim();
    if (line === "") continue;
    seen++;
    if (line.includes(":") && !CLOCK.test(line)) return null;
    if (!isDateline(line)) continue;
    const parsed = parseDateline(line);
    lines[i] = "";
    let next = i + 1;
    while (next < lines.length && (lines[next] ?? "").trim() === "") next++;
    const clock = CLOCK.exec((lines[next] ?? "").trim());
    if (clock && !parsed.time && Number(clock[1]) < 24 && Number(clock[2]) < 60) {
      lines[next] = "";
      return { ...parsed, time: `${(clock[1] ?? "").padStart(2, "0")}:${clock[2]}`, place: null };
    }
    return { ...parsed, place: null };
  }
  return null;
}

export const baseName = (name: string) => name.split("/").pop() ?? name;

/**
 * For unknown publishers the file name alone is too weak an identity ("index.html"): the folder
 * it sits in is part of it. The same file gives the same key from a folder or from an archive.
 */
export const lastTwoSegments = (name: string) => name.split("/").filter(Boolean).slice(-2).join("/");
