/**
 * Keeps the search tables in step with the current version of each document: its turns (the
 * unit of search), their FTS rows, the document's title row and its metadata row.
 */
import type Database from "better-sqlite3";
import type { Document } from "../../model/document.js";
import { displayText, prepareSearchText } from "../../model/index-text.js";
import { CATALOG_CHANGES_TABLE_NAME, catalogChangeLog, EVERY_DOCUMENT } from "./catalog-changes.js";
import { turnCounter } from "./row-counts.js";
import { hasTable } from "./tables.js";
import { termCountsWriter } from "./term-counts.js";

export interface SearchIndexWriter {
  put(doc: Document): void;
  /**
   * Replaces an indexed document's turns only (an editor split or merged some): its title row is
   * left alone, since FTS5 counts a replaced row in its BM25 statistics until segments merge.
   */
  putTurns(doc: Document): void;
  remove(id: string): void;
  /** A document whose catalog rows (turn languages, speakers, kinds, mentions) something else changed. */
  touch(id: string): void;
  /** The whole index was rebuilt: the catalog is read whole again. */
  touchEverything(): void;
  /**
   * Writes what the open transaction gathered: full-text rows, term counts (term-counts.ts) and the
   * catalog's journal (catalog-changes.ts); call before it commits.
   */
  flush(): void;
  /** Forgets what a transaction that rolled back gathered, so the next one does not write it. */
  discard(): void;
}

/**
 * Text held for FTS5 before it is written anyway, within the transaction: enough for a few hundred
 * long speeches, and a bound on what a migration that indexes the whole archive again holds.
 */
const FTS_QUEUE_CHARS = 32_000_000;

/** An FTS5 row to write (text) or to delete (null), in the order the writer was asked. */
interface FtsWrite {
  table: "turn" | "doc";
  rowid: number;
  text: string | null;
}

