/**
 * Compact per-turn metadata (document, speaker, kind) and per-document metadata (publisher,
 * language, dates), held in typed arrays so filters and facets over hundreds of thousands of
 * matching turns cost a loop, not a query. Rebuilt when the archive changes.
 */
import type Database from "better-sqlite3";
import { TURN_KINDS } from "../../model/document.js";

export interface TurnCatalog {
  /** Indexed by turn rowid; -1 for rowids that are not turns. */
  doc: Int32Array;
  speaker: Int32Array;
  kind: Uint8Array;
  /** Language code of each turn (its own, or its document's). */
  language: Int32Array;
  /** All turn rowids, ascending. */
  rowids: Int32Array;
  /** Indexed by document n. */
  docId: string[];
  docTitle: string[];
  docDate: (string | null)[];
  docKind: string[];
  docPublisher: Int32Array;
  docLanguage: Int32Array;
  /** yyyymmdd of the first and last day the document's date covers (a year-only date covers the year); 0 if undated. */
  docFrom: Int32Array;
  docTo: Int32Array;
  docYear: Int32Array;
  speakers: { id: string | null; name: string }[];
  /** Every name a speaker code goes by in the archive: turn names, and aliases documents record for their participants. */
  speakerNames: string[][];
  /** Entities mentioned per turn, as CSR: entity codes of turn r are mentionCodes[mentionStart[r]..mentionStart[r+1]]. */
  mentionStart: Int32Array;
  mentionCodes: Int32Array;
  /** Entity code → [id, display name]. */
  entities: { id: string; name: string }[];
  publishers: string[];
  languages: string[];
}

function dayNumber(date: string, end: boolean): number {
  const [y, m, d] = date.split("-");
  const year = Number(y);
  const month = m ? Number(m) : end ? 12 : 1;
  const day = d ? Number(d) : end ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 1;
  return year * 10000 + month * 100 + day;
}

export function dateBounds(date: string | null): { from: number; to: number } {
  if (!date) return { from: 0, to: 0 };
  return { from: dayNumber(date, false), to: dayNumber(date, true) };
}

