/**
 * Parquet, for R (arrow), Python (pandas, polars) and DuckDB: two tables, `documents.parquet` (one
 * row per document) and `turns.parquet` (one row per turn, with its document's id and version),
 * written by hyparquet-writer a row group at a time, so memory holds one row group whatever the
 * archive's size. The selection and records are the other exports' (select.ts, record.ts).
 */
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { type ColumnSource, fileWriter, ParquetWriter, schemaFromColumnData } from "hyparquet-writer";
import type { BasicType } from "hyparquet-writer/src/types.js";
import type { DocumentStore } from "../store/store.js";
import { type ExportRecord, readRecord } from "./record.js";
import { type Selection, selectDocuments } from "./select.js";
import { turnCells, turnFacts } from "./turns-csv.js";

type Cell = string | number | boolean | null | object;

interface Table {
  /**
   * Rows gathered before they are written as one row group. A row's strings can keep its whole
   * document's JSON alive (V8 slices parsed strings), so the documents table flushes more often.
   */
  rowGroup: number;
  columns: readonly (readonly [string, BasicType])[];
  rows: (record: ExportRecord) => Cell[][];
}

const DOCUMENTS: Table = {
  rowGroup: 1_000,
  columns: [
    ["id", "STRING"],
    ["version", "INT32"],
    ["publisher", "STRING"],
    ["language", "STRING"],
    ["kind", "STRING"],
    ["date", "STRING"],
    ["time", "STRING"],
    ["time_zone", "STRING"],
    ["date_time", "STRING"],
    ["title", "STRING"],
    ["event", "STRING"],
    ["place", "STRING"],
    ["source_url", "STRING"],
    ["publisher_ref", "STRING"],
    ["turns", "INT32"],
    ["participants", "JSON"],
    ["language_versions", "JSON"],
    ["entities", "STRING"],
  ],
  rows: (r) => {
    const d = r.document;
    const entities = [...new Set((r.enrichment?.mentions ?? []).map((m) => m.entityId))].join(" ");
    return [
      [
        d.id,
        r.version,
        d.publisher,
        d.language,
        d.kind,
        d.when.date,
        d.when.time,
        d.when.timeZone,
        d.when.dateTime,
        d.title,
        d.event,
        d.place,
        d.sourceUrl,
        d.publisherRef,
        d.turns.length,
        // JSON columns take the values themselves: the writer serialises them once.
        d.participants,
        r.languageVersions.map((v) => ({
          id: v.id,
          language: v.language,
          method: v.method,
          confidence: v.confidence,
        })),
        entities,
      ],
    ];
  },
};

const TURNS: Table = {
  rowGroup: 10_000,
  columns: [
    ["document_id", "STRING"],
    ["version", "INT32"],
    ["turn", "INT32"],
    ["speaker_id", "STRING"],
    ["speaker_name", "STRING"],
    ["label", "STRING"],
    ["kind", "STRING"],
    ["language", "STRING"],
    ["interpreted", "BOOLEAN"],
    ["answers_question", "INT32"],
    ["entities", "STRING"],
    ["text", "STRING"],
  ],
  rows: (r) => turnFacts(r).map((facts) => [r.document.id, r.version, ...turnCells(facts)]),
};

/** A row group is also written once its text reaches this many characters, whatever its row count. */
const MAX_GROUP_CHARS = 16_000_000;

/** One table's file, written a row group at a time. */
class TableFile {
  private writer: ParquetWriter | null = null;
  private pending: Cell[][] = [];
  /** Characters of text held in `pending`: a UN speech is one turn of 30,000 characters. */
  private pendingChars = 0;
  rows = 0;

  constructor(
    private readonly file: string,
    private readonly table: Table,
  ) {}

  add(rows: Cell[][]): void {
    for (const row of rows) {
      this.pending.push(row);
      for (const cell of row) if (typeof cell === "string") this.pendingChars += cell.length;
    }
    if (this.pending.length >= this.table.rowGroup || this.pendingChars >= MAX_GROUP_CHARS) this.flush();
  }

  private columnData(rows: Cell[][]): ColumnSource[] {
    return this.table.columns.map(([name, type], i) => ({
      name,
      type,
      nullable: true,
      data: rows.map((row) => row[i] ?? null),
    }));
  }

  private flush(): void {
    const columnData = this.columnData(this.pending);
    if (!this.writer)
      this.writer = new ParquetWriter({
        // Written beside its name and moved there once whole, as the other exports' files are.
        writer: fileWriter(`${this.file}.partial`),
        schema: schemaFromColumnData({ columnData }),
        createdBy: "Verbatim",
      });
    if (this.pending.length) void this.writer.write({ columnData, rowGroupSize: this.pending.length });
    this.rows += this.pending.length;
    this.pending = [];
    this.pendingChars = 0;
  }

  close(): void {
    this.flush();
    void this.writer?.finish();
    renameSync(`${this.file}.partial`, this.file);
  }
}

export interface ParquetSummary {
  documents: number;
  turns: number;
  files: string[];
}

/** Writes `documents.parquet` and `turns.parquet` into `dir` (made if missing). */
export async function exportParquet(
  store: DocumentStore,
  selection: Selection,
  dir: string,
  progress?: (done: number, total: number) => void,
): Promise<ParquetSummary> {
  mkdirSync(dir, { recursive: true });
  const files = { documents: path.join(dir, "documents.parquet"), turns: path.join(dir, "turns.parquet") };
  const documents = new TableFile(files.documents, DOCUMENTS);
  const turns = new TableFile(files.turns, TURNS);
  const { total, ids } = await selectDocuments(store, selection);
  let done = 0;
  for await (const id of ids) {
    const record = await readRecord(store, id);
    if (!record) continue;
    documents.add(DOCUMENTS.rows(record));
    turns.add(TURNS.rows(record));
    progress?.(++done, total);
    if (done % 50 === 0) await nextTurn();
  }
  documents.close();
  turns.close();
  return { documents: documents.rows, turns: turns.rows, files: [files.documents, files.turns] };
}
