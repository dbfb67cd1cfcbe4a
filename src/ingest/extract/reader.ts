import type { SpeakerRegistry } from "../speakers/registry.js";

/** A row of the UN General Debate speaker table (Speakers_by_session.xlsx). */
export interface DebateSpeaker {
  name: string;
  post: string | null;
  country: string | null;
}

/** Looks up who spoke for a country (ISO 3166-1 alpha-3) in a General Debate session. */
export type DebateSpeakerLookup = (iso3: string, session: number) => DebateSpeaker | null;

export interface ReaderContext {
  /** File name relative to its folder or archive, e.g. "2021-08/2021-08-06-press-briefing.md". */
  name: string;
  /** The address a fetched page came from: it names the document, whatever the page claims. */
  url?: string | null;
  registry: SpeakerRegistry;
  debateSpeakers: DebateSpeakerLookup | null;
}
