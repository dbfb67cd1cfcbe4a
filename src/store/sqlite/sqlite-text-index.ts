/**
 * The search engine's port (model/text-index.ts) over SQLite: FTS5's table of turns (and its
 * scores, where the term counts cannot give them), the turns table for snippets, the vocabulary of
 * turns and titles, and the catalog read packed. Titles are matched by the engine itself.
 */
import type Database from "better-sqlite3";
import { VerbatimError } from "../../errors/catalog.js";
import { idf, termScore } from "../../model/bm25.js";
import { indexTerms } from "../../model/index-text.js";
import type { Speaker } from "../../model/speaker.js";
import { withStems } from "../../model/term-stems.js";
import type {
  CatalogChanges,
  CatalogSink,
  EntityNames,
  Matches,
  MatchGroup,
  MatchTerm,
  ParagraphSpan,
  TextIndex,
  TurnRow,
  Vocabulary,
} from "../../model/text-index.js";
import { intersection, union } from "../turn-lists.js";
import { allOf, anyOf } from "./fts5-expression.js";
import { hasTable } from "./tables.js";
import { ListScratch, storedStemsAreCurrent, TermCounts, type TermList } from "./term-counts.js";
import { type CatalogReader, catalogReader } from "./turn-catalog.js";

/** A term's matches: a word's forms or a prefix with their counts, or a phrase with FTS5's ranks. */
type MatchedTermList =
  | { kind: "forms"; n: Int32Array; forms: TermList[] }
  | { kind: "phrase"; n: Int32Array; ranks: Float64Array | null };

/**
 * Terms whose turns term counts list: a word's forms and a prefix, each a single index term (a
 * form FTS5 would read as several tokens, a phrase, goes to FTS5 with the rest of the plan).
 */
function listable(term: MatchTerm): boolean {
  if (term.type === "phrase") return true;
  const terms = term.type === "forms" ? term.forms : [term.prefix];
  return terms.every((t) => {
    const tokens = indexTerms(t);
    return tokens.length === 1 && tokens[0] === t;
  });
}

/** Terms under a prefix stemmed one by one, in an archive whose term list keeps no stems yet. */
const SCAN_LIMIT = 20_000;

const numbers = (packed: string | null | undefined) =>
  packed ? Int32Array.from(packed.split(","), Number) : new Int32Array(0);

export class SqliteTextIndex implements TextIndex {
  readonly vocabulary: Vocabulary;
  private readonly stmt;
  private readonly counts: TermCounts | null;
  /** Where a match's term lists keep their counts and lengths while it scores (term-counts.ts). */
  private readonly scratch = new ListScratch();
  private readonly catalog: CatalogReader;
  /** The C library's natural logarithm, which FTS5's bm25() uses. */
  private readonly ln: (x: number) => number;

