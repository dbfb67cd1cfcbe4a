/**
 * The journal the search catalog is brought up to date from (search/engine/catalog.ts), as
 * SQLite's catalog-changes.ts: one row per document whose catalog rows (metadata, turns, turn
 * languages and speakers, mentions) changed, with the archive generation of the last write that
 * changed it. Statement triggers on those tables note each document as the write goes (so no write
 * path can forget), marked -1; the write stamps its notes with its generation where every write
 * ends, holding the archive_state row lock until it commits, so generations commit in order and a
 * reader that saw generation G has seen every change stamped G or less.
 */
import type { CatalogChanges, CatalogDocument, CatalogRows, CatalogSink } from "../../model/text-index.js";
import { type Queryable, rows } from "./db.js";

/** Table, note function and triggers: turns and mentions by doc_n, doc_index by n. */
export const CATALOG_CHANGES_SCHEMA = `
  CREATE TABLE IF NOT EXISTS catalog_changes (
    doc_n      INTEGER PRIMARY KEY,
    generation BIGINT  NOT NULL
  );
  CREATE INDEX IF NOT EXISTS catalog_changes_generation ON catalog_changes (generation);
  CREATE OR REPLACE FUNCTION verbatim_note_catalog() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP <> 'DELETE' THEN
      EXECUTE format('INSERT INTO catalog_changes (doc_n, generation) SELECT DISTINCT %I, -1 FROM catalog_new
                      ON CONFLICT (doc_n) DO UPDATE SET generation = -1', TG_ARGV[0]);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      EXECUTE format('INSERT INTO catalog_changes (doc_n, generation) SELECT DISTINCT %I, -1 FROM catalog_old
                      ON CONFLICT (doc_n) DO UPDATE SET generation = -1', TG_ARGV[0]);
    END IF;
    RETURN NULL;
  END $$;
  ${["turns:doc_n", "mentions:doc_n", "doc_index:n"]
    .map((spec) => {
      const [table, column] = spec.split(":");
      return `
  DROP TRIGGER IF EXISTS ${table}_catalog_insert ON ${table};
  DROP TRIGGER IF EXISTS ${table}_catalog_update ON ${table};
  DROP TRIGGER IF EXISTS ${table}_catalog_delete ON ${table};
  CREATE TRIGGER ${table}_catalog_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS catalog_new
    FOR EACH STATEMENT EXECUTE FUNCTION verbatim_note_catalog('${column}');
  CREATE TRIGGER ${table}_catalog_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS catalog_old NEW TABLE AS catalog_new
    FOR EACH STATEMENT EXECUTE FUNCTION verbatim_note_catalog('${column}');
  CREATE TRIGGER ${table}_catalog_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS catalog_old
    FOR EACH STATEMENT EXECUTE FUNCTION verbatim_note_catalog('${column}');`;
    })
    .join("")}`;

/**
 * Bumps the archive's generation (what every search cache keys on) and stamps the catalog notes
 * this transaction made with it. Its row lock makes writers take turns from here to their commit.
 */
export async function bumpGeneration(db: Queryable): Promise<void> {
  const { generation } = (
    await rows<{ generation: string }>(
      db,
      "UPDATE archive_state SET generation = generation + 1 RETURNING generation",
    )
  )[0] as { generation: string };
  await db.query("UPDATE catalog_changes SET generation = $1 WHERE generation = -1", [generation]);
}

/** Past this share of the documents, one read of everything costs less than reading them by number. */
const WHOLE_READ_SHARE = 0.2;

const TURN_LINE = `n || E'\\t' || doc_n || E'\\t' || kind || E'\\t' || coalesce(speaker_id, '') || E'\\t' ||
                   coalesce(speaker_name, '') || E'\\t' || coalesce(language, '')`;

async function shared(db: Queryable): Promise<Pick<CatalogRows, "aliases" | "entityNames">> {
  const aliases = await rows<{ speaker_id: string; alias: string }>(
    db,
    "SELECT DISTINCT speaker_id, alias FROM speaker_aliases",
  );
  const names = await rows<{ id: string; name: string }>(db, "SELECT id, name FROM entities");
  return {
    aliases: aliases.map((a): [string, string] => [a.speaker_id, a.alias]),
    entityNames: names.map((e): [string, string] => [e.id, e.name]),
  };
}

