/**
 * The single catalog of error and warning codes. Every failure a user can see comes from
 * here, so the CLI, the batch report and (later) the HTTP API speak the same language.
 */

export type ErrorKind = "user" | "internal";

interface CatalogEntry {
  kind: ErrorKind;
  status: number;
  message: (detail: Record<string, unknown>) => string;
}

const entry = (kind: ErrorKind, status: number, message: CatalogEntry["message"]): CatalogEntry => ({
  kind,
  status,
  message,
});

export const ERRORS = {
  INPUT_EMPTY: entry("user", 422, () => "the file is empty"),
  INPUT_BINARY: entry("user", 415, () => "the file is binary, not a text or HTML page"),
  INPUT_TOO_LARGE: entry(
    "user",
    413,
    (d) => `the file is ${d.size} bytes, over the limit of ${d.limit} bytes (raise it with --max-bytes)`,
  ),
  INPUT_UNREADABLE: entry("user", 422, (d) => `the file cannot be read: ${d.reason}`),
  ENCODING_UNKNOWN: entry("user", 415, (d) => `unknown or unsupported character encoding "${d.encoding}"`),
  ENCODING_UNDETECTED: entry("user", 415, () => "the character encoding could not be detected"),
  FORMAT_UNSUPPORTED: entry("user", 415, (d) => `no reader for files like this (${d.reason})`),
  OUTPUT_FORMAT_UNKNOWN: entry(
    "user",
    400,
    (d) => `there is no ${d.what} format "${d.name}"; try ${d.known}`,
  ),
  FRONT_MATTER_INVALID: entry("user", 422, (d) => `the YAML front matter is invalid: ${d.reason}`),
  JSONL_INVALID: entry("user", 422, (d) => `line ${d.line} is not a valid Verbatim document: ${d.reason}`),
  JSONL_VERSION: entry(
    "user",
    422,
    (d) => `line ${d.line} has format version ${d.found}; this Verbatim reads version ${d.expected}`,
  ),
  NO_CONTENT: entry("user", 422, () => "no text was found after removing the page furniture"),
  ARCHIVE_INVALID: entry("user", 422, (d) => `the archive cannot be read: ${d.reason}`),
  PATH_NOT_FOUND: entry("user", 404, (d) => `nothing found at ${d.path}`),
  DOCUMENT_NOT_FOUND: entry("user", 404, (d) => `no document with id ${d.id}`),
  VERSIONS_NOT_LINKED: entry(
    "user",
    404,
    (d) =>
      `${d.a} and ${d.b} are not linked as language versions (link them with \`verbatim link\` or PUT /api/documents/{id}/languages/{other})`,
  ),
  REGISTRY_INVALID: entry("user", 422, (d) => `the speaker registry ${d.path} is invalid: ${d.reason}`),
  SPEAKER_TABLE_INVALID: entry("user", 422, (d) => `the speaker table ${d.path} cannot be read: ${d.reason}`),
  STORE_NOT_FOUND: entry("user", 404, (d) => `no archive at ${d.path}; create one with \`verbatim ingest\``),
  STORE_INVALID: entry("user", 422, (d) => `${d.path} is not a Verbatim archive: ${d.reason}`),
  COPY_TARGET_NOT_EMPTY: entry(
    "user",
    409,
    (d) => `the archive to copy into already holds ${d.documents} document versions; copy into a new archive`,
  ),
  STORE_UNAVAILABLE: entry("user", 503, (d) => `the archive at ${d.location} cannot be reached: ${d.reason}`),
  DB_SCHEME_UNSUPPORTED: entry(
    "user",
    400,
    (d) =>
      `cannot open an archive at ${d.location}: ${d.scheme}:// is not a kind of archive Verbatim knows; an archive is a SQLite file, named by a path (verbatim.db, archives/news.db, /srv/verbatim.db, C:\\archives\\news.db) or a file:// URL, or a PostgreSQL database, named by a postgres:// or postgresql:// URL`,
  ),
  STORE_SCHEMA_TOO_NEW: entry(
    "user",
    409,
    (d) => `the archive uses schema version ${d.found}, newer than this Verbatim knows (${d.known})`,
  ),
  QUERY_INVALID: entry("user", 400, (d) => `the query is wrong at character ${d.position}: ${d.reason}`),
  CURSOR_INVALID: entry("user", 400, () => "the page cursor is not one this search gave out"),
  NOT_FOUND: entry("user", 404, (d) => `nothing here: ${d.path}`),
  PORT_UNAVAILABLE: entry("user", 503, (d) => `cannot serve on ${d.address}: ${d.reason}`),
  REQUEST_INVALID: entry("user", 400, (d) => `the request is invalid: ${d.reason}`),
  UNAUTHORIZED: entry("user", 401, () => "this action needs the operator's token (Authorization: Bearer …)"),
  EDITOR_REQUIRED: entry(
    "user",
    401,
    () =>
      "corrections need an editor's token (Authorization: Bearer …, or signing in on the web); the operator issues them with `verbatim editor add`",
  ),
  CORRECTION_INVALID: entry("user", 400, (d) => `this correction cannot be made: ${d.reason}`),
  SETTING_INVALID: entry(
    "user",
    400,
    (d) => `${d.name}=${JSON.stringify(d.value)} is not a valid setting: ${d.reason}`,
  ),
  CORRECTION_NOT_FOUND: entry("user", 404, (d) => `no correction ${d.id} to undo`),
  EDITORS_FILE_INVALID: entry("user", 400, (d) => `the editors file ${d.path} cannot be read: ${d.reason}`),
  PAYLOAD_TOO_LARGE: entry("user", 413, (d) => `the request body is over the limit of ${d.limit} bytes`),
  RATE_LIMITED: entry("user", 429, () => "too many requests; wait a moment and try again"),
  SERVER_BUSY: entry(
    "user",
    503,
    () => "the server is answering as many searches as it can hold; try again in a moment",
  ),
  REQUEST_TIMEOUT: entry("user", 503, (d) => `the request took longer than the limit of ${d.seconds} s`),
  SPEAKER_NOT_FOUND: entry("user", 404, (d) => `no speaker with id ${d.id}`),
  ENTITY_NOT_FOUND: entry("user", 404, (d) => `no entity with id ${d.id}`),
  ENTITY_DECISION_INVALID: entry(
    "user",
    400,
    (d) => `this decision about ${d.id} cannot be made: ${d.reason}`,
  ),
  FETCH_URL_INVALID: entry("user", 400, (d) => `not an http(s) address: ${d.url}`),
  FETCH_DISALLOWED: entry("user", 403, (d) => `robots.txt of ${d.origin} does not allow fetching ${d.url}`),
  FETCH_TIMEOUT: entry("user", 504, (d) => `no complete answer from ${d.url} within ${d.seconds} s`),
  FETCH_NETWORK: entry("user", 502, (d) => `the connection to ${d.url} failed: ${d.reason}`),
  FETCH_HTTP_STATUS: entry("user", 502, (d) => `${d.url} answered HTTP ${d.status}`),
  FETCH_TOO_LARGE: entry(
    "user",
    413,
    (d) => `${d.url} sends more than the limit of ${d.limit} bytes (raise it with --max-bytes)`,
  ),
  FETCH_TOO_MANY_REDIRECTS: entry("user", 508, (d) => `${d.url} redirects more than ${d.limit} times`),
  FETCH_RATE_LIMITED: entry(
    "user",
    429,
    (d) => `${d.url} asks to wait ${d.seconds} s (Retry-After), longer than Verbatim waits`,
  ),
  FETCH_NOT_A_DOCUMENT: entry(
    "user",
    422,
    (d) => `${d.url} is not a record (${d.reason}); its links were followed, the page was not stored`,
  ),
  FETCH_LISTING_EMPTY: entry(
    "user",
    422,
    (d) => `the listing ${d.url} shows no record links: its markup may have changed`,
  ),
  ARCHIVED_COPY_MISSING: entry(
    "user",
    404,
    (d) => `no archived copy of ${d.id} (it was not fetched from the web)`,
  ),
  PUBLISHER_NOT_FOLLOWED: entry(
    "user",
    404,
    (d) => `no sources are known for publisher ${d.id} (followed: ${d.known})`,
  ),
  READER_FAILED: entry(
    "user",
    422,
    (d) => `reading this input stopped its worker (${d.reason}); the rest of the batch goes on`,
  ),
  INTERNAL: entry("internal", 500, (d) => `internal error: ${d.reason}`),
  STORE_CORRUPT: entry(
    "internal",
    500,
    (d) =>
      `the archive is damaged (${d.reason}); restore it from a backup (a SQLite archive may be saved with \`sqlite3 FILE .recover\`)`,
  ),
} as const satisfies Record<string, CatalogEntry>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * Non-fatal findings, each with a message template. On a document the code is listed in its
 * `warnings` and the document is stored; about an input (a link not followed, bytes replaced, a
 * conflict between versions) it is a notice in the ingest report, `{source, code, message}`.
 */