export function searchIndexWriter(db: Database.Database): SearchIndexWriter {
  const stmt = {
    docN: db.prepare<[string], { n: number }>("SELECT n FROM doc_index WHERE id = ?"),
    // One statement for new and known documents; a known one keeps its number n.
    upsertDoc: db.prepare<
      [string, string, string, string, string | null, string, string | null, string | null],
      { n: number }
    >(
      `INSERT INTO doc_index (id, publisher, language, kind, date, title, source_url, publisher_ref)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET publisher = excluded.publisher, language = excluded.language,
         kind = excluded.kind, date = excluded.date, title = excluded.title,
         source_url = excluded.source_url, publisher_ref = excluded.publisher_ref
       RETURNING n`,
    ),
    deleteDocFts: db.prepare<[number]>("DELETE FROM doc_fts WHERE rowid = ?"),
    insertDocFts: db.prepare<[number, string]>("INSERT INTO doc_fts (rowid, title) VALUES (?, ?)"),
    deleteTurnFts: db.prepare<[number]>("DELETE FROM turn_fts WHERE rowid = ?"),
    deleteTurns: db.prepare<[string]>("DELETE FROM turns WHERE doc_id = ?"),
    insertTurn: db.prepare(
      `INSERT INTO turns (doc_id, idx, speaker_id, speaker_name, label, kind, text, doc_n)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertTurnFts: db.prepare<[number, string]>("INSERT INTO turn_fts (rowid, text) VALUES (?, ?)"),
  };
  /**
   * FTS5 rows are written when the transaction is about to commit (flush), in the order asked.
   * FTS5 writes the terms it holds as a segment of their own whenever a statement opens a
   * savepoint, and every insert into a table with triggers does (documents, raw inputs,
   * entities): written as each document came, every document became a segment, and merging them
   * cost as much again as indexing (UN speeches: 1.8 to 2.2 ms a turn, against 1.1 written last).
   */
  let fts: FtsWrite[] = [];
  let ftsChars = 0;
  const writeFts = () => {
    const writes = fts;
    fts = [];
    ftsChars = 0;
    for (const w of writes) {
      if (w.table === "turn") {
        if (w.text === null) stmt.deleteTurnFts.run(w.rowid);
        else stmt.insertTurnFts.run(w.rowid, w.text);
      } else if (w.text === null) stmt.deleteDocFts.run(w.rowid);
      else stmt.insertDocFts.run(w.rowid, w.text);
    }
  };
  const queueFts = (write: FtsWrite) => {
    fts.push(write);
    ftsChars += write.text?.length ?? 0;
    if (ftsChars >= FTS_QUEUE_CHARS) writeFts();
  };
  // The aliases table comes with migration 10; earlier migrations that re-index run without it.
  const aliases = hasTable(db, "speaker_aliases")
    ? {
        remove: db.prepare<[string]>("DELETE FROM speaker_aliases WHERE doc_id = ?"),
        insert: db.prepare<[string, string, string]>(
          "INSERT INTO speaker_aliases (doc_id, speaker_id, alias) VALUES (?, ?, ?)",
        ),
      }
    : null;

  // Term counts come with migration 16; earlier migrations that re-index run without them, and 16 fills them.
  const counts = hasTable(db, "term_counts") ? termCountsWriter(db) : null;
  // The catalog's journal comes with migration 17; a catalog over an older archive is read whole.
  const journal = hasTable(db, CATALOG_CHANGES_TABLE_NAME) ? catalogChangeLog(db) : null;
  const indexedTurns = db.prepare<[string], { rowid: number; text: string }>(
    "SELECT rowid, text FROM turns WHERE doc_id = ?",
  );
  const turnCount = turnCounter(db);
  const unindexTurns = (docId: string) => {
    for (const t of indexedTurns.all(docId)) {
      counts?.remove(t.rowid, t.text);
      queueFts({ table: "turn", rowid: t.rowid, text: null });
    }
    turnCount?.(-stmt.deleteTurns.run(docId).changes);
  };

  const removeDoc = db.prepare<[string]>("DELETE FROM doc_index WHERE id = ?");
  const writeTurns = (doc: Document, n: number, texts: string[]) => {
    unindexTurns(doc.id);
    journal?.note(n);
    for (const [i, turn] of doc.turns.entries()) {
      const rowid = stmt.insertTurn.run(
        doc.id,
        turn.index,
        turn.speakerId,
        turn.speakerName,
        turn.label,
        turn.kind,
        displayText(turn.paragraphs.join("\n\n")),
        n,
      ).lastInsertRowid;
      queueFts({ table: "turn", rowid: Number(rowid), text: texts[i] ?? "" });
      counts?.add(Number(rowid), texts[i] ?? "");
    }
    turnCount?.(doc.turns.length);
  };
  return {
    remove(id) {
      const existing = stmt.docN.get(id);
      if (existing) {
        queueFts({ table: "doc", rowid: existing.n, text: null });
        journal?.note(existing.n);
      }
      unindexTurns(id);
      aliases?.remove.run(id);
      removeDoc.run(id);
    },
    put(doc) {
      const text = prepareSearchText(doc);
      const n = (
        stmt.upsertDoc.get(
          doc.id,
          doc.publisher,
          doc.language,
          doc.kind,
          doc.when.date,
          doc.title,
          doc.sourceUrl,
          doc.publisherRef,
        ) as { n: number }
      ).n;
      queueFts({ table: "doc", rowid: n, text: null });
      queueFts({ table: "doc", rowid: n, text: text.title });

      if (aliases) {
        aliases.remove.run(doc.id);
        for (const p of doc.participants) {
          if (!p.speakerId) continue;
          for (const alias of p.aliases ?? []) aliases.insert.run(doc.id, p.speakerId, alias);
        }
      }
      writeTurns(doc, n, text.turns);
    },
    putTurns(doc) {
      const n = stmt.docN.get(doc.id)?.n;
      if (n === undefined) return;
      writeTurns(doc, n, prepareSearchText(doc).turns);
    },
    touch(id) {
      const n = stmt.docN.get(id)?.n;
      if (n !== undefined) journal?.note(n);
    },
    touchEverything() {
      journal?.note(EVERY_DOCUMENT);
    },
    flush() {
      counts?.flush();
      journal?.flush();
      // Last: a statement after them that opened a savepoint would write FTS5's terms out early.
      writeFts();
    },
    discard() {
      fts = [];
      ftsChars = 0;
      counts?.discard();
    },
  };
}
