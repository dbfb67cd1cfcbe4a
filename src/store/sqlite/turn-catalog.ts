/**
 * Reads the search catalog's rows (model/text-index.ts, CatalogRows) out of SQLite: turns and
 * mentions packed into one string each, since hundreds of thousands of row objects would cost more
 * than the search; and, from the journal (catalog-changes.ts), the rows of the documents changed
 * since a mark.
 */
import type Database from "better-sqlite3";
import type { CatalogChanges, CatalogDocument, CatalogSink } from "../../model/text-index.js";
import { CATALOG_CHANGES_TABLE_NAME, EVERY_DOCUMENT } from "./catalog-changes.js";
import { hasTable } from "./tables.js";

/**
 * An entity stored under an id that turns already mention (written with INSERT OR REPLACE, as a
 * copy of an archive does, perhaps under a new name) moves the names' count. A new entity does not: no
 * turn the catalog holds mentions it, and the documents that do are read with their entities'
 * names (enrichment stores an entity before its mentions). An ingest that enriches adds entities in
 * every commit; when each one moved the count, every server process read all their names (27,000
 * on the bench corpus) after every commit: 50 to 90 ms of a refresh.
 */
const ENTITY_NAMES_ADDED_TRIGGER = `
  CREATE TRIGGER IF NOT EXISTS entity_names_added AFTER INSERT ON entities
    WHEN EXISTS (SELECT 1 FROM mentions WHERE entity = new.id)
    BEGIN UPDATE entity_names_version SET v = v + 1; END;`;

/**
 * Bumped by triggers whenever an entity that turns mention is stored again, or any is renamed or
 * removed, whoever writes it: the catalog's mark carries it, and a refresh reads every entity's
 * name (tens of thousands once the finder names what no list holds) only when it moved. Reading
 * them after every write held each server process for 30 to 170 ms during an ingest.
 */
export const ENTITY_NAMES_VERSION = `
  CREATE TABLE IF NOT EXISTS entity_names_version (v INTEGER NOT NULL);
  INSERT INTO entity_names_version (v) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM entity_names_version);
  ${ENTITY_NAMES_ADDED_TRIGGER}
  CREATE TRIGGER IF NOT EXISTS entity_names_renamed AFTER UPDATE OF id, name ON entities
    WHEN old.id IS NOT new.id OR old.name IS NOT new.name
    BEGIN UPDATE entity_names_version SET v = v + 1; END;
  CREATE TRIGGER IF NOT EXISTS entity_names_removed AFTER DELETE ON entities
    BEGIN UPDATE entity_names_version SET v = v + 1; END;`;

/** Migration 26: the trigger of migration 21 that counted every new entity, replaced by the one above. */
export const ENTITY_NAMES_ADDED_WHEN_MENTIONED = `
  DROP TRIGGER IF EXISTS entity_names_added;
  ${ENTITY_NAMES_ADDED_TRIGGER}`;

/** Past this share of the documents, one read of everything costs less than reading them one by one. */
const WHOLE_READ_SHARE = 0.2;

/** How a whole read is cut (`parts`): turns a part holds (by number), documents whose mentions a part holds. */
export interface PartSizes {
  turns: number;
  documents: number;
}

/** About 4 MB of packed turns, and of mentions, a part at the bench corpus's density. */
const PART_SIZES: PartSizes = { turns: 65_536, documents: 1024 };

/** A turn's line in CatalogRows.turns, and the lines of the turns selected (TURN_COLUMNS) packed in one string. */
const TURN_COLUMNS = "rowid, doc_n, kind, speaker_id, speaker_name, language";
const PACKED_TURNS = `group_concat(rowid || char(9) || doc_n || char(9) || kind || char(9) ||
  ifnull(speaker_id, '') || char(9) || ifnull(speaker_name, '') || char(9) || ifnull(language, ''), char(10))`;
/** The (turn_rowid, entity) pairs selected, packed as CatalogRows.mentions. */
const PACKED_MENTIONS = "group_concat(turn_rowid || char(9) || entity, char(10))";

/** Where in the journal a reader is: every document noted by transactions up to `seq` read, and of `seq`'s own those up to `doc`. */
type Position = { seq: number; doc: number };

