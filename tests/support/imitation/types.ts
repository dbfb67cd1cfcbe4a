/**
 * What the imitation sites share: the record as a test sees it, the record as the site keeps
 * it, and the views a publisher's markup turns into pages and feeds.
 */

export type ImitatedPublisher = "mid.ru" | "kremlin.ru" | "whitehouse.gov" | "president.gov.ua";

export interface SiteRecord {
  /**
   * The record's path on the publisher's main origin (`standsFor[0]`), or its absolute URL when
   * it lives on another host (en.kremlin.ru): `new URL(path, standsFor[0])` is the real URL.
   */
  path: string;
  language: string;
  otherLanguagePath: string | null;
  title: string;
  /** ISO date, as the page's dateline gives it. */
  date: string;
  /** HH:MM, local time of the publisher. */
  time: string;
  place: string | null;
  /** Paragraphs as published, speaker labels included ("Sergey Lavrov: …", "Q …"). */
  paragraphs: string[];
}

/** A listing of the publisher, as its `sources` give it: one language, one section. */
export interface Section {
  language: string;
  /** The real origin the listing lives on ("http://en.kremlin.ru"). */
  origin: string;
  /** The listing's first page without a page number ("/ru/foreign_policy/news/", "/remarks/"). */
  basePath: string;
  /** Matches a later page's path and query; group 1 is the page number. */
  page: RegExp;
  /** The path and query of page n (as the `sources` template gives it). */
  pagePath: (n: number) => string;
}

export interface StoredRecord {
  record: SiteRecord;
  /** The publisher's numeric id, shared by the language versions of one record (0 when none). */
  id: number;
  section: Section;
  /** Order of publication on the site: larger is newer. */
  seq: number;
  /** Logical clock time of the last change, for Last-Modified. */
  modified: number;
  views: number;
  withdrawn: 404 | 410 | null;
  /** A document number shown on the page (mid.ru's "807-13-04-2022"), or null. */
  reference: string | null;
}

/** One record on a listing or in a feed. */
export interface ListedRecord {
  stored: StoredRecord;
  url: string;
}

export interface RecordView extends ListedRecord {
  /** The other language version's URL, when the record has one. */
  otherUrl: string | null;
  /** The other language's home page, where a switcher points when there is no version. */
  otherHome: string;
  /** The view counter as printed: changes on every request (cosmetic). */
  views: string;
}

export interface ListingView {
  section: Section;
  page: number;
  pages: number;
  items: ListedRecord[];
  /** The real URL of page n of this listing. */
  pageUrl: (n: number) => string;
}

/** What one publisher's site looks like: URL shapes, pages, feeds and its habits. */
export interface Markup {
  publisher: ImitatedPublisher;
  /** Real origins, grouped by the server that answers them (aliases share one). */
  hosts: string[][];
  /** Each language's home page (absolute real URL). */
  homes: Record<string, string>;
  /** The path of a new record (on its section's origin). */
  recordPath: (
    section: Section,
    id: number,
    record: Omit<SiteRecord, "path" | "otherLanguagePath">,
  ) => string;
  recordPage: (view: RecordView) => string;
  listingPage: (view: ListingView) => string;
  errorPage: (status: number, language: string) => string;
  /** A feed or sitemap of these records; `path` is the feed's own path. */
  feed: (path: string, language: string, items: ListedRecord[], selfUrl: string) => Feed | null;
  /** Extra documents a sitemap index points to, by path. */
  extraDocuments?: (path: string, items: ListedRecord[]) => Feed | null;
  /** What a listing page past the last one gives: a 404, the last page again (Bitrix), or no items. */
  pastLastPage: "404" | "last" | "empty";
  /** True when page 1 of a listing redirects to the listing's base path (WordPress). */
  firstPageRedirects: boolean;
  robots: string;
}

export interface Feed {
  contentType: string;
  body: string;
}
