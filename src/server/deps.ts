import type { EntityDecisionOutcome, EntityDecisionRequest } from "../archive/entity-curation.js";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import type { SpeakerRegistry } from "../ingest/speakers/registry.js";
import type { DocumentStore } from "../store/store.js";
import type { Editors } from "./editors.js";
import type { Logger } from "./log.js";

/** What the web app needs from the outside; tests pass an in-memory store. */
export interface AppDeps {
  store: DocumentStore;
  registry: SpeakerRegistry;
  /** Token that write endpoints require; null disables them (every write answers 401). */
  token: string | null;
  /** Editors, who may correct documents (server/editors.ts); none when absent. */
  editors?: Editors | null;
  maxBodyBytes: number;
  /** Requests per client per minute; 0 turns the limit off (benchmarks on loopback). */
  rateLimitPerMinute: number;
  /** Searches and exports per client per minute, on top of that; 0 or absent: no budget of their own. */
  searchRateLimitPerMinute?: number;
  /** Searches and exports running at once (default 8; 0: no bound), and waiting beyond them (default 256). */
  maxConcurrentSearches?: number;
  maxQueuedSearches?: number;
  /** Longest a request may take before it is answered REQUEST_TIMEOUT (default 30 s; 0: no limit). */
  requestTimeoutMs?: number;
  /** Public base URL for permalinks and feeds, e.g. "http://localhost:8080". */
  baseUrl: string | null;
  /** Entity recognition, for entity anchors when aligning language versions; optional. */
  matcher?: EntityMatcher | null;
  /** Where the WARC files of fetched pages are, for archived copies; null when none are kept. */
  warcDir?: string | null;
  /**
   * Makes an editor's decision about a found entity and enriches again the documents naming it
   * (archive/entity-curation.ts); absent where the server has no archive to enrich (tests of pages).
   */
  curate?: (request: EntityDecisionRequest, author: string, reason: string) => Promise<EntityDecisionOutcome>;
  /** Where unexpected errors are logged, with the request's id; default: standard error at "info". */
  logger?: Logger;
}
