/**
 * The SQLite schema, as explicit numbered migrations. PRAGMA user_version records how far an
 * archive has been migrated; an archive newer than this code is refused, never rewritten.
 */
import type Database from "better-sqlite3";
import type { Document } from "../../model/document.js";
import { publicSource } from "../../model/public-source.js";
import { documentFingerprint } from "../fingerprint.js";
import type { PendingWork } from "../store.js";
import { CATALOG_CHANGES_TABLE } from "./catalog-changes.js";
import { ENTITY_DECISIONS_TABLE } from "./entity-decisions.js";
import { ROW_COUNTS, TURNS_COUNTED_BY_WRITER } from "./row-counts.js";
import { documentsAndInputsByRowid, keepByRowid } from "./rowid-tables.js";
import { searchIndexWriter } from "./search-index.js";
import {
  addTermStems,
  compactTermCounts,
  fillTermCounts,
  fillTurnTerms,
  TERM_COUNTS_TABLE_BEFORE_28,
} from "./term-counts.js";
import { ENTITY_NAMES_ADDED_WHEN_MENTIONED, ENTITY_NAMES_VERSION } from "./turn-catalog.js";

/** A migration is SQL, or a function for steps SQL cannot do (stemming text in JavaScript). */
export type Migration = string | ((db: Database.Database) => void);

