/**
 * Compact per-turn metadata (document, speaker, kind, language, entities) and per-document
 * metadata (publisher, language, dates), held in typed arrays so filters and facets over hundreds
 * of thousands of matching turns cost a loop, not a query. Backends give their rows
 * (model/text-index.ts: CatalogRows, turns and mentions packed into one string each); the catalog
 * is built from them once, then brought up to date with the rows of the documents that changed
 * since (CatalogChanges), so a new document costs its own rows, not the archive's.
 */
import { TURN_KINDS } from "../../model/document.js";
import { ownString } from "../../model/own-string.js";
import type { CatalogChanges, CatalogDocument, CatalogRows, CatalogSink } from "../../model/text-index.js";
import { TitleIndex } from "./title-index.js";

/** The first turn number of a document that holds none (its span is [NO_TURN, -1]). */
const NO_TURN = 0x7fffffff;

/** Speaker code → the names its turns go by, with how many turns use each. */
type NameUse = Map<string, number>;

export class TurnCatalog {
  /** Indexed by turn number; -1 for numbers that are not current turns. */
  doc = new Int32Array(0);
  speaker = new Int32Array(0);
  kind = new Uint8Array(0);
  /** Language code of each turn (its own, or its document's). */
  language = new Int32Array(0);
  /** Entities mentioned by turn r: mentionCodes[mentionStart[r]..mentionEnd[r]]. */
  mentionStart = new Int32Array(0);
  mentionEnd = new Int32Array(0);
  mentionCodes = new Int32Array(0);
  /** All current turn numbers, ascending. */
  rowids = new Int32Array(0);
  /** Indexed by document n; "" for numbers that are not current documents. */
  docId: string[] = [];
  docTitle: string[] = [];
  /** The titles' terms, matched and scored by the engine (title-index.ts). */
  readonly titles = new TitleIndex();
  docDate: (string | null)[] = [];
  docKind: string[] = [];
  docPublisher = new Int32Array(0);
  docLanguage = new Int32Array(0);
  /** yyyymmdd of the first and last day the document's date covers (a year-only date covers the year); 0 if undated. */
  docFrom = new Int32Array(0);
  docTo = new Int32Array(0);
  docYear = new Int32Array(0);
  /** Speaker codes: a registered speaker's id, or an unregistered one's name, and the name shown. */
  speakers: { id: string | null; name: string }[] = [];
  /** Every name a speaker code goes by: names its current turns use, then aliases documents record for it. */
  speakerNames: string[][] = [];
  /** Entity code → [id, display name]. */
  entities: { id: string; name: string }[] = [];
  publishers: string[] = [];
  languages: string[] = [];
  /** Bumped by every change, so what is derived from the catalog knows when to derive again. */
  version = 0;
  /** Where the rows it holds were read up to (the backend's journal position; "" if it keeps none). */
  mark = "";

  /** Each document's current turns, ascending (turnsOf), as of `version`; built when first asked. */
  private byDocument: { version: number; start: Int32Array; turns: Int32Array } | null = null;
  /**
   * The lowest and highest turn numbers each document's current turns hold (its turns are numbered
   * together when stored, so the span is theirs alone but for the odd number reused): where a
   * refresh looks for the turns of a changed document. Empty spans are [MAX, -1].
   */
  private docFirstTurn = new Int32Array(0);
  private docLastTurn = new Int32Array(0);

  private readonly publisherCodes = new Map<string, number>();
  private readonly languageCodes = new Map<string, number>();
  private readonly speakerCodes = new Map<string, number>();
  private readonly entityCodes = new Map<string, number>();
  private readonly kindCodes = new Map<string, number>(TURN_KINDS.map((k, i) => [k, i]));
  /** Per turn, the code of the speaker name it was stored with (in `names`), -1 for none. */
  private turnName = new Int32Array(0);
  private readonly names: string[] = [];
  private readonly nameCodes = new Map<string, number>();
  private readonly nameUse: NameUse[] = [];
  private aliases = new Map<number, string[]>();
  private mentionsUsed = 0;
  private mentionsDropped = 0;
  private lastRowid = -1;

