/** The bytes of one input exactly as found, before any decoding; kept so extraction can be re-run. */
export interface RawInput {
  /** Human-readable origin: a file path, or `archive.tar.gz#member/path`. */
  source: string;
  /** File name relative to the folder or archive it came from; used for format hints and stable ids. */
  name: string;
  bytes: Uint8Array;
  /** The address the bytes were fetched from, for pages fetched from the web. */
  url?: string;
  /**
   * How provenance names the input (model/public-source.ts): a file relative to what was
   * ingested, never the server's path. `source` when absent (URLs, API names).
   */
  publicSource?: string;
  /** Sidecars read with the input, by role: hashes of raw inputs kept in the archive. */
  sidecars?: Record<string, string>;
}

/** A failure to read an input at all (before extraction), reported against its source. */
export interface ReadFailure {
  source: string;
  error: unknown;
}

export type ReadItem = { ok: true; input: RawInput } | { ok: false; failure: ReadFailure };
