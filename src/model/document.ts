/**
 * The document model: what one published transcript becomes once Verbatim has read it.
 * Every stage after extraction works on these types; they are serialised as-is in the
 * JSON Lines interchange format, so any change here bumps DOCUMENT_FORMAT_VERSION.
 */

export const DOCUMENT_FORMAT_VERSION = 1;

export const DOCUMENT_KINDS = [
  "press-conference",
  "briefing",
  "interview",
  "statement",
  "speech",
  "remarks",
  "decree",
  "other",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const TURN_KINDS = ["remarks", "question", "answer", "moderator", "other"] as const;
export type TurnKind = (typeof TURN_KINDS)[number];

/** A stage direction or editorial note inside a paragraph, e.g. "(Laughter.)". */
export interface Note {
  paragraph: number;
  /** UTF-16 offsets into the paragraph text; the paragraph keeps the note's characters. */
  start: number;
  end: number;
  text: string;
}

export interface Turn {
  /** 0-based position in the document; also the permalink anchor (`#t{index}`). */
  index: number;
  /** Canonical speaker id from the registry, or a transliterated id for unregistered names. */
  speakerId: string | null;
  /** Display name of the speaker (canonical name when resolved). */
  speakerName: string | null;
  /** The label exactly as written on the page ("С.Лавров", "MS. PSAKI", "Q"), or null when unlabelled. */
  label: string | null;
  kind: TurnKind;
  /** Whom a question was put to, as written: "both ministers". */
  addressedTo: string | null;
  /** True when the page says the turn is an interpretation ("(как переведено)", "(As interpreted.)"). */
  interpreted: boolean;
  paragraphs: string[];
  notes: Note[];
}

export interface QaPair {
  /** Turn index of the question. */
  question: number;
  /** Turn indexes of the answers that follow it, in order; may be empty. */
  answers: number[];
}

export interface Participant {
  speakerId: string | null;
  /** As shown: a registered person's canonical name, or a Latin rendering of a Cyrillic name in a Latin-script document. */
  name: string;
  role: string | null;
  /** Other names the document gives this person, e.g. the Cyrillic original of a transliterated name. */
  aliases?: string[];
}

export interface Attachment {
  title: string;
  url: string | null;
}

export interface Provenance {
  /** Where the input came from: a file path, an archive member (`archive.tar.gz#member`) or a URL. */
  source: string;
  /** Which reader and publisher profile produced the document. */
  reader: string;
  profile: string;
  /** ISO timestamp of when Verbatim read the input. */
  readAt: string;
  /** sha256 of the raw bytes, hex; the raw bytes are kept in the store under this hash. */
  contentHash: string;
  /** Character encoding the raw bytes were decoded from. */
  encoding: string;
  byteLength: number;
}

export interface DocumentDate {
  /** Calendar date as printed, ISO `YYYY-MM-DD`, or reduced precision `YYYY-MM` / `YYYY` when the source gives no more. */
  date: string | null;
  /** Local time as printed, `HH:MM`. */
  time: string | null;
  /** IANA zone, e.g. "Europe/Moscow", when the page or publisher gives it. */
  timeZone: string | null;
  /** ISO 8601 instant with offset, when date, time and zone are all known. */
  dateTime: string | null;
}

export interface Document {
  formatVersion: typeof DOCUMENT_FORMAT_VERSION;
  /** Stable across re-ingestion: derived from the source URL, or from the publisher and file name. */
  id: string;
  publisher: string;
  sourceUrl: string | null;
  /** ISO 639-1 code. */
  language: string;
  title: string;
  kind: DocumentKind;
  event: string | null;
  place: string | null;
  when: DocumentDate;
  participants: Participant[];
  attachments: Attachment[];
  /** Publisher's own identifier, e.g. the MFA number `1224-26-06-2024`. */
  publisherRef: string | null;
  turns: Turn[];
  qa: QaPair[];
  provenance: Provenance;
  /** Codes of non-fatal problems met while reading (see the error catalog). */
  warnings: string[];
}