export interface CatalogReader {
  /** Every current row, given to `sink` a part at a time (TextIndex.readCatalog), in one transaction. */
  read(sink: CatalogSink): void;
  /** At most `limit` documents' rows (`more` when others remain: their mark says how far these go). */
  changes(mark: string, limit?: number): CatalogChanges | null;
}

export function catalogReader(db: Database.Database, sizes: PartSizes = PART_SIZES): CatalogReader {
  const journal = hasTable(db, CATALOG_CHANGES_TABLE_NAME);
  const stmt = {
    documents: db.prepare<[], CatalogDocument>(
      "SELECT n, id, publisher, language, kind, date, title FROM doc_index",
    ),
    aliases: db.prepare<[], [string, string]>("SELECT DISTINCT speaker_id, alias FROM speaker_aliases").raw(),
    entityNames: db.prepare<[], [string, string]>("SELECT id, name FROM entities").raw(),
    documentCount: db.prepare<[], number>("SELECT count(*) FROM doc_index").pluck(),
    lastTurn: db.prepare<[], number>("SELECT ifnull(max(rowid), 0) FROM turns").pluck(),
    lastDocument: db.prepare<[], number>("SELECT ifnull(max(n), -1) FROM doc_index").pluck(),
    turnsBetween: db
      .prepare<[number, number], string | null>(
        `SELECT ${PACKED_TURNS} FROM (SELECT ${TURN_COLUMNS} FROM turns WHERE rowid BETWEEN ? AND ? ORDER BY rowid)`,
      )
      .pluck(),
    // By document (mentions are indexed by document, not by turn): a turn's mentions in one part.
    mentionsOfDocuments: db
      .prepare<[number, number], string | null>(
        `SELECT ${PACKED_MENTIONS} FROM (SELECT DISTINCT turn_rowid, entity FROM mentions
               WHERE doc_n BETWEEN ? AND ? AND turn_rowid IS NOT NULL ORDER BY turn_rowid)`,
      )
      .pluck(),
    mark: journal ? db.prepare<[], number>("SELECT ifnull(max(seq), 0) FROM catalog_changes").pluck() : null,
    namesVersion: hasTable(db, "entity_names_version")
      ? db.prepare<[], number>("SELECT v FROM entity_names_version").pluck()
      : null,
    // The journal from a position (a transaction's sequence number, and the last document of it
    // read), in that order: a refresh may read it a few documents at a time.
    pending: journal
      ? db
          .prepare<Position, number>(
            `SELECT count(*) FROM catalog_changes WHERE (seq, doc_n) > (@seq, @doc) AND doc_n <> ${EVERY_DOCUMENT}`,
          )
          .pluck()
      : null,
    everything: journal
      ? db
          .prepare<Position, number>(
            `SELECT count(*) FROM catalog_changes WHERE doc_n = ${EVERY_DOCUMENT} AND seq > @seq`,
          )
          .pluck()
      : null,
    changed: journal
      ? db.prepare<Position & { limit: number }, { n: number; seq: number }>(
          `SELECT doc_n AS n, seq FROM catalog_changes WHERE (seq, doc_n) > (@seq, @doc)
           ORDER BY seq, doc_n LIMIT @limit`,
        )
      : null,
    // The changed documents' rows, in one statement each over the list of their numbers, packed
    // by SQLite as the whole read packs them: statement by statement, document by document, and
    // joined in JavaScript, this was half of a refresh (25 ms for 70 long briefings).
    changedDocuments: db.prepare<[string], CatalogDocument>(
      `SELECT n, id, publisher, language, kind, date, title FROM doc_index
       WHERE n IN (SELECT value FROM json_each(?)) ORDER BY n`,
    ),
    changedTurns: db
      .prepare<[string], string | null>(
        `SELECT ${PACKED_TURNS} FROM (SELECT ${TURN_COLUMNS} FROM turns
               WHERE doc_id IN (SELECT id FROM doc_index WHERE n IN (SELECT value FROM json_each(?)))
               ORDER BY rowid)`,
      )
      .pluck(),
    changedMentions: db
      .prepare<[string], string | null>(
        `SELECT ${PACKED_MENTIONS} FROM (SELECT DISTINCT turn_rowid, entity FROM mentions
               WHERE doc_n IN (SELECT n FROM doc_index WHERE n IN (SELECT value FROM json_each(?)))
                 AND turn_rowid IS NOT NULL
               ORDER BY turn_rowid, entity)`,
      )
      .pluck(),
    changedEntityNames: db
      .prepare<[string], [string, string]>(
        `SELECT id, name FROM entities WHERE id IN (
           SELECT entity FROM mentions
           WHERE doc_n IN (SELECT n FROM doc_index WHERE n IN (SELECT value FROM json_each(?)))
             AND turn_rowid IS NOT NULL)`,
      )
      .raw(),
  };

  /** The journal's position and, where the archive counts them, the entities' changes: "seq" or "seq:names". */
  const markNow = () => {
    const seq = String(stmt.mark?.get() ?? 0);
    return stmt.namesVersion ? `${seq}:${stmt.namesVersion.get() ?? 0}` : seq;
  };

  // Each read is one transaction: one snapshot, so the mark says exactly what the rows hold.
  const read = db.transaction((sink: CatalogSink): void => {
    sink.documents(stmt.documents.all());
    const lastTurn = stmt.lastTurn.get() as number;
    for (let from = 0; from <= lastTurn; from += sizes.turns)
      sink.turns(stmt.turnsBetween.get(from, from + sizes.turns - 1) ?? "");
    const lastDocument = stmt.lastDocument.get() as number;
    for (let from = 0; from <= lastDocument; from += sizes.documents)
      sink.mentions(stmt.mentionsOfDocuments.get(from, from + sizes.documents - 1) ?? "");
    sink.finish({
      aliases: stmt.aliases.all(),
      entityNames: stmt.entityNames.all(),
      mark: stmt.mark ? markNow() : "",
    });
  });

  const changes = db.transaction(
    (since: Position, names: number | null, limit: number): CatalogChanges | null => {
      if (!stmt.changed || !stmt.mark || !stmt.pending || !stmt.everything) return null;
      if ((stmt.everything.get(since) as number) > 0) return null;
      const pending = stmt.pending.get(since) as number;
      if (pending > Math.max(100, (stmt.documentCount.get() as number) * WHOLE_READ_SHARE)) return null;
      const page = stmt.changed.all({ ...since, limit });
      const changed = page.map((c) => c.n);
      const last = page[page.length - 1];
      const list = JSON.stringify(changed);
      // Read only so far: the position of the last document read, with the names as they are now
      // (when they moved, every name is read below).
      const more = pending > page.length && last !== undefined;
      const namesNow = stmt.namesVersion ? `:${stmt.namesVersion.get() ?? 0}` : "";
      return {
        changed,
        ...(more && { more: true }),
        documents: stmt.changedDocuments.all(list),
        turns: stmt.changedTurns.get(list) ?? "",
        mentions: stmt.changedMentions.get(list) ?? "",
        aliases: stmt.aliases.all(),
        // Tens of thousands of names once the finder names what no list holds: when none changed,
        // only those of the entities the changed documents mention (some may be new to the catalog).
        ...(names !== null && stmt.namesVersion?.get() === names
          ? {
              entityNames: stmt.changedEntityNames.all(list),
              someEntityNames: true,
            }
          : { entityNames: stmt.entityNames.all() }),
        mark: more ? `${last.seq}/${last.n}${namesNow}` : markNow(),
      };
    },
  );

  return {
    read: (sink) => read(sink),
    changes: (mark, limit = Number.MAX_SAFE_INTEGER) => {
      // "seq", or "seq/doc" part way through a transaction's documents; then ":names" if counted.
      const [position, names] = mark.split(":");
      const [seq, doc] = (position ?? "").split("/");
      const since = { seq: Number(seq), doc: doc === undefined ? Number.MAX_SAFE_INTEGER : Number(doc) };
      if (!seq || !Number.isInteger(since.seq) || !Number.isInteger(since.doc)) return null;
      const version = names === undefined ? null : Number(names);
      return changes(
        since,
        version !== null && Number.isInteger(version) ? version : null,
        Math.max(1, limit),
      );
    },
  };
}
