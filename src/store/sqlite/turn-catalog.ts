/**
 * Reads the search catalog's rows (model/text-index.ts, CatalogRows) out of SQLite: turns and
 * mentions packed into one string each, since hundreds of thousands of row objects would cost more
 * than the search.
 */
import type Database from "better-sqlite3";
import type { CatalogDocument, CatalogRows } from "../../model/text-index.js";

export function readCatalogRows(db: Database.Database): CatalogRows {
  const documents = db
    .prepare<[], CatalogDocument>("SELECT n, id, publisher, language, kind, date, title FROM doc_index")
    .all();
  const turns = db
    .prepare<[], string | null>(
      `SELECT group_concat(rowid || char(9) || doc_n || char(9) || kind || char(9) ||
              ifnull(speaker_id, '') || char(9) || ifnull(speaker_name, '') || char(9) || ifnull(language, ''), char(10))
       FROM (SELECT rowid, doc_n, kind, speaker_id, speaker_name, language FROM turns ORDER BY rowid)`,
    )
    .pluck()
    .get();
  const aliases = db
    .prepare<[], [string, string]>("SELECT DISTINCT speaker_id, alias FROM speaker_aliases")
    .raw()
    .all();
  const entityNames = db.prepare<[], [string, string]>("SELECT id, name FROM entities").raw().all();
  const mentions = db
    .prepare<[], string | null>(
      `SELECT group_concat(turn_rowid || char(9) || entity, char(10))
       FROM (SELECT DISTINCT turn_rowid, entity FROM mentions WHERE turn_rowid IS NOT NULL ORDER BY turn_rowid)`,
    )
    .pluck()
    .get();
  return { documents, turns: turns ?? "", aliases, entityNames, mentions: mentions ?? "" };
}
