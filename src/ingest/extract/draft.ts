import type { WarningCode } from "../../errors/catalog.js";
import type { Attachment, DocumentDate, DocumentKind } from "../../model/document.js";
import type { KnownSpeaker } from "../segment/known-labels.js";

/** A participant named by the page (title, metadata), before speaker resolution. */
export interface DraftParticipant {
  name: string;
  role: string | null;
}

/**
 * What a reader extracts from one page: metadata and body paragraphs, furniture removed,
 * before segmentation into turns. Readers are pure: text in, drafts out.
 */
export interface Draft {
  /** Publisher profile id, e.g. "mid.ru". */
  profile: string;
  reader: string;
  /** Key the document id is derived from: the source URL, else publisher and file name. */
  idKey: string;
  sourceUrl: string | null;
  /** Language if the page states it; otherwise detected from the text. */
  language: string | null;
  title: string;
  kind: DocumentKind | null;
  event: string | null;
  place: string | null;
  when: DocumentDate;
  participants: DraftParticipant[];
  /** The person the title names as speaking; unlabelled opening remarks are theirs. */
  titleSpeaker: DraftParticipant | null;
  attachments: Attachment[];
  publisherRef: string | null;
  /** Body paragraphs in reading order, each already unwrapped to one line. */
  paragraphs: string[];
  /** False for texts known to have a single speaker and no labels (a UN speech, a decree). */
  hasDialogue: boolean;
  /**
   * Paragraphs printed wholly in bold, where the reader can tell (an interview's HTML page): a
   * newspaper interview without labels prints its questions so (segment/labels.ts boldQuestions).
   */
  emphasised?: string[];
  warnings: WarningCode[];
  /**
   * Set when the source names the speaker of every message (chat-style interviews): each message
   * is a paragraph opening with its label, and only these labels split turns.
   */
  speakers?: KnownSpeaker[];
}

export const EMPTY_DATE: DocumentDate = { date: null, time: null, timeZone: null, dateTime: null };
