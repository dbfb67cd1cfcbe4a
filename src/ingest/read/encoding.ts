import chardet from "chardet";
import iconv from "iconv-lite";
import { VerbatimError } from "../../errors/catalog.js";

export interface DecodedText {
  text: string;
  encoding: string;
  guessed: boolean;
  /** Bytes that were not valid UTF-8 in text read as UTF-8, each sequence replaced with U+FFFD. */
  replaced: number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

/**
 * Text that is UTF-8 but for at most this share of its bytes is read as UTF-8 with those bytes
 * replaced: a damaged sequence or two in a UTF-8 page. Pages in a single-byte code page have far
 * more (every Cyrillic letter in windows-1251 is one) and go to detection.
 */
const REPLACEABLE_SHARE = 0.01;

export interface Utf8Census {
  /** Bytes outside well-formed sequences. */
  invalid: number;
  /** Bytes inside well-formed multi-byte sequences: evidence that the text is UTF-8 at all. */
  multibyte: number;
}

/**
 * Counts bytes outside well-formed UTF-8 sequences the way a decoder replaces them (a lead byte
 * with the continuation bytes it was given before the sequence broke off is one bad sequence),
 * and bytes inside well-formed multi-byte sequences.
 */
export function utf8Census(bytes: Uint8Array): Utf8Census {
  let invalid = 0;
  let multibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    // Continuation bytes needed and the range the first of them must fall in (no overlong forms,
    // no surrogates, nothing above U+10FFFF).
    let need = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    }
    let seen = 1;
    while (seen <= need) {
      const next = bytes[i + seen];
      if (next === undefined || next < (seen === 1 ? low : 0x80) || next > (seen === 1 ? high : 0xbf)) break;
      seen++;
    }
    if (need > 0 && seen > need) multibyte += seen;
    else invalid += seen;
    i += seen;
  }
  return { invalid, multibyte };
}

/**
 * Damage, not another code page: few bad bytes, and more bytes in well-formed multi-byte
 * characters than bad ones. A windows-1252 page with curly apostrophes has a few bad bytes
 * too, but hardly a well-formed multi-byte sequence, so detection still reads it right.
 */
function damagedUtf8(bytes: Uint8Array, census: Utf8Census): boolean {
  return census.invalid <= bytes.length * REPLACEABLE_SHARE && census.multibyte >= census.invalid;
}

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
function decodeWith(bytes: Uint8Array, encoding: string, lenient = false): string {
  if (encoding === "utf-8")
    return (lenient ? utf8Lenient : utf8)
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
 * Decodes bytes to text: BOMs first, then valid UTF-8, then a declared charset, then UTF-8 with a
 * few damaged bytes replaced, then detection limited to the code pages old Russian pages use.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: decodeWith(bytes.subarray(2), "utf-16le"),
      encoding: "utf-16le",
      guessed: false,
      replaced: 0,
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: decodeWith(bytes.subarray(2), "utf-16be"),
      encoding: "utf-16be",
      guessed: false,
      replaced: 0,
    };
  try {
    return { text: decodeWith(bytes, "utf-8"), encoding: "utf-8", guessed: false, replaced: 0 };
  } catch {
    // not UTF-8: fall through to declared or detected single-byte encodings
  }
  const declared = declaredCharset(bytes);
  if (declared && normaliseName(declared) !== "utf-8") {
    const name = normaliseName(declared);
    if (!iconv.encodingExists(name)) throw new VerbatimError("ENCODING_UNKNOWN", { encoding: declared });
    return { text: decodeWith(bytes, name), encoding: name, guessed: false, replaced: 0 };
  }
  // Overwhelmingly UTF-8: a damaged byte is not a reason to read the whole page in another code page.
  const census = utf8Census(bytes);
  if (damagedUtf8(bytes, census))
    return {
      text: decodeWith(bytes, "utf-8", true),
      encoding: "utf-8",
      guessed: false,
      replaced: census.invalid,
    };
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
    return { text: best.text, encoding: best.name, guessed: true, replaced: 0 };
  }
  const top = candidates[0];
  if (!top) throw new VerbatimError("ENCODING_UNDETECTED");
  const name = normaliseName(top.name);
  // Detection can still say UTF-8 of bytes that are not (a short text with one broken sequence):
  // read it so, with the damaged bytes replaced and counted, rather than fail on them.
  if (name === "utf-8")
    return {
      text: decodeWith(bytes, "utf-8", true),
      encoding: "utf-8",
      guessed: true,
      replaced: census.invalid,
    };
  if (!iconv.encodingExists(name)) throw new VerbatimError("ENCODING_UNKNOWN", { encoding: top.name });
  return { text: decodeWith(bytes, name), encoding: name, guessed: true, replaced: 0 };
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
  // Indexed: for…of over the bytes allocated an iterator result per byte (190 MB for 600 UN speeches).
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.05;
}
