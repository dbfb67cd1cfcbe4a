/**
 * An archive as a stream of records, so `verbatim copy` moves it between backends without loss:
 * every version of every document with when it was stored and which is current, the raw inputs
 * and how they were read, speakers (edited by hand or seeded, in their order), the gazetteer,
 * enrichments, language-version links and divergence summaries, and the web side (pages,
 * captures, withdrawals, crawl runs and their queues). What a backend derives from these (search
 * tables, the current versions' keys, the vocabulary) it rebuilds on import.
 */

import type { Correction } from "../model/corrections.js";
import type { Document } from "../model/document.js";
import type { Enrichment } from "../model/enrichment.js";
import type { Entity } from "../model/entity.js";
import type { NewEntityDecision } from "../model/entity-curation.js";
import type { Speaker } from "../model/speaker.js";
import type { CaptureRow, DivergenceSummary, InputReading, PageState, StoredVersionLink } from "./records.js";

export type ArchiveRecord =
  | {
      kind: "version";
      document: Document;
      version: number;
      current: boolean;
      storedAt: string;
      /** The keys it was stored with (BatchItem.versionKeys); null when stored before versions kept them. */
      keys: string[] | null;
    }
  | { kind: "raw"; hash: string; source: string; bytes: Uint8Array }
  | { kind: "reading"; reading: InputReading }
  | { kind: "speaker"; speaker: Speaker; edited: boolean; seq: number | null }
  | { kind: "entity"; entity: Entity }
  | { kind: "enrichment"; enrichment: Enrichment }
  | { kind: "link"; link: StoredVersionLink }
  | { kind: "divergence"; summary: DivergenceSummary }
  | { kind: "page"; page: PageState }
  | { kind: "capture"; capture: CaptureRow }
  | { kind: "withdrawal"; id: string; url: string; status: number; at: string }
  | { kind: "crawl"; key: string; started: string; finished: string | null }
  | { kind: "queued"; key: string; url: string; depth: number; seq: number; done: boolean }
  /** An editor's correction, with its number; the corrected records are rebuilt from them on import. */
  | { kind: "correction"; correction: Correction }
  /** An editor's decision about a found entity, in the order made (the latest about an id holds). */
  | { kind: "entityDecision"; decision: NewEntityDecision };

export type ArchiveRecordKind = ArchiveRecord["kind"];

export interface ArchiveTransfer {
  /** Every record, documents first (enrichments and links refer to them). */
  exportRecords(): AsyncIterable<ArchiveRecord>;
  /**
   * Writes records into this archive, which must hold no documents (an archive is copied, not
   * merged); returns how many of each kind were written.
   */
  importRecords(records: AsyncIterable<ArchiveRecord>): Promise<Partial<Record<ArchiveRecordKind, number>>>;
}
