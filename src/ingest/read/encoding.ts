import chardet from "chardet";
import iconv from "iconv-lite";
import { VerbatimError } from "../../errors/catalog.js";

export interface DecodedText {
  text: string;
  encoding: string;
  guessed: boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Old Russian pages arrive in these; chardet's answers are narrowed to them for Cyrillic text. */
const CYRILLIC_SINGLE_BYTE = ["windows-1251", "koi8-r", "iso-8859-5", "ibm866"];

const ENCODING_ALIASES: Record<string, string> = {
  cp1251: "windows-1251",
  "win-1251": "windows-1251",
  "x-cp1251": "windows-1251",
  koi8r: "koi8-r",
  "koi8-u": "koi8-u",
  utf8: "utf-8",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
};

/** Reads a declared charset from an HTML meta tag or an XML declaration in the first bytes. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return meta?.[1] ? meta[1].toLowerCase() : null;
}

function normaliseName(name: string): string {
  const lower = name.toLowerCase();
  return ENCODING_ALIASES[lower] ?? lower;
}

/** Text is kept in composed form (NFC), so "ü" is one character however the page spelled it. */
function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8")
    return utf8
      .decode(bytes)
      .replace(/^\uFEFF/, "")
      .normalize("NFC");
  return iconv.decode(Buffer.from(bytes), encoding).normalize("NFC");
}

/** Share of Cyrillic letters that are among the most frequent Russian lowercase letters: high for the right code page. */
function russianLikeness(text: string): number {
  let cyr = 0;
  let common = 0;
  for (const ch of text) {
    if (ch >= "\u0400" && ch <= "\u04ff") {
      cyr++;
      if ("оеаинтсрвлкмдпу".includes(ch)) common++;
    }
  }
  return cyr === 0 ? 0 : common / cyr;
}

/**
 * Decodes bytes to text: BOMs first, then valid UTF-8, then a declared charset, then detection
 * limited to the code pages old Russian pages actually use.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: decodeWith(bytes.subarray(2), "utf-16le"), encoding: "utf-16le", guessed: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: decodeWith(bytes.subarray(2), "utf-16be"), encoding: "utf-16be", guessed: false };
  try {
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8", guessed: false };
  } catch {
    // not UTF-8: fall through to declared or detected single-byte encodings
  }
  const declared = declaredCharset(bytes);
  if (declared && normaliseName(declared) !== "utf-8") {
    const name = normaliseName(declared);
    if (!iconv.encodingExists(name)) throw new VerbatimError("ENCODING_UNKNOWN", { encoding: declared });
    return { text: decodeWith(bytes, name), encoding: name, guessed: false };
  }
  const candidates = chardet.analyse(Buffer.from(bytes));
  const cyrillic = candidates.filter((c) => CYRILLIC_SINGLE_BYTE.includes(c.name.toLowerCase()));
  if (cyrillic.length > 0) {
    // chardet often confuses windows-1251 and KOI8-R on short texts: let letter frequencies decide.
    let best = { name: "", score: -1, text: "" };
    for (const name of ["windows-1251", "koi8-r"]) {
      const text = decodeWith(bytes, name);
      const score = russianLikeness(text);
      if (score > best.score) best = { name, score, text };
    }
    return { text: best.text, encoding: best.name, guessed: true };
  }
  const top = candidates[0];
  if (!top) throw new VerbatimError("ENCODING_UNDETECTED");
  const name = normaliseName(top.name);
  if (!iconv.encodingExists(name)) throw new VerbatimError("ENCODING_UNKNOWN", { encoding: top.name });
  return { text: decodeWith(bytes, name), encoding: name, guessed: true };
}

/** True when bytes look like a binary file rather than text in any encoding we read. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (
    sample.length >= 2 &&
    ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff))
  ) {
    return false;
  }
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
