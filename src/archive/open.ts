/**
 * One way to open an archive, for every command and the server: the store at a location (a path
 * or a URL; store/open.ts says which kinds exist) with search over it (search/engine/with-search.ts:
 * the backend holds no search engine), the work its migrations left for align (the
 * store keeps keys and verdicts but does not decide them), the archive's speakers (seeded from a
 * registry file when asked), and the gazetteer and entity matcher over them, each built once and
 * only when first needed. The options mean the same in every command (cli/archive-flags.ts).
 */
import { ALIGNMENT_VERSION } from "../align/version.js";
import type { EntityCuration } from "../enrich/curation.js";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import type { Gazetteer } from "../enrich/gazetteer.js";
import type { SpeakerRegistry } from "../ingest/speakers/registry.js";
import { withSearch } from "../search/engine/with-search.js";
import { openStore, parseLocation } from "../store/open.js";
import type { DocumentStore } from "../store/store.js";
import { finishPendingWork } from "./pending-work.js";

export interface ArchiveOptions {
  /**
   * Make the archive (and its folder) when there is none. Only commands that add documents do: a
   * mistyped path given to a reading command is an error, not a new empty archive.
   */
  create?: boolean;
  /**
   * Seed the archive's speakers from the registry file on opening (archive/speakers.ts). Commands
   * that read pages or serve do; commands that only read the archive use its speakers as they are.
   */
  seedSpeakers?: boolean;
  /** The registry file that seeds the archive's speakers (--speakers); the bundled one otherwise. */
  speakers?: string;
  /** The gazetteer file (--gazetteer); the bundled data/gazetteer.yaml otherwise. */
  gazetteer?: string;
  /** PostgreSQL: streaming replicas that take reads (--replica). */
  replicas?: string[];
}

export interface Archive {
  /** The location as given (--db, VERBATIM_DB or the default). */
  readonly location: string;
  /** The file the archive is kept in: WARC files of fetched pages go beside it. */
  readonly path: string;
  readonly store: DocumentStore;
  readonly options: Readonly<ArchiveOptions>;
  /** The archive's speakers: the registry every reading uses. */
  registry(): Promise<SpeakerRegistry>;
  /** The gazetteer: the gazetteer file and the archive's speakers. */
  gazetteer(): Promise<Gazetteer>;
  /** Entity recognition over the gazetteer, for enrichment and for aligning versions. */
  matcher(): Promise<EntityMatcher>;
  /** Makes the gazetteer's entities the list stored mentions refer to: done before enriching with it. */
  putEntities(): Promise<void>;
  /**
   * Reads the archive's speakers and entity decisions again and rebuilds the gazetteer and matcher over them when next
   * asked: a long-running server's background runs pick up speakers edited by hand meanwhile.
   */
  reloadSpeakers(): void;
  /** Editors' decisions about found entities, which the matcher applies. */
  curation(): Promise<EntityCuration>;
  /** Reads the decisions again and rebuilds gazetteer and matcher over them when next asked. */
  reloadEntities(): void;
  close(): Promise<void>;
}

/** Builds a value on first use and keeps it until dropped. */
function once<T>(build: () => Promise<T>): (() => Promise<T>) & { drop(): void } {
  let value: Promise<T> | null = null;
  const get = () => {
    value ??= build();
    return value;
  };
  return Object.assign(get, {
    drop: () => {
      value = null;
    },
  });
}

export async function openArchive(location: string, options: ArchiveOptions = {}): Promise<Archive> {
  const { path } = parseLocation(location);
  // Speakers, gazetteer and matcher load their modules on demand: `verbatim show` needs none of them.
  const speakers = once(() => import("./speakers.js"));
  // A registry file that does not load is refused before the archive is touched.
  const seed = options.seedSpeakers ? (await speakers()).loadRegistryFile(options.speakers) : null;
  // The backend, and search over its text index (the store holds no search engine).
  const store = withSearch(
    await openStore(location, {
      create: options.create ?? false,
      alignmentVersion: ALIGNMENT_VERSION,
      replicas: options.replicas ?? [],
    }),
  );
  try {
    await finishPendingWork(store);
    if (seed) await (await speakers()).seedArchiveSpeakers(store, seed);
  } catch (error) {
    await store.close();
    throw error;
  }
  const registry = once(async () => (await speakers()).archiveRegistry(store));
  const curation = once(async () => {
    const { EntityCuration } = await import("../enrich/curation.js");
    return new EntityCuration((await store.entityDecisions()).map((d) => d.decision));
  });
  const gazetteer = once(async () => {
    const { Gazetteer } = await import("../enrich/gazetteer.js");
    return Gazetteer.load(await registry(), options.gazetteer, (await curation()).promoted);
  });
  const matcher = once(async () => {
    const { EntityMatcher } = await import("../enrich/entity-matcher.js");
    return new EntityMatcher(await gazetteer(), await curation());
  });
  return {
    location,
    path,
    store,
    options: { ...options },
    registry,
    gazetteer,
    matcher,
    putEntities: async () => store.putEntities((await gazetteer()).entities),
    curation,
    reloadSpeakers: () => {
      registry.drop();
      curation.drop();
      gazetteer.drop();
      matcher.drop();
    },
    reloadEntities: () => {
      curation.drop();
      gazetteer.drop();
      matcher.drop();
    },
    close: () => store.close(),
  };
}
