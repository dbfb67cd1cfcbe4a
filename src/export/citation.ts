/**
 * Citations of a document or of one turn, for one version: CSL-JSON built here from what Verbatim
 * knows (speaker, title, event, place, date, publisher, the publisher's URL, the permalink with the
 * version and turn, the archived copy when the fetch stage kept one), then written by Citation.js
 * as Chicago (notes and bibliography, 17th edition) or APA text, BibTeX or RIS.
 */
import { createRequire } from "node:module";
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { VerbatimError } from "../errors/catalog.js";
import { profileById } from "../ingest/publishers/index.js";
import type { Document, DocumentKind } from "../model/document.js";
import type { StoreBackend } from "../store/store.js";
import { formatNamed } from "./format-name.js";

export const CITATION_FORMATS = ["chicago", "apa", "bibtex", "ris", "csl-json"] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];

// The CSL project's Chicago style, as packaged on npm (its info.json holds the style's XML).
const chicago = createRequire(import.meta.url)("@citation/csl-style-chicago-note-bibliography/info.json") as {
  content: string;
};
const templates = plugins.config.get("@csl").templates;
if (!templates.has("chicago")) templates.add("chicago", chicago.content);

export interface CitationTarget {
  document: Document;
  version: number;
  /** A turn's index, or null for the whole document. */
  turn: number | null;
  /** The server's address, for permalinks that work anywhere; relative permalinks without it. */
  baseUrl: string | null;
  /** The archived copy's address when the fetch stage kept one. */
  archivedCopy: string | null;
  /** When the citation is made: CSL's "accessed", the day the reader consulted the archive. */
  accessed: Date;
}

export const citationFormat = (name: string): CitationFormat =>
  formatNamed("citation", name, CITATION_FORMATS);

type Name = { family: string; given: string } | { literal: string };

/** "Sergey Lavrov" → family Lavrov, given Sergey; one word or an organisation stays whole. */
function personName(name: string): Name {
  const words = name.trim().split(/\s+/);
  if (words.length < 2 || words.length > 4) return { literal: name.trim() };
  return { family: words[words.length - 1] as string, given: words.slice(0, -1).join(" ") };
}

const SPOKEN: ReadonlySet<DocumentKind> = new Set([
  "press-conference",
  "briefing",
  "speech",
  "remarks",
  "interview",
]);

function dateParts(date: string | null): { "date-parts": number[][] } | undefined {
  if (!date) return undefined;
  const parts = date.split("-").map(Number);
  return parts.every((n) => Number.isFinite(n)) ? { "date-parts": [parts] } : undefined;
}

export function permalink(target: Pick<CitationTarget, "document" | "version" | "turn" | "baseUrl">): string {
  const path = `/d/${encodeURIComponent(target.document.id)}?version=${target.version}${target.turn === null ? "" : `#t${target.turn}`}`;
  return `${(target.baseUrl ?? "").replace(/\/$/, "")}${path}`;
}

/** The CSL-JSON item every format is written from. */
export function cslItem(target: CitationTarget): Record<string, unknown> {
  const doc = target.document;
  const turn = target.turn === null ? null : doc.turns[target.turn];
  if (target.turn !== null && !turn)
    throw new VerbatimError("REQUEST_INVALID", { reason: `${doc.id} has no turn ${target.turn}` });
  // A turn is cited under its speaker when Verbatim knows who spoke; a label such as "Question"
  // names nobody, so such a turn has no author rather than a wrong one.
  const speakers = turn
    ? [turn.speakerName].filter((n): n is string => Boolean(n))
    : doc.participants.map((p) => p.name);
  const publisher = profileById(doc.publisher);
  const authors = speakers.length ? speakers.map(personName) : turn ? [] : [{ literal: publisher.name }];
  const item: Record<string, unknown> = {
    id: `${doc.id}-v${target.version}${turn ? `-t${turn.index}` : ""}`,
    type: doc.kind === "interview" ? "interview" : SPOKEN.has(doc.kind) ? "speech" : "document",
    title: doc.title,
    author: authors.length ? authors : undefined,
    issued: dateParts(doc.when.date),
    publisher: publisher.id === "generic" ? doc.publisher : publisher.name,
    "event-title": doc.event ?? undefined,
    "event-place": doc.place ?? undefined,
    URL: doc.sourceUrl ?? undefined,
    accessed: dateParts(target.accessed.toISOString().slice(0, 10)),
    genre: SPOKEN.has(doc.kind) ? "Transcript" : "Statement",
    language: doc.language,
    version: String(target.version),
    archive: `Verbatim, ${permalink(target)}`,
    // The page as the fetch stage captured it, when it did.
    archive_location: target.archivedCopy ?? undefined,
  };
  if (turn) item.note = `Turn ${turn.index + 1}${turn.label ? ` (${turn.label})` : ""}`;
  // A line break in a title or a name would start a field of its own in RIS or BibTeX.
  return flatten(Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined))) as Record<
    string,
    unknown
  >;
}

/** Every string in the item on one line, its whitespace runs made single spaces. */
function flatten(value: unknown): unknown {
  if (typeof value === "string") return value.replace(/\s+/g, " ").trim();
  if (Array.isArray(value)) return value.map(flatten);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, flatten(v)]));
  return value;
}

export function formatCitation(target: CitationTarget, format: CitationFormat): string {
  const item = cslItem(target);
  if (format === "csl-json") return `${JSON.stringify([item], null, 2)}\n`;
  const cite = new Cite(item);
  if (format === "bibtex") return cite.format("bibtex");
  if (format === "ris") return cite.format("ris");
  return `${cite.format("bibliography", { format: "text", template: format, lang: "en-US" }).trim()}\n`;
}

/**
 * What a citation needs from the archive: the version asked for (the current one by default) and
 * whether the fetch stage kept the page it was read from (`archived`: the server keeps WARCs).
 */
export async function citationTarget(
  store: StoreBackend,
  id: string,
  options: { version?: number; turn?: number | null; baseUrl: string | null; archived: boolean; now?: Date },
): Promise<CitationTarget> {
  const stored = await store.get(id, options.version);
  if (!stored) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id });
  const doc = stored.document;
  const turn = options.turn ?? null;
  if (turn !== null && !doc.turns[turn])
    throw new VerbatimError("REQUEST_INVALID", { reason: `${id} has no turn ${turn}` });
  const source = doc.provenance.source;
  const captured =
    options.archived &&
    /^https?:\/\//.test(source) &&
    Boolean(await store.fetchLog?.captureOf(source, doc.provenance.contentHash));
  const base = (options.baseUrl ?? "").replace(/\/$/, "");
  return {
    document: doc,
    version: stored.version,
    turn,
    baseUrl: options.baseUrl,
    archivedCopy: captured ? `${base}/d/${encodeURIComponent(id)}/archived?version=${stored.version}` : null,
    accessed: options.now ?? new Date(),
  };
}

/** The media type each citation format is served as. */
export const CITATION_MEDIA: Record<CitationFormat, string> = {
  chicago: "text/plain; charset=utf-8",
  apa: "text/plain; charset=utf-8",
  bibtex: "application/x-bibtex; charset=utf-8",
  ris: "application/x-research-info-systems; charset=utf-8",
  "csl-json": "application/vnd.citationstyles.csl+json; charset=utf-8",
};
