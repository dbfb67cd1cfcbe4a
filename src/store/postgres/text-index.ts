/**
 * The search engine's port (model/text-index.ts) over PostgreSQL. Turns are matched and scored
 * from Verbatim's own postings (postings.ts, posting-reads.ts), made from the same index terms as
 * SQLite's FTS5 tables and scored with the same Okapi BM25, so a query ranks alike on both
 * backends (titles are the engine's, search/engine/title-index.ts). The catalog, turns, speakers
 * and entities are read from their tables.
 */
import type pg from "pg";
import type { Speaker } from "../../model/speaker.js";
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
import { readCatalogChangesSince, readWholeCatalog } from "./catalog-changes.js";
import { one, rows, snapshot } from "./db.js";
import { matchAnyPosting, matchPostings } from "./posting-reads.js";

export class PgTextIndex implements TextIndex {
  readonly vocabulary: Vocabulary;
  private stats: { state: string; turns: { count: number; avg: number } } | null = null;
  /** The state last read (state()). */
  private seen: string | null = null;

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
      termsWithStems: async (prefix, stems, alternate, limit) =>
        (
          await rows<{ term: string }>(
            await read(),
            `SELECT term FROM vocab WHERE stem = ANY($1::text[]) AND term >= $2 AND term < $3
             UNION SELECT term FROM vocab WHERE $4 AND stem_alt = ANY($1::text[]) AND term >= $2 AND term < $3
             ORDER BY 1 LIMIT $5`,
            [stems, prefix, `${prefix}\uffff`, alternate, limit],
          )
        ).map((r) => r.term),
    };
  }

  async state(): Promise<string> {
    const row = await one<{ generation: number }>(await this.read(), "SELECT generation FROM archive_state");
    this.seen = String(row?.generation ?? 0);
    return this.seen;
  }

  async readCatalog(sink: CatalogSink): Promise<void> {
    await snapshot(await this.read(), (db) => readWholeCatalog(db, sink));
  }

  async readCatalogChanges(mark: string): Promise<CatalogChanges | null> {
    if (!/^\d+$/.test(mark)) return null;
    return snapshot(await this.read(), (db) => readCatalogChangesSince(db, mark));
  }

  /** Turns are matched and scored from the postings (posting-reads.ts). */
  async matchTurns(groups: MatchGroup[], scored: boolean): Promise<Matches> {
    const stats = scored ? await this.turnStats() : null;
    const { n, scores } = await matchPostings(await this.read(), "postings", groups, stats);
    return { rowids: n, scores, length: n.length };
  }

  async matchAnyTurn(terms: MatchTerm[]): Promise<Int32Array> {
    return matchAnyPosting(await this.read(), "postings", terms);
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

  async mentionSpans(documents: number[], entities: string[]): Promise<Map<number, ParagraphSpan[]>> {
    const out = new Map<number, ParagraphSpan[]>();
    if (documents.length === 0 || entities.length === 0) return out;
    const found = await rows<{ rowid: number } & ParagraphSpan>(
      await this.read(),
      `SELECT turn_n AS rowid, paragraph, start, "end" FROM mentions
       WHERE doc_n = ANY($1::int[]) AND entity = ANY($2::text[]) AND turn_n IS NOT NULL AND paragraph >= 0
       ORDER BY turn_n, paragraph, start, "end"`,
      [documents, entities],
    );
    for (const { rowid, paragraph, start, end } of found) {
      const spans = out.get(rowid) ?? [];
      spans.push({ paragraph, start, end });
      out.set(rowid, spans);
    }
    return out;
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

  /** How many turns there are and their average length, once per state of the archive. */
  private async turnStats(): Promise<{ count: number; avg: number }> {
    // The engine asks for the state at the start of every search: that answer serves the search.
    const state = this.seen ?? (await this.state());
    if (this.stats?.state !== state) {
      const t = await one<{ count: number; total: number | null }>(
        await this.read(),
        "SELECT count(*) AS count, sum(len) AS total FROM turns",
      );
      const count = t?.count ?? 0;
      this.stats = { state, turns: { count, avg: count ? (t?.total ?? 0) / count : 0 } };
    }
    return this.stats.turns;
  }
}
