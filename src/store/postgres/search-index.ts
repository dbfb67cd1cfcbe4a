/**
 * Keeps the search tables in step with the current version of each document, as SQLite's
 * search-index.ts does: its turns with their tsvectors, its title row, its speakers' aliases, and
 * the vocabulary's counts. Counts change by deltas gathered over a whole batch and written once,
 * in term order, so two writers never wait on each other's terms in opposite orders.
 */
import type { Document } from "../../model/document.js";
import { displayText } from "../../model/index-text.js";
import { termStems } from "../../model/term-stems.js";
import type { Queryable } from "./db.js";
import { one, rows } from "./db.js";
import { indexText } from "./indexed-text.js";
import { applyPostings, PostingsDelta } from "./postings.js";

/** Term → change in how many turns and titles hold it. */
export type VocabDelta = Map<string, { turns: number; titles: number }>;

/** What a batch changes in the index beyond its own rows: the vocabulary's counts and the postings. */
export class IndexDelta {
  readonly vocab: VocabDelta = new Map();
  readonly postings = new PostingsDelta();
}

function count(delta: IndexDelta, terms: Iterable<string>, field: "turns" | "titles", by: number): void {
  for (const term of terms) {
    let d = delta.vocab.get(term);
    if (!d) {
      d = { turns: 0, titles: 0 };
      delta.vocab.set(term, d);
    }
    d[field] += by;
  }
}

/** Takes a document's turns, title and aliases out of the index; its number goes only when `dropNumber`. */
async function unindex(db: Queryable, id: string, delta: IndexDelta, dropNumber: boolean): Promise<void> {
  for (const t of await rows<{ n: number; text: string }>(db, "SELECT n, text FROM turns WHERE doc_id = $1", [
    id,
  ])) {
    const { terms } = indexText(t.text);
    count(delta, terms, "turns", -1);
    delta.postings.removeTurn(t.n, terms);
  }
  await db.query("DELETE FROM turns WHERE doc_id = $1", [id]);
  await db.query("DELETE FROM speaker_aliases WHERE doc_id = $1", [id]);
  const old = await one<{ n: number; title: string }>(db, "SELECT n, title FROM doc_index WHERE id = $1", [
    id,
  ]);
  if (old) {
    const { terms } = indexText(old.title);
    count(delta, terms, "titles", -1);
  }
  if (dropNumber) await db.query("DELETE FROM doc_index WHERE id = $1", [id]);
}

export async function removeFromIndex(db: Queryable, id: string, delta: IndexDelta): Promise<void> {
  await unindex(db, id, delta, true);
}

/** `fresh`: the document is known not to be indexed yet (a copy into an empty archive), so nothing is taken out first. */
export async function putInIndex(
  db: Queryable,
  doc: Document,
  delta: IndexDelta,
  fresh = false,
): Promise<void> {
  if (!fresh) await unindex(db, doc.id, delta, false);
  const title = indexText(doc.title);
  count(delta, title.terms, "titles", 1);
  // A known document keeps its number n.
  const { n } = (await one<{ n: number }>(
    db,
    `INSERT INTO doc_index (id, publisher, language, kind, date, title, source_url, publisher_ref)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET publisher = excluded.publisher, language = excluded.language,
       kind = excluded.kind, date = excluded.date, title = excluded.title, source_url = excluded.source_url,
       publisher_ref = excluded.publisher_ref
     RETURNING n`,
    [
      doc.id,
      doc.publisher,
      doc.language,
      doc.kind,
      doc.when.date,
      displayText(doc.title),
      doc.sourceUrl,
      doc.publisherRef,
    ],
  )) as { n: number };

  const aliases = doc.participants.flatMap((p) =>
    p.speakerId ? (p.aliases ?? []).map((alias) => [p.speakerId as string, alias]) : [],
  );
  if (aliases.length)
    await db.query(
      "INSERT INTO speaker_aliases (doc_id, speaker_id, alias) SELECT $1, * FROM unnest($2::text[], $3::text[])",
      [doc.id, aliases.map((a) => a[0]), aliases.map((a) => a[1])],
    );

  if (doc.turns.length === 0) return;
  const texts = doc.turns.map((t) => displayText(t.paragraphs.join("\n\n")));
  const indexed = texts.map(indexText);
  for (const t of indexed) count(delta, t.terms, "turns", 1);
  // Inserted in turn order, so turn numbers ascend with the index within a document.
  const inserted = await rows<{ n: number; o: number }>(
    db,
    `INSERT INTO turns (doc_id, doc_n, idx, speaker_id, speaker_name, label, kind, text, len)
     SELECT $1, $2, i, s, sn, l, k, t, len
     FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])
          WITH ORDINALITY AS x(i, s, sn, l, k, t, len, o)
     ORDER BY o
     RETURNING n, idx AS o`,
    [
      doc.id,
      n,
      doc.turns.map((t) => t.index),
      doc.turns.map((t) => t.speakerId),
      doc.turns.map((t) => (t.speakerName === null ? null : displayText(t.speakerName))),
      doc.turns.map((t) => (t.label === null ? null : displayText(t.label))),
      doc.turns.map((t) => t.kind),
      texts,
      indexed.map((t) => t.length),
    ],
  );
  const byIndex = new Map(doc.turns.map((t, i) => [t.index, indexed[i] as (typeof indexed)[number]]));
  for (const { n, o } of inserted) delta.postings.addTurn(n, byIndex.get(o)?.words ?? []);
}

/**
 * Writes what a batch changed beyond its own rows. The caller holds the archive's write lock (it
 * has bumped archive_state.generation in this transaction), so writers take turns here.
 */
export async function applyIndexDelta(db: Queryable, delta: IndexDelta): Promise<void> {
  await applyVocab(db, delta.vocab);
  await applyPostings(db, "postings", delta.postings);
}

/** Writes a batch's vocabulary changes, in term order; terms nothing holds any more go. */
async function applyVocab(db: Queryable, delta: VocabDelta): Promise<void> {
  const changed = [...delta].filter(([, d]) => d.turns !== 0 || d.titles !== 0);
  if (changed.length === 0) return;
  changed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const terms = changed.map(([t]) => t);
  // A new term gets its stems (model/term-stems.ts); a known one keeps them.
  const stems = terms.map(termStems);
  await db.query(
    `INSERT INTO vocab (term, turns, titles, stem, stem_alt)
     SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[])
     ON CONFLICT (term) DO UPDATE SET turns = vocab.turns + excluded.turns, titles = vocab.titles + excluded.titles`,
    [
      terms,
      changed.map(([, d]) => d.turns),
      changed.map(([, d]) => d.titles),
      stems.map((s) => s.main),
      stems.map((s) => s.alternate),
    ],
  );
  await db.query("DELETE FROM vocab WHERE term = ANY($1::text[]) AND turns <= 0 AND titles <= 0", [terms]);
}
