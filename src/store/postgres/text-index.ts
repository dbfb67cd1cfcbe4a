/**
 * The search engine's port (model/text-index.ts) over PostgreSQL: GIN-indexed tsvectors
 * made from Verbatim's own terms (tsvector.ts), matched with tsquery literals written from the
 * typed plan, and scored here with the same Okapi BM25 that SQLite's FTS5 computes, so a query
 * ranks alike on both backends.
 */
import type pg from "pg";
import type { Speaker } from "../../model/speaker.js";
import type {
  CatalogDocument,
  CatalogRows,
  EntityNames,
  Matches,
  MatchGroup,
  MatchTerm,
  TextIndex,
  TurnRow,
  Vocabulary,
} from "../../model/text-index.js";
import { one, rows } from "./db.js";
import {
  allQuery,
  looseAllQuery,
  MAX_POSITION,
  occurrences,
  type Phrase,
  phrasesOf,
  positionedWords,
  positionsOf,
  satisfies,
} from "./tsvector.js";

const numbers = (packed: string | null | undefined) =>
  packed ? Int32Array.from(packed.split(","), Number) : new Int32Array(0);

/** FTS5's bm25() constants. */
const K1 = 1.2;
const B = 0.75;

/** Where a scored search looks: turns or titles. */
interface Corpus {
  table: "turns" | "doc_index";
  vector: "tsv" | "title_tsv";
  length: "len" | "title_len";
  vocabColumn: "turns" | "titles";
}
const TURNS: Corpus = { table: "turns", vector: "tsv", length: "len", vocabColumn: "turns" };
const TITLES: Corpus = {
  table: "doc_index",
  vector: "title_tsv",
  length: "title_len",
  vocabColumn: "titles",
};

export class PgTextIndex implements TextIndex {
  readonly vocabulary: Vocabulary;
  private stats: {
    state: string;
    turns: { count: number; avg: number };
    titles: { count: number; avg: number };
  } | null = null;

  /** `read` gives the pool reads go to (a replica that has caught up, or the primary). */
  constructor(private readonly read: () => Promise<pg.Pool>) {
    this.vocabulary = {
      termsWithPrefix: async (prefix, limit) =>
        (
          await rows<{ term: string }>(
            await read(),
            "SELECT term FROM vocab WHERE term >= $1 AND term < $2 ORDER BY term LIMIT $3",
            [prefix, `${prefix}\uffff`, limit],
          )
        ).map((r) => r.term),
    };
  }

  async state(): Promise<string> {
    const row = await one<{ generation: number }>(await this.read(), "SELECT generation FROM archive_state");
    return String(row?.generation ?? 0);
  }

  async readCatalog(): Promise<CatalogRows> {
    const documents = await rows<CatalogDocument>(
      await this.read(),
      "SELECT n, id, publisher, language, kind, date, title FROM doc_index",
    );
    // One string for all turns: hundreds of thousands of row objects would cost more than the search.
    const turns = await one<{ s: string | null }>(
      await this.read(),
      `SELECT string_agg(n || E'\\t' || doc_n || E'\\t' || kind || E'\\t' || coalesce(speaker_id, '') || E'\\t' ||
                         coalesce(speaker_name, '') || E'\\t' || coalesce(language, ''), E'\\n' ORDER BY n) AS s
       FROM turns`,
    );
    const aliases = await rows<{ speaker_id: string; alias: string }>(
      await this.read(),
      "SELECT DISTINCT speaker_id, alias FROM speaker_aliases",
    );
    const names = await rows<{ id: string; name: string }>(
      await this.read(),
      "SELECT id, name FROM entities",
    );
    const mentions = await one<{ s: string | null }>(
      await this.read(),
      `SELECT string_agg(turn_n || E'\\t' || entity, E'\\n' ORDER BY turn_n, entity) AS s
       FROM (SELECT DISTINCT turn_n, entity FROM mentions WHERE turn_n IS NOT NULL) m`,
    );
    return {
      documents,
      turns: turns?.s ?? "",
      aliases: aliases.map((a): [string, string] => [a.speaker_id, a.alias]),
      entityNames: names.map((e): [string, string] => [e.id, e.name]),
      mentions: mentions?.s ?? "",
    };
  }

  async matchTurns(groups: MatchGroup[], scored: boolean): Promise<Matches> {
    if (!scored) {
      const rowids = await this.matchSet(TURNS, groups);
      return { rowids, scores: null, length: rowids.length };
    }
    const { ids, scores } = await this.scored(TURNS, groups);
    return { rowids: ids, scores, length: ids.length };
  }

  async matchAnyTurn(terms: MatchTerm[]): Promise<Int32Array> {
    return this.matchSet(TURNS, [terms]);
  }

  async matchTitles(group: MatchGroup): Promise<number[]> {
    return Array.from(await this.matchSet(TITLES, [group]));
  }

