/**
 * Sidecars: files read beside the inputs that help read them (the UN General Debate speaker
 * table). Their bytes are kept in the archive like any input, and each input records which
 * sidecars it was read with, so that `reextract` needs nothing but the archive.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { contentHash } from "../ingest/pipeline.js";
import type { SourceItem } from "../ingest/read/sources.js";
import type { StoreBackend } from "../store/store.js";

/** Keeps a sidecar's bytes (unless raw inputs are not kept); returns `{role: hash}` for the inputs read with it. */
export async function keepSidecar(
  store: StoreBackend,
  file: string,
  role: string,
  keepRaw: boolean,
): Promise<Record<string, string>> {
  if (!keepRaw || !store.capabilities.rawInputs) return {};
  const bytes = new Uint8Array(await readFile(file));
  const hash = contentHash(bytes);
  await store.putBatch([{ raw: { hash, source: path.basename(file), bytes }, documents: [] }]);
  return { [role]: hash };
}

/** The inputs, each marked as read with these sidecars. */
export async function* withSidecars(
  items: AsyncIterable<SourceItem>,
  sidecars: Record<string, string>,
): AsyncGenerator<SourceItem> {
  const none = Object.keys(sidecars).length === 0;
  for await (const item of items)
    yield none || item.type !== "input" ? item : { ...item, input: { ...item.input, sidecars } };
}