  constructor(
    private readonly db: Database.Database,
    private readonly generation: () => number,
  ) {
    // An archive opened read-only before migration 16 has no term counts: FTS5 scores alone.
    this.counts = hasTable(db, "term_counts") ? new TermCounts(db) : null;
    this.catalog = catalogReader(db);
    const ln = db.prepare<[number], number>("SELECT ln(?)").pluck();
    this.ln = (x) => ln.get(x) as number;
    // Words of turns and of titles: a title word no turn uses still expands to its forms.
    // An archive opened read-only before migration 19 has no term list: FTS5's vocabulary, slower.
    const turnTerms = hasTable(db, "turn_terms") ? "turn_terms" : "turn_vocab";
    const vocab = db.prepare<[string, string, string, string, number], string>(
      `SELECT term FROM ${turnTerms} WHERE term >= ? AND term < ?
       UNION SELECT term FROM doc_vocab WHERE term >= ? AND term < ? ORDER BY 1 LIMIT ?`,
    );
    const termsWithPrefix = async (p: string, limit: number) =>
      vocab.pluck().all(p, `${p}\uffff`, p, `${p}\uffff`, limit);
    // Turns' terms are looked up by their stems (migration 23); titles' terms, far fewer, are
    // stemmed here, as are every term's in an archive opened read-only before the stems it holds
    // were made by today's stemmer (migration 27).
    const byStems = storedStemsAreCurrent(db)
      ? db
          .prepare<[{ stems: string; from: string; to: string; alternate: number; limit: number }], string>(
            `SELECT term FROM turn_terms
             WHERE stem IN (SELECT value FROM json_each(@stems)) AND term >= @from AND term < @to
             UNION SELECT term FROM turn_terms
             WHERE @alternate AND stem_alt IN (SELECT value FROM json_each(@stems)) AND term >= @from AND term < @to
             ORDER BY 1 LIMIT @limit`,
          )
          .pluck()
      : null;
    // One stem of the main stemmer, the usual case, without json_each and the union: a third of the time.
    const byStem = storedStemsAreCurrent(db)
      ? db
          .prepare<[string, string, string, number], string>(
            "SELECT term FROM turn_terms WHERE stem = ? AND term >= ? AND term < ? ORDER BY term LIMIT ?",
          )
          .pluck()
      : null;
    const titleTerms = db
      .prepare<[string, string], string>(
        "SELECT term FROM doc_vocab WHERE term >= ? AND term < ? ORDER BY term",
      )
      .pluck();
    this.vocabulary = {
      termsWithPrefix,
      termsWithStems: async (p, stems, alternate, limit) => {
        if (!byStems) return withStems(await termsWithPrefix(p, SCAN_LIMIT), stems, alternate, limit);
        const end = `${p}\uffff`;
        const fromTitles = withStems(titleTerms.all(p, end), stems, alternate, limit);
        const fromTurns =
          stems.length === 1 && !alternate && byStem
            ? byStem.all(stems[0] as string, p, end, limit)
            : byStems.all({
                stems: JSON.stringify(stems),
                from: p,
                to: end,
                alternate: alternate ? 1 : 0,
                limit,
              });
        if (fromTitles.length === 0) return fromTurns;
        // In SQLite's order (the bytes of UTF-8), as the query's own.
        return [...new Set([...fromTurns, ...fromTitles])]
          .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))
          .slice(0, limit);
      },
    };
    this.stmt = {
      scored: db
        .prepare<[string], [string | null, string | null]>(
          "SELECT group_concat(rowid), group_concat(rank) FROM turn_fts WHERE turn_fts MATCH ?",
        )
        .raw(),
      rowids: db
        .prepare<[string], string | null>("SELECT group_concat(rowid) FROM turn_fts WHERE turn_fts MATCH ?")
        .pluck(),
      turns: db.prepare<[string], TurnRow>(
        `SELECT rowid, idx, speaker_id AS speakerId, speaker_name AS speakerName, label, kind, text FROM turns
         WHERE rowid IN (SELECT value FROM json_each(?))`,
      ),
      openingTurn: db
        .prepare<[string], number>("SELECT rowid FROM turns WHERE doc_id = ? ORDER BY idx LIMIT 1")
        .pluck(),
      mentionSpans: db.prepare<[string, string], { rowid: number } & ParagraphSpan>(
        // The page's few documents are the narrow side (an entity may be mentioned 100,000 times):
        // "+entity" keeps the planner on the document index.
        `SELECT turn_rowid AS rowid, paragraph, start, "end" FROM mentions
         WHERE doc_n IN (SELECT value FROM json_each(?)) AND +entity IN (SELECT value FROM json_each(?))
           AND turn_rowid IS NOT NULL AND paragraph >= 0
         ORDER BY turn_rowid, paragraph, start, "end"`,
      ),
      speakers: db.prepare<[], string>("SELECT body FROM speakers").pluck(),
      entities: db.prepare<[], { id: string; name: string; forms: string }>(
        "SELECT id, name, forms FROM entities",
      ),
      mentionTurns: db
        .prepare<[string], number>(
          "SELECT DISTINCT turn_rowid FROM mentions WHERE turn_rowid IS NOT NULL AND entity IN (SELECT value FROM json_each(?)) ORDER BY 1",
        )
        .pluck(),
      dataVersion: db.prepare<[], number>("PRAGMA data_version").pluck(),
    };
  }

  ownWrites(): number {
    return this.generation();
  }

  /** data_version changes when another connection writes; the generation when this one does. */
  async state(): Promise<string> {
    return `${this.generation()}:${this.stmt.dataVersion.get()}`;
  }

  async readCatalog(sink: CatalogSink): Promise<void> {
    this.catalog.read(sink);
  }

  async readCatalogChanges(mark: string, limit?: number): Promise<CatalogChanges | null> {
    return this.catalog.changes(mark, limit);
  }

  async matchTurns(groups: MatchGroup[], scored: boolean): Promise<Matches> {
    return this.run("turns", () =>
      // The lists, the term counts and FTS5's totals from one snapshot, whatever another process
      // writes meanwhile.
      this.db.transaction(() => {
        const totals = this.counts?.totals();
        if (!this.counts || !totals || !groups.flat().every(listable)) {
          const expression = allOf(groups);
          if (!scored) {
            const rowids = numbers(this.stmt.rowids.get(expression));
            return { rowids, scores: null, length: rowids.length };
          }
          const [rowids, scores] = this.ranked(expression);
          return { rowids, scores, length: rowids.length };
        }
        // Each term's own list: a word's forms and a prefix from term counts (FTS5's match would
        // hand back every row as text to be parsed again: a common word's 200,000 turns cost 80 ms
        // that way, 5 from the counts), a phrase from FTS5, which alone knows positions.
        const blocks = this.counts.blocks();
        this.scratch.reset();
        const lists = groups.map((group) => group.map((term) => this.termList(term, scored, blocks)));
        const rowids = intersection(lists.map((group) => union(group.map((l) => l.n))));
        if (!scored) return { rowids, scores: null, length: rowids.length };
        return { rowids, scores: this.scores(lists.flat(), rowids, totals), length: rowids.length };
      })(),
    );
  }

  /** FTS5's bm25() of the expression, for every matching turn: rowids and scores, ascending. */
  private ranked(expression: string): [Int32Array, Float64Array] {
    // Two aggregates of the same rows, in the same order: one list of rowids, one of scores.
    const [ids, ranks] = this.stmt.scored.get(expression) ?? [null, null];
    return [numbers(ids), ranks ? Float64Array.from(ranks.split(","), Number) : new Float64Array(0)];
  }

  /** The turns one term matches, ascending, with what it adds to their scores. */
  private termList(term: MatchTerm, scored: boolean, blocks: number): MatchedTermList {
    const counts = this.counts as TermCounts;
    if (term.type === "forms") {
      const forms = counts.lists(term.forms, blocks, this.scratch);
      return { kind: "forms", n: union(forms.map((l) => l.n)), forms };
    }
    if (term.type === "prefix") {
      const list = counts.prefixList(term.prefix, blocks);
      return { kind: "forms", n: list.n, forms: [list] };
    }
    if (!scored) return { kind: "phrase", n: numbers(this.stmt.rowids.get(anyOf([term]))), ranks: null };
    const [n, ranks] = this.ranked(anyOf([term]));
    return { kind: "phrase", n, ranks };
  }

  /**
   * FTS5's bm25() of the plan for the turns matched, summed term by term as FTS5 sums its
   * phrases, in the same order: a word's forms and a prefix (its terms' counts summed) from term
   * counts, a phrase (whose count needs positions) from FTS5's score of that one phrase, which is
   * what it adds to the whole.
   */
  private scores(
    lists: MatchedTermList[],
    rowids: Int32Array,
    totals: { count: number; avg: number },
  ): Float64Array {
    const scores = new Float64Array(rowids.length);
    for (const list of lists) {
      if (list.kind === "phrase") {
        addRanks(scores, rowids, list.n, list.ranks as Float64Array);
        continue;
      }
      for (const form of list.forms)
        addTermScores(scores, rowids, form, idf(totals.count, form.n.length, this.ln), totals.avg);
    }
    return scores;
  }

  async matchAnyTurn(terms: MatchTerm[]): Promise<Int32Array> {
    return (await this.matchTurns([terms], false)).rowids;
  }

  async readTurns(rowids: number[]): Promise<Map<number, TurnRow>> {
    const rows = new Map<number, TurnRow>();
    for (let i = 0; i < rowids.length; i += 500) {
      for (const row of this.stmt.turns.all(JSON.stringify(rowids.slice(i, i + 500))))
        rows.set(row.rowid, row);
    }
    return rows;
  }

  async mentionSpans(documents: number[], entities: string[]): Promise<Map<number, ParagraphSpan[]>> {
    const out = new Map<number, ParagraphSpan[]>();
    if (documents.length === 0 || entities.length === 0) return out;
    for (const { rowid, paragraph, start, end } of this.stmt.mentionSpans.all(
      JSON.stringify(documents),
      JSON.stringify(entities),
    )) {
      const spans = out.get(rowid) ?? [];
      spans.push({ paragraph, start, end });
      out.set(rowid, spans);
    }
    return out;
  }

  async openingTurn(docId: string): Promise<number | null> {
    return this.stmt.openingTurn.get(docId) ?? null;
  }

  async speakers(): Promise<Speaker[]> {
    return this.stmt.speakers.all().map((body) => JSON.parse(body) as Speaker);
  }

  async entities(): Promise<EntityNames[]> {
    return this.stmt.entities.all().map((row) => ({
      id: row.id,
      name: row.name,
      forms: (JSON.parse(row.forms) as { text: string }[]).map((f) => f.text),
    }));
  }

  async turnsMentioning(entityIds: string[]): Promise<number[]> {
    return this.stmt.mentionTurns.all(JSON.stringify(entityIds));
  }

  /** The expression is built from index terms only: a failure here is our bug, not the user's. */
  private run<T>(what: string, query: () => T): T {
    try {
      return query();
    } catch (error) {
      throw new VerbatimError("INTERNAL", {
        reason: `full-text query on ${what} failed: ${(error as Error).message}`,
      });
    }
  }
}

