/**
 * Compact per-turn metadata (document, speaker, kind, language, entities) and per-document
 * metadata (publisher, language, dates), held in typed arrays so filters and facets over hundreds
 * of thousands of matching turns cost a loop, not a query. Backends give their rows
 * (model/text-index.ts, CatalogRows: turns and mentions packed into one string each);
 * `buildCatalog` reads them, and the engine rebuilds the catalog when the archive's state changes.
 */
import { TURN_KINDS } from "../../model/document.js";
import type { CatalogDocument, CatalogRows } from "../../model/text-index.js";

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

/** Builds a catalog from a backend's rows: documents first, then turns in ascending number, then names and mentions. */
class CatalogBuilder {
  private readonly cat: TurnCatalog;
  private readonly publisherCodes = new Map<string, number>();
  private readonly languageCodes = new Map<string, number>();
  private readonly speakerCodes = new Map<string, number>();
  private readonly kindCodes = new Map<string, number>(TURN_KINDS.map((k, i) => [k, i]));
  private turnCount = 0;

  constructor(documents: CatalogDocument[]) {
    const maxDoc = documents.reduce((m, r) => Math.max(m, r.n), 0) + 1;
    this.cat = {
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
      publishers: [],
      languages: [],
    };
    const cat = this.cat;
    for (const { n, id, publisher, language, kind, date, title } of documents) {
      cat.docId[n] = id;
      cat.docTitle[n] = title;
      cat.docDate[n] = date;
      cat.docKind[n] = kind;
      cat.docPublisher[n] = code(cat.publishers, this.publisherCodes, publisher);
      cat.docLanguage[n] = code(cat.languages, this.languageCodes, language);
      const b = dateBounds(date);
      cat.docFrom[n] = b.from;
      cat.docTo[n] = b.to;
      cat.docYear[n] = date ? Number(date.slice(0, 4)) : 0;
    }
  }

  /** Sizes the per-turn arrays: how many turns will be added, and the largest turn number. */
  expectTurns(count: number, maxRowid: number): void {
    const size = maxRowid + 1;
    this.cat.doc = new Int32Array(size).fill(-1);
    this.cat.language = new Int32Array(size);
    this.cat.speaker = new Int32Array(size).fill(-1);
    this.cat.kind = new Uint8Array(size);
    this.cat.rowids = new Int32Array(count);
  }

  /** Adds a turn; turns come in ascending number. */
  addTurn(
    rowid: number,
    docN: number,
    kind: string,
    speakerId: string | null,
    speakerName: string | null,
    language: string | null,
  ): void {
    const cat = this.cat;
    cat.rowids[this.turnCount++] = rowid;
    cat.doc[rowid] = docN;
    // The turn's own language when enrichment found one (a press conference can switch), else the document's.
    cat.language[rowid] = language
      ? code(cat.languages, this.languageCodes, language)
      : (cat.docLanguage[docN] as number);
    cat.kind[rowid] = this.kindCodes.get(kind) ?? 0;
    const key = speakerId || (speakerName ? `~${speakerName}` : "");
    if (!key) return;
    let c = this.speakerCodes.get(key);
    if (c === undefined) {
      c = cat.speakers.length;
      cat.speakers.push({ id: speakerId || null, name: speakerName || speakerId || "" });
      cat.speakerNames.push([speakerName || speakerId || ""]);
      this.speakerCodes.set(key, c);
    } else if (speakerName) {
      const names = cat.speakerNames[c] as string[];
      if (!names.includes(speakerName)) names.push(speakerName);
    }
    cat.speaker[rowid] = c;
  }

  /** Another name a speaker goes by (aliases documents record for their participants). */
  addAlias(speakerId: string, alias: string): void {
    const names = this.cat.speakerNames[this.speakerCodes.get(speakerId) ?? -1];
    if (names && !names.includes(alias)) names.push(alias);
  }

  /**
   * The entities each turn mentions: distinct (turn, entity) pairs in ascending turn number, and
   * the entities' display names.
   */
  setMentions(turns: Int32Array | number[], entityIds: string[], names: Map<string, string>): void {
    const cat = this.cat;
    const size = cat.doc.length;
    const start = new Int32Array(size + 1);
    const codes = new Int32Array(entityIds.length);
    const codeOf = new Map<string, number>();
    entityIds.forEach((id, i) => {
      let c = codeOf.get(id);
      if (c === undefined) {
        c = cat.entities.length;
        cat.entities.push({ id, name: names.get(id) ?? id });
        codeOf.set(id, c);
      }
      codes[i] = c;
    });
    // Counting sort by turn number (the rows already come ordered) into CSR offsets.
    for (const r of turns) if (r < size) start[r + 1] = (start[r + 1] as number) + 1;
    for (let r = 0; r < size; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
    cat.mentionStart = start;
    cat.mentionCodes = codes;
  }

  build(): TurnCatalog {
    if (this.cat.mentionStart.length === 0) this.cat.mentionStart = new Int32Array(this.cat.doc.length + 1);
    return this.cat;
  }
}

/** The catalog of a backend's rows (see CatalogRows for the packed strings' layout). */
export function buildCatalog(rows: CatalogRows): TurnCatalog {
  const builder = new CatalogBuilder(rows.documents);
  const lines = rows.turns ? rows.turns.split("\n") : [];
  const last = lines[lines.length - 1];
  builder.expectTurns(lines.length, last ? Number(last.split("\t", 1)[0]) : 0);
  for (const line of lines) {
    const [n, docN, kind, speakerId, speakerName, language] = line.split("\t");
    builder.addTurn(
      Number(n),
      Number(docN),
      kind as string,
      speakerId || null,
      speakerName || null,
      language || null,
    );
  }
  for (const [id, alias] of rows.aliases) builder.addAlias(id, alias);
  const mentionLines = rows.mentions ? rows.mentions.split("\n") : [];
  const turns = new Int32Array(mentionLines.length);
  const entities: string[] = new Array(mentionLines.length);
  mentionLines.forEach((line, i) => {
    const tab = line.indexOf("\t");
    turns[i] = Number(line.slice(0, tab));
    entities[i] = line.slice(tab + 1);
  });
  builder.setMentions(turns, entities, new Map(rows.entityNames));
  return builder.build();
}

function code(list: string[], map: Map<string, number>, v: string): number {
  let c = map.get(v);
  if (c === undefined) {
    c = list.length;
    list.push(v);
    map.set(v, c);
  }
  return c;
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
