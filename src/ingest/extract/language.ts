/**
 * A first language guess from the script: enough to tell Russian, Ukrainian and English
 * apart at ingestion. Per-turn identification belongs to the enrichment stage.
 */
const codes = (letters: string) => new Set([...letters].map((ch) => ch.charCodeAt(0)));
const UKRAINIAN_LETTERS = codes("іїєґІЇЄҐ");
const BELARUSIAN_LETTERS = codes("ўЎ");

export function guessLanguage(text: string): string {
  let cyrillic = 0;
  let latin = 0;
  let ukrainian = 0;
  let belarusian = 0;
  // By code unit: a character outside the BMP is neither Cyrillic nor Latin either way.
  const end = Math.min(text.length, 20000);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x400 && code <= 0x4ff) {
      cyrillic++;
      if (UKRAINIAN_LETTERS.has(code)) ukrainian++;
      if (BELARUSIAN_LETTERS.has(code)) belarusian++;
    } else if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) latin++;
  }
  if (cyrillic > latin) {
    if (belarusian > cyrillic * 0.005) return "be";
    return ukrainian > cyrillic * 0.01 ? "uk" : "ru";
  }
  return "en";
}
