/**
 * One home for speakers: the archive. A registry file (the bundled data/speakers.yaml unless
 * --speakers names another) seeds it: speakers the archive lacks are added, speakers never
 * edited follow the file, and speakers edited by hand (PUT /api/speakers) are left as they are.
 * Every command then reads with the archive's speakers, so an edit is never lost to a restart.
 */
import { SpeakerRegistry } from "../ingest/speakers/registry.js";
import type { StoreBackend } from "../store/store.js";

/** Reads a registry file; a file that does not load is REGISTRY_INVALID, before anything is written. */
export function loadRegistryFile(file: string | undefined): SpeakerRegistry {
  return file ? SpeakerRegistry.load(file) : SpeakerRegistry.load();
}

/** Seeds the archive's speakers from a registry file (see above). */
export async function seedArchiveSpeakers(store: StoreBackend, seed: SpeakerRegistry): Promise<void> {
  await store.seedSpeakers(seed.speakers);
}

/** The archive's speakers as the registry everything reads with: in the seed's order, hand-added ones last. */
export async function archiveRegistry(store: StoreBackend): Promise<SpeakerRegistry> {
  return new SpeakerRegistry(await store.listSpeakers());
}
