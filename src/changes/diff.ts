/**
 * What changed between two versions of a document, as a reader sees it: metadata fields that
 * differ (title, date, place, participants…), and a word-level diff (jsdiff) of the record's text,
 * turn by turn with each speaker's label, so "a softened sentence" or "a removed answer" shows as
 * the words removed and added. Furniture never reaches a document, so it never shows here.
 */
import { diffWords } from "diff";
import type { Document } from "../model/document.js";

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface DiffPart {
  text: string;
  /** "added" in the newer version, "removed" from the older one, or the same in both. */
  change: "added" | "removed" | "same";
}

export interface DocumentChanges {
  id: string;
  from: number;
  to: number;
  fields: FieldChange[];
  /** The text diff, with unchanged stretches cut to some context around each change. */
  parts: DiffPart[];
  wordsAdded: number;
  wordsRemoved: number;
}

const CONTEXT_WORDS = 12;

function fieldsOf(doc: Document): Record<string, string> {
  return {
    title: doc.title,
    date: [doc.when.date, doc.when.time, doc.when.timeZone].filter(Boolean).join(" "),
    place: doc.place ?? "",
    kind: doc.kind,
    language: doc.language,
    participants: doc.participants.map((p) => p.name).join(", "),
    reference: doc.publisherRef ?? "",
    attachments: doc.attachments.map((a) => a.title).join("; "),
  };
}

/** The record's text as one string: each turn its label (or speaker) and paragraphs. */
export function recordText(doc: Document): string {
  return doc.turns
    .map((t) => {
      const who = t.label ?? t.speakerName;
      return [who ? `${who}:` : null, ...t.paragraphs].filter(Boolean).join("\n");
    })
    .join("\n\n");
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function diffDocuments(older: Document, newer: Document, from: number, to: number): DocumentChanges {
  const a = fieldsOf(older);
  const b = fieldsOf(newer);
  const fields = Object.keys(a)
    .filter((k) => a[k] !== b[k])
    .map((k) => ({ field: k, before: a[k] ?? "", after: b[k] ?? "" }));
  const raw = diffWords(recordText(older), recordText(newer));
  let wordsAdded = 0;
  let wordsRemoved = 0;
  const parts: DiffPart[] = raw.map((c) => {
    if (c.added) wordsAdded += countWords(c.value);
    if (c.removed) wordsRemoved += countWords(c.value);
    return { text: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" };
  });
  return { id: newer.id, from, to, fields, parts: trimContext(parts), wordsAdded, wordsRemoved };
}

/** Keeps a few words of unchanged text on each side of a change; long unchanged stretches become "…". */
function trimContext(parts: DiffPart[]): DiffPart[] {
  return parts.map((p, i) => {
    if (p.change !== "same") return p;
    const words = p.text.split(/(\s+)/);
    const wordCount = words.filter((w) => w.trim()).length;
    if (wordCount <= CONTEXT_WORDS * 2) return p;
    const keepBefore = i > 0 ? CONTEXT_WORDS : 0;
    const keepAfter = i < parts.length - 1 ? CONTEXT_WORDS : 0;
    const head = takeWords(words, keepBefore);
    const tail = takeWords([...words].reverse(), keepAfter)
      .split(/(\s+)/)
      .reverse()
      .join("");
    return { text: `${head}${head ? " … " : "… "}${tail}`.replace(/\s+…\s+$/, " …"), change: "same" };
  });
}

function takeWords(tokens: string[], n: number): string {
  if (n === 0) return "";
  let seen = 0;
  let out = "";
  for (const t of tokens) {
    if (t.trim()) {
      if (seen === n) break;
      seen++;
    }
    out += t;
  }
  return out;
}
