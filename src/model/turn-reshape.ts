/**
 * Splitting a turn in two and merging two turns into one (editors' corrections, corrections.ts),
 * and where everything that points into turns lands afterwards: pairs, stage-direction notes, and
 * what enrichment found (mentions, time expressions, each turn's language). The words stay exactly
 * as published; only the whitespace at a split point is left out.
 */
import type { Document, QaPair, Turn } from "./document.js";
import type { Enrichment, Located } from "./enrichment.js";

/** A split or merge as applied: enough to move any position from before it to after it. */
export type Reshape =
  | {
      kind: "split";
      turn: number;
      paragraph: number;
      /** Where the new turn's text starts in that paragraph (after the whitespace at the split). */
      from: number;
      /** Where the first part's text ends in that paragraph (before the whitespace). */
      to: number;
    }
  | { kind: "merge"; turn: number; firstParagraphs: number };

/** A position in a document: a turn, a paragraph (-1 is the label) and UTF-16 offsets in it. */
export interface Span extends Located {
  start: number;
  end: number;
}

/** Why a split cannot be made there, or null when it can. */
export function invalidSplit(doc: Document, turn: number, paragraph: number, at: number): string | null {
  const t = doc.turns[turn];
  if (!t) return `the document has no turn ${turn}`;
  const text = t.paragraphs[paragraph];
  if (!Number.isInteger(paragraph) || text === undefined) return `turn ${turn} has no paragraph ${paragraph}`;
  if (!Number.isInteger(at) || at < 0 || at >= text.length)
    return `paragraph ${paragraph} of turn ${turn} has no character ${at}`;
  const before = t.paragraphs.slice(0, paragraph).join("") + text.slice(0, at);
  if (before.trim() === "") return "a split leaves the first part empty: split after some words";
  if (text.slice(at).trim() === "") return "a split leaves the second part empty";
  return null;
}

/**
 * The document with turn `turn` cut before character `at` of its paragraph `paragraph`. The second
 * part is a turn of its own, of the same kind, with no label and no speaker yet: an unknown
 * speaker until an editor names one, rather than a guess.
 */
export function splitTurn(
  doc: Document,
  turn: number,
  paragraph: number,
  at: number,
): { document: Document; reshape: Reshape } {
  const t = doc.turns[turn] as Turn;
  const text = t.paragraphs[paragraph] as string;
  const head = text.slice(0, at).trimEnd();
  const tail = text.slice(at).trimStart();
  const reshape: Reshape = {
    kind: "split",
    turn,
    paragraph,
    from: text.length - tail.length,
    to: head.length,
  };
  const first: Turn = {
    ...t,
    paragraphs: [...t.paragraphs.slice(0, paragraph), ...(head ? [head] : [])],
    notes: [],
  };
  const second: Turn = {
    ...t,
    index: turn + 1,
    label: null,
    speakerId: null,
    speakerName: null,
    addressedTo: null,
    paragraphs: [tail, ...t.paragraphs.slice(paragraph + 1)],
    notes: [],
  };
  for (const note of t.notes) {
    const moved = mapSpan({ turn, ...note }, [reshape]);
    if (!moved) continue;
    const target = moved.turn === turn ? first : second;
    target.notes.push({ paragraph: moved.paragraph, start: moved.start, end: moved.end, text: note.text });
  }
  const turns = [
    ...doc.turns.slice(0, turn),
    first,
    second,
    ...doc.turns.slice(turn + 1).map((x) => ({ ...x, index: x.index + 1 })),
  ];
  const shift = (i: number) => (i > turn ? i + 1 : i);
  const qa = doc.qa.map((p) => ({ question: shift(p.question), answers: p.answers.map(shift) }));
  return { document: { ...doc, turns, qa }, reshape };
}

/**
 * The document with turn `turn` and the one after it read as one turn: the first one's label,
 * speaker and kind, both turns' paragraphs. Pairs that named the second name the first.
 */
export function mergeTurns(doc: Document, turn: number): { document: Document; reshape: Reshape } {
  const a = doc.turns[turn] as Turn;
  const b = doc.turns[turn + 1] as Turn;
  const reshape: Reshape = { kind: "merge", turn, firstParagraphs: a.paragraphs.length };
  const merged: Turn = {
    ...a,
    paragraphs: [...a.paragraphs, ...b.paragraphs],
    notes: [...a.notes, ...b.notes.map((n) => ({ ...n, paragraph: n.paragraph + a.paragraphs.length }))],
  };
  const turns = [
    ...doc.turns.slice(0, turn),
    merged,
    ...doc.turns.slice(turn + 2).map((x) => ({ ...x, index: x.index - 1 })),
  ];
  const move = (i: number) => (i > turn ? i - 1 : i);
  const byQuestion = new Map<number, QaPair>();
  for (const p of doc.qa) {
    const question = move(p.question);
    const pair = byQuestion.get(question) ?? { question, answers: [] };
    for (const answer of p.answers.map(move))
      if (answer !== question && !pair.answers.includes(answer)) pair.answers.push(answer);
    pair.answers.sort((x, y) => x - y);
    byQuestion.set(question, pair);
  }
  const qa = [...byQuestion.values()].sort((x, y) => x.question - y.question);
  return { document: { ...doc, turns, qa }, reshape };
}

/**
 * Where a span lands after the reshapes, in order; null when it no longer exists whole (it
 * straddled a split point, or was the second turn's label, which a merge leaves out).
 */
export function mapSpan(span: Span, reshapes: readonly Reshape[]): Span | null {
  let s: Span = span;
  for (const r of reshapes) {
    if (s.turn < 0) return s; // the title, participants and place are not in any turn
    if (r.kind === "split") {
      if (s.turn > r.turn) s = { ...s, turn: s.turn + 1 };
      else if (s.turn === r.turn && s.paragraph > r.paragraph)
        s = { ...s, turn: s.turn + 1, paragraph: s.paragraph - r.paragraph };
      else if (s.turn === r.turn && s.paragraph === r.paragraph) {
        if (s.end <= r.to) continue;
        if (s.start < r.from) return null;
        s = { ...s, turn: s.turn + 1, paragraph: 0, start: s.start - r.from, end: s.end - r.from };
      }
    } else {
      if (s.turn > r.turn + 1) s = { ...s, turn: s.turn - 1 };
      else if (s.turn === r.turn + 1) {
        if (s.paragraph < 0) return null;
        s = { ...s, turn: r.turn, paragraph: s.paragraph + r.firstParagraphs };
      }
    }
  }
  return s;
}

/** An enrichment of the extracted document moved onto the reshaped one. */
export function reshapeEnrichment(e: Enrichment, reshapes: readonly Reshape[]): Enrichment {
  const move = <T extends Span>(items: T[]): T[] =>
    items.flatMap((item) => {
      const at = mapSpan(item, reshapes);
      return at ? [{ ...item, ...at }] : [];
    });
  let languages = [...e.turnLanguages];
  for (const r of reshapes) {
    languages =
      r.kind === "split"
        ? [...languages.slice(0, r.turn + 1), languages[r.turn] as string, ...languages.slice(r.turn + 1)]
        : [...languages.slice(0, r.turn + 1), ...languages.slice(r.turn + 2)];
  }
  return { ...e, turnLanguages: languages, mentions: move(e.mentions), times: move(e.times) };
}
