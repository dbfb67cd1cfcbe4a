/**
 * The enrichment stage: document → entities mentioned, time expressions normalised against the
 * document's date, and the language of every turn. Pure and re-runnable: when the gazetteer
 * improves, the stored archive is enriched again without re-ingesting (`verbatim reenrich`).
 */
import { eld } from "eld/medium";
import type { Document } from "../model/document.js";
import type { EntityMatcher, EntityMention } from "./entity-matcher.js";
import { findTimeExpressions, type TimeExpression } from "./time-expressions.js";

/** Bumped when what enrichment finds changes, so stored enrichments can be recognised as stale. */
export const ENRICHMENT_VERSION = 1;

export interface Located {
  /** Turn index; -1 for the document's title, -2 for its participants. Paragraph -1 is the turn's label. */
  turn: number;
  paragraph: number;
}

export interface Enrichment {
  version: number;
  documentId: string;
  /** Language of each turn, in turn order (a press conference can switch language). */
  turnLanguages: string[];
  mentions: (EntityMention & Located)[];
  times: (TimeExpression & Located)[];
}

/** Detected language of a text, or the fallback when the text is too short to tell. */
export function detectLanguage(text: string, fallback: string): string {
  // Short turns ("Thank you.", "Q Yes.") rarely switch language and are too short to judge.
  if (text.length < 200) return fallback;
  // A few hundred characters decide a language as well as a whole speech does, at a fraction of the cost.
  const result = eld.detect(text.slice(0, 600));
  const lang = result.language;
  return lang && result.isReliable() ? lang : fallback;
}

export function enrichDocument(doc: Document, matcher: EntityMatcher): Enrichment {
  const mentions: Enrichment["mentions"] = [];
  const times: Enrichment["times"] = [];
  const turnLanguages: string[] = [];
  const dated = doc.when.date && /^\d{4}-\d{2}-\d{2}$/.test(doc.when.date) ? doc.when.date : null;
  for (const m of matcher.find(doc.title)) mentions.push({ ...m, turn: -1, paragraph: 0 });
  // People the page names outside the text: a signature, a participant line, a speaker label.
  for (const p of doc.participants) {
    for (const m of matcher.find(p.name))
      if (m.type === "person") mentions.push({ ...m, turn: -2, paragraph: 0 });
  }
  for (const turn of doc.turns) {
    if (!turn.label) continue;
    for (const m of matcher.find(turn.label)) mentions.push({ ...m, turn: turn.index, paragraph: -1 });
  }
  for (const turn of doc.turns) {
    const lang = detectLanguage(turn.paragraphs.join(" "), doc.language);
    turnLanguages.push(lang);
    turn.paragraphs.forEach((p, paragraph) => {
      for (const m of matcher.find(p)) mentions.push({ ...m, turn: turn.index, paragraph });
      for (const t of findTimeExpressions(p, lang, dated)) times.push({ ...t, turn: turn.index, paragraph });
    });
  }
  return { version: ENRICHMENT_VERSION, documentId: doc.id, turnLanguages, mentions, times };
}