  /** Replaces the changed documents' metadata, turns and mentions with the rows given, and names and aliases with the new lists. */
  apply(changes: CatalogChanges): void {
    let maxDoc = this.docId.length - 1;
    for (const n of changes.changed) if (n > maxDoc) maxDoc = n;
    for (const d of changes.documents) if (d.n > maxDoc) maxDoc = d.n;
    this.growDocuments(maxDoc + 1);

    const changed = new Uint8Array(this.docId.length);
    for (const n of changes.changed) changed[n] = 1;
    for (const d of changes.documents) changed[d.n] = 1;
    const touched = new Set<number>();
    // Each changed document's old turns, found within the span of turn numbers it held rather than
    // by a pass over every turn of the archive (a refresh after each write cost that pass).
    for (let n = 0; n < changed.length; n++) {
      if (changed[n] !== 1) continue;
      const last = Math.min(this.docLastTurn[n] as number, this.lastRowid);
      for (let r = this.docFirstTurn[n] as number; r <= last; r++)
        if (this.doc[r] === n) this.removeTurn(r, touched);
      this.clearDocument(n);
    }
    for (const d of changes.documents) this.setDocument(d);
    this.addTurnLines(changes.turns, touched);
    this.addMentions(changes.mentions);
    this.setEntityNames(changes.entityNames, changes.someEntityNames === true);
    this.settle(changes.aliases, changes.mark, touched);
  }

  /**
   * A whole read taken a part at a time (TextIndex.readCatalog), into a catalog that holds
   * nothing yet: the documents, then the turns and mentions in as many parts as the backend likes,
   * then the names and aliases. What `apply` does at once, without the packed rows ever whole.
   */
  loader(): CatalogSink {
    const touched = new Set<number>();
    return {
      documents: (documents) => {
        let maxDoc = this.docId.length - 1;
        for (const d of documents) if (d.n > maxDoc) maxDoc = d.n;
        this.growDocuments(maxDoc + 1);
        for (const d of documents) this.setDocument(d);
      },
      turns: (packed) => this.addTurnLines(packed, touched),
      mentions: (packed) => this.addMentions(packed),
      finish: ({ aliases, entityNames, mark }) => {
        this.setEntityNames(entityNames, false);
        this.settle(aliases, mark, touched);
      },
    };
  }

  /** Aliases set, the touched speakers named, the turn list made again: what ends every change. */
  private settle(aliases: CatalogRows["aliases"], mark: string, touched: Set<number>): void {
    this.setAliases(aliases, touched);
    for (const c of touched) this.nameSpeaker(c);
    this.listTurns();
    if (this.mentionsDropped > this.mentionsUsed / 2) this.compactMentions();
    this.mark = mark;
    this.version++;
  }

  /**
   * Packed turn lines (CatalogRows.turns), in ascending number, read line by line where they lie:
   * splitting them first made an array of a million lines beside the packed string.
   */
  private addTurnLines(packed: string, touched: Set<number>): void {
    if (!packed) return;
    const lastLine = packed.lastIndexOf("\n") + 1;
    this.growTurns(Number(packed.slice(lastLine, packed.indexOf("\t", lastLine))) + 1);
    for (let at = 0; at < packed.length; ) {
      const end = nextLine(packed, at);
      const [n, docN, kind, speakerId, speakerName, language] = packed.slice(at, end).split("\t");
      this.addTurn(
        Number(n),
        Number(docN),
        kind as string,
        speakerId || null,
        speakerName || null,
        language || null,
        touched,
      );
      at = end + 1;
    }
  }

