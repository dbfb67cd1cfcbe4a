/**
 * One home for speakers: the archive. A registry file (the bundled data/speakers.yaml unless
 * --speakers names another) seeds it: speakers the archive lacks are added, speakers never
 * edited follow the file, and speakers edited by hand (PUT /api/speakers) are left as they are.
 * Every command then reads with the archive's speakers, so an edit is never lost to a restart.
 */
import { SpeakerRegistry } from "../ingest/speakers/registry.js";
import type { DocumentStore } from "../store/store.js";

export async function archiveRegistry(store: DocumentStore, file?: string): Promise<SpeakerRegistry> {
  const seed = file ? SpeakerRegistry.load(file) : SpeakerRegistry.load();
  await store.seedSpeakers(seed.speakers);
  return new SpeakerRegistry(await store.listSpeakers());
}
