/**
 * Which documents are language versions of one another. First by the publisher's own keys: the
 * MFA document number, a shared record id, or the same URL once its language part is removed
 * ("mid.ru/ru/…/1234567" and "mid.ru/en/…/1234567"; "kremlin.ru" and "en.kremlin.ru"). Otherwise
 * by evidence: a document in another language, dated within three days, that shares numbers,
 * names and entities and has a plausible length; linked only when each is the other's best match.
 */

import { GAZETTEER_LANGUAGES } from "../enrich/gazetteer.js";
import type { Document } from "../model/document.js";
import { type Anchors, anchorsOf, dice, type EntityFinder, mergeAnchors, sharedAnchors } from "./anchors.js";

/** The keys versions share when the publisher gives them: publisher and reference, and the URL without its language. */
export function versionKeys(doc: Pick<Document, "publisher" | "publisherRef" | "sourceUrl">): string[] {
  const keys: string[] = [];
  if (doc.publisherRef) keys.push(`${doc.publisher}#${doc.publisherRef}`);
  const url = languagelessUrl(doc.sourceUrl);
  if (url) keys.push(`${doc.publisher}@${url}`);
  return keys;
}

/** Whether two documents share a publisher key. */
export function shareKey(a: Document, b: Document): boolean {
  const ka = versionKeys(a);
  return versionKeys(b).some((k) => ka.includes(k));
}

/** A URL with its language marks removed: subdomain (en.kremlin.ru), path segment (/ru/, /en/), query (?lang=en). */
export function languagelessUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/^(?:www|en|ru|uk|eng|rus)\./, "");
    const path = u.pathname
      .split("/")
      .filter((seg) => !/^(?:en|ru|uk|eng|rus|en-gb|ru-ru|uk-ua)$/i.test(seg))
      .join("/")
      .replace(/\/+$/, "");
    u.searchParams.delete("lang");
    const query = u.searchParams.toString();
    // A site's home page is shared by everything it publishes: it identifies no document.
    if (!path && !query) return null;
    return `${host}${path}${query ? `?${query}` : ""}`;
  } catch {
    return null;
  }
}

export interface Evidence {
  confidence: number;
  /** What agreed, for people to check: "same day", "numbers 0.62"… */
  reasons: string[];
}

const isFullDate = (d: string | null) => d !== null && d.length === 10;

/** Days between two ISO dates, or null when either is missing or partial. */
function daysApart(a: string | null, b: string | null): number | null {
  if (!a || !b || a.length !== 10 || b.length !== 10) return null;
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

/** How far apart versions may be published. */
export const MAX_DAYS_APART = 3;
/** Evidence needed to link without a key. */
export const LINK_THRESHOLD = 0.6;

export function documentAnchors(doc: Document, entities: EntityFinder | null): Anchors {
  return mergeAnchors([
    anchorsOf(doc.title, entities),
    ...doc.turns.flatMap((t) => t.paragraphs.map((p) => anchorsOf(p, entities))),
  ]);
}

const textLength = (doc: Document) =>
  doc.turns.reduce((n, t) => n + t.paragraphs.reduce((m, p) => m + p.length, 0), 0);

/** How strongly two documents look like versions of one text, from 0 to 1. */
export function evidence(a: Document, b: Document, anchorsA: Anchors, anchorsB: Anchors): Evidence {
  const reasons: string[] = [];
  if (a.language === b.language) return { confidence: 0, reasons: ["same language"] };
  // Two governments' readouts of one meeting share dates, names and numbers, but neither translates the other.
  if (a.publisher !== b.publisher) return { confidence: 0, reasons: ["different publishers"] };
  const days = daysApart(a.when.date, b.when.date);
  // Two undated texts (an interview and its translation) are compared on their content alone; a
  // dated one and an undated one, or two far apart, are not versions.
  const undated = !isFullDate(a.when.date) && !isFullDate(b.when.date);
  if (!undated && (days === null || days > MAX_DAYS_APART))
    return { confidence: 0, reasons: ["dates too far apart or unknown"] };
  const date = days === null ? null : days === 0 ? 1 : days <= 1 ? 0.7 : 0.4;
  reasons.push(days === null ? "both undated" : days === 0 ? "same day" : `${days} day(s) apart`);
  const part = (x: Set<string>, y: Set<string>, name: string) => {
    const s = dice(x, y);
    reasons.push(`${name} ${s === null ? "none" : s.toFixed(2)}`);
    return s;
  };
  const numbers = part(anchorsA.numbers, anchorsB.numbers, "numbers");
  const names = part(anchorsA.names, anchorsB.names, "names");
  // Entity ids compare only between languages the gazetteer names them in.
  const entities =
    GAZETTEER_LANGUAGES.has(a.language) && GAZETTEER_LANGUAGES.has(b.language)
      ? part(anchorsA.entities, anchorsB.entities, "entities")
      : null;
  // Parts with nothing to compare drop out of the weighting instead of counting as disagreement.
  const parts: [number | null, number][] = [
    [numbers, 0.35],
    [names, 0.3],
    [entities, 0.35],
  ];
  const weight = parts.reduce((n, [s, w]) => n + (s === null ? 0 : w), 0);
  const content = weight === 0 ? 0 : parts.reduce((n, [s, w]) => n + (s ?? 0) * w, 0) / weight;
  // Translations run from about two thirds to one and a half times the original's length.
  const la = textLength(a);
  const lb = textLength(b);
  const lengthRatio = Math.max(la, lb) / Math.max(1, Math.min(la, lb));
  const plausible = lengthRatio <= 1.8;
  if (!plausible) reasons.push(`lengths differ ${lengthRatio.toFixed(1)}×`);
  // A few shared anchors between two short texts of one day prove little: full confidence needs several.
  const shared = sharedAnchors(anchorsA, anchorsB);
  const amount = Math.min(1, shared / 8);
  reasons.push(`${shared} shared anchors`);
  const agreement = date === null ? content : 0.2 * date + 0.8 * content;
  const confidence = Math.round(agreement * amount * (plausible ? 1 : 0.5) * 1000) / 1000;
  return { confidence, reasons };
}
