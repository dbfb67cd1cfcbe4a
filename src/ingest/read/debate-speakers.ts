/**
 * The UN General Debate speaker table (Speakers_by_session.xlsx: Year, Session, ISO Code,
 * Country, Name of Person Speaking, Post), read into a lookup by country and session.
 */
import ExcelJS from "exceljs";
import { VerbatimError } from "../../errors/catalog.js";
import type { DebateSpeaker, DebateSpeakerLookup } from "../extract/reader.js";

export const DEBATE_SPEAKERS_FILE = "Speakers_by_session.xlsx";

const cellText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === "object" && v !== null && "richText" in v) {
    return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join("");
  }
  if (typeof v === "object" && v !== null && "text" in v) return String((v as { text: unknown }).text);
  return String(v);
};

export async function loadDebateSpeakers(file: string): Promise<DebateSpeakerLookup> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new VerbatimError("SPEAKER_TABLE_INVALID", { path: file, reason: (error as Error).message });
  }
  return lookupOf(workbook, file);
}

/** The same table from bytes kept in the archive (`name` says which, in errors). */
export async function debateSpeakersFromBytes(bytes: Uint8Array, name: string): Promise<DebateSpeakerLookup> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new VerbatimError("SPEAKER_TABLE_INVALID", { path: name, reason: (error as Error).message });
  }
  return lookupOf(workbook, name);
}

function lookupOf(workbook: ExcelJS.Workbook, file: string): DebateSpeakerLookup {
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new VerbatimError("SPEAKER_TABLE_INVALID", { path: file, reason: "no worksheet" });
  const header = (sheet.getRow(1).values as unknown[]).map((v) => (cellText(v) ?? "").trim().toLowerCase());
  const col = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  const cSession = col(/^session/);
  const cIso = col(/iso/);
  const cCountry = col(/^country/);
  const cName = col(/name/);
  const cPost = col(/^post/);
  if (cSession < 0 || cIso < 0 || cName < 0) {
    throw new VerbatimError("SPEAKER_TABLE_INVALID", {
      path: file,
      reason: "missing Session, ISO Code or Name columns",
    });
  }
  const table = new Map<string, DebateSpeaker>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    const iso = cellText(values[cIso])?.trim().toUpperCase();
    const session = Number(cellText(values[cSession]));
    const name = cellText(values[cName])?.trim();
    if (!iso || !Number.isFinite(session) || !name) return;
    const key = `${iso}:${session}`;
    // Sessions where two people spoke for one country: the first row is the General Debate speech.
    if (table.has(key)) return;
    table.set(key, {
      name,
      post: cPost >= 0 ? (cellText(values[cPost])?.trim() ?? null) : null,
      country: cCountry >= 0 ? (cellText(values[cCountry])?.trim() ?? null) : null,
    });
  });
  return (iso3, session) => table.get(`${iso3}:${session}`) ?? null;
}
