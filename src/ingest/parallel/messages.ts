import type { Notice } from "../../errors/catalog.js";
import type { Document } from "../../model/document.js";
import type { Enrichment } from "../../model/enrichment.js";
import type { EntityDecision } from "../../model/entity-curation.js";
import type { Speaker } from "../../model/speaker.js";

/** What a worker needs to build its own ingest context (functions cannot cross threads). */
export interface WorkerSetup {
  registryPath: string | null;
  /** The archive's speakers, which workers read with instead of a registry file when given. */
  speakers?: Speaker[];
  /** Gazetteer for enrichment; enrichment is off when `enrich` is false. */
  enrich?: boolean;
  gazetteerPath?: string | null;
  /** Editors' decisions about found entities, which enrichment applies (src/enrich/curation.ts). */
  entityDecisions?: EntityDecision[];
  debateSpeakersPath: string | null;
  maxBytes: number;
}

export interface WorkRequest {
  seq: number;
  source: string;
  name: string;
  bytes: Uint8Array;
  url?: string;
  /** How provenance names the input (see RawInput.publicSource). */
  publicSource?: string;
}

export type WorkResult =
  | {
      seq: number;
      ok: true;
      documents: Document[];
      contentHash: string;
      enrichments?: Enrichment[];
      notices?: Omit<Notice, "source">[];
    }
  | { seq: number; ok: false; code: string; detail: Record<string, unknown> };
