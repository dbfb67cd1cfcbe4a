import type { LabelConvention } from "../segment/labels.js";

/** CSS selectors for a publisher's HTML pages; the first selector that matches wins. */
export interface HtmlRecipe {
  /** Returns true when a parsed page belongs to this publisher even without a known URL. */
  detect: (document: ParsedHtml) => boolean;
  title: string[];
  /** Elements whose `datetime` attribute or text carries the publication date. */
  date: string[];
  time: string[];
  place: string[];
  body: string[];
  /** Inside the body: elements to drop before reading paragraphs (share buttons, tags, tooltips). */
  drop: string[];
  attachments: string[];
  publisherRef: string[];
}

/** The small part of the DOM the HTML reader and recipes use (linkedom provides it). */
export interface ParsedHtml {
  querySelector(selector: string): Element | null;
  querySelectorAll(selector: string): ArrayLike<Element>;
}

/**
 * Everything that differs between publishers, as data: hosts, time zone, label conventions,
 * furniture, selectors. Adding a publisher means adding one of these and its golden tests.
 */
export interface PublisherProfile {
  id: string;
  name: string;
  hosts: string[];
  /** Zone for times printed without one (mid.ru and kremlin.ru print Moscow time). */
  timeZone: string | null;
  conventions: LabelConvention[];
  /** Whole lines that are page furniture, dropped wherever they appear. */
  furniture: RegExp[];
  /** A heading after which lines list attached materials until the next furniture line. */
  attachmentsHeading: RegExp | null;
  html: HtmlRecipe | null;
  /** Where the publisher lists its records on the web, for `verbatim follow`; null when it is not followed. */
  sources: PublisherSources | null;
  /** Whole lines that only this publisher's pages saved as text have: they name the publisher when no URL does. */
  textMarks?: RegExp[];
  /** A line after which the rest of a text page is furniture (kremlin.ru's status block and tags). */
  tailStart?: RegExp;
  /**
   * The record's id (group 1) in its URL or in the page's own permalink line. It is the publisher
   * reference, so the language versions of a record, which share the id, are linked.
   */
  recordId?: RegExp[];
  /**
   * The page's summary printed as the first paragraph of a page saved as text ("Владимир Путин
   * ответил на вопросы …"): not speech, so left out, as the HTML recipe leaves out its element.
   */
  lead?: RegExp;
  /** Datelines carry a time and a place, on the date's line or the lines after it ("9 февраля 2024 года, Москва, Кремль", "17:30"). */
  placeInDateline?: boolean;
  /**
   * Titles name guests, not the speaker ("Интервью Такеру Карлсону"): unlabelled speech belongs to
   * whoever held this role label on the date, and only in monologues (addresses, statements,
   * remarks); otherwise nobody is guessed.
   */
  host?: { label: string };
  /**
   * Whether the publisher's transcripts name reporters in their labels as they name officials
   * ("П.Зарубин:"), so that who asks is read from what they do (named-askers.ts); White House and
   * mid.ru pages print a reporter as "Q" or «Вопрос:».
   */
  namesReporters?: boolean;
}

/**
 * Where a publisher lists its records, as data: listing pages with pagination, feeds and
 * sitemaps, in every language the publisher has; which URLs are records; and how to find a
 * record's page in another language.
 */
export interface PublisherSources {
  entries: SourceEntry[];
  /** URLs that are records (transcripts, statements, speeches), as opposed to listings and furniture. */
  records: RegExp[];
  /**
   * Links on a record's page that lead to the same record in another language (mid.ru's
   * `en-GB1 ru-RU1` switcher): CSS selectors of `a[href]` elements, or of `link[rel=alternate][hreflang]`.
   */
  languageLinks: string[];
  /** When the page has no switcher: rewrites of a record's URL into its other-language URL. */
  otherLanguage: { from: RegExp; to: string; language: string }[];
  /** How often to look at a listing again, in minutes (the newest records appear there). */
  listingEveryMinutes: number;
}

/**
 * One place to look for new records. A listing's `url` holds `{page}`, replaced by `firstPage`,
 * `firstPage + 1`, … until `maxPages` pages are read or a page shows no record not already known.
 */
export type SourceEntry =
  | { kind: "listing"; language: string; url: string; firstPage: number; maxPages: number }
  | { kind: "feed"; language: string; url: string }
  | { kind: "sitemap"; language: string; url: string };

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase();
  } catch {
    return null;
  }
}
