/**
 * The SQLite schema, as explicit numbered migrations. PRAGMA user_version records how far an
 * archive has been migrated; an archive newer than this code is refused, never rewritten.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: documents with versions, current turns, raw inputs, speakers
  `
  CREATE TABLE documents (
    id           TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    current      INTEGER NOT NULL DEFAULT 1,
    fingerprint  TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    publisher    TEXT    NOT NULL,
    language     TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    date         TEXT,
    title        TEXT    NOT NULL,
    stored_at    TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    PRIMARY KEY (id, version)
  ) WITHOUT ROWID;
  CREATE INDEX documents_current ON documents (current, id);
  CREATE INDEX documents_publisher_date ON documents (publisher, date) WHERE current = 1;

  CREATE TABLE turns (
    doc_id       TEXT    NOT NULL,
    idx          INTEGER NOT NULL,
    speaker_id   TEXT,
    speaker_name TEXT,
    label        TEXT,
    kind         TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    PRIMARY KEY (doc_id, idx)
  );
  CREATE INDEX turns_speaker ON turns (speaker_id);

  CREATE TABLE raw_inputs (
    hash        TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    byte_length INTEGER NOT NULL,
    bytes       BLOB NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE speakers (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    body TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;
