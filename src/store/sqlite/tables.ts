/** Whether a migration has made a table yet: code that runs inside earlier migrations, or over an archive opened read-only before one, asks. */
import type Database from "better-sqlite3";

export const hasTable = (db: Database.Database, name: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

/** Whether a migration has added a column to a table yet (see hasTable). */
export const hasColumn = (db: Database.Database, table: string, column: string): boolean =>
  db.prepare("SELECT 1 FROM pragma_table_info(?) WHERE name = ?").get(table, column) !== undefined;
