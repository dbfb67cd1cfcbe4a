/**
 * A first language guess from the script: enough to tell Russian, Ukrainian and English apart at
 * ingestion, and Chinese, Japanese and Korean pages from English ones (a Chinese Foreign Ministry
 * page was English for want of Latin letters). Per-turn identification belongs to the enrichment
 * stage.
 */
const codes = (letters: string) => new Set([...letters].map((ch) => ch.charCodeAt(0)));
const UKRAINIAN_LETTERS = codes("іїєґІЇЄҐ");
const BELARUSIAN_LETTERS = codes("ўЎ");

export function guessLanguage(text: string): string {
  let cyrillic = 0;
  let latin = 0;
  let ukrainian = 0;
  let belarusian = 0;
  // Han characters, and the scripts that tell Japanese and Korean text from Chinese among them.
  let han = 0;
  let kana = 0;
  let hangul = 0;
  // By code unit: a character outside the BMP is neither Cyrillic nor Latin either way.
  const end = Math.min(text.length, 20000);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x400 && code <= 0x4ff) {
      cyrillic++;
      if (UKRAINIAN_LETTERS.has(code)) ukrainian++;
      if (BELARUSIAN_LETTERS.has(code)) belarusian++;
    } else if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) latin++;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    else if (code >= 0x3040 && code <= 0x30ff) kana++;
    else if (code >= 0xac00 && code <= 0xd7af) hangul++;
  }
  // A CJK character carries a word or more: a few are worth many Latin letters.
  const cjk = han + kana + hangul;
  if (cjk * 3 > latin && cjk > cyrillic) {
    if (hangul > han + kana) return "ko";
    return kana > cjk * 0.1 ? "ja" : "zh";
  }
  if (cyrillic > latin) {
    if (belarusian > cyrillic * 0.005) return "be";
    return ukrainian > cyrillic * 0.01 ? "uk" : "ru";
  }
  return "en";
}