/*
 * What one list adds to the scores of the turns matched (both lists ascending: walked side by
 * side). Each kind of list has its loop of its own, where V8 inlines the one score it computes:
 * one loop calling a function per turn, a different one per kind, took about 175 ms where these
 * take about 120 for a rank and a score over the 3 million turns of `the` at 16× the bench corpus
 * (scratch measurement, allocation included).
 */

/** A phrase's FTS5 ranks (bm25() of that one phrase, negative) at the turns it matched. */
function addRanks(scores: Float64Array, rowids: Int32Array, n: Int32Array, ranks: Float64Array): void {
  let i = 0;
  for (let k = 0; k < n.length && i < rowids.length; k++) {
    const turn = n[k] as number;
    while (i < rowids.length && (rowids[i] as number) < turn) i++;
    if (rowids[i] === turn) scores[i] = (scores[i] as number) + (ranks[k] as number);
  }
}

/** A term's BM25 at the turns it is in, from its count there and the turn's length. */
function addTermScores(
  scores: Float64Array,
  rowids: Int32Array,
  list: TermList,
  weight: number,
  averageLength: number,
): void {
  const { n, tf, len } = list;
  let i = 0;
  for (let k = 0; k < n.length && i < rowids.length; k++) {
    const turn = n[k] as number;
    while (i < rowids.length && (rowids[i] as number) < turn) i++;
    if (rowids[i] === turn)
      scores[i] = (scores[i] as number) - termScore(weight, tf[k] as number, len[k] as number, averageLength);
  }
}