  async scoreTitles(groups: MatchGroup[]): Promise<Map<number, number>> {
    const out = new Map<number, number>();
    const { ids, scores } = await this.scored(TITLES, groups);
    ids.forEach((id, i) => {
      out.set(id, scores[i] as number);
    });
    return out;
  }

  async readTurns(rowids: number[]): Promise<Map<number, TurnRow>> {
    const found = await rows<TurnRow>(
      await this.read(),
      `SELECT n AS rowid, idx, speaker_id AS "speakerId", speaker_name AS "speakerName", label, kind, text
       FROM turns WHERE n = ANY($1::int[])`,
      [rowids],
    );
    return new Map(found.map((r) => [r.rowid, r]));
  }

  async openingTurn(docId: string): Promise<number | null> {
    const row = await one<{ n: number }>(
      await this.read(),
      "SELECT n FROM turns WHERE doc_id = $1 ORDER BY idx LIMIT 1",
      [docId],
    );
    return row?.n ?? null;
  }

  async speakers(): Promise<Speaker[]> {
    return (await rows<{ body: string }>(await this.read(), "SELECT body FROM speakers")).map(
      (r) => JSON.parse(r.body) as Speaker,
    );
  }

  async entities(): Promise<EntityNames[]> {
    return (
      await rows<{ id: string; name: string; forms: string }>(
        await this.read(),
        "SELECT id, name, forms FROM entities",
      )
    ).map((r) => ({
      id: r.id,
      name: r.name,
      forms: (JSON.parse(r.forms) as { text: string }[]).map((f) => f.text),
    }));
  }

  async turnsMentioning(entityIds: string[]): Promise<number[]> {
    return (
      await rows<{ n: number }>(
        await this.read(),
        "SELECT DISTINCT turn_n AS n FROM mentions WHERE turn_n IS NOT NULL AND entity = ANY($1::text[]) ORDER BY 1",
        [entityIds],
      )
    ).map((r) => r.n);
  }

  /**
   * Rows matching every group, ascending. PostgreSQL answers for the rows whose tsvector holds every
   * position of the phrases' words; a row that says one of those words more than 255 times, or runs
   * past PostgreSQL's 16383rd position, is checked against its text.
   */
  private async matchSet(corpus: Corpus, groups: MatchGroup[]): Promise<Int32Array> {
    const query = allQuery(groups);
    if (query === null) return new Int32Array(0);
    const words = positionedWords(groups.flat());
    if (corpus !== TURNS || words.length === 0) return this.matching(corpus, query, "", []);
    const held = await this.matching(
      corpus,
      query,
      ` AND len <= ${MAX_POSITION} AND NOT (capped && $2::text[])`,
      [words],
    );
    const loose = looseAllQuery(groups);
    if (loose === null) return held;
    const checked = (
      await rows<{ n: number; text: string }>(
        await this.read(),
        `SELECT n, text FROM turns
         WHERE (len > ${MAX_POSITION} OR capped && $2::text[]) AND tsv @@ $1::tsquery ORDER BY n`,
        [loose, words],
      )
    )
      .filter((r) => satisfies(groups, positionsOf(r.text)))
      .map((r) => r.n);
    if (checked.length === 0) return held;
    return Int32Array.from([...held, ...checked].sort((a, b) => a - b));
  }

  /** Numbers of the rows matching a tsquery literal, ascending, packed in one string. */
  private async matching(
    corpus: Corpus,
    query: string,
    extra: string,
    params: unknown[],
  ): Promise<Int32Array> {
    const row = await one<{ s: string | null }>(
      await this.read(),
      `SELECT string_agg(n::text, ',' ORDER BY n) AS s FROM ${corpus.table} WHERE ${corpus.vector} @@ $1::tsquery${extra}`,
      [query, ...params],
    );
    return numbers(row?.s);
  }

