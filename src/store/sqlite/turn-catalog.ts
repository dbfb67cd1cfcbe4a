/**
 * Reads the search catalog (search/engine/catalog.ts) out of SQLite: packed into one string per
 * table, since hundreds of thousands of row objects would cost more than the search.
 */
import type Database from "better-sqlite3";
import { CatalogBuilder, type CatalogDocument, type TurnCatalog } from "../../search/engine/catalog.js";

export function loadCatalog(db: Database.Database): TurnCatalog {
  const documents = db
    .prepare<[], CatalogDocument>("SELECT n, id, publisher, language, kind, date, title FROM doc_index")
    .all();
  const builder = new CatalogBuilder(documents);
  const packed = db
    .prepare<[], string | null>(
      `SELECT group_concat(rowid || char(9) || doc_n || char(9) || kind || char(9) ||
              ifnull(speaker_id, '') || char(9) || ifnull(speaker_name, '') || char(9) || ifnull(language, ''), char(10))
       FROM (SELECT rowid, doc_n, kind, speaker_id, speaker_name, language FROM turns ORDER BY rowid)`,
    )
    .pluck()
    .get();
  const lines = packed ? packed.split("\n") : [];
  const maxRowid = lines.length ? Number((lines[lines.length - 1] as string).split("\t", 1)[0]) : 0;
  builder.expectTurns(lines.length, maxRowid);
  for (const line of lines) {
    const [rowid, docN, kind, speakerId, speakerName, language] = line.split("\t");
    builder.addTurn(
      Number(rowid),
      Number(docN),
      kind as string,
      speakerId || null,
      speakerName || null,
      language || null,
    );
  }
  for (const [id, alias] of db
    .prepare<[], [string, string]>("SELECT DISTINCT speaker_id, alias FROM speaker_aliases")
    .raw()
    .all())
    builder.addAlias(id, alias);

  const names = new Map(db.prepare<[], [string, string]>("SELECT id, name FROM entities").raw().all());
  const mentions = db
    .prepare<[], string | null>(
      `SELECT group_concat(turn_rowid || char(9) || entity, char(10))
       FROM (SELECT DISTINCT turn_rowid, entity FROM mentions WHERE turn_rowid IS NOT NULL ORDER BY turn_rowid)`,
    )
    .pluck()
    .get();
  const rows = mentions ? mentions.split("\n") : [];
  const turns = new Int32Array(rows.length);
  const entities: string[] = new Array(rows.length);
  rows.forEach((row, i) => {
    const tab = row.indexOf("\t");
    turns[i] = Number(row.slice(0, tab));
    entities[i] = row.slice(tab + 1);
  });
  builder.setMentions(turns, entities, names);
  return builder.build();
}
