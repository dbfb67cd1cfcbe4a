/**
 * The PostgreSQL schema, as explicit numbered migrations recorded in `verbatim_meta`. A
 * PostgreSQL archive starts at the shape the SQLite archive reached after its own migrations;
 * the two evolve side by side from here. Migrations run under an advisory lock, so several
 * processes opening one database at once migrate it once.
 */
import { termStems } from "../../model/term-stems.js";
import { CATALOG_CHANGES_SCHEMA } from "./catalog-changes.js";
import type { Queryable } from "./db.js";
import { rows } from "./db.js";
import { PG_ENTITY_DECISIONS_SCHEMA } from "./entity-decisions.js";
import { indexText } from "./indexed-text.js";
import { applyPostings, PostingsDelta } from "./postings.js";

/** A migration: SQL, or work that needs more than SQL (run inside the migration's transaction). */
type Migration = string | ((db: Queryable) => Promise<void>);

/** Turns read per round while filling the postings of an archive stored before them. */
const BACKFILL_TURNS = 2000;

/** Each term's stems beside it, computed for every term (again, after the stemmer changed). */
async function stemVocabulary(db: Queryable): Promise<void> {
  await db.query(
    `ALTER TABLE vocab ADD COLUMN IF NOT EXISTS stem TEXT COLLATE "C", ADD COLUMN IF NOT EXISTS stem_alt TEXT COLLATE "C"`,
  );
  for (let after = ""; ; ) {
    const terms = (
      await rows<{ term: string }>(db, "SELECT term FROM vocab WHERE term > $1 ORDER BY term LIMIT 10000", [
        after,
      ])
    ).map((r) => r.term);
    if (terms.length === 0) break;
    const stems = terms.map(termStems);
    await db.query(
      `UPDATE vocab SET stem = s.stem, stem_alt = s.alt
       FROM unnest($1::text[], $2::text[], $3::text[]) AS s(term, stem, alt) WHERE vocab.term = s.term`,
      [terms, stems.map((s) => s.main), stems.map((s) => s.alternate)],
    );
    after = terms[terms.length - 1] as string;
  }
  await db.query("CREATE INDEX IF NOT EXISTS vocab_stem ON vocab (stem, term)");
  await db.query("CREATE INDEX IF NOT EXISTS vocab_stem_alt ON vocab (stem_alt, term)");
}

