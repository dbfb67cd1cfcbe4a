/**
 * Alignment over a stored archive: link new documents to their versions by evidence, align a
 * linked pair, and keep each pair's divergence summary so the archive can be ranked by it.
 */

import { setImmediate as nextTurn } from "node:timers/promises";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import { GAZETTEER_LANGUAGES } from "../enrich/gazetteer.js";
import { VerbatimError } from "../errors/catalog.js";
import { type BatchOptions, type IngestReport, ingestBatch, type Processor } from "../ingest/batch.js";
import type { IngestContext } from "../ingest/pipeline.js";
import type { SourceItem } from "../ingest/read/sources.js";
import type { Document } from "../model/document.js";
import type { StoreBackend } from "../store/store.js";
import { alignDocuments, type DocumentAlignment, type SideText, sideText } from "./align-documents.js";
import type { Anchors, EntityFinder } from "./anchors.js";
import { type DivergenceReport, divergence } from "./divergence.js";
import { decideKeyGroup } from "./key-check.js";
import { documentAnchors, evidence, LINK_THRESHOLD, MAX_DAYS_APART, shareKey } from "./link.js";
import { keyGroup } from "./stored-keys.js";
import { ALIGNMENT_VERSION } from "./version.js";

/** Entity ids as anchors, for a pair of languages the gazetteer covers both of; otherwise none. */
export function entityFinder(matcher: EntityMatcher | null, ...languages: string[]): EntityFinder | null {
  if (!matcher || !languages.every((l) => GAZETTEER_LANGUAGES.has(l))) return null;
  return (text) => matcher.find(text).map((m) => m.entityId);
}

export interface PairAlignment {
  a: Document;
  b: Document;
  alignment: DocumentAlignment;
  report: DivergenceReport;
  /** Paragraph positions and sentences of both sides, computed once and kept with the cached pair. */
  text: { a: SideText; b: SideText };
}

/** Aligns two stored documents (current versions); null if either is missing. Writes nothing. */
export async function alignPair(
  store: StoreBackend,
  idA: string,
  idB: string,
  matcher: EntityMatcher | null,
): Promise<PairAlignment | null> {
  const [sa, sb] = await Promise.all([store.get(idA), store.get(idB)]);
  if (!sa || !sb) return null;
  const a = sa.document;
  const b = sb.document;
  const entities = entityFinder(matcher, a.language, b.language);
  const alignment = alignDocuments(a, b, entities);
  return {
    a,
    b,
    alignment,
    report: divergence(a, b, alignment, entities),
    text: { a: sideText(a), b: sideText(b) },
  };
}

/** Recent alignments, by pair and the versions' content: the same few pairs come back page after page. */
const recent = new Map<string, PairAlignment>();
const RECENT_SIZE = 64;

/** alignPair with a small cache keyed by both documents' current version and content. */
export async function cachedAlignPair(
  store: StoreBackend,
  idA: string,
  idB: string,
  matcher: EntityMatcher | null,
): Promise<PairAlignment | null> {
  const [va, vb] = await Promise.all([store.versions(idA), store.versions(idB)]);
  const current = (v: typeof va) => v.find((x) => x.current);
  const ca = current(va);
  const cb = current(vb);
  if (!ca || !cb) return null;
  const key = `${idA}@${ca.version}:${ca.contentHash}:${ca.storedAt}|${idB}@${cb.version}:${cb.contentHash}:${cb.storedAt}|${matcher ? "e" : ""}`;
  let pair = recent.get(key);
  if (!pair) {
    const fresh = await alignPair(store, idA, idB, matcher);
    if (!fresh) return null;
    pair = fresh;
    if (recent.size >= RECENT_SIZE) recent.delete(recent.keys().next().value as string);
    recent.set(key, pair);
  }
  return pair;
}