  /** Document d's current turn numbers, ascending. */
  turnsOf(d: number): Int32Array {
    if (this.byDocument?.version !== this.version) {
      // Counting sort of the turns by document: two passes over the turn list.
      const start = new Int32Array(this.docId.length + 1);
      for (const r of this.rowids) {
        const at = (this.doc[r] as number) + 1;
        start[at] = (start[at] as number) + 1;
      }
      for (let i = 1; i < start.length; i++) start[i] = (start[i] as number) + (start[i - 1] as number);
      const turns = new Int32Array(this.rowids.length);
      const next = start.slice(0, this.docId.length);
      for (const r of this.rowids) {
        const at = this.doc[r] as number;
        turns[next[at] as number] = r;
        next[at] = (next[at] as number) + 1;
      }
      this.byDocument = { version: this.version, start, turns };
    }
    const { start, turns } = this.byDocument;
    if (d < 0 || d + 1 >= start.length) return new Int32Array(0);
    return turns.subarray(start[d] as number, start[d + 1] as number);
  }

  private growDocuments(size: number): void {
    if (size <= this.docId.length) return;
    const from = this.docId.length;
    this.docId.length = size;
    this.docTitle.length = size;
    this.docDate.length = size;
    this.docKind.length = size;
    this.docId.fill("", from);
    this.docTitle.fill("", from);
    this.docDate.fill(null, from);
    this.docKind.fill("other", from);
    // The typed arrays have room to spare (half as much again), so most new documents fit.
    if (size > this.docPublisher.length) {
      const capacity = Math.max(size, Math.ceil(this.docPublisher.length * 1.5));
      this.docPublisher = grown(this.docPublisher, capacity, 0);
      this.docLanguage = grown(this.docLanguage, capacity, 0);
      this.docFrom = grown(this.docFrom, capacity, 0);
      this.docTo = grown(this.docTo, capacity, 0);
      this.docYear = grown(this.docYear, capacity, 0);
      this.docFirstTurn = grown(this.docFirstTurn, capacity, NO_TURN);
      this.docLastTurn = grown(this.docLastTurn, capacity, -1);
    }
  }

  private growTurns(size: number): void {
    if (size <= this.doc.length) return;
    const capacity = Math.max(size, Math.ceil(this.doc.length * 1.5));
    this.doc = grown(this.doc, capacity, -1);
    this.speaker = grown(this.speaker, capacity, -1);
    this.kind = grown(this.kind, capacity, 0);
    this.language = grown(this.language, capacity, 0);
    this.turnName = grown(this.turnName, capacity, -1);
    this.mentionStart = grown(this.mentionStart, capacity, 0);
    this.mentionEnd = grown(this.mentionEnd, capacity, 0);
  }

  private clearDocument(n: number): void {
    this.docId[n] = "";
    this.docTitle[n] = "";
    this.titles.clear(n);
    this.docDate[n] = null;
    this.docKind[n] = "other";
    this.docPublisher[n] = 0;
    this.docLanguage[n] = 0;
    this.docFrom[n] = 0;
    this.docTo[n] = 0;
    this.docYear[n] = 0;
    this.docFirstTurn[n] = NO_TURN;
    this.docLastTurn[n] = -1;
  }

  private setDocument({ n, id, publisher, language, kind, date, title }: CatalogDocument): void {
    this.docId[n] = id;
    this.docTitle[n] = title;
    this.titles.set(n, title);
    this.docDate[n] = date;
    this.docKind[n] = kind;
    this.docPublisher[n] = code(this.publishers, this.publisherCodes, publisher);
    this.docLanguage[n] = code(this.languages, this.languageCodes, language);
    const b = dateBounds(date);
    this.docFrom[n] = b.from;
    this.docTo[n] = b.to;
    this.docYear[n] = date ? Number(date.slice(0, 4)) : 0;
  }