export const PG_MIGRATIONS: readonly Migration[] = [
  // 1: everything the archive keeps.
  `
  CREATE TABLE archive_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation BIGINT  NOT NULL
  );
  INSERT INTO archive_state (id, generation) VALUES (1, 0);

  CREATE TABLE documents (
    id           TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    current      BOOLEAN NOT NULL,
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
  );
  CREATE INDEX documents_current ON documents (id) WHERE current;
  CREATE INDEX documents_stored ON documents (stored_at) WHERE version > 1;

  CREATE TABLE raw_inputs (
    hash        TEXT PRIMARY KEY,
    source      TEXT    NOT NULL,
    byte_length INTEGER NOT NULL,
    bytes       BYTEA   NOT NULL
  );
  CREATE TABLE input_readings (
    hash     TEXT NOT NULL,
    source   TEXT NOT NULL,
    name     TEXT NOT NULL,
    url      TEXT,
    sidecars TEXT NOT NULL,
    PRIMARY KEY (hash, source)
  );

  CREATE TABLE speakers (
    id     TEXT PRIMARY KEY,
    name   TEXT    NOT NULL,
    body   TEXT    NOT NULL,
    edited BOOLEAN NOT NULL DEFAULT false,
    seq    INTEGER
  );

  -- Current documents, numbered for the search catalog; titles indexed as tokens made in JavaScript
  -- (src/model/index-text.ts), so both backends split and fold text alike.
  CREATE TABLE doc_index (
    n             SERIAL PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,
    publisher     TEXT NOT NULL,
    language      TEXT NOT NULL,
    kind          TEXT NOT NULL,
    date          TEXT,
    title         TEXT NOT NULL,
    source_url    TEXT,
    publisher_ref TEXT,
    title_len     INTEGER  NOT NULL,
    title_tsv     TSVECTOR NOT NULL
  );
  CREATE INDEX doc_index_title ON doc_index USING gin (title_tsv);
  CREATE INDEX doc_index_date ON doc_index (date);
  CREATE INDEX doc_index_publisher_language_date ON doc_index (publisher, language, date);
  CREATE INDEX doc_index_source_url ON doc_index (source_url) WHERE source_url IS NOT NULL;
  CREATE INDEX doc_index_publisher_ref ON doc_index (publisher, publisher_ref) WHERE publisher_ref IS NOT NULL;

  -- Turns of current documents: n is the turn's number in the search engine.
  CREATE TABLE turns (
    n            SERIAL PRIMARY KEY,
    doc_id       TEXT     NOT NULL,
    idx          INTEGER  NOT NULL,
    doc_n        INTEGER  NOT NULL,
    speaker_id   TEXT,
    speaker_name TEXT,
    label        TEXT,
    kind         TEXT     NOT NULL,
    text         TEXT     NOT NULL,
    language     TEXT,
    len          INTEGER  NOT NULL,
    tsv          TSVECTOR NOT NULL,
    UNIQUE (doc_id, idx)
  );
  CREATE INDEX turns_tsv ON turns USING gin (tsv);
  CREATE INDEX turns_speaker ON turns (speaker_id);

  -- Every indexed word, with how many turns and titles hold it: the vocabulary query words expand over.
  CREATE TABLE vocab (
    term   TEXT COLLATE "C" PRIMARY KEY,
    turns  INTEGER NOT NULL DEFAULT 0,
    titles INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE speaker_aliases (
    doc_id     TEXT NOT NULL,
    speaker_id TEXT NOT NULL,
    alias      TEXT NOT NULL
  );
  CREATE INDEX speaker_aliases_doc ON speaker_aliases (doc_id);

  CREATE TABLE mentions (
    doc_n     INTEGER NOT NULL,
    turn_idx  INTEGER NOT NULL,
    turn_n    INTEGER,
    entity    TEXT    NOT NULL,
    type      TEXT    NOT NULL,
    paragraph INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL
  );
  CREATE INDEX mentions_entity ON mentions (entity);
  CREATE INDEX mentions_doc ON mentions (doc_n);
  CREATE TABLE time_expressions (
    doc_n     INTEGER NOT NULL,
    turn_idx  INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT    NOT NULL,
    value     TEXT    NOT NULL
  );
  CREATE INDEX time_expressions_doc ON time_expressions (doc_n);
  CREATE TABLE entities (
    id    TEXT PRIMARY KEY,
    type  TEXT NOT NULL,
    name  TEXT NOT NULL,
    forms TEXT NOT NULL
  );
  CREATE TABLE enrichment_state (
    doc_id  TEXT PRIMARY KEY,
    version INTEGER NOT NULL
  );

  CREATE TABLE version_keys (
    doc_id TEXT NOT NULL,
    key    TEXT NOT NULL,
    PRIMARY KEY (doc_id, key)
  );
  CREATE INDEX version_keys_key ON version_keys (key);
  CREATE TABLE version_links (
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    method     TEXT NOT NULL,
    confidence DOUBLE PRECISION NOT NULL,
    reasons    TEXT NOT NULL,
    PRIMARY KEY (a, b)
  );
  CREATE INDEX version_links_b ON version_links (b);
  CREATE TABLE divergence (
    a                 TEXT NOT NULL,
    b                 TEXT NOT NULL,
    version           INTEGER NOT NULL,
    score             DOUBLE PRECISION NOT NULL,
    only_a            INTEGER NOT NULL,
    only_b            INTEGER NOT NULL,
    length_outliers   INTEGER NOT NULL,
    number_mismatches INTEGER NOT NULL,
    entity_mismatches INTEGER NOT NULL,
    PRIMARY KEY (a, b)
  );
  CREATE INDEX divergence_score ON divergence (score DESC);

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
  );
  CREATE INDEX pages_next_visit ON pages (next_visit) WHERE next_visit IS NOT NULL;
  CREATE TABLE captures (
    n            SERIAL PRIMARY KEY,
    url          TEXT    NOT NULL,
    fetched_at   TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    content_hash TEXT,
    warc_file    TEXT    NOT NULL,
    warc_offset  BIGINT  NOT NULL,
    warc_length  BIGINT  NOT NULL
  );
  CREATE INDEX captures_url ON captures (url, fetched_at);
  CREATE TABLE withdrawals (
    doc_id TEXT PRIMARY KEY,
    url    TEXT    NOT NULL,
    status INTEGER NOT NULL,
    at     TEXT    NOT NULL
  );
  CREATE TABLE crawl_runs (
    key      TEXT PRIMARY KEY,
    started  TEXT NOT NULL,
    finished TEXT
  );
  CREATE TABLE crawl_queue (
    key   TEXT    NOT NULL,
    url   TEXT    NOT NULL,
    depth INTEGER NOT NULL,
    seq   INTEGER NOT NULL,
    done  BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (key, url)
  );
  CREATE INDEX crawl_queue_next ON crawl_queue (key, done, seq);
  `,
  // 2: each version keeps the keys it was stored with (given by the caller, decided by align), as
  // SQLite's migration 13; versions stored before get theirs from the archive opener, which reads
  // the work left here (store.ts PendingWork) and marks it done.
  `
  ALTER TABLE documents ADD COLUMN keys TEXT;
  CREATE TABLE pending_work (name TEXT PRIMARY KEY);
  INSERT INTO pending_work (name) SELECT 'version-keys' WHERE EXISTS (SELECT 1 FROM documents);
  `,
  // 3: PostgreSQL keeps at most 256 positions of a word, and none past 16383: the words a turn says
  // more often are listed with their true counts, and phrases in such turns (or in turns longer
  // than 16383 words) are looked for in the text (text-index.ts). Turns stored before this list the
  // words PostgreSQL capped, counted as 256 until the archive is indexed again.
  `
  ALTER TABLE turns ADD COLUMN capped TEXT[] NOT NULL DEFAULT '{}';
  ALTER TABLE turns ADD COLUMN capped_counts INTEGER[] NOT NULL DEFAULT '{}';
  UPDATE turns t SET capped = c.terms, capped_counts = c.counts
    FROM (SELECT n, array_agg(u.lexeme ORDER BY u.lexeme) AS terms, array_agg(256 ORDER BY u.lexeme) AS counts
            FROM turns, unnest(tsv) u WHERE cardinality(u.positions) >= 256 GROUP BY n) c
   WHERE c.n = t.n;
  `,
  // 4: postings per term (postings.ts) for turns and titles, what search reads instead of
  // tsvectors (reading one word's count meant unpacking a turn's whole vector, and matching a
  // common word visited every heap page holding one); filled from the turns and titles already
  // stored, then the tsvectors go. Their values are packed varints, which compression cannot shrink.
  async (db) => {
    for (const table of ["postings", "title_postings"] as const) {
      await db.query(`
        CREATE TABLE ${table} (
          term      TEXT COLLATE "C" NOT NULL,
          block     INTEGER NOT NULL,
          data      BYTEA   NOT NULL,
          positions BYTEA   NOT NULL,
          PRIMARY KEY (term, block)
        );
        ALTER TABLE ${table} ALTER COLUMN data SET STORAGE EXTERNAL;
        ALTER TABLE ${table} ALTER COLUMN positions SET STORAGE EXTERNAL;
      `);
      const source =
        table === "postings" ? "SELECT n, text FROM turns" : "SELECT n, title AS text FROM doc_index";
      for (let after = 0; ; ) {
        const batch = await rows<{ n: number; text: string }>(
          db,
          `${source} WHERE n > $1 ORDER BY n LIMIT $2`,
          [after, BACKFILL_TURNS],
        );
        if (batch.length === 0) break;
        const delta = new PostingsDelta();
        for (const t of batch) delta.addTurn(t.n, indexText(t.text).words);
        await applyPostings(db, table, delta);
        after = (batch.at(-1) as { n: number }).n;
      }
    }
    await db.query(`
      DROP INDEX turns_tsv;
      ALTER TABLE turns DROP COLUMN tsv, DROP COLUMN capped, DROP COLUMN capped_counts;
      DROP INDEX doc_index_title;
      ALTER TABLE doc_index DROP COLUMN title_tsv;
    `);
  },
  // What the version order reads of each version (its source, fetch time and publication time) in
  // columns of their own: taken from the body, they cost a parse of the whole JSON document per
  // version on every write and every reader page.
  `ALTER TABLE documents ADD COLUMN source TEXT, ADD COLUMN read_at TEXT, ADD COLUMN time TEXT, ADD COLUMN date_time TEXT;
   UPDATE documents d SET source = b.j #>> '{provenance,source}', read_at = b.j #>> '{provenance,readAt}',
                          time = b.j #>> '{when,time}', date_time = b.j #>> '{when,dateTime}'
     FROM (SELECT id, version, body::json AS j FROM documents) b
     WHERE b.id = d.id AND b.version = d.version;`,
  // Editors' corrections, in the order they were made, and the record they give each corrected
  // document's current version (model/corrections.ts), kept beside the extracted one.
  `CREATE TABLE IF NOT EXISTS corrections (
    id        BIGSERIAL PRIMARY KEY,
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
  // Documents whose turns corrections split or merge: the splits and merges as applied (model/
  // turn-reshape.ts), and what enrichment found in the extracted turns. The index holds the
  // enrichment moved onto the corrected turns; this copy is moved again when the corrections
  // change, and put back when none splits or merges any more.
  `CREATE TABLE IF NOT EXISTS reshaped (
    doc_id     TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    reshapes   TEXT NOT NULL,
    enrichment TEXT
  );`,
  // Which documents each write changed (catalog-changes.ts), so the search catalog is brought up
  // to date from their rows instead of read whole after every write.
  CATALOG_CHANGES_SCHEMA,
  // Editors' decisions about entities found in documents (entity-decisions.ts).
  PG_ENTITY_DECISIONS_SCHEMA,
  // Each term's stems beside it (model/term-stems.ts), as SQLite's migration 23: query words
  // expand by an index lookup instead of stemming every term that shares their first letters.
  stemVocabulary,
  // The newest documents (the home page, /api/documents) read in order from an index, not sorted
  // whole on every call, as SQLite's migration 24.
  `CREATE INDEX IF NOT EXISTS doc_index_recent ON doc_index (date COLLATE "C" DESC NULLS LAST, id COLLATE "C");`,
  // English stems by Porter2 (model/term-stems.ts), as SQLite's migration 27: computed again.
  stemVocabulary,
  // Titles are matched and scored by the search engine from its catalog (search/engine/
  // title-index.ts), for every backend: their postings and lengths go.
  `DROP TABLE IF EXISTS title_postings;
   ALTER TABLE doc_index DROP COLUMN IF EXISTS title_len;`,
];

export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** An arbitrary constant naming Verbatim's migration lock among the database's advisory locks. */
const MIGRATION_LOCK = 7_142_031;

/** Brings the schema up to date; refuses a database migrated by a newer Verbatim. */
export async function migrate(db: Queryable): Promise<{ found: number }> {
  await db.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
  try {
    await db.query("CREATE TABLE IF NOT EXISTS verbatim_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    const row = (await db.query("SELECT value FROM verbatim_meta WHERE key = 'schema_version'")).rows[0] as
      | { value: string }
      | undefined;
    const found = row ? Number(row.value) : 0;
    if (found > PG_SCHEMA_VERSION) return { found };
    for (let v = found; v < PG_SCHEMA_VERSION; v++) {
      await db.query("BEGIN");
      try {
        const migration = PG_MIGRATIONS[v] as Migration;
        if (typeof migration === "string") await db.query(migration);
        else await migration(db);
        await db.query(
          `INSERT INTO verbatim_meta (key, value) VALUES ('schema_version', $1)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
          [String(v + 1)],
        );
        await db.query("COMMIT");
      } catch (error) {
        await db.query("ROLLBACK");
        throw error;
      }
    }
    return { found };
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
  }
}
