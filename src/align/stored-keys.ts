/**
 * Keys over a stored archive: the documents that share keys with one (a key group), and the two
 * steps migrations leave to align because the store keeps keys and verdicts without deciding them
 * (store.ts PendingWork): giving every stored version its keys, and giving every key group of an
 * archive made before keys were checked its verdicts. The archive opener runs them once.
 */
import type { Document } from "../model/document.js";
import type { StoreBackend, VersionKeys } from "../store/store.js";
import { decideKeyGroup, MAX_KEY_GROUP } from "./key-check.js";
import { documentAnchors, shareKey, versionKeys } from "./link.js";

/** A document and those sharing keys with it, directly or through one another, up to a group too large to mean anything. */
export async function keyGroup(store: StoreBackend, id: string): Promise<string[]> {
  const group = [id];
  for (let i = 0; i < group.length && group.length <= MAX_KEY_GROUP; i++)
    for (const p of await store.keyPartners(group[i] as string)) if (!group.includes(p)) group.push(p);
  return group;
}

/** Versions keyed per transaction. */
const CHUNK = 500;

/** Gives every stored version, current or not, the keys align's rule gives it (PendingWork "version-keys"). */
export async function keyStoredVersions(store: StoreBackend): Promise<void> {
  let chunk: VersionKeys[] = [];
  const flush = async () => {
    if (chunk.length) await store.putVersionKeys(chunk);
    chunk = [];
  };
  for await (const current of store.list()) {
    for (const v of await store.versions(current.id)) {
      const doc = v.current ? current : (await store.get(current.id, v.version))?.document;
      if (doc) chunk.push({ id: doc.id, version: v.version, keys: versionKeys(doc) });
    }
    if (chunk.length >= CHUNK) await flush();
  }
  await flush();
}

/**
 * Gives every key group of an archive made before keys were checked its verdicts (PendingWork
 * "settle-version-keys", left by migration 10), by the rule the linker applies (key-check.ts), with
 * numbers and names as evidence: the gazetteer's entities join when the archive is linked again
 * with `verbatim link --auto`. Decisions made by hand are kept (the store never lets a verdict
 * replace them).
 */
export async function settleStoredKeys(store: StoreBackend): Promise<void> {
  const settled = new Set<string>();
  for await (const doc of store.list()) {
    if (settled.has(doc.id)) continue;
    const group = await keyGroup(store, doc.id);
    for (const g of group) settled.add(g);
    if (group.length < 2) continue;
    const docs: Document[] = [];
    for (const g of group) {
      const stored = g === doc.id ? doc : (await store.get(g))?.document;
      if (stored) docs.push(stored);
    }
    const anchors = new Map(docs.map((d) => [d.id, documentAnchors(d, null)]));
    for (const verdict of decideKeyGroup(
      docs,
      (d) => anchors.get(d.id) as ReturnType<typeof documentAnchors>,
      shareKey,
    ))
      await store.putVersionLink(verdict);
  }
}