export const WARNINGS = {
  NO_TURNS_RECOGNISED: () => "no speaker labels were recognised; the body is kept as one turn",
  HTML_TRUNCATED: () => "the HTML ends before its closing tags; what was there is kept",
  DATELINE_MISSING: () => "no date was found on the page",
  RECORD_SKIPPED: (d) => `line ${d.line} is not a record (${d.reason}); the other records are read`,
  ENCODING_GUESSED: () => "the character encoding was guessed from the bytes",
  ENCODING_REPLACED: (d) =>
    `${d.bytes} ${d.bytes === 1 ? "byte that is" : "bytes that are"} not valid UTF-8 ${d.bytes === 1 ? "was" : "were"} replaced with U+FFFD; the rest is read as UTF-8`,
  SPEAKER_TABLE_MISSING: () => "no row in the speaker table for this speech",
  VERSION_CONFLICT: (d) =>
    `versions ${d.versions} of ${d.id} claim the same date with different content; content hashes order them (\`verbatim show ${d.id} --versions\` lists them)`,
  INPUT_NONE: (d) => `nothing to read in ${d.paths}: no files were found`,
  SIDECAR_SKIPPED: () => "not a document (sidecar file)",
  SPECIAL_FILE_SKIPPED: (d) => `not a regular file (${d.type}); skipped`,
  SYMLINK_OUTSIDE: (d) =>
    `a symbolic link to ${d.target}, outside ${d.root}; not followed (--follow-symlinks follows it)`,
  SYMLINK_BROKEN: (d) => `a symbolic link that cannot be followed (${d.reason}); skipped`,
  SYMLINK_REPEATED: (d) => `a symbolic link to ${d.target}, a folder already read; not read twice`,
  REEXTRACT_RAW_MISSING: (d) =>
    `the input ${d.ids} was read from is not kept in this archive (ingested with --no-raw, or imported from JSON Lines); the stored version stays`,
  REEXTRACT_NOT_STORED: (d) =>
    `this input now also reads as ${d.ids}, which the archive does not hold (deleted, or kept under another id); not stored again`,
  REEXTRACT_MISSING: (d) =>
    `this input no longer reads as ${d.ids}; the stored version stays (ingest the input again to replace it)`,
  ARCHIVE_MEMBER_SKIPPED: (d) =>
    `a ${d.type} member${d.target ? ` to ${d.target}` : ""}; only regular files are read from archives`,
} as const satisfies Record<string, (detail: Record<string, unknown>) => string>;

