/**
 * The language of a turn. eld decides, but it costs about as much as all other enrichment
 * together, and almost every turn is in the document's own language. So a turn whose first words
 * are plainly in the document's language (its commonest function words, which the neighbouring
 * languages do not share) is taken to be in it without asking eld.
 *
 * eld's n-gram model takes about 50 MB of memory once loaded (eld-model.ts), so it is loaded only
 * where turns are enriched (`loadLanguageDetection`, awaited by whoever builds an entity matcher):
 * not by every ingest worker, server or command that merely imports the pipeline.
 */
import { type Detector, loadEldMedium } from "./eld-model.js";

let detector: Promise<Detector> | null = null;
let loaded: Detector | null = null;

/** Loads the language model once; enrichment needs it, nothing else does. */
export async function loadLanguageDetection(): Promise<void> {
  // A load that failed is tried again by the next caller, not remembered.
  detector ??= loadEldMedium().catch((error: unknown) => {
    detector = null;
    throw error;
  });
  loaded = await detector;
}

/** Function words frequent in running text of one language and rare in its neighbours'. */
const FUNCTION_WORDS: Record<string, Set<string>> = {
  en: new Set("the of and to in is that it for we with this be are on have not was as you they".split(" ")),
  ru: new Set("и что это как по мы не он с к вы они было если бы уже или только так же".split(" ")),
  uk: new Set("і що та це як ми ви вони було якщо би вже або тільки також й із є".split(" ")),
};

const WORDS = /[\p{L}']+/gu;

/** Whether at least one word in eight of the first sixty is a function word of `lang`. */
function plainly(text: string, lang: string): boolean {
  const words = FUNCTION_WORDS[lang];
  if (!words) return false;
  let seen = 0;
  let hits = 0;
  for (const m of text.matchAll(WORDS)) {
    if (words.has(m[0].toLowerCase())) hits++;
    if (++seen === 60) break;
  }
  return seen >= 20 && hits * 8 >= seen;
}

/** Detected language of a text, or the fallback when the text is too short to tell. */
export function detectLanguage(text: string, fallback: string): string {
  // Short turns ("Thank you.", "Q Yes.") rarely switch language and are too short to judge.
  if (text.length < 200) return fallback;
  if (plainly(text, fallback)) return fallback;
  if (!loaded) throw new Error("detectLanguage needs loadLanguageDetection() first");
  // A few hundred characters decide a language as well as a whole speech does, at a fraction of the cost.
  const result = loaded.detect(text.slice(0, 600));
  const lang = result.language;
  return lang && result.isReliable() ? lang : fallback;
}

/**
 * A turn's paragraphs joined as far as this: all that detectLanguage reads (600 characters, sixty
 * words) with room to spare, without copying a long speech whole.
 */
const OPENING_CHARS = 10_000;

/** The language of a turn, from its opening paragraphs. */
export function detectTurnLanguage(paragraphs: readonly string[], fallback: string): string {
  let text = "";
  for (let i = 0; i < paragraphs.length && text.length < OPENING_CHARS; i++)
    text = i === 0 ? (paragraphs[0] as string) : `${text} ${paragraphs[i]}`;
  return detectLanguage(text, fallback);
}
