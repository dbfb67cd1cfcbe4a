/**
 * Presidential acts as kremlin.ru prints them: spaced-out heading ("У К А З"), the issuing
 * authority, a centred title, hard-wrapped articles, then signature, date and number.
 */
import { decodeHTML } from "entities";
import type { WarningCode } from "../../errors/catalog.js";
import { kremlinRu } from "../publishers/index.js";
import { documentDate, parseDateline } from "./dates.js";
import type { Draft, DraftParticipant } from "./draft.js";
import { indentOf, normaliseSpace, splitIndented } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { baseName } from "./text-page.js";

const ACT_HEADING = /^\s*((?:\p{Lu}\s){2,}\p{Lu}|ФЕДЕРАЛЬНЫЙ ЗАКОН|УКАЗ|РАСПОРЯЖЕНИЕ|ПОСТАНОВЛЕНИЕ)\s*$/u;

export function looksLikeKremlinAct(text: string): boolean {
  const head = text
    .slice(0, 600)
    .split(/\r?\n/)
    .filter((l) => l.trim());
  return (
    head.slice(0, 3).some((l) => ACT_HEADING.test(l)) &&
    /ПРЕЗИДЕНТА РОССИЙСКОЙ ФЕДЕРАЦИИ|Российской Федерации/u.test(text.slice(0, 800))
  );
}

const SIGNATURE = /^\s*(Президент Российской Федерации)\s{2,}(\S.*?)\s*$/u;
// "N 950", "N 15-рп": letters after the digits may be Cyrillic, which \w knows nothing of.
const NUMBER = /^\s*(N|№)\s*(\d+[\p{L}\p{N}_-]*)\s*$/u;

/** Centred header lines are indented at least this far; the body's first line 5 spaces or less. */
const HEADER_INDENT = 6;
/**
 * A long subject line centred with less room ("     О предоставлении права на получение отсрочки
 * от призыва"), directly above a more indented one of the same heading: a body paragraph's next
 * line starts at the margin instead.
 */
const centredAbove = (line: string, next: string | undefined) =>
  indentOf(line) >= 2 && next !== undefined && next.trim() !== "" && indentOf(next) >= HEADER_INDENT;

export function readKremlinAct(text: string, ctx: ReaderContext): Draft {
  const warnings: WarningCode[] = [];
  const lines = decodeHTML(text).split(/\r?\n/);
  // Centred header blocks (indented 6+ spaces) come first: act type, authority, notes such as
  // "Утратил силу", then the subject; the body's paragraphs are indented 5 spaces or not at all.
  const blocks: { lines: string[]; end: number }[] = [];
  let current: string[] = [];
  let bodyStart = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.trim()) {
      if (current.length) blocks.push({ lines: current, end: i });
      current = [];
      continue;
    }
    if (indentOf(line) < HEADER_INDENT && !centredAbove(line, lines[i + 1])) {
      if (current.length) blocks.push({ lines: current, end: i });
      current = [];
      bodyStart = i;
      break;
    }
    current.push(line.trim());
  }
  if (bodyStart === lines.length && current.length) blocks.push({ lines: current, end: lines.length });
  const actType = normaliseSpace(blocks[0]?.lines.join(" ") ?? "").replace(
    /(\p{Lu})\s(?=\p{Lu}(\s|$))/gu,
    "$1",
  );
  const isNote = (b: string[]) => /^(?:\(|Утратил|Утратило|Утратила|Утратили|Не вступил)/u.test(b[0] ?? "");
  const isAuthority = (b: string[]) =>
    /^ПРЕЗИДЕНТА\s+РОССИЙСКОЙ\s+ФЕДЕРАЦИИ$/u.test(normaliseSpace(b.join(" ")));
  const subjectBlock = blocks.slice(1).find((b) => !isNote(b.lines) && !isAuthority(b.lines));
  // "Утратил силу - Указ … от … N …", "(В редакции указов …)": the act's status and editions, kept
  // as notes beside the text, as a reader of the page sees them above it.
  const notes = blocks
    .slice(1)
    .filter((b) => isNote(b.lines))
    .map((b) => ({ title: normaliseSpace(b.lines.join(" ")), url: null }));
  const subject = normaliseSpace(subjectBlock?.lines.join(" ") ?? "");
  const kindWord = actType.charAt(0) + actType.slice(1).toLowerCase();
  const title = subject
    ? `${kindWord} Президента Российской Федерации «${subject}»`
    : `${kindWord} Президента Российской Федерации`;

  let signer: DraftParticipant | null = null;
  let date: string | null = null;
  let number: string | null = null;
  let place: string | null = null;
  const body: string[] = [];
  for (const line of lines.slice(bodyStart)) {
    const sig = SIGNATURE.exec(line);
    if (sig) {
      const registered = ctx.registry.findByName(sig[2] ?? "");
      signer = { name: registered?.name ?? (sig[2] ?? "").trim(), role: sig[1] ?? null };
      continue;
    }
    // Date, number and place belong to the signature block; dates quoted in the text do not count.
    const afterSignature = signer !== null;
    const num: RegExpExecArray | null = afterSignature && !number ? NUMBER.exec(line) : null;
    if (num) {
      number = num[2] ?? null;
      continue;
    }
    if (
      afterSignature &&
      !date &&
      line.trim().length < 30 &&
      parseDateline(line).date &&
      /года|г\./u.test(line)
    ) {
      date = parseDateline(line).date;
      continue;
    }
    if (afterSignature && /^\s*Москва,\s*Кремль\s*$/u.test(line)) {
      place = "Москва, Кремль";
      continue;
    }
    body.push(line);
  }
  if (!date) warnings.push("DATELINE_MISSING");
  return {
    profile: kremlinRu.id,
    reader: "kremlin-act",
    idKey: `${kremlinRu.id}:acts:${baseName(ctx.name).replace(/\.\w+$/, "")}`,
    sourceUrl: /^\d+\.txt$/.test(baseName(ctx.name))
      ? `http://kremlin.ru/acts/bank/${baseName(ctx.name).replace(/\.txt$/, "")}`
      : null,
    language: "ru",
    title,
    kind: "decree",
    event: null,
    place,
    when: documentDate(date, null, kremlinRu.timeZone),
    participants: signer ? [signer] : [],
    titleSpeaker: signer,
    attachments: notes,
    publisherRef: number,
    // Rules between the act and its annex ("_____________") are layout, not text.
    paragraphs: splitIndented(body.join("\n")).filter((p) => !/^[\s_\-–—=*]*$/u.test(p)),
    hasDialogue: false,
    warnings,
  };
}