export type WarningCode = keyof typeof WARNINGS;

export function warningMessage(code: WarningCode, detail: Record<string, unknown> = {}): string {
  return WARNINGS[code](detail);
}

/**
 * A note about one input that is not a failure, as ingest and crawl reports list it: a warning,
 * or a catalog error for an input that was rightly left alone (a link robots.txt rules out).
 */
export interface Notice {
  source: string;
  code: WarningCode | ErrorCode;
  message: string;
}

export class VerbatimError extends Error {
  readonly code: ErrorCode;
  readonly kind: ErrorKind;
  readonly status: number;
  readonly detail: Record<string, unknown>;

  constructor(code: ErrorCode, detail: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    const def = ERRORS[code];
    super(def.message(detail), options);
    this.name = "VerbatimError";
    this.code = code;
    this.kind = def.kind;
    this.status = def.status;
    this.detail = detail;
  }
}

/** What a database says when its own files are damaged: SQLite's result codes and PostgreSQL's data_corrupted and index_corrupted. */
const DAMAGE_CODES = new Set([
  "SQLITE_CORRUPT",
  "SQLITE_CORRUPT_VTAB",
  "SQLITE_CORRUPT_INDEX",
  "XX001",
  "XX002",
]);

/** Turns anything thrown into a catalog error, so batch reports never carry raw exceptions. */

export function toVerbatimError(error: unknown): VerbatimError {
  if (error instanceof VerbatimError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && DAMAGE_CODES.has(code))
    return new VerbatimError("STORE_CORRUPT", { reason }, { cause: error });
  return new VerbatimError("INTERNAL", { reason }, { cause: error });
}
