/**
 * ISO 639-1 codes (what Verbatim stores) and ISO 639-2/T codes (what Akoma Ntoso names languages
 * by), both ways. A code not listed passes through as it is.
 */
const TWO_TO_THREE: Record<string, string> = {
  en: "eng",
  ru: "rus",
  uk: "ukr",
  fr: "fra",
  de: "deu",
  es: "spa",
  zh: "zho",
  ar: "ara",
  tr: "tur",
  it: "ita",
  pt: "por",
  ja: "jpn",
  ko: "kor",
  fa: "fas",
  pl: "pol",
  be: "bel",
  kk: "kaz",
};
const THREE_TO_TWO = Object.fromEntries(Object.entries(TWO_TO_THREE).map(([two, three]) => [three, two]));

export const iso6392 = (code: string): string => TWO_TO_THREE[code] ?? code;
export const iso6391 = (code: string): string => THREE_TO_TWO[code] ?? code;
