/**
 * Interviews shared as chat-style JSON: lists of messages, each naming its speaker (a name or a
 * role) and its text. Accepted shapes:
 * - an array of messages (`[{speaker, text}]`, `[{senderName, text, conversationId, …}]`), one
 *   interview per `conversationId` when messages carry one;
 * - an object holding the messages (`{messages|turns|transcript|dialogue: [...]}`) with the
 *   interview's metadata (title, date, participants, interviewer, source URL);
 * - an array of such objects.
 * Each interview becomes a document with one turn per message (empty messages and `system`
 * instructions are not speech and are left out). The messages are rendered as "label: text"
 * paragraphs and segmented with their own labels only, so kinds and pairs follow the same rules
 * as printed transcripts.
 */

import { VerbatimError, type WarningCode } from "../../errors/catalog.js";
import { generic, profileForUrl } from "../publishers/index.js";
import type { KnownSpeaker } from "../segment/known-labels.js";
import type { LabelRole } from "../segment/labels.js";
import { documentDate, parseDateline } from "./dates.js";
import type { Draft } from "./draft.js";
import { parseJsonInput, str } from "./json-input.js";
import { normaliseSpace, splitOnBlankLines } from "./paragraphs.js";
import type { ReaderContext } from "./reader.js";
import { kindFromTitle } from "./title.js";

type Json = Record<string, unknown>;

const SPEAKER_KEYS = ["senderName", "sender", "speaker", "author", "name", "from", "role"];
const TEXT_KEYS = ["text", "content", "message", "body", "utterance"];
const LIST_KEYS = ["messages", "turns", "transcript", "dialogue", "dialog", "conversation", "utterances"];
const GROUP_KEYS = ["conversationId", "conversation_id", "interviewId", "interview_id"];

/** Role words that name a function, not a person; the value says which side of the interview speaks. */
const ROLES: Record<string, LabelRole | "skip"> = {
  interviewer: "question",
  host: "question",
  journalist: "question",
  reporter: "question",
  question: "question",
  q: "question",
  user: "question",
  moderator: "moderator",
  interviewee: "speaker",
  guest: "speaker",
  answer: "speaker",
  a: "speaker",
  assistant: "speaker",
  speaker: "speaker",
  system: "skip",
};

