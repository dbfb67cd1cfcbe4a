/**
 * Markdown pages: YAML front matter (the White House archive) or the mid.ru statement files
 * that hold a Russian and an English section of one statement.
 */
import { decodeHTML } from "entities";
import { parse as parseYaml } from "yaml";
import { VerbatimError, type WarningCode } from "../../errors/catalog.js";
import { generic, midRu, profileForUrl } from "../publishers/index.js";
import { opensWithUsLabel } from "../segment/labels.js";
import { readClockFrame } from "./clock-frame.js";
import { documentDate, parseDateline } from "./dates.js";
import type { Draft } from "./draft.js";
import { splitBlocksKeepingLists } from "./list-lines.js";
import { normaliseSpace, splitOnBlankLines } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { baseName, stripFurniture } from "./text-page.js";
import { analyseTitle } from "./title.js";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const SECTION = /^##\s+(Russian|English|Русский|Английский)(?:\s*\((TRANSLATED)\))?\s*$/im;

/** Markdown to plain text, keeping every word: escapes undone, inline HTML tags and emphasis removed. */
export function markdownToText(md: string): string {
  return decodeHTML(
    md
      .replace(/<\/?[a-z][^>]*>/gi, "")
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|~"'])/g, "$1")
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/^#{1,6}\s+/gm, ""),
  );
}

export function hasFrontMatter(text: string): boolean {
  return FRONT_MATTER.test(text);
}

export function isBilingualStatement(text: string): boolean {
  return SECTION.test(text) && /^\s*https?:\/\//.test(text);
}

const asString = (v: unknown): string | null => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string" || typeof v === "number") return String(v).trim() || null;
  return null;
};

/** A line that ends a sentence or breaks (Markdown's two spaces, a backslash). */
const ENDS_A_LINE = /(?:[.?!…"”'’)\]—–-]|[ \u00a0]{2,}|\\)[ \t\u00a0]*$/u;
const BLANK_LINE = /^[\s\u00a0\u200b]*$/u;

/**
 * A blank line put before each line that opens with a US transcript's label ("Q", "MS. PSAKI:",
 * "MR. McDONOUGH:", as the segmenter reads them) after one that ends a sentence or breaks
 * ("confirmed?  "): the White House archive sometimes prints a question and its answer in one
 * paragraph, one line each (141 of its 3,181 pages), and joined they would be one turn.
 */
function labelLinesApart(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const before = out[out.length - 1];
    if (
      before !== undefined &&
      !BLANK_LINE.test(before) &&
      ENDS_A_LINE.test(before) &&
      opensWithUsLabel(line.replace(/^[ \t\u00a0]+/u, ""), true)
    )
      out.push("");
    out.push(line);
  }
  return out;
}

export function readFrontMatterMarkdown(text: string, ctx: ReaderContext): Draft {
  const opensFrontMatter = /^\uFEFF?---[ \t]*\r?\n/.test(text);
  const m = FRONT_MATTER.exec(text) ?? (opensFrontMatter ? null : (["", ""] as unknown as RegExpExecArray));
  if (!m) throw new VerbatimError("FRONT_MATTER_INVALID", { reason: "no closing --- line" });
  let meta: Record<string, unknown>;
  try {
    const parsed = parseYaml(m[1] ?? "");
    if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed)))
      throw new Error("front matter is not a mapping");
    meta = (parsed ?? {}) as Record<string, unknown>;
  } catch (error) {
    throw new VerbatimError("FRONT_MATTER_INVALID", { reason: (error as Error).message.split("\n")[0] });
  }
  const warnings: WarningCode[] = [];
  const sourceUrl = asString(meta.source_url) ?? asString(meta.url) ?? asString(meta.canonical_url);
  const profile = profileForUrl(sourceUrl) ?? generic;
  const bodyText = markdownToText(text.slice(m[0].length));
  let paragraphs = splitOnBlankLines(
    labelLinesApart(stripFurniture(bodyText.split(/\r?\n/), profile).body).join("\n"),
  );

  let title = normaliseSpace(markdownToText(asString(meta.title) ?? ""));
  if (!title) {
    // No title in front matter: the first heading, else the first paragraph, is the title.
    const heading = /^#\s+(.+)$/m.exec(text.slice(m[0].length));
    title = normaliseSpace(markdownToText(heading?.[1] ?? ""));
    if (!title || paragraphs[0] === title) title = paragraphs.shift() ?? "";
  }
  const published = asString(meta.published_time) ?? asString(meta.date);
  const parsedDate = parseDateline(asString(meta.date) ?? published ?? "");
  const frame = readClockFrame(paragraphs);
  paragraphs = frame.paragraphs;
  const facts = analyseTitle(title, ctx.registry, parsedDate.date);
  const date = parsedDate.date ?? frame.releaseDate ?? facts.date ?? parseDateline(title).date;
  if (!date) warnings.push("DATELINE_MISSING");
  return {
    profile: profile.id,
    reader: "markdown",
    idKey: sourceUrl ?? `${profile.id}:${baseName(ctx.name)}`,
    sourceUrl,
    language: asString(meta.lang) ?? asString(meta.language),
    title,
    kind: facts.kind,
    event: facts.event,
    place: frame.place ?? facts.place,
    when: documentDate(date, frame.time, frame.timeZone ?? profile.timeZone),
    participants: facts.participants,
    titleSpeaker: facts.titleSpeaker,
    attachments: frame.notes,
    publisherRef: null,
    paragraphs,
    hasDialogue: true,
    warnings,
  };
}

