/**
 * What the TEI and Akoma Ntoso readers share: an XML document parsed into a DOM (linkedom, as
 * for HTML), a paragraph's text with the positions of its stage directions, and a transcript whose
 * turns, kinds and pairs the file states, made into a Document without segmentation: the file
 * already says who spoke and where each turn begins.
 */
import { DOMParser } from "linkedom";
import { VerbatimError } from "../../errors/catalog.js";
import {
  DOCUMENT_FORMAT_VERSION,
  DOCUMENT_KINDS,
  type Document,
  type DocumentDate,
  type DocumentKind,
  type Note,
  type Participant,
  type QaPair,
  TURN_KINDS,
  type Turn,
  type TurnKind,
} from "../../model/document.js";
import type { ProvenanceInput } from "../assemble.js";
import { pairQuestions } from "../segment/pairing.js";

/** The DOM nodes the readers touch, as linkedom gives them. */
export type XmlElement = Element;

export function parseXml(text: string, name: string): globalThis.Document {
  const doc = new DOMParser().parseFromString(text, "text/xml") as unknown as globalThis.Document;
  if (!doc.documentElement) throw new VerbatimError("FORMAT_UNSUPPORTED", { reason: `${name} is not XML` });
  return doc;
}

/** Elements below `root` with this local name, in document order, whatever their namespace prefix. */
export function all(root: ParentNode, localName: string): XmlElement[] {
  return [...root.querySelectorAll("*")].filter((e) => e.localName === localName);
}

export function first(root: ParentNode, localName: string): XmlElement | null {
  return all(root, localName)[0] ?? null;
}

/** Element children with this local name (not deeper). */
export function children(root: Element, localName: string): XmlElement[] {
  return [...root.children].filter((e) => e.localName === localName);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * An attribute's value as the file means it: linkedom hands attribute values back with their
 * entity references still written out ("a=1&amp;b=2"), which an XML reader must resolve.
 */
export function attr(e: Element | null | undefined, name: string): string | null {
  const raw = e?.getAttribute(name);
  if (raw === null || raw === undefined) return null;
  return raw.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex, dec, named) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    return ENTITIES[String(named).toLowerCase()] ?? whole;
  });
}

export function text(e: Element | null | undefined): string | null {
  const t = e?.textContent?.replace(/\s+/g, " ").trim();
  return t ? t : null;
}

/**
 * A paragraph element's text, with the offsets of the children that are stage directions
 * (`isNote`). Line breaks and the indentation after them are a pretty-printer's, not the
 * transcript's, and become one space; other whitespace is kept as written.
 */
export function paragraphOf(
  p: Element,
  isNote: (e: Element) => boolean,
): { text: string; notes: Omit<Note, "paragraph">[] } {
  let out = "";
  const notes: Omit<Note, "paragraph">[] = [];
  // A stage direction inside another (TEI's <kinesic><desc>) is part of the outer one.
  const walk = (node: Node, inNote: boolean) => {
    for (const child of [...node.childNodes]) {
      // Text and CDATA sections alike.
      if (child.nodeType === 3 || child.nodeType === 4)
        out += (child.textContent ?? "").replace(/[ \t]*[\r\n]\s*/g, " ");
      else if (child.nodeType === 1) {
        const start = out.length;
        const note = !inNote && isNote(child as Element);
        walk(child, inNote || note);
        if (note) notes.push({ start, end: out.length, text: out.slice(start) });
      }
    }
  };
  walk(p, false);
  // Trimming moves every offset by what was cut at the start.
  const lead = out.length - out.trimStart().length;
  const trimmed = out.trim();
  return {
    text: trimmed,
    notes: notes
      .map((n) => ({ start: n.start - lead, end: n.end - lead, text: n.text }))
      .filter((n) => n.start >= 0 && n.end <= trimmed.length && n.end > n.start)
      .map((n) => ({ ...n, text: trimmed.slice(n.start, n.end) })),
  };
}

export interface StatedTurn {
  speakerId: string | null;
  speakerName: string | null;
  label: string | null;
  kind: TurnKind | null;
  interpreted: boolean;
  paragraphs: { text: string; notes: Omit<Note, "paragraph">[] }[];
}

export interface StatedTranscript {
  id: string;
  publisher: string;
  reader: string;
  sourceUrl: string | null;
  language: string;
  title: string;
  kind: string | null;
  event: string | null;
  place: string | null;
  when: DocumentDate;
  participants: Participant[];
  publisherRef: string | null;
  turns: StatedTurn[];
  /** The file's own question→answer links; computed from the turns' kinds when it states none. */
  qa: QaPair[] | null;
}

export function dateOf(value: string | null): DocumentDate {
  const v = value?.trim() ?? "";
  const m = v.match(
    /^(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/,
  );
  if (!m) return { date: null, time: null, timeZone: null, dateTime: null };
  return { date: m[1] ?? null, time: m[2] ?? null, timeZone: null, dateTime: m[2] && m[3] ? v : null };
}

export function toDocument(t: StatedTranscript, provenance: ProvenanceInput): Document {
  // Turns with no text are dropped; the file's pairs point at the turns' places before that.
  const kept = t.turns.map((turn, i) => [turn, i] as const).filter(([turn]) => turn.paragraphs.length > 0);
  const placeOf = new Map(kept.map(([, before], after) => [before, after]));
  const turns: Turn[] = kept
    .map(([turn]) => turn)
    .map((turn, index) => ({
      index,
      speakerId: turn.speakerId,
      speakerName: turn.speakerName,
      label: turn.label,
      kind: turn.kind && (TURN_KINDS as readonly string[]).includes(turn.kind) ? turn.kind : "remarks",
      addressedTo: null,
      interpreted: turn.interpreted,
      paragraphs: turn.paragraphs.map((p) => p.text),
      notes: turn.paragraphs.flatMap((p, paragraph) => p.notes.map((n) => ({ ...n, paragraph }))),
    }));
  if (turns.length === 0) throw new VerbatimError("NO_CONTENT");
  const valid = (pair: QaPair) =>
    turns[pair.question]?.kind === "question" && pair.answers.every((a) => turns[a]?.kind === "answer");
  return {
    formatVersion: DOCUMENT_FORMAT_VERSION,
    id: t.id,
    publisher: t.publisher,
    sourceUrl: t.sourceUrl,
    language: t.language,
    title: t.title,
    kind: (DOCUMENT_KINDS as readonly string[]).includes(t.kind ?? "") ? (t.kind as DocumentKind) : "other",
    event: t.event,
    place: t.place,
    when: t.when,
    participants: t.participants,
    attachments: [],
    publisherRef: t.publisherRef,
    turns,
    qa: t.qa
      ? t.qa
          .flatMap((pair) => {
            const question = placeOf.get(pair.question);
            if (question === undefined) return [];
            const answers = pair.answers
              .map((a) => placeOf.get(a))
              .filter((a): a is number => a !== undefined);
            return [{ question, answers }];
          })
          .filter(valid)
      : pairQuestions(turns),
    provenance: { ...provenance, reader: t.reader, profile: t.publisher },
    warnings: [],
  };
}
