/**
 * Question and answer records, one exchange each, as the Chinese Foreign Ministry's press
 * conferences are shared: JSON Lines (or a JSON array) of `{ "id": 12856, "问": "…", "答": "…" }`.
 * Each record becomes a document of two turns, the question and the spokesperson's answer,
 * paired; its id is the publisher's reference. The records carry no date and name no one.
 */
import { fmprc } from "../publishers/index.js";
import { type Draft, EMPTY_DATE } from "./draft.js";
import { str } from "./json-input.js";
import { normaliseSpace } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";

const QUESTION_KEYS = ["问", "問"];
const ANSWER_KEYS = ["答"];
/** How much of a question makes the record's title when the question's first sentence is longer. */
const TITLE_CHARACTERS = 60;

/** Whether the start of the input is such records: a JSON object (or an array of them) with a "问" and a "答". */
export function looksLikeQaRecords(head: string): boolean {
  return /^\[?\s*\{/.test(head) && /"(?:问|問)"\s*:/.test(head) && /"答"\s*:/.test(head);
}

/** A line that could not be read as a record, kept for the ingest report. */
export interface SkippedRecord {
  line: number;
  reason: string;
}

/**
 * The records of a JSON array, or of JSON Lines; a line that is not JSON is skipped and named,
 * and the others are read: one broken record loses nothing else.
 */
function records(text: string, skipped: SkippedRecord[]): unknown[] {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed = JSON.parse(trimmed) as unknown;
      if (Array.isArray(parsed)) return parsed;
    } catch {
      // Not one array: read it line by line below, where a bad line is named.
    }
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (!line.trim()) return [];
    try {
      return [JSON.parse(line) as unknown];
    } catch (error) {
      skipped.push({ line: i + 1, reason: (error as Error).message });
      return [];
    }
  });
}

const field = (record: Record<string, unknown>, keys: string[]) => {
  for (const k of keys) {
    const v = str(record[k]);
    if (v) return v;
  }
  return null;
};

/**
 * The answer as said: the records repeat the label at the start of the answer ("答关于第一个问题…"),
 * which a word such as 答复 ("reply") or 答案 ("answer") never is followed by a colon or punctuation
 * of its own, so only the bare label and a colon are taken off.
 */
const withoutLabel = (text: string, label: string) => {
  if (!text.startsWith(label)) return text;
  const rest = text.slice(label.length);
  if (/^[：:]/.test(rest)) return rest.slice(1).trim();
  return /^[案复覆应辩卷谢]/.test(rest) ? text : rest.trim();
};

/** The question's first sentence, or its first characters, for a title. */
function titleOf(question: string): string {
  const sentence = /^[^。？！?!]+[。？！?!]?/u.exec(question)?.[0] ?? question;
  return sentence.length <= TITLE_CHARACTERS ? sentence : `${sentence.slice(0, TITLE_CHARACTERS)}…`;
}

export function readQaRecords(
  text: string,
  ctx: ReaderContext,
): { drafts: Draft[]; skipped: SkippedRecord[] } {
  const drafts: Draft[] = [];
  const skipped: SkippedRecord[] = [];
  records(text, skipped).forEach((value, n) => {
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    const question = field(record, QUESTION_KEYS);
    const answer = field(record, ANSWER_KEYS);
    if (!question || !answer) return;
    const id = str(record.id) ?? (typeof record.id === "number" ? String(record.id) : null);
    const q = normaliseSpace(withoutLabel(question, "问"));
    const a = normaliseSpace(withoutLabel(answer, "答"));
    drafts.push({
      profile: fmprc.id,
      reader: "qa-records",
      idKey: `${fmprc.id}:${id ?? `${ctx.name}#${n}`}`,
      sourceUrl: null,
      language: "zh",
      title: titleOf(q),
      kind: "press-conference",
      event: null,
      place: null,
      when: EMPTY_DATE,
      participants: [],
      titleSpeaker: null,
      attachments: [],
      publisherRef: id,
      paragraphs: [`问：${q}`, `答：${a}`],
      hasDialogue: true,
      warnings: ["DATELINE_MISSING"],
    });
  });
  return { drafts, skipped };
}
