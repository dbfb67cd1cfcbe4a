/**
 * Presidential acts as kremlin.ru prints them: spaced-out heading ("У К А З"), the issuing
 * authority, a centred title, hard-wrapped articles, then signature, date and number.
 */
import { decodeHTML } from "entities";
import type { WarningCode } from "../../errors/catalog.js";
import { kremlinRu } from "../publishers/index.js";
import { documentDate, parseDateline } from "./dates.js";
import type { Draft, DraftParticipant } from "./draft.js";
import { normaliseSpace, splitIndented } from "./paragraphs.js";
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
const NUMBER = /^\s*(N|№)\s*(\d+[\w-]*)\s*$/u;

export function readKremlinAct(text: string, ctx: ReaderContext): Draft {
  const warnings: WarningCode[] = [];
  const lines = decodeHTML(text).split(/\r?\n/);
  const nonBlank = lines.map((l, i) => ({ l, i })).filter((x) => x.l.trim());
  const actType = normaliseSpace(nonBlank[0]?.l ?? "").replace(/(\p{Lu})\s(?=\p{Lu}(\s|$))/gu, "$1");
  // The title is the first centred block after the authority line and any "Утратил силу" note.
  let titleLines: string[] = [];
  let bodyStart = 0;
  for (let k = 1; k < nonBlank.length; k++) {
    const { l, i } = nonBlank[k] as { l: string; i: number };
    const indent = l.length - l.trimStart().length;
    if (
      /^\s*(?:\p{Lu}\p{Ll}|О\s|Об\s|О\p{Ll})/u.test(l) &&
      indent >= 8 &&
      /^(О|Об|По|Вопросы|Положение|Об утверждении)\b/u.test(l.trim())
    ) {
      titleLines = [l.trim()];
      let j = i + 1;
      while (
        j < lines.length &&
        (lines[j] ?? "").trim() &&
        (lines[j] ?? "").length - (lines[j] ?? "").trimStart().length >= 8
      ) {
        titleLines.push((lines[j] ?? "").trim());
        j++;
      }
      bodyStart = j;
      break;
    }
  }
  if (titleLines.length === 0) bodyStart = (nonBlank[2]?.i ?? 0) + 1;
  const subject = normaliseSpace(titleLines.join(" "));
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
    const num = NUMBER.exec(line);
    if (num) {
      number = num[2] ?? null;
      continue;
    }
    if (!date && line.trim().length < 30 && parseDateline(line).date && /года|г\./u.test(line)) {
      date = parseDateline(line).date;
      continue;
    }
    if (/^\s*Москва,\s*Кремль\s*$/u.test(line)) {
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
    attachments: [],
    publisherRef: number,
    paragraphs: splitIndented(body.join("\n")),
    hasDialogue: false,
    warnings,
  };
}