  private removeTurn(r: number, touched: Set<number>): void {
    const s = this.speaker[r] as number;
    const name = this.turnName[r] as number;
    if (s >= 0 && name >= 0) {
      const use = this.nameUse[s] as NameUse;
      const key = this.names[name] as string;
      const left = (use.get(key) ?? 1) - 1;
      if (left > 0) use.set(key, left);
      else use.delete(key);
      touched.add(s);
    }
    this.doc[r] = -1;
    this.speaker[r] = -1;
    this.turnName[r] = -1;
    this.kind[r] = 0;
    this.language[r] = 0;
    this.mentionsDropped += (this.mentionEnd[r] as number) - (this.mentionStart[r] as number);
    this.mentionEnd[r] = this.mentionStart[r] as number;
  }

  private addTurn(
    r: number,
    docN: number,
    kind: string,
    speakerId: string | null,
    speakerName: string | null,
    language: string | null,
    touched: Set<number>,
  ): void {
    // A number another document's turn still holds means that document changed too; its turn goes.
    if ((this.doc[r] as number) >= 0) this.removeTurn(r, touched);
    this.doc[r] = docN;
    if (r < (this.docFirstTurn[docN] as number)) this.docFirstTurn[docN] = r;
    if (r > (this.docLastTurn[docN] as number)) this.docLastTurn[docN] = r;
    // The turn's own language when enrichment found one (a press conference can switch), else the document's.
    this.language[r] = language
      ? code(this.languages, this.languageCodes, language)
      : (this.docLanguage[docN] as number);
    this.kind[r] = this.kindCodes.get(kind) ?? 0;
    if (r > this.lastRowid) this.lastRowid = r;
    const key = speakerId || (speakerName ? `~${speakerName}` : "");
    if (!key) return;
    let s = this.speakerCodes.get(key);
    if (s === undefined) {
      s = this.speakers.length;
      this.speakers.push({
        id: speakerId ? ownString(speakerId) : null,
        name: ownString(speakerName || speakerId || ""),
      });
      this.speakerNames.push([]);
      this.nameUse.push(new Map());
      this.speakerCodes.set(ownString(key), s);
    }
    this.speaker[r] = s;
    const nameCode = code(this.names, this.nameCodes, speakerName || speakerId || "");
    this.turnName[r] = nameCode;
    // The catalog's own copy of the name as the key, not the piece of the rows it was cut from.
    const name = this.names[nameCode] as string;
    const use = this.nameUse[s] as NameUse;
    use.set(name, (use.get(name) ?? 0) + 1);
    touched.add(s);
  }

  /** Distinct (turn, entity) lines in ascending turn number, for turns just added. */
  private addMentions(packed: string): void {
    if (!packed) return;
    let lines = 1;
    for (let at = packed.indexOf("\n"); at >= 0; at = packed.indexOf("\n", at + 1)) lines++;
    if (this.mentionsUsed + lines > this.mentionCodes.length)
      this.mentionCodes = grown(
        this.mentionCodes,
        Math.max(this.mentionsUsed + lines, Math.ceil(this.mentionCodes.length * 1.5)),
        0,
      );
    let current = -1;
    for (let at = 0; at < packed.length; ) {
      const end = nextLine(packed, at);
      const tab = packed.indexOf("\t", at);
      const r = Number(packed.slice(at, tab));
      at = end + 1;
      if (r >= this.doc.length || (this.doc[r] as number) < 0) continue;
      if (r !== current) {
        current = r;
        this.mentionsDropped += (this.mentionEnd[r] as number) - (this.mentionStart[r] as number);
        this.mentionStart[r] = this.mentionsUsed;
        this.mentionEnd[r] = this.mentionsUsed;
      }
      this.mentionCodes[this.mentionsUsed++] = this.entityCode(packed.slice(tab + 1, end));
      this.mentionEnd[r] = this.mentionsUsed;
    }
  }

  private entityCode(id: string): number {
    let c = this.entityCodes.get(id);
    if (c === undefined) {
      c = this.entities.length;
      const own = ownString(id);
      this.entities.push({ id: own, name: own });
      this.entityCodes.set(own, c);
    }
    return c;
  }

