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
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "").toLowerCase();
  } catch {
    return null;
  }
}