  /**
   * Matching rows with FTS5's BM25: for each phrase of the query, idf from the rows holding it
   * (at least 1e-6), its occurrences in the row, and the row's length against the average.
   */
  private async scored(
    corpus: Corpus,
    groups: MatchGroup[],
  ): Promise<{ ids: Int32Array; scores: Float64Array }> {
    const ids = await this.matchSet(corpus, groups);
    if (ids.length === 0) return { ids, scores: new Float64Array(0) };
    const phrases = phrasesOf(groups.flat());
    const stats = await this.corpusStats(corpus);
    // Rows holding each single word come from the vocabulary in one query; phrases and prefixes are counted.
    const single = [
      ...new Set(phrases.filter((p) => p.words.length === 1 && !p.prefix).map((p) => p.words[0] as string)),
    ];
    const known = new Map(
      (
        await rows<{ term: string; n: number }>(
          await this.read(),
          `SELECT term, ${corpus.vocabColumn} AS n FROM vocab WHERE term = ANY($1::text[])`,
          [single],
        )
      ).map((r) => [r.term, r.n]),
    );
    const idf: number[] = [];
    for (const p of phrases) {
      const hits =
        p.words.length === 1 && !p.prefix
          ? (known.get(p.words[0] as string) ?? 0)
          : await this.rowsHolding(corpus, p);
      const value = Math.log((stats.count - hits + 0.5) / (hits + 0.5));
      idf.push(value > 0 ? value : 1e-6);
    }
    const exact = [...new Set(phrases.flatMap((p) => (p.prefix ? p.words.slice(0, -1) : p.words)))];
    const prefixes = [
      ...new Set(phrases.flatMap((p) => (p.prefix ? [p.words[p.words.length - 1] as string] : []))),
    ];
    const words = new Set(positionedWords(groups.flat()));
    // The positions of the query's words in each matching row ("word:1,5 other:2"), and the true
    // counts of the words PostgreSQL capped.
    const capped =
      corpus === TURNS ? "capped, capped_counts" : "'{}'::text[] AS capped, '{}'::int[] AS capped_counts";
    const found = await rows<{
      n: number;
      len: number;
      pos: string | null;
      capped: string[];
      capped_counts: number[];
    }>(
      await this.read(),
      `SELECT n, ${corpus.length} AS len, ${capped},
              (SELECT string_agg(u.lexeme || ':' || array_to_string(u.positions, ','), ' ')
                 FROM unnest(${corpus.vector}) u
                WHERE u.lexeme = ANY($2::text[])
                   OR u.lexeme LIKE ANY($3::text[])) AS pos
       FROM ${corpus.table} WHERE n = ANY($1::int[]) ORDER BY n`,
      // Prefixes as LIKE patterns: index terms hold only letters and digits, so none has % or _ to escape.
      [Array.from(ids), exact, prefixes.map((p) => `${p}%`)],
    );
    // Rows whose phrase words' positions PostgreSQL did not keep in full are read from their text.
    const unreliable = found
      .filter((r) => r.len > MAX_POSITION || r.capped.some((w) => words.has(w)))
      .map((r) => r.n);
    const texts = unreliable.length
      ? new Map(
          (
            await rows<{ n: number; text: string }>(
              await this.read(),
              "SELECT n, text FROM turns WHERE n = ANY($1::int[])",
              [unreliable],
            )
          ).map((r) => [r.n, r.text]),
        )
      : new Map<number, string>();
    const scores = new Float64Array(found.length);
    const out = new Int32Array(found.length);
    found.forEach((row, i) => {
      const text = texts.get(row.n);
      const positions = text === undefined ? parsePositions(row.pos) : positionsOf(text);
      const counts =
        text === undefined
          ? new Map(row.capped.map((w, k) => [w, row.capped_counts[k] as number]))
          : new Map();
      const norm = K1 * (1 - B + (B * row.len) / (stats.avg || 1));
      let score = 0;
      phrases.forEach((p, j) => {
        const tf = occurrences(p, positions, counts);
        if (tf > 0) score += ((idf[j] as number) * tf * (K1 + 1)) / (tf + norm);
      });
      out[i] = row.n;
      scores[i] = -score;
    });
    return { ids: out, scores };
  }

  /** How many rows there are and their average length, once per state of the archive. */
  private async corpusStats(corpus: Corpus): Promise<{ count: number; avg: number }> {
    const state = await this.state();
    if (this.stats?.state !== state) {
      const [t, d] = await Promise.all([
        one<{ count: number; total: number | null }>(
          await this.read(),
          "SELECT count(*) AS count, sum(len) AS total FROM turns",
        ),
        one<{ count: number; total: number | null }>(
          await this.read(),
          "SELECT count(*) AS count, sum(title_len) AS total FROM doc_index",
        ),
      ]);
      const avg = (r: { count: number; total: number | null } | null) => ({
        count: r?.count ?? 0,
        avg: r?.count ? (r.total ?? 0) / r.count : 0,
      });
      this.stats = { state, turns: avg(t), titles: avg(d) };
    }
    return corpus === TURNS ? this.stats.turns : this.stats.titles;
  }

  /** Rows holding a phrase: the vocabulary knows it for a single word; a phrase or prefix is counted. */
  private async rowsHolding(corpus: Corpus, p: Phrase): Promise<number> {
    if (p.words.length === 1 && !p.prefix) {
      const row = await one<{ n: number }>(
        await this.read(),
        `SELECT ${corpus.vocabColumn} AS n FROM vocab WHERE term = $1`,
        [p.words[0]],
      );
      return row?.n ?? 0;
    }
    const term: MatchTerm = p.prefix
      ? { type: "prefix", prefix: p.words.join(" ") }
      : { type: "phrase", words: p.words };
    return (await this.matchSet(corpus, [[term]])).length;
  }
}

function parsePositions(packed: string | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (!packed) return out;
  for (const entry of packed.split(" ")) {
    const colon = entry.lastIndexOf(":");
    out.set(
      entry.slice(0, colon),
      entry
        .slice(colon + 1)
        .split(",")
        .map(Number),
    );
  }
  return out;
}