export function loadCatalog(db: Database.Database): TurnCatalog {
  const docRows = db
    .prepare<[], [number, string, string, string, string, string | null, string]>(
      "SELECT n, id, publisher, language, kind, date, title FROM doc_index",
    )
    .raw()
    .all();
  const aliasRows = db
    .prepare<[], [string, string]>("SELECT DISTINCT speaker_id, alias FROM speaker_aliases")
    .raw()
    .all();
  const maxDoc = docRows.reduce((m, r) => Math.max(m, r[0]), 0) + 1;
  const publishers: string[] = [];
  const languages: string[] = [];
  const code = (list: string[], map: Map<string, number>, v: string) => {
    let c = map.get(v);
    if (c === undefined) {
      c = list.length;
      list.push(v);
      map.set(v, c);
    }
    return c;
  };
  const publisherCodes = new Map<string, number>();
  const languageCodes = new Map<string, number>();
  const cat: TurnCatalog = {
    doc: new Int32Array(0),
    speaker: new Int32Array(0),
    kind: new Uint8Array(0),
    language: new Int32Array(0),
    rowids: new Int32Array(0),
    docId: new Array(maxDoc).fill(""),
    docTitle: new Array(maxDoc).fill(""),
    docDate: new Array(maxDoc).fill(null),
    docKind: new Array(maxDoc).fill("other"),
    docPublisher: new Int32Array(maxDoc),
    docLanguage: new Int32Array(maxDoc),
    docFrom: new Int32Array(maxDoc),
    docTo: new Int32Array(maxDoc),
    docYear: new Int32Array(maxDoc),
    speakers: [],
    speakerNames: [],
    mentionStart: new Int32Array(0),
    mentionCodes: new Int32Array(0),
    entities: [],
    publishers,
    languages,
  };
  for (const [n, id, publisher, language, kind, date, title] of docRows) {
    cat.docId[n] = id;
    cat.docTitle[n] = title;
    cat.docDate[n] = date;
    cat.docKind[n] = kind;
    cat.docPublisher[n] = code(publishers, publisherCodes, publisher);
    cat.docLanguage[n] = code(languages, languageCodes, language);
    const b = dateBounds(date);
    cat.docFrom[n] = b.from;
    cat.docTo[n] = b.to;
    cat.docYear[n] = date ? Number(date.slice(0, 4)) : 0;
  }

  // One string for all turns: hundreds of thousands of row objects would cost more than the search.
  const packed = db
    .prepare<[], string | null>(
      `SELECT group_concat(rowid || char(9) || doc_n || char(9) || kind || char(9) ||
              ifnull(speaker_id, '') || char(9) || ifnull(speaker_name, '') || char(9) || ifnull(language, ''), char(10))
       FROM (SELECT rowid, doc_n, kind, speaker_id, speaker_name, language FROM turns ORDER BY rowid)`,
    )
    .pluck()
    .get();
  const lines = packed ? packed.split("\n") : [];
  const maxRowid = lines.length ? Number((lines[lines.length - 1] as string).split("\t", 1)[0]) + 1 : 1;
  cat.doc = new Int32Array(maxRowid).fill(-1);
  cat.language = new Int32Array(maxRowid);
  cat.speaker = new Int32Array(maxRowid).fill(-1);
  cat.kind = new Uint8Array(maxRowid);
  cat.rowids = new Int32Array(lines.length);
  const speakerCodes = new Map<string, number>();
  const kindCodes = new Map<string, number>(TURN_KINDS.map((k, i) => [k, i]));
  lines.forEach((line, i) => {
    const [rowid, docN, kind, speakerId, speakerName, language] = line.split("\t");
    const r = Number(rowid);
    cat.rowids[i] = r;
    cat.doc[r] = Number(docN);
    // The turn's own language when enrichment found one (a press conference can switch), else the document's.
    cat.language[r] = language
      ? code(languages, languageCodes, language)
      : (cat.docLanguage[Number(docN)] as number);
    cat.kind[r] = kindCodes.get(kind as string) ?? 0;
    const key = speakerId || (speakerName ? `~${speakerName}` : "");
    if (key) {
      let c = speakerCodes.get(key);
      if (c === undefined) {
        c = cat.speakers.length;
        cat.speakers.push({ id: speakerId || null, name: speakerName || speakerId || "" });
        cat.speakerNames.push([speakerName || speakerId || ""]);
        speakerCodes.set(key, c);
      } else if (speakerName) {
        const names = cat.speakerNames[c] as string[];
        if (!names.includes(speakerName)) names.push(speakerName);
      }
      cat.speaker[r] = c;
    }
  });
  for (const [id, alias] of aliasRows) {
    const names = cat.speakerNames[speakerCodes.get(id) ?? -1];
    if (names && !names.includes(alias)) names.push(alias);
  }
  loadMentions(db, cat);
  return cat;
}

/** Distinct entities per turn, from the enrichment tables (empty when nothing was enriched). */
function loadMentions(db: Database.Database, cat: TurnCatalog): void {
  const names = new Map(db.prepare<[], [string, string]>("SELECT id, name FROM entities").raw().all());
  const packed = db
    .prepare<[], string | null>(
      `SELECT group_concat(turn_rowid || char(9) || entity, char(10))
       FROM (SELECT DISTINCT turn_rowid, entity FROM mentions WHERE turn_rowid IS NOT NULL ORDER BY turn_rowid)`,
    )
    .pluck()
    .get();
  const size = cat.doc.length;
  const start = new Int32Array(size + 1);
  const lines = packed ? packed.split("\n") : [];
  const codes = new Int32Array(lines.length);
  const codeOf = new Map<string, number>();
  const rows: number[] = new Array(lines.length);
  lines.forEach((line, i) => {
    const tab = line.indexOf("\t");
    const r = Number(line.slice(0, tab));
    const id = line.slice(tab + 1);
    let c = codeOf.get(id);
    if (c === undefined) {
      c = cat.entities.length;
      cat.entities.push({ id, name: names.get(id) ?? id });
      codeOf.set(id, c);
    }
    rows[i] = r;
    codes[i] = c;
  });
  // Counting sort by rowid (the rows already come ordered) into CSR offsets.
  for (const r of rows) if (r < size) start[r + 1] = (start[r + 1] as number) + 1;
  for (let r = 0; r < size; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
  cat.mentionStart = start;
  cat.mentionCodes = codes;
}
