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
import { classReader } from "../model/letters.js";
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

/** The longest function word: a longer word is not looked up. */
const LONGEST = Math.max(...Object.values(FUNCTION_WORDS).flatMap((set) => [...set].map((w) => w.length)));

/** The length of the letter (\p{L}) or apostrophe at `i`, 0 when there is none. */
const wordCharAt = classReader(/^[\p{L}']$/u);

/**
 * Whether at least one word in eight of the first sixty is a function word of `lang`; words are
 * runs of letters and apostrophes, scanned by hand, since every long turn passes here.
 */
export function plainly(text: string, lang: string): boolean {
  const words = FUNCTION_WORDS[lang];
  if (!words) return false;
  let seen = 0;
  let hits = 0;
  const n = text.length;
  for (let i = 0; i < n && seen < 60; ) {
    let w = wordCharAt(text, i);
    if (w === 0) {
      i++;
      continue;
    }
    const start = i;
    while (w > 0) {
      i += w;
      w = i < n ? wordCharAt(text, i) : 0;
    }
    seen++;
    if (i - start <= LONGEST && words.has(text.slice(start, i).toLowerCase())) hits++;
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