  /** Every entity's name from the list; with `some`, only the entities listed (the others did not change). */
  private setEntityNames(names: [id: string, name: string][], some: boolean): void {
    if (some) {
      for (const [id, name] of names) {
        const c = this.entityCodes.get(id);
        if (c !== undefined) (this.entities[c] as { name: string }).name = name;
      }
      return;
    }
    const byId = new Map(names);
    for (const e of this.entities) e.name = byId.get(e.id) ?? e.id;
  }

  private setAliases(aliases: [speakerId: string, alias: string][], touched: Set<number>): void {
    const next = new Map<number, string[]>();
    for (const [id, alias] of aliases) {
      const s = this.speakerCodes.get(id);
      if (s === undefined) continue;
      const list = next.get(s) ?? [];
      if (!list.includes(alias)) list.push(ownString(alias));
      next.set(s, list);
    }
    for (const s of this.aliases.keys()) touched.add(s);
    for (const s of next.keys()) touched.add(s);
    this.aliases = next;
  }

  /** A speaker code's names: those its turns use, then its aliases; shown by a name still in use. */
  private nameSpeaker(s: number): void {
    const use = this.nameUse[s] as NameUse;
    const names = [...use.keys()];
    for (const alias of this.aliases.get(s) ?? []) if (!use.has(alias)) names.push(alias);
    const speaker = this.speakers[s] as { id: string | null; name: string };
    if (!use.has(speaker.name) && use.size > 0) speaker.name = names[0] as string;
    this.speakerNames[s] = names.length > 0 ? names : [speaker.name];
  }

  private listTurns(): void {
    let count = 0;
    for (let r = 0; r <= this.lastRowid; r++) if ((this.doc[r] as number) >= 0) count++;
    const rowids = new Int32Array(count);
    let i = 0;
    for (let r = 0; r <= this.lastRowid; r++) if ((this.doc[r] as number) >= 0) rowids[i++] = r;
    this.rowids = rowids;
  }

  /** Rewrites the mention codes without the ranges of turns that went or changed. */
  private compactMentions(): void {
    const codes = new Int32Array(Math.max(16, Math.ceil((this.mentionsUsed - this.mentionsDropped) * 1.25)));
    let used = 0;
    for (const r of this.rowids) {
      const from = this.mentionStart[r] as number;
      const to = this.mentionEnd[r] as number;
      this.mentionStart[r] = used;
      for (let i = from; i < to; i++) codes[used++] = this.mentionCodes[i] as number;
      this.mentionEnd[r] = used;
    }
    this.mentionCodes = codes;
    this.mentionsUsed = used;
    this.mentionsDropped = 0;
  }
}

/** Where the line that starts at `at` ends: its newline, or the end of the text. */
function nextLine(packed: string, at: number): number {
  const end = packed.indexOf("\n", at);
  return end < 0 ? packed.length : end;
}

/** The catalog of a backend's rows (see CatalogRows for the packed strings' layout). */
export function buildCatalog(rows: CatalogRows): TurnCatalog {
  const catalog = new TurnCatalog();
  catalog.apply({ ...rows, changed: [] });
  return catalog;
}

function grown<T extends Int32Array | Uint8Array>(array: T, size: number, fill: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/**
 * A value's code, a new one for a value not seen before. What is kept is a copy: values are cut
 * from the backend's packed rows (CatalogRows), and a piece kept of a long string keeps the whole
 * (model/own-string.ts): at four times the bench corpus, a speaker's name and an entity's id held
 * the packed turns and mentions (86 and 65 MB) for the life of the server.
 */
function code(list: string[], map: Map<string, number>, v: string): number {
  let c = map.get(v);
  if (c === undefined) {
    c = list.length;
    const own = ownString(v);
    list.push(own);
    map.set(own, c);
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
