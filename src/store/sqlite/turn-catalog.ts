/**
 * Reads the search catalog's rows (model/text-index.ts, CatalogRows) out of SQLite: turns and
 * mentions packed into one string each, since hundreds of thousands of row objects would cost more
 * than the search; and, from the journal (catalog-changes.ts), the rows of the documents changed
 * since a mark.
 */
import type Database from "better-sqlite3";
import type { CatalogChanges, CatalogDocument, CatalogRows } from "../../model/text-index.js";
import { CATALOG_CHANGES_TABLE_NAME, EVERY_DOCUMENT } from "./catalog-changes.js";
import { hasTable } from "./tables.js";

/**
 * Bumped by triggers whenever an entity is added, renamed or removed, whoever writes it: the
 * catalog's mark carries it, and a refresh reads every entity's name (tens of thousands once the
 * finder names what no list holds) only when it moved. Reading them after every write held each
 * server process for 30 to 170 ms during an ingest.
 */
export const ENTITY_NAMES_VERSION = `
  CREATE TABLE IF NOT EXISTS entity_names_version (v INTEGER NOT NULL);
  INSERT INTO entity_names_version (v) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM entity_names_version);
  CREATE TRIGGER IF NOT EXISTS entity_names_added AFTER INSERT ON entities
    BEGIN UPDATE entity_names_version SET v = v + 1; END;
  CREATE TRIGGER IF NOT EXISTS entity_names_renamed AFTER UPDATE OF id, name ON entities
    WHEN old.id IS NOT new.id OR old.name IS NOT new.name
    BEGIN UPDATE entity_names_version SET v = v + 1; END;
  CREATE TRIGGER IF NOT EXISTS entity_names_removed AFTER DELETE ON entities
    BEGIN UPDATE entity_names_version SET v = v + 1; END;`;

/** Past this share of the documents, one read of everything costs less than reading them one by one. */
const WHOLE_READ_SHARE = 0.2;

export interface CatalogReader {
  rows(): CatalogRows;
  changes(mark: string): CatalogChanges | null;
}

export function catalogReader(db: Database.Database): CatalogReader {
  const journal = hasTable(db, CATALOG_CHANGES_TABLE_NAME);
  const stmt = {
    documents: db.prepare<[], CatalogDocument>(
      "SELECT n, id, publisher, language, kind, date, title FROM doc_index",
    ),
    turns: db
      .prepare<[], string | null>(
        `SELECT group_concat(rowid || char(9) || doc_n || char(9) || kind || char(9) ||
                ifnull(speaker_id, '') || char(9) || ifnull(speaker_name, '') || char(9) || ifnull(language, ''), char(10))
         FROM (SELECT rowid, doc_n, kind, speaker_id, speaker_name, language FROM turns ORDER BY rowid)`,
      )
      .pluck(),
    aliases: db.prepare<[], [string, string]>("SELECT DISTINCT speaker_id, alias FROM speaker_aliases").raw(),
    entityNames: db.prepare<[], [string, string]>("SELECT id, name FROM entities").raw(),
    mentions: db
      .prepare<[], string | null>(
        `SELECT group_concat(turn_rowid || char(9) || entity, char(10))
         FROM (SELECT DISTINCT turn_rowid, entity FROM mentions WHERE turn_rowid IS NOT NULL ORDER BY turn_rowid)`,
      )
      .pluck(),
    documentCount: db.prepare<[], number>("SELECT count(*) FROM doc_index").pluck(),
    mark: journal ? db.prepare<[], number>("SELECT ifnull(max(seq), 0) FROM catalog_changes").pluck() : null,
    namesVersion: hasTable(db, "entity_names_version")
      ? db.prepare<[], number>("SELECT v FROM entity_names_version").pluck()
      : null,
    changed: journal
      ? db.prepare<[number], number>("SELECT doc_n FROM catalog_changes WHERE seq > ?").pluck()
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
        `SELECT group_concat(rowid || char(9) || doc_n || char(9) || kind || char(9) ||
                ifnull(speaker_id, '') || char(9) || ifnull(speaker_name, '') || char(9) || ifnull(language, ''), char(10))
         FROM (SELECT rowid, doc_n, kind, speaker_id, speaker_name, language FROM turns
               WHERE doc_id IN (SELECT id FROM doc_index WHERE n IN (SELECT value FROM json_each(?)))
               ORDER BY rowid)`,
      )
      .pluck(),
    changedMentions: db
      .prepare<[string], string | null>(
        `SELECT group_concat(turn_rowid || char(9) || entity, char(10))
         FROM (SELECT DISTINCT turn_rowid, entity FROM mentions
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
  const rows = db.transaction(
    (): CatalogRows => ({
      documents: stmt.documents.all(),
      turns: stmt.turns.get() ?? "",
      mentions: stmt.mentions.get() ?? "",
      aliases: stmt.aliases.all(),
      entityNames: stmt.entityNames.all(),
      mark: stmt.mark ? markNow() : "",
    }),
  );

  const changes = db.transaction((since: number, names: number | null): CatalogChanges | null => {
    if (!stmt.changed || !stmt.mark) return null;
    const changed = stmt.changed.all(since);
    if (changed.includes(EVERY_DOCUMENT)) return null;
    if (changed.length > Math.max(100, (stmt.documentCount.get() as number) * WHOLE_READ_SHARE)) return null;
    const list = JSON.stringify(changed);
    return {
      changed,
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
      mark: markNow(),
    };
  });

  return {
    rows: () => rows(),
    changes: (mark) => {
      const [seq, names] = mark.split(":");
      const since = Number(seq);
      if (!seq || !Number.isInteger(since)) return null;
      const version = names === undefined ? null : Number(names);
      return changes(since, version !== null && Number.isInteger(version) ? version : null);
    },
  };
}
