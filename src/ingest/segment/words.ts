/**
 * A turn's words and sentences as the kind rules read them: stage directions left out, titles kept
 * inside their sentences, the signs of a speaker cut off. The other readers (courtesy.ts,
 * asking.ts, procedural.ts) build on these.
 */
import { isSpaceUnit, letterOrDigitAt } from "../../model/letters.js";
import { memoise } from "../../model/memo.js";

/** Stage directions in parentheses or brackets: "(Laughter.)", "[inaudible]". */
const STAGE_DIRECTIONS = /\([^()]*\)|\[[^\][]*\]/gu;

/** The text with its stage directions taken out (each as a space), as the rules read what was said. */
export const withoutStageDirections = (text: string) => text.replace(STAGE_DIRECTIONS, " ");

/**
 * Words of a turn's text, stage directions such as "(Laughter.)" left out. The rules ask again and
 * again of the same turn (and of the turn before it): a long speech was split a dozen times per
 * turn, a tenth of a briefing's reading.
 */
export const spokenWords: (text: string) => readonly string[] = memoise(
  (text) =>
    withoutStageDirections(text)
      .split(/\s+/u)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)),
  { limit: 64, copyKeys: false },
);

/** Where a bracketed stage direction that opens at `i` ends (after its bracket), or -1: "(Laughter.)", "[inaudible]". */
function bracketEnd(text: string, i: number): number {
  const open = text.charCodeAt(i);
  const close = open === 40 ? 41 : 93;
  for (let j = i + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === close) return j + 1;
    if (code === open) return -1;
  }
  return -1;
}

/**
 * How many words spokenWords gives, counted no further than one past `limit`: the rules ask
 * whether a turn has at most a few words, and a long speech need not be split to say no.
 */
export function spokenWordCount(text: string, limit = Number.POSITIVE_INFINITY): number {
  let count = 0;
  let counted = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code === 40 || code === 91) {
      const end = bracketEnd(text, i);
      if (end >= 0) {
        // Taken out, as a space.
        counted = false;
        i = end;
        continue;
      }
    }
    if (isSpaceUnit(code)) {
      counted = false;
      i++;
      continue;
    }
    const width = letterOrDigitAt(text, i);
    if (width > 0 && !counted) {
      counted = true;
      if (++count > limit) return count;
    }
    i += width || 1;
  }
  return count;
}

// Where one sentence ends and the next begins: after . ! ? or …, but not after a title or an
// abbreviation ("Thank you, Mr. President." is one sentence; so is "Thanks, Dr. Jha."). Word
// edges are lookarounds: \b knows no Cyrillic letter, and "г." or "им." never matched it.
export const SENTENCE_END =
  /(?<=[.!?…])(?<!(?<![\p{L}\p{N}])(?:Mr|Mrs|Ms|Mx|Dr|Drs|St|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Capt|Cmdr|Adm|Sgt|Maj|Prof|Amb|Hon|Rev|Fr|Jr|Sr|Messrs|No|vs|г|гг|им|тов|Ст|Д)\.)\s+|\n+/u;

/** A text's sentences, titles and abbreviations kept inside theirs. */
export const splitSentences = (text: string) => text.split(SENTENCE_END);

export const foldWord = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * A turn's words, folded, as a set: asked of each turn once as the turn and again as the turn
 * before the next (folding every word of each answer twice or more was half of naming questioners).
 */
const foldedWordSet = memoise((text) => new Set(spokenWords(text).map(foldWord)), {
  limit: 16,
  copyKeys: false,
});

/**
 * A turn's text lower-cased, stage directions and all but letters, digits and spaces left out:
 * each word of foldedWordSet stands in it, so a word not found here is no word of the turn, told
 * without splitting a long answer into words.
 */
const foldedText = memoise(
  (text) =>
    withoutStageDirections(text)
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, ""),
  { limit: 16, copyKeys: false },
);

/** The words of a short turn all stand in the turn before: an echo ("Close?" after "Close.", "Ted Cruz." after "Ted Cruz --"). */
export function echoes(text: string, previousText: string): boolean {
  const words = spokenWords(text);
  if (words.length === 0) return false;
  // Most turns fail at their first words: found missing from the text before without splitting it.
  const folded = foldedText(previousText);
  for (let i = 0; i < Math.min(3, words.length); i++)
    if (!folded.includes(foldWord(words[i] as string))) return false;
  const before = foldedWordSet(previousText);
  // Word by word: a long answer fails at its first word not said before, unfolded beyond it.
  for (const w of words) if (!before.has(foldWord(w))) return false;
  return true;
}

/** Nothing but stage directions or editorial brackets: "(Inaudible.)", "(Off-mic.)", "(Crosstalk.)". */
export function isStageDirectionOnly(text: string): boolean {
  return text.trim() !== "" && spokenWordCount(text, 0) === 0;
}

const BROKEN_OFF = /(?:—|–|--)\s*["”’]?\s*$/u;
const TRAILING_OFF = /(?:…|\.\.\.)\s*["”’]?\s*$/u;

/**
 * A one-word reply that is an adverb by its ending ("Positively.", "Obviously.", "Informally?"),
 * which a name called never has: Sally, Kelly and Emily keep their own.
 */
export const ONE_ADVERB = /^\p{L}{3,}(?:tely|ively|ously|ally|fully|ently|antly|ibly|ably)[.!?]?$/iu;

/** Ends in a dash: the speaker was broken off ("And as you know, there are wide- —", "I just wanted to —"). */
export const isBrokenOff = (text: string) => BROKEN_OFF.test(text);

/** Broken off, or trailing off in dots ("But obviously, the..."): the speaker did not finish. */
export const isCutOff = (text: string) => isBrokenOff(text) || TRAILING_OFF.test(text);

export const hasQuestionMark = (text: string) => /[?？]/u.test(text);

/** Ends on a question mark, stage directions aside: "Which President was he talking about? (Laughter.)" */
export const endsOnQuestionMark = (text: string) => /[?？]\s*$/u.test(withoutStageDirections(text));

/** The room's laughter at a text's end: "Okay, three notches. (Laughter.)", "Top five. (Laughter.)" */
export const LAUGHTER_AT_END = /\((?:laughter|laughs|laughing)[^()]*\)[\s.]*$/iu;
export const endsOnLaughter = (text: string) => LAUGHTER_AT_END.test(text);

/**
 * A text's sentences with something said in them, stage directions and brackets left out.
 * Remembered for the last turns asked: the rules ask it of the same turn again and again, and a
 * long answer's split was a tenth of segmenting a briefing.
 */
export const sentencesOf: (text: string) => readonly string[] = memoise(
  (text) =>
    withoutStageDirections(text)
      .split(SENTENCE_END)
      .filter((s) => /[\p{L}\p{N}]/u.test(s)),
  { limit: 64, copyKeys: false },
);
