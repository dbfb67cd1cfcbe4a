/**
 * Cyrillic letters typed for Latin ones. mid.ru's English lists print initials and whole names
 * in Cyrillic letters that look Latin ("William В. Karesh", "James Норе"), so in a Latin-script
 * text the name finder would see a Cyrillic word and read it by Russian rules, or not at all.
 * Such words are read with their Latin twins, letter for letter, so every offset stays the same.
 */
import { hasCyrillic } from "../../ingest/speakers/names.js";

/** Cyrillic letters whose shapes are Latin ones, and those Latin letters. */
const TWINS: Record<string, string> = {
  А: "A",
  В: "B",
  С: "C",
  Е: "E",
  Н: "H",
  І: "I",
  Ј: "J",
  К: "K",
  М: "M",
  О: "O",
  Р: "P",
  Ѕ: "S",
  Т: "T",
  Х: "X",
  а: "a",
  с: "c",
  е: "e",
  і: "i",
  ј: "j",
  о: "o",
  р: "p",
  ѕ: "s",
  х: "x",
  у: "y",
};
const WORD = /[\p{L}\p{M}]+/gu;
/** A capitalised Latin word: a name's other part ("James", "Karesh"). */
const LATIN_NAME_WORD = /^[A-Z\u00c0-\u00de][A-Za-z\u00c0-\u024f]/u;

/** Whether every Cyrillic letter of a word has a Latin twin. */
const allTwins = (word: string) => [...word].every((ch) => !hasCyrillic(ch) || TWINS[ch] !== undefined);

/**
 * The text with each word written in look-alike Cyrillic letters, beside a capitalised Latin word
 * (or mixing the two scripts itself), spelt in Latin letters; other text unchanged.
 */
export function latinLookalikes(text: string): string {
  if (!hasCyrillic(text)) return text;
  const words = [...text.matchAll(WORD)];
  let out = "";
  let copied = 0;
  words.forEach((m, i) => {
    const word = m[0];
    if (!hasCyrillic(word) || !allTwins(word)) return;
    const mixed = /[A-Za-z]/.test(word);
    const besideLatin = [words[i - 1]?.[0], words[i + 1]?.[0]].some(
      (w) => w !== undefined && LATIN_NAME_WORD.test(w),
    );
    if (!mixed && !besideLatin) return;
    const at = m.index ?? 0;
    out += text.slice(copied, at) + [...word].map((ch) => TWINS[ch] ?? ch).join("");
    copied = at + word.length;
  });
  return copied === 0 ? text : out + text.slice(copied);
}
