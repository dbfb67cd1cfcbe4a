/**
 * How the `sources` data of a profile reads, in one place: a listing page's URL for a page
 * number, whether a URL is a record, and a record's other-language URLs by rewriting. Pure
 * functions over the data, so the fetch stage and the tests read the profiles the same way.
 */
import type { PublisherSources, SourceEntry } from "./profile.js";

type ListingEntry = Extract<SourceEntry, { kind: "listing" }>;

/** A listing entry with the usual defaults: pages counted from 1, at most `maxPages` read per visit. */
export function listing(language: string, url: string, maxPages = 5, firstPage = 1): ListingEntry {
  return { kind: "listing", language, url, firstPage, maxPages };
}

/** The URL of the `n`-th page read (0-based) of a listing: `{page}` becomes `firstPage + n`. */
export function listingUrl(entry: ListingEntry, n: number): string {
  return entry.url.replaceAll("{page}", String(entry.firstPage + n));
}

/** True when the URL (absolute, as resolved from the page that links it) is a record. */
export function isRecordUrl(sources: PublisherSources, url: string): boolean {
  return sources.records.some((pattern) => pattern.test(url));
}

/**
 * The record's URL in each other language the rewrites know, by `String.replace(from, to)`
 * (so `to` may use `$1`…); a rewrite is a guess that the fetch must confirm (a 404 means the
 * record has no version in that language).
 */
export function otherLanguageUrls(
  sources: PublisherSources,
  url: string,
): { language: string; url: string }[] {
  return sources.otherLanguage
    .filter((rewrite) => rewrite.from.test(url))
    .map((rewrite) => ({ language: rewrite.language, url: url.replace(rewrite.from, rewrite.to) }));
}
