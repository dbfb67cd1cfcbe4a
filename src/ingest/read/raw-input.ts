/** The bytes of one input exactly as found, before any decoding; kept so extraction can be re-run. */
export interface RawInput {
  /** Human-readable origin: a file path, or `archive.tar.gz#member/path`. */
  source: string;
  /** File name relative to the folder or archive it came from; used for format hints and stable ids. */
  name: string;
  bytes: Uint8Array;
  /** The address the bytes were fetched from, for pages fetched from the web. */
  url?: string;
}

/** A failure to read an input at all (before extraction), reported against its source. */
export interface ReadFailure {
  source: string;
  error: unknown;
}

export type ReadItem = { ok: true; input: RawInput } | { ok: false; failure: ReadFailure };