/** A linked pair's alignment for readers (cached); refuses pairs that are not linked, so that nobody can make the server align arbitrary documents. */
export async function linkedAlignPair(
  store: StoreBackend,
  idA: string,
  idB: string,
  matcher: EntityMatcher | null,
): Promise<PairAlignment> {
  for (const id of [idA, idB])
    if (!(await store.get(id))) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
  if (!(await store.languageVersions(idA)).some((v) => v.id === idB))
    throw new VerbatimError("VERSIONS_NOT_LINKED", { a: idA, b: idB });
  const pair = await cachedAlignPair(store, idA, idB, matcher);
  if (!pair) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id: `${idA} or ${idB}` });
  return pair;
}

/** Aligns two stored documents and records their divergence summary (computed in id order, as stored); null if either is missing. */
export async function alignStored(
  store: StoreBackend,
  idA: string,
  idB: string,
  matcher: EntityMatcher | null,
): Promise<PairAlignment | null> {
  const [first, second] = idA < idB ? [idA, idB] : [idB, idA];
  const pair = await alignPair(store, first, second, matcher);
  if (!pair) return null;
  const { a, b, report } = pair;
  await store.putDivergence({
    a: a.id,
    b: b.id,
    version: ALIGNMENT_VERSION,
    score: report.score,
    onlyA: report.onlyA,
    onlyB: report.onlyB,
    lengthOutliers: report.lengthOutliers,
    numberMismatches: report.numberMismatches,
    entityMismatches: report.entityMismatches,
  });
  return pair;
}

export interface LinkOutcome {
  linked: { a: string; b: string; confidence: number }[];
  /** Keyed pairs linked, and keyed pairs left as conflicts for review. */
  keyed: number;
  conflicts: number;
  measured: number;
}

/**
 * For each document: a verdict on every pair its publisher keys make (align/key-check.ts: a key
 * link, or a conflict when the texts contradict the key or a language would get two versions),
 * then its best evidence match among other-language documents dated near it (when the match's
 * best is this document too), then the divergence of every version it now has.
 */
export async function linkAndMeasure(
  store: StoreBackend,
  ids: string[],
  matcher: EntityMatcher | null,
): Promise<LinkOutcome> {
  // Documents and anchors are kept only while one document's neighbourhood is examined: an
  // archive-wide cache would hold every new document in memory.
  let cache = new Map<string, { doc: Document | null; anchors: Map<string, Anchors> }>();
  const load = async (id: string) => {
    let entry = cache.get(id);
    if (!entry) {
      entry = { doc: (await store.get(id))?.document ?? null, anchors: new Map() };
      cache.set(id, entry);
    }
    return entry;
  };
  const anchors = (entry: { doc: Document | null; anchors: Map<string, Anchors> }, other: string) => {
    const doc = entry.doc as Document;
    const key = GAZETTEER_LANGUAGES.has(other) ? "entities" : "plain";
    let x = entry.anchors.get(key);
    if (!x) {
      x = documentAnchors(doc, entityFinder(matcher, doc.language, other));
      entry.anchors.set(key, x);
    }
    return x;
  };
  const versionLanguages = async (id: string) =>
    new Set((await store.languageVersions(id)).map((v) => v.language));
  const bestFor = async (id: string) => {
    // Most documents have no other-language document near their date: nothing to read.
    const candidates = await store.versionCandidates(id, MAX_DAYS_APART);
    if (candidates.length === 0) return null;
    const self = await load(id);
    if (!self.doc) return null;
    let best: { id: string; confidence: number; reasons: string[] } | null = null;
    // A document has one version per language: one it already has in a language settles that language.
    const has = await versionLanguages(id);
    for (const c of candidates) {
      if (has.has(c.language)) continue;
      const other = await load(c.id);
      if (!other.doc || shareKey(self.doc, other.doc)) continue;
      if ((await versionLanguages(c.id)).has(self.doc.language)) continue;
      const e = evidence(
        self.doc,
        other.doc,
        anchors(self, other.doc.language),
        anchors(other, self.doc.language),
      );
      if (e.confidence >= LINK_THRESHOLD && (!best || e.confidence > best.confidence))
        best = { id: c.id, ...e };
    }
    return best;
  };
  const settled = new Set<string>();
  let keyed = 0;
  let conflicts = 0;
  /** The documents that share keys with this one, directly or through another, decided together. */
  const settleKeys = async (id: string) => {
    if (settled.has(id)) return;
    const group = await keyGroup(store, id);
    for (const g of group) settled.add(g);
    if (group.length < 2) return;
    const docs: Document[] = [];
    for (const g of group) {
      const entry = await load(g);
      if (entry.doc) docs.push(entry.doc);
    }
    const entryOf = (doc: Document) =>
      cache.get(doc.id) as { doc: Document | null; anchors: Map<string, Anchors> };
    for (const verdict of decideKeyGroup(docs, (doc, other) => anchors(entryOf(doc), other), shareKey)) {
      await store.putVersionLink(verdict);
      if (verdict.method === "key") keyed++;
      else conflicts++;
    }
  };
  const linked: LinkOutcome["linked"] = [];
  for (const id of ids) {
    // Linking a large batch takes seconds: a server answering requests on this thread must get turns.
    await nextTurn();
    cache = new Map();
    await settleKeys(id);
    const best = await bestFor(id);
    if (!best || (await bestFor(best.id))?.id !== id) continue;
    await store.putVersionLink({
      a: id,
      b: best.id,
      method: "evidence",
      confidence: best.confidence,
      reasons: best.reasons,
    });
    linked.push({ a: id, b: best.id, confidence: best.confidence });
  }
  cache = new Map();
  let measured = 0;
  const done = new Set<string>();
  for (const id of ids) {
    for (const v of await store.languageVersions(id)) {
      const pair = id < v.id ? `${id} ${v.id}` : `${v.id} ${id}`;
      // A stored measurement is current: a new version of either document or a new aligner drops it.
      if (done.has(pair) || v.divergence !== null) continue;
      done.add(pair);
      await nextTurn();
      if (await alignStored(store, id, v.id, matcher)) measured++;
    }
  }
  return { linked, keyed, conflicts, measured };
}