export const MIGRATIONS: readonly Migration[] = [
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
  // 2: full-text search over turns and titles. FTS5 tokenizes and folds (src/model/index-text.ts explains
  // the split of work); stemming is done at query time against the index's vocabulary (turn_vocab).
  // The tables are contentless: display text comes from turns.text and doc_index.title.
  `
  CREATE TABLE doc_index (
    n         INTEGER PRIMARY KEY,
    id        TEXT NOT NULL UNIQUE,
    publisher TEXT NOT NULL,
    language  TEXT NOT NULL,
    kind      TEXT NOT NULL,
    date      TEXT,
    title     TEXT NOT NULL
  );
  ALTER TABLE turns ADD COLUMN doc_n INTEGER;
  CREATE VIRTUAL TABLE turn_fts USING fts5(
    text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE turn_vocab USING fts5vocab(turn_fts, row);
  CREATE VIRTUAL TABLE doc_fts USING fts5(
    title, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE doc_vocab USING fts5vocab(doc_fts, row);
  `,
  // 3: filled the search tables; superseded by 5, which fills them with the columns 4 adds.
  () => {},
  // 4: what links language versions of one document: the publisher's URL and reference.
  `
  ALTER TABLE doc_index ADD COLUMN source_url TEXT;
  ALTER TABLE doc_index ADD COLUMN publisher_ref TEXT;
  CREATE INDEX doc_index_source_url ON doc_index (source_url) WHERE source_url IS NOT NULL;
  CREATE INDEX doc_index_publisher_ref ON doc_index (publisher, publisher_ref) WHERE publisher_ref IS NOT NULL;
  `,
  // 5: (re)fill the search tables from the stored documents.
  (db) => reindexAll(db),
  // 6: enrichment: entities mentioned (title mentions have turn_idx -1), time expressions, turn
  // languages, the gazetteer the mentions refer to, and which enrichment version each document has.
  `
  CREATE TABLE mentions (
    doc_n      INTEGER NOT NULL,
    turn_idx   INTEGER NOT NULL,
    turn_rowid INTEGER,
    entity     TEXT    NOT NULL,
    type       TEXT    NOT NULL,
    paragraph  INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL
  );
  CREATE INDEX mentions_entity ON mentions (entity);
  CREATE INDEX mentions_doc ON mentions (doc_n);
  CREATE TABLE time_expressions (
    doc_n     INTEGER NOT NULL,
    turn_idx  INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    value     TEXT    NOT NULL
  );
  CREATE INDEX time_expressions_doc ON time_expressions (doc_n);
  ALTER TABLE turns ADD COLUMN language TEXT;
  CREATE TABLE entities (
    id    TEXT PRIMARY KEY,
    type  TEXT NOT NULL,
    name  TEXT NOT NULL,
    forms TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE enrichment_state (
    doc_id  TEXT PRIMARY KEY,
    version INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  // 7: language versions: the key a document shares with its versions, links by evidence or by
  // hand (method 'unlinked' records an unlinking by hand), and divergence summaries of linked pairs.
  // Which keys a stored document has is align's rule: the archive opener fills them in.
  (db) => {
    db.exec(`
    CREATE TABLE version_keys (
      doc_id TEXT NOT NULL,
      key    TEXT NOT NULL,
      PRIMARY KEY (doc_id, key)
    ) WITHOUT ROWID;
    CREATE INDEX version_keys_key ON version_keys (key);
    CREATE TABLE version_links (
      a          TEXT NOT NULL,
      b          TEXT NOT NULL,
      method     TEXT NOT NULL,
      confidence REAL NOT NULL,
      reasons    TEXT NOT NULL,
      PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX version_links_b ON version_links (b);
    CREATE TABLE divergence (
      a                 TEXT NOT NULL,
      b                 TEXT NOT NULL,
      version           INTEGER NOT NULL,
      score             REAL NOT NULL,
      only_a            INTEGER NOT NULL,
      only_b            INTEGER NOT NULL,
      length_outliers   INTEGER NOT NULL,
      number_mismatches INTEGER NOT NULL,
      entity_mismatches INTEGER NOT NULL,
      PRIMARY KEY (a, b)
    ) WITHOUT ROWID;
    CREATE INDEX divergence_score ON divergence (score DESC);
    CREATE INDEX doc_index_date ON doc_index (date);
    `);
    leaveWork(db, "version-keys");
  },
  // 8: following the web: pages and their validators and schedule, every response's place in the
  // WARC files, withdrawals, resumable crawl queues. Versions now differ only when what the record
  // says differs, not its bytes (a view counter is no edit): fingerprints are computed anew.
  (db) => {
    db.exec(`
    CREATE TABLE pages (
      url           TEXT PRIMARY KEY,
      publisher     TEXT,
      role          TEXT NOT NULL,
      state         TEXT NOT NULL,
      etag          TEXT,
      last_modified TEXT,
      content_hash  TEXT,
      doc_ids       TEXT NOT NULL,
      first_seen    TEXT NOT NULL,
      last_fetched  TEXT,
      last_changed  TEXT,
      published     TEXT,
      next_visit    TEXT,
      failures      INTEGER NOT NULL DEFAULT 0,
      last_error    TEXT
    ) WITHOUT ROWID;
    CREATE INDEX pages_next_visit ON pages (next_visit) WHERE next_visit IS NOT NULL;
    CREATE TABLE captures (
      n            INTEGER PRIMARY KEY,
      url          TEXT NOT NULL,
      fetched_at   TEXT NOT NULL,
      status       INTEGER NOT NULL,
      content_hash TEXT,
      warc_file    TEXT NOT NULL,
      warc_offset  INTEGER NOT NULL,
      warc_length  INTEGER NOT NULL
    );
    CREATE INDEX captures_url ON captures (url, fetched_at);
    CREATE TABLE withdrawals (
      doc_id TEXT PRIMARY KEY,
      url    TEXT NOT NULL,
      status INTEGER NOT NULL,
      at     TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE crawl_runs (
      key      TEXT PRIMARY KEY,
      started  TEXT NOT NULL,
      finished TEXT
    ) WITHOUT ROWID;
    CREATE TABLE crawl_queue (
      key   TEXT NOT NULL,
      url   TEXT NOT NULL,
      depth INTEGER NOT NULL,
      seq   INTEGER NOT NULL,
      done  INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (key, url)
    ) WITHOUT ROWID;
    CREATE INDEX crawl_queue_next ON crawl_queue (key, done, seq);
    CREATE INDEX documents_stored ON documents (stored_at) WHERE version > 1;
    `);
    refingerprint(db);
  },
  // 9: language versions are looked for by publisher, language and date (store/sqlite/version-links.ts).
  "CREATE INDEX doc_index_publisher_language_date ON doc_index (publisher, language, date);",
  // 10: a key alone no longer links: every keyed pair gets the linker's verdict, a key link or a
  // conflict to review (align/key-check.ts), given by the archive opener.
  (db) => leaveWork(db, "settle-version-keys"),
  // 11: re-extraction as a function of what is stored: how each kept input was read (the name
  // readers saw, its URL, the sidecars read with it), and which speakers were edited by hand (a
  // registry file seeds the others, in the file's order, which breaks ties between namesakes).
  // Sources stored as server paths become public names.
  (db) => {
    db.exec(`
    CREATE TABLE input_readings (
      hash     TEXT NOT NULL,
      source   TEXT NOT NULL,
      name     TEXT NOT NULL,
      url      TEXT,
      sidecars TEXT NOT NULL,
      PRIMARY KEY (hash, source)
    ) WITHOUT ROWID;
    ALTER TABLE speakers ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE speakers ADD COLUMN seq INTEGER;
    `);
    publishSources(db);
  },
  // 12: other names documents give their speakers (a transliterated name's original), for speaker:.
  `CREATE TABLE speaker_aliases (
    doc_id     TEXT NOT NULL,
    speaker_id TEXT NOT NULL,
    alias      TEXT NOT NULL
  );
  CREATE INDEX speaker_aliases_doc ON speaker_aliases (doc_id);`,
  // 13: each version keeps the keys it was stored with (given by the caller, decided by align), so
  // that whichever version becomes current brings its own; the opener keys versions stored before.
  (db) => {
    db.exec("ALTER TABLE documents ADD COLUMN keys TEXT;");
    leaveWork(db, "version-keys");
  },
  // 14: editors' corrections, in the order they were made, and the record they give each corrected
  // document's current version (model/corrections.ts), kept beside the extracted one.
  `CREATE TABLE IF NOT EXISTS corrections (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id    TEXT NOT NULL,
    at        TEXT NOT NULL,
    author    TEXT NOT NULL,
    reason    TEXT NOT NULL,
    op        TEXT NOT NULL,
    anchors   TEXT NOT NULL,
    undone_by TEXT,
    undone_at TEXT
  );
  CREATE INDEX IF NOT EXISTS corrections_doc ON corrections (doc_id);
  CREATE TABLE IF NOT EXISTS corrected (
    doc_id  TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    body    TEXT NOT NULL,
    applied TEXT NOT NULL,
    stale   TEXT NOT NULL
  );`,
  // 15: documents whose turns corrections split or merge: the splits and merges as applied (model/
  // turn-reshape.ts), and what enrichment found in the extracted turns. The index holds the
  // enrichment moved onto the corrected turns; this copy is moved again when the corrections
  // change, and put back when none splits or merges any more.
  `CREATE TABLE IF NOT EXISTS reshaped (
    doc_id     TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    reshapes   TEXT NOT NULL,
    enrichment TEXT
  );`,
  // 16: each term's turns with its count and their lengths (term-counts.ts), so that a word's BM25
  // is computed from one read per block of turns instead of by FTS5 row by row; filled from the
  // turns already indexed.
  (db) => {
    db.exec(TERM_COUNTS_TABLE_BEFORE_28);
    fillTermCounts(db);
  },
  // 17: which documents each transaction changed (catalog-changes.ts), so the search catalog is
  // brought up to date from their rows instead of read whole after every write.
  CATALOG_CHANGES_TABLE,
  // 18: editors' decisions about entities found in documents (entity-decisions.ts).
  ENTITY_DECISIONS_TABLE,
  // 19: the terms the turns hold, with how many turns hold each (term-counts.ts): query words
  // expand against it instead of FTS5's vocabulary table, which reads every doclist it lists.
  fillTurnTerms,
  // 20: one row per term in every block no turn will be added to (term-counts.ts): each
  // transaction had appended a part per term, and a search reads them one by one.
  compactTermCounts,
  // 21: a count of changes to the entities (turn-catalog.ts), so the search catalog reads their
  // names again only when one was added, renamed or removed, not after every write.
  ENTITY_NAMES_VERSION,
  // 22: the archive's counts kept by triggers (row-counts.ts), so reading them is not a scan.
  ROW_COUNTS,
  // 23: each term's stems beside it in the term list (term-counts.ts), so query words expand by an
  // index lookup instead of stemming every term that shares their first letters.
  addTermStems,
  // 24: the newest documents (the home page, /api/documents) read in order from an index: SQLite
  // puts NULL last in a descending order, so undated documents come last without a sort of them all.
  "CREATE INDEX IF NOT EXISTS doc_index_recent ON doc_index (date DESC, id);",
  // 25: turns counted by their writer, a document at a time, not by a trigger per turn (row-counts.ts).
  TURNS_COUNTED_BY_WRITER,
  // 26: a new entity no longer has every server process read every entity's name (turn-catalog.ts).
  ENTITY_NAMES_ADDED_WHEN_MENTIONED,
  // 27: English stems by Porter2 instead of Porter's first stemmer (model/term-stems.ts), which
  // gave general, generate and generous one stem: every term's stems computed again.
  addTermStems,
  // 28: term counts' rows by rowid, their keys in an index of their own (rowid-tables.ts): in the
  // table's own key order each blob sat beside the keys, and a lookup read through them.
  (db) => keepByRowid(db, "term_counts"),
  // 29: stored versions and raw inputs by rowid, their keys in an index of their own
  // (rowid-tables.ts): a lookup by document id or input hash read through whole documents.
  documentsAndInputsByRowid,
];

/**
 * Records work a migration needs code outside the store for (align's rules): the archive opener
 * (src/archive/open.ts) does it on opening and marks it done. An archive with no documents has none.
 */
function leaveWork(db: Database.Database, work: PendingWork): void {
  db.exec("CREATE TABLE IF NOT EXISTS pending_work (name TEXT PRIMARY KEY) WITHOUT ROWID;");
  db.prepare("INSERT OR IGNORE INTO pending_work (name) SELECT ? WHERE EXISTS (SELECT 1 FROM documents)").run(
    work,
  );
}

/**
 * Replaces server paths in stored provenance with public names (model/public-source.ts). The
 * fingerprint leaves the source out, so no version changes identity.
 */
function publishSources(db: Database.Database): void {
  db.function("public_source", { deterministic: true }, (s: unknown) => publicSource(String(s)));
  db.exec(`
    UPDATE documents SET body = json_set(body, '$.provenance.source', public_source(body ->> '$.provenance.source'))
    WHERE body ->> '$.provenance.source' != public_source(body ->> '$.provenance.source');
    UPDATE raw_inputs SET source = public_source(source) WHERE source != public_source(source);
  `);
}

/** Recomputes every stored version's fingerprint with the current rule (see store/fingerprint.ts). */
function refingerprint(db: Database.Database): void {
  const rows = db.prepare<[], { id: string; version: number; body: string }>(
    "SELECT id, version, body FROM documents",
  );
  const update = db.prepare("UPDATE documents SET fingerprint = ? WHERE id = ? AND version = ?");
  for (const row of rows.all())
    update.run(documentFingerprint(JSON.parse(row.body) as Document), row.id, row.version);
}

/**
 * Fills the search tables from the stored current documents; used by the migration that adds
 * them (migration 5); run again by any future migration that changes how text is indexed.
 */
export function reindexAll(db: Database.Database): void {
  db.exec("DELETE FROM turn_fts; DELETE FROM doc_fts; DELETE FROM doc_index;");
  const page = db.prepare<[string], { id: string; body: string }>(
    "SELECT id, body FROM documents WHERE current = 1 AND id > ? ORDER BY id LIMIT 500",
  );
  const index = searchIndexWriter(db);
  let after = "";
  for (;;) {
    const rows = page.all(after);
    if (rows.length === 0) break;
    for (const row of rows) index.put(JSON.parse(row.body) as Document);
    after = rows[rows.length - 1]?.id ?? after;
  }
  // Documents are numbered afresh: a number the catalog holds may now be another document's, or none.
  index.touchEverything();
  index.flush();
}

export const SCHEMA_VERSION = MIGRATIONS.length;
