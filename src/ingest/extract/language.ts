/**
 * A first language guess from the script: enough to tell Russian, Ukrainian and English
 * apart at ingestion. Per-turn identification belongs to the enrichment stage.
 */
export function guessLanguage(text: string): string {
  let cyrillic = 0;
  let latin = 0;
  let ukrainian = 0;
  let belarusian = 0;
  for (const ch of text.slice(0, 20000)) {
    if (ch >= "\u0400" && ch <= "\u04ff") {
      cyrillic++;
      if ("іїєґІЇЄҐ".includes(ch)) ukrainian++;
      if ("ўЎ".includes(ch)) belarusian++;
    } else if ((ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z")) latin++;
  }
  if (cyrillic > latin) {
    if (belarusian > cyrillic * 0.005) return "be";
    return ukrainian > cyrillic * 0.01 ? "uk" : "ru";
  }
  return "en";
}