/**
 * ingestBatch, then linking and measuring what it read: the one way inputs enter an archive (CLI
 * ingest and reextract, the API, the examples `serve` loads). Unchanged documents count too, so
 * that re-running a killed ingest finishes linking; pairs already measured are not aligned again.
 */
export async function ingestAndLink(
  sources: AsyncIterable<SourceItem>,
  store: StoreBackend,
  processing: IngestContext | Processor,
  matcher: EntityMatcher | null,
  options: BatchOptions = {},
): Promise<IngestReport> {
  const seen: string[] = [];
  const report = await ingestBatch(sources, store, processing, {
    ...options,
    onDocument: (doc, result) => {
      seen.push(doc.id);
      options.onDocument?.(doc, result);
    },
  });
  if (seen.length > 0) {
    const outcome = await linkAndMeasure(store, seen, matcher);
    report.versionsLinked = outcome.linked.length;
    report.versionConflicts = outcome.conflicts;
    report.pairsMeasured = outcome.measured;
  }
  return report;
}

/** Both documents exist and are in different languages, or a coded error says why not. */
export async function requireVersionPair(store: StoreBackend, a: string, b: string): Promise<void> {
  const languages: string[] = [];
  for (const id of [a, b]) {
    const stored = await store.get(id);
    if (!stored) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
    languages.push(stored.document.language);
  }
  if (languages[0] === languages[1])
    throw new VerbatimError("REQUEST_INVALID", { reason: "language versions are in different languages" });
}

/** Links two documents by hand (CLI and API) and measures the pair. */
export async function linkByHand(
  store: StoreBackend,
  a: string,
  b: string,
  matcher: EntityMatcher | null,
): Promise<PairAlignment | null> {
  await requireVersionPair(store, a, b);
  await store.putVersionLink({ a, b, method: "manual", confidence: 1, reasons: ["linked by hand"] });
  return alignStored(store, a, b, matcher);
}

/** Unlinks two documents by hand: neither keys nor evidence link them again. */
export async function unlinkByHand(store: StoreBackend, a: string, b: string): Promise<void> {
  await requireVersionPair(store, a, b);
  await store.putVersionLink({ a, b, method: "unlinked", confidence: 1, reasons: ["unlinked by hand"] });
}
