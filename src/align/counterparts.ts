/**
 * Search across languages: for each matching turn, the sentence that holds the match and its
 * aligned counterpart in the document's other-language version, so that a journalist quoting the
 * English can see the Russian original of that exact sentence.
 */
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import type { DocumentHit, SearchResult, TurnHit } from "../model/search-results.js";
import type { StoreBackend } from "../store/store.js";
import { cachedAlignPair, type PairAlignment } from "./service.js";

export interface Counterpart {
  documentId: string;
  language: string;
  /** The counterpart sentences, joined. */
  text: string;
  confidence: number;
  /** The reader's permalink of the counterpart paragraph. */
  permalink: string;
}

/** The sentence of the turn that holds the snippet's first match, as [flat paragraph, sentence]. */
function matchedSentence(pair: PairAlignment, turnIndex: number, hit: TurnHit): [number, number] | null {
  const { refs, sentences } = pair.text.a;
  const word = hit.snippet.find((s) => s.match)?.text.toLowerCase() ?? null;
  let fallback: [number, number] | null = null;
  for (let flat = 0; flat < refs.length; flat++) {
    const ref = refs[flat];
    if (!ref || ref.turn !== turnIndex) continue;
    const list = sentences[flat] ?? [];
    fallback ??= list.length ? [flat, 0] : null;
    if (!word) break;
    const at = list.findIndex((s) => s.text.toLowerCase().includes(word));
    if (at >= 0) return [flat, at];
  }
  return fallback;
}

function counterpartOf(pair: PairAlignment, hit: TurnHit): Counterpart | null {
  const where = matchedSentence(pair, hit.index, hit);
  if (!where) return null;
  const link = pair.alignment.sentences.find((s) => s.a.some(([p, i]) => p === where[0] && i === where[1]));
  if (!link || link.b.length === 0) return null;
  const { refs, sentences } = pair.text.b;
  const first = refs[link.b[0]?.[0] as number];
  return {
    documentId: pair.b.id,
    language: pair.b.language,
    text: link.b.map(([p, i]) => sentences[p]?.[i]?.text ?? "").join(" "),
    confidence: link.confidence,
    permalink: `/d/${encodeURIComponent(pair.b.id)}${first ? `#t${first.turn}p${first.paragraph}` : ""}`,
  };
}

/** Adds each matching turn's counterpart in the document's first other-language version (or null). */
export async function attachCounterparts(
  result: SearchResult,
  store: StoreBackend,
  matcher: EntityMatcher | null,
): Promise<
  SearchResult & { hits: (DocumentHit & { turns: (TurnHit & { counterpart: Counterpart | null })[] })[] }
> {
  const hits = [];
  for (const hit of result.hits) {
    const other = (await store.languageVersions(hit.id))[0];
    const pair = other ? await cachedAlignPair(store, hit.id, other.id, matcher) : null;
    hits.push({
      ...hit,
      turns: hit.turns.map((t) => ({ ...t, counterpart: pair ? counterpartOf(pair, t) : null })),
    });
  }
  return { ...result, hits };
}