/** Whether the start of a JSON text has messages with a speaker and a text (detection looks no further). */
export function looksLikeChatInterview(head: string): boolean {
  return (
    /^[[{]/.test(head) &&
    new RegExp(`"(?:${SPEAKER_KEYS.join("|")})"\\s*:\\s*"`).test(head) &&
    new RegExp(`"(?:${TEXT_KEYS.join("|")})"\\s*:\\s*["[]`).test(head)
  );
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const firstString = (o: Json, keys: string[]): string | null => {
  for (const k of keys) {
    const v = str(o[k]);
    if (v) return v;
  }
  return null;
};

/** A message's text: a string, or a list of parts (`[{type: "text", text}]`) joined by blank lines. */
function messageText(m: Json): string | null {
  for (const k of TEXT_KEYS) {
    const v = m[k];
    if (typeof v === "string") return v.trim() ? v : null;
    if (Array.isArray(v)) {
      const parts = v.map((p) => (typeof p === "string" ? p : isObject(p) ? (str(p.text) ?? "") : ""));
      const joined = parts.filter((p) => p.trim()).join("\n\n");
      return joined || null;
    }
  }
  return null;
}

const isMessage = (v: unknown): v is Json =>
  isObject(v) && firstString(v, SPEAKER_KEYS) !== null && messageText(v) !== null;

interface Interview {
  meta: Json;
  messages: Json[];
  /** Where the interview sits in the file, for a stable identity when it has no URL. */
  key: string;
}

/** The interviews a parsed JSON value holds, or none when it is not shaped like one. */
function interviewsIn(value: unknown): Interview[] {
  const holder = (o: Json): Json[] | null => {
    for (const k of LIST_KEYS) {
      const list = o[k];
      if (Array.isArray(list) && list.some(isMessage)) return list.filter(isObject);
    }
    return null;
  };
  if (Array.isArray(value)) {
    if (value.some(isMessage)) return groupByConversation(value.filter(isObject));
    return value.flatMap((item, i) => {
      const messages = isObject(item) ? holder(item) : null;
      return messages && isObject(item) ? [{ meta: item, messages, key: String(i) }] : [];
    });
  }
  if (isObject(value)) {
    const messages = holder(value);
    if (messages) return [{ meta: value, messages, key: "0" }];
  }
  return [];
}

/** Messages that carry a conversation id are several interviews in one list, in order of first appearance. */
function groupByConversation(messages: Json[]): Interview[] {
  const groups = new Map<string, Json[]>();
  for (const m of messages) {
    const id = firstString(m, GROUP_KEYS) ?? "";
    groups.set(id, [...(groups.get(id) ?? []), m]);
  }
  return [...groups].map(([id, list], i) => ({
    meta: list[0] ? pick(list[0], [...GROUP_KEYS, "conversationWithName"]) : {},
    messages: list,
    key: id || String(i),
  }));
}

const pick = (o: Json, keys: string[]): Json =>
  Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** A label that is a person's name: not a role word, not an outlet's address ("bbc.com"), with letters. */
function looksLikePerson(label: string): boolean {
  if (ROLES[label.toLowerCase()] !== undefined) return false;
  if (/[@/]|\.[a-z]{2,}$|\d/i.test(label)) return false;
  return /\p{L}{2}/u.test(label);
}

/** Names the metadata gives to the two sides: `interviewer`/`interviewee`, or `participants` with roles. */
function namedSides(meta: Json): { interviewers: Set<string>; byRole: Map<string, string> } {
  const interviewers = new Set<string>();
  const byRole = new Map<string, string>();
  const add = (role: string, name: string | null) => {
    if (!name) return;
    byRole.set(role.toLowerCase(), name);
    if (ROLES[role.toLowerCase()] === "question") interviewers.add(name);
  };
  for (const role of ["interviewer", "host", "interviewee", "guest"]) add(role, str(meta[role]));
  add("interviewer", str(meta.conversationWithName));
  if (Array.isArray(meta.participants)) {
    for (const p of meta.participants) if (isObject(p)) add(str(p.role) ?? "", str(p.name));
  }
  return { interviewers, byRole };
}

function dateOf(meta: Json): string | null {
  for (const k of ["date", "published", "published_at", "publishedAt", "interview_date", "datetime"]) {
    const v = str(meta[k]);
    const parsed = v ? parseDateline(v) : null;
    if (parsed?.date) return parsed.date;
  }
  return null;
}

/** A message's paragraphs: blank-line separated blocks, or one per line when there are none. */
function paragraphsOf(text: string): string[] {
  return /\n\s*\n/.test(text)
    ? splitOnBlankLines(text)
    : text
        .split(/\r\n|\r|\n/)
        .map(normaliseSpace)
        .filter(Boolean);
}

export function readChatInterviews(text: string, ctx: ReaderContext): Draft[] {
  const value = parseJsonInput(text, ctx.name);
  const interviews = interviewsIn(value);
  if (interviews.length === 0)
    throw new VerbatimError("FORMAT_UNSUPPORTED", {
      reason: `${ctx.name} holds no list of messages with a speaker and a text`,
    });
  return interviews.map((interview) => toDraft(interview, ctx));
}

function toDraft({ meta, messages, key }: Interview, ctx: ReaderContext): Draft {
  const warnings: WarningCode[] = [];
  const sides = namedSides(meta);
  const speakers = new Map<string, KnownSpeaker>();
  const rendered: { label: string; paragraphs: string[] }[] = [];
  for (const m of messages) {
    const label = firstString(m, SPEAKER_KEYS);
    const body = messageText(m);
    if (!label || !body) continue;
    const roleWord = ROLES[label.toLowerCase()];
    if (roleWord === "skip") continue;
    if (!speakers.has(label)) {
      // A role word takes the name the metadata gives that side ("interviewer": "Jane Doe").
      const named =
        sides.byRole.get(label.toLowerCase()) ??
        (roleWord === "question"
          ? (sides.byRole.get("interviewer") ?? sides.byRole.get("host"))
          : undefined) ??
        (roleWord === "speaker"
          ? (sides.byRole.get("interviewee") ?? sides.byRole.get("guest"))
          : undefined) ??
        null;
      const name = looksLikePerson(label) ? label : named && looksLikePerson(named) ? named : null;
      const asks = sides.interviewers.has(label) || (named !== null && sides.interviewers.has(named));
      const role: LabelRole = roleWord ?? (asks ? "question" : "speaker");
      speakers.set(label, { label, name, role });
    }
    rendered.push({ label, paragraphs: paragraphsOf(body) });
  }
  const labels = [...speakers.keys()];
  // Only a message's first paragraph carries its label; a later one that happens to open with a
  // label and a colon would split the message, so it is joined to the paragraph before it.
  const opensWithLabel = (p: string) => labels.some((l) => p.startsWith(`${l}:`));
  const paragraphs = rendered.flatMap(({ label, paragraphs: ps }) => {
    const out: string[] = [];
    for (const p of ps) {
      if (out.length > 0 && opensWithLabel(p)) out[out.length - 1] += ` ${p}`;
      else out.push(p);
    }
    out[0] = `${label}: ${out[0] ?? ""}`;
    return out;
  });

  const sourceUrl =
    [meta.source_url, meta.sourceUrl, meta.url, meta.source, meta.link]
      .map(str)
      .find((u) => u !== null && /^https?:\/\//.test(u)) ?? null;
  const profile = profileForUrl(sourceUrl) ?? generic;
  const persons = [...speakers.values()].flatMap((s) => (s.name ? [s.name] : []));
  const interviewee = [...speakers.values()].find((s) => s.role === "speaker" && s.name)?.name ?? null;
  const interviewer = [...speakers.values()].find((s) => s.role === "question")?.label ?? null;
  // With no title, one is composed from who took part, the way transcripts are headed.
  const title =
    normaliseSpace(str(meta.title) ?? str(meta.name) ?? "") ||
    (interviewee && interviewer
      ? `Interview of ${interviewee} by ${interviewer}`
      : `Interview: ${labels.join(", ")}`);
  // Message timestamps are when a message was logged or converted, not when the interview took
  // place (one export stamps every message of interviews years apart with the same instant):
  // the date comes from the interview's metadata or stays missing.
  const date = dateOf(meta);
  if (!date) warnings.push("DATELINE_MISSING");
  const languages = new Set(messages.map((m) => str(m.language)).filter((l) => l && /^[a-z]{2}$/.test(l)));
  const language = str(meta.language) ?? (languages.size === 1 ? ([...languages][0] ?? null) : null);
  return {
    profile: profile.id,
    reader: "chat-interview",
    idKey: sourceUrl ?? `${profile.id}:${ctx.name}#${key}`,
    sourceUrl,
    language,
    title,
    kind: kindFromTitle(title) ?? "interview",
    event: null,
    place: null,
    when: documentDate(date, null, profile.timeZone),
    participants: persons.map((name) => ({ name, role: null })),
    titleSpeaker: null,
    attachments: [],
    publisherRef: null,
    paragraphs,
    hasDialogue: true,
    warnings,
    speakers: [...speakers.values()],
  };
}