async function generation(db: Queryable): Promise<string> {
  return (
    (await rows<{ generation: string }>(db, "SELECT generation FROM archive_state"))[0]?.generation ?? "0"
  );
}

/** Turns a part of a whole read holds (by number), and documents whose mentions a part holds; as SQLite's. */
const PART_SIZES = { turns: 65_536, documents: 1024 };

/**
 * Every current document, turn and mention, given to `sink` a part at a time (TextIndex.readCatalog);
 * `db` is inside a repeatable-read transaction, so the mark is what they hold. By turn number, then
 * by document: a turn's mentions in one part. One string per part: hundreds of thousands of row
 * objects would cost more than the search.
 */
export async function readWholeCatalog(
  db: Queryable,
  sink: CatalogSink,
  sizes: { turns: number; documents: number } = PART_SIZES,
): Promise<void> {
  sink.documents(
    await rows<CatalogDocument>(db, "SELECT n, id, publisher, language, kind, date, title FROM doc_index"),
  );
  const last = (
    await rows<{ turn: number | null; doc: number | null }>(
      db,
      "SELECT (SELECT max(n) FROM turns) AS turn, (SELECT max(n) FROM doc_index) AS doc",
    )
  )[0];
  const lastTurn = Number(last?.turn ?? -1);
  for (let from = 0; from <= lastTurn; from += sizes.turns) {
    const part = await rows<{ s: string | null }>(
      db,
      `SELECT string_agg(${TURN_LINE}, E'\n' ORDER BY n) AS s FROM turns WHERE n BETWEEN $1 AND $2`,
      [from, from + sizes.turns - 1],
    );
    sink.turns(part[0]?.s ?? "");
  }
  const lastDocument = Number(last?.doc ?? -1);
  for (let from = 0; from <= lastDocument; from += sizes.documents) {
    const part = await rows<{ s: string | null }>(
      db,
      `SELECT string_agg(turn_n || E'\t' || entity, E'\n' ORDER BY turn_n, entity) AS s
       FROM (SELECT DISTINCT turn_n, entity FROM mentions
             WHERE doc_n BETWEEN $1 AND $2 AND turn_n IS NOT NULL) m`,
      [from, from + sizes.documents - 1],
    );
    sink.mentions(part[0]?.s ?? "");
  }
  sink.finish({ ...(await shared(db)), mark: await generation(db) });
}

/** The rows of documents changed after generation `since`, or null when reading everything costs less. */
export async function readCatalogChangesSince(db: Queryable, since: string): Promise<CatalogChanges | null> {
  const changed = (
    await rows<{ doc_n: number }>(db, "SELECT doc_n FROM catalog_changes WHERE generation > $1", [since])
  ).map((r) => r.doc_n);
  const total = Number((await rows<{ n: string }>(db, "SELECT count(*) AS n FROM doc_index"))[0]?.n ?? 0);
  if (changed.length > Math.max(100, total * WHOLE_READ_SHARE)) return null;
  const documents = await rows<CatalogDocument>(
    db,
    "SELECT n, id, publisher, language, kind, date, title FROM doc_index WHERE n = ANY($1)",
    [changed],
  );
  const turns = await rows<{ s: string | null }>(
    db,
    `SELECT string_agg(${TURN_LINE}, E'\\n' ORDER BY n) AS s FROM turns WHERE doc_id = ANY($1)`,
    [documents.map((d) => d.id)],
  );
  const mentions = await rows<{ s: string | null }>(
    db,
    `SELECT string_agg(turn_n || E'\\t' || entity, E'\\n' ORDER BY turn_n, entity) AS s
     FROM (SELECT DISTINCT turn_n, entity FROM mentions WHERE doc_n = ANY($1) AND turn_n IS NOT NULL) m`,
    [changed],
  );
  return {
    changed,
    documents,
    turns: turns[0]?.s ?? "",
    mentions: mentions[0]?.s ?? "",
    ...(await shared(db)),
    mark: await generation(db),
  };
}