const MFA_NUMBER = /^\d{2,5}-\d{2}-\d{2}-\d{4}$/;

/** One Draft per language section; both share the statement's URL, told apart by language. */
export function readBilingualStatement(text: string, ctx: ReaderContext): Draft[] {
  const lines = text.split(/\r?\n/);
  const url = lines.find((l) => /^\s*https?:\/\//.test(l))?.trim() ?? null;
  const profile = profileForUrl(url) ?? midRu;
  const sections: { language: string; translated: boolean; lines: string[] }[] = [];
  for (const line of lines) {
    const heading = /^##\s+(Russian|English|Русский|Английский)(?:\s*\((TRANSLATED)\))?\s*$/i.exec(line);
    if (heading) {
      const lang = /russian|русский/i.test(heading[1] ?? "") ? "ru" : "en";
      sections.push({ language: lang, translated: Boolean(heading[2]), lines: [] });
    } else sections.at(-1)?.lines.push(line);
  }
  return sections
    .filter((s) => s.lines.some((l) => l.trim()))
    .map((section) => {
      const warnings: WarningCode[] = [];
      // Header lines (dateline, title, MFA number) come one per line, often without blank lines between.
      const lines = markdownToText(section.lines.join("\n")).split(/\r?\n/);
      let cursor = 0;
      const next = (): string | null => {
        while (cursor < lines.length && !(lines[cursor] ?? "").trim()) cursor++;
        return cursor < lines.length ? normaliseSpace(lines[cursor] ?? "") : null;
      };
      let dateline: string | null = null;
      let publisherRef: string | null = null;
      const first = next();
      if (first && first.length < 40 && parseDateline(first).date) {
        dateline = first;
        cursor++;
      }
      const title = next() ?? "";
      cursor++;
      const maybeRef = next();
      if (maybeRef && MFA_NUMBER.test(maybeRef)) {
        publisherRef = maybeRef;
        cursor++;
      }
      // Name lists come one per line in these statements: each line stays its own paragraph.
      const paragraphs = splitBlocksKeepingLists(lines.slice(cursor).join("\n"));
      const parsed = parseDateline(dateline ?? "");
      const facts = analyseTitle(title, ctx.registry, parsed.date);
      if (!parsed.date) warnings.push("DATELINE_MISSING");
      return {
        profile: profile.id,
        reader: section.translated ? "markdown-bilingual (unofficial translation)" : "markdown-bilingual",
        idKey: `${url ?? `${profile.id}:${baseName(ctx.name)}`}#${section.language}`,
        sourceUrl: url,
        language: section.language,
        title,
        kind: facts.kind ?? "statement",
        event: facts.event,
        place: facts.place,
        when: documentDate(parsed.date, parsed.time, profile.timeZone),
        participants: facts.participants,
        titleSpeaker: facts.titleSpeaker,
        attachments: [],
        publisherRef,
        paragraphs,
        hasDialogue: true,
        warnings,
      } satisfies Draft;
    });
}
