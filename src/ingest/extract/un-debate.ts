/**
 * UN General Debate speeches: plain text, one speaker, no labels; who, where and when come from
 * the file name (`ISO3_SESSION_YEAR.txt`) and the speaker table (Speakers_by_session.xlsx).
 */
import countries from "i18n-iso-countries";
import type { WarningCode } from "../../errors/catalog.js";
import { unGeneralDebate } from "../publishers/index.js";
import { documentDate } from "./dates.js";
import type { Draft, DraftParticipant } from "./draft.js";
import { textToParagraphs } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { baseName } from "./text-page.js";

const FILE_NAME = /^([A-Z]{3})_(\d{1,2})_(\d{4})\.txt$/i;

export function isDebateFileName(name: string): boolean {
  return FILE_NAME.test(baseName(name));
}

/** Names the UN uses for codes that ISO no longer lists (the USSR's speeches are filed as RUS, etc.). */
const EXTRA_COUNTRIES: Record<string, string> = {
  YUG: "Yugoslavia",
  CSK: "Czechoslovakia",
  DDR: "German Democratic Republic",
  YDYE: "Democratic Yemen",
  EU: "European Union",
};

const ordinal = (n: number) => {
  const s = ["th", "st", "nd", "rd"];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

const HONORIFIC = /^(?:mr|mrs|ms|mir|dr|h\.?e|sir|dame)\.?\s+/i;

/** "Mr. GROMYKO " → "Gromyko"; table names come in many styles. */
export function cleanTableName(name: string): string {
  const trimmed = name.trim().replace(HONORIFIC, "").trim();
  return trimmed === trimmed.toUpperCase()
    ? trimmed.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase())
    : trimmed;
}

export function readDebateSpeech(text: string, ctx: ReaderContext): Draft {
  const m = FILE_NAME.exec(baseName(ctx.name));
  if (!m) throw new Error(`not a General Debate file name: ${ctx.name}`);
  const iso3 = (m[1] ?? "").toUpperCase();
  const session = Number(m[2]);
  const year = m[3] ?? "";
  const warnings: WarningCode[] = [];
  const country =
    countries.getName(iso3, "en") ??
    countries.getName(countries.alpha3ToAlpha2(iso3) ?? "", "en") ??
    EXTRA_COUNTRIES[iso3] ??
    iso3;
  const row = ctx.debateSpeakers?.(iso3, session) ?? null;
  if (ctx.debateSpeakers && !row) warnings.push("SPEAKER_TABLE_MISSING");
  let speaker: DraftParticipant | null = null;
  if (row?.name) {
    const clean = cleanTableName(row.name);
    const registered = ctx.registry.findByName(clean);
    speaker = { name: registered?.name ?? clean, role: row.post?.trim() || null };
  }
  const event = `General Debate of the ${ordinal(session)} session of the United Nations General Assembly`;
  const who = speaker ? `${speaker.name}, ${country}` : country;
  return {
    profile: unGeneralDebate.id,
    reader: "un-debate",
    idKey: `${unGeneralDebate.id}:gd:${iso3}-${session}-${year}`,
    sourceUrl: null,
    language: null,
    title: `Statement by ${who} at the ${event}, ${year}`,
    kind: "speech",
    event,
    place: null,
    when: documentDate(year, null, null),
    participants: speaker ? [speaker] : [],
    titleSpeaker: speaker,
    attachments: [],
    publisherRef: `${iso3}_${session}_${year}`,
    // Page numbers of the printed record survive as lines holding only a number.
    paragraphs: textToParagraphs(text.replace(/^[ \t]*\d{1,3}[ \t]*$/gm, "")),
    hasDialogue: false,
    warnings,
  };
}
