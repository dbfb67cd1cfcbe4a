/**
 * One input, start to finish: checks → decode → detect → read → assemble. Pure apart from the
 * clock; never throws: every problem comes back as a catalog error for this input alone.
 */
import { createHash } from "node:crypto";
import { enrichDocument } from "../enrich/enrich.js";
import type { EntityMatcher } from "../enrich/entity-matcher.js";
import {
  type Notice,
  toVerbatimError,
  VerbatimError,
  type WarningCode,
  warningMessage,
} from "../errors/catalog.js";
import type { Document } from "../model/document.js";
import type { Enrichment } from "../model/enrichment.js";
import { assemble } from "./assemble.js";
import { readAkn } from "./extract/akn.js";
import { readBilingualRecords } from "./extract/bilingual-records.js";
import { readChatInterviews } from "./extract/chat-interview.js";
import { detectFormat } from "./extract/detect.js";
import type { Draft } from "./extract/draft.js";
import { readHtml } from "./extract/html.js";
import { readJsonl } from "./extract/jsonl.js";
import { readKremlinAct } from "./extract/kremlin-act.js";
import { readBilingualStatement, readFrontMatterMarkdown } from "./extract/markdown.js";
import { readQaRecords } from "./extract/qa-records.js";
import type { DebateSpeakerLookup } from "./extract/reader.js";
import { readTei } from "./extract/tei.js";
import { readTextPage } from "./extract/text-page.js";
import { readDebateSpeech } from "./extract/un-debate.js";
import { decodeBytes, looksBinary } from "./read/encoding.js";
import type { RawInput } from "./read/raw-input.js";
import type { SpeakerRegistry } from "./speakers/registry.js";

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface IngestContext {
  registry: SpeakerRegistry;
  debateSpeakers: DebateSpeakerLookup | null;
  maxBytes: number;
  now: () => Date;
  /** When given, documents are enriched (entities, time expressions, turn languages) as they are read. */
  matcher?: EntityMatcher | null;
}

export type IngestOutcome =
  | {
      ok: true;
      documents: Document[];
      contentHash: string;
      enrichments?: Enrichment[];
      /** Warnings about the input itself, with what the document's warning code cannot say (how many bytes). */
      notices?: Omit<Notice, "source">[];
    }
  | { ok: false; error: VerbatimError };

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function ingestInput(raw: RawInput, ctx: IngestContext): IngestOutcome {
  try {
    const read = readInput(raw, ctx);
    const matcher = ctx.matcher;
    return matcher
      ? { ok: true, ...read, enrichments: read.documents.map((d) => enrichDocument(d, matcher)) }
      : { ok: true, ...read };
  } catch (error) {
    return { ok: false, error: toVerbatimError(error) };
  }
}

/**
 * Nothing but white space, read as UTF-8. A byte that is neither ASCII white space nor part of a
 * multi-byte character settles it at once (nearly always the first); only then is the text decoded.
 */
function blank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0x80) break;
    if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  }
  return Buffer.from(bytes).toString("utf8").trim() === "";
}

function readInput(
  raw: RawInput,
  ctx: IngestContext,
): { documents: Document[]; contentHash: string; notices?: Omit<Notice, "source">[] } {
  const { bytes } = raw;
  if (bytes.length > ctx.maxBytes)
    throw new VerbatimError("INPUT_TOO_LARGE", { size: bytes.length, limit: ctx.maxBytes });
  if (blank(bytes)) throw new VerbatimError("INPUT_EMPTY");
  if (looksBinary(bytes)) throw new VerbatimError("INPUT_BINARY");
  const hash = contentHash(bytes);
  const decoded = decodeBytes(bytes);
  const notices =
    decoded.replaced > 0
      ? [
          {
            code: "ENCODING_REPLACED" as const,
            message: warningMessage("ENCODING_REPLACED", { bytes: decoded.replaced }),
          },
        ]
      : undefined;
  const format = detectFormat(raw.name, decoded.text);
  if (format === "jsonl") return { documents: readJsonl(decoded.text), contentHash: hash, notices };
  if (format === "tei" || format === "akn") {
    // These files state their turns, speakers and kinds: read as they are, not segmented again.
    const provenance = {
      source: raw.publicSource ?? raw.source,
      readAt: ctx.now().toISOString(),
      contentHash: hash,
      encoding: decoded.encoding,
      byteLength: bytes.length,
    };
    const read = format === "tei" ? readTei : readAkn;
    const documents = read(decoded.text, { name: raw.name, registry: ctx.registry }, provenance);
    if (documents.length === 0) throw new VerbatimError("NO_CONTENT");
    return { documents, contentHash: hash, notices };
  }

  const readerCtx = {
    name: raw.name,
    url: raw.url ?? null,
    registry: ctx.registry,
    debateSpeakers: ctx.debateSpeakers,
  };
  let drafts: Draft[];
  /** Records of an input that could not be read, while the others were (qa-records). */
  const recordNotices: Omit<Notice, "source">[] = [];
  switch (format) {
    case "html":
      drafts = [readHtml(decoded.text, readerCtx)];
      break;
    case "markdown":
      drafts = [readFrontMatterMarkdown(decoded.text, readerCtx)];
      break;
    case "markdown-bilingual":
      drafts = readBilingualStatement(decoded.text, readerCtx);
      break;
    case "bilingual-records":
      drafts = readBilingualRecords(decoded.text, readerCtx);
      break;
    case "chat-interview":
      drafts = readChatInterviews(decoded.text, readerCtx);
      break;
    case "qa-records": {
      const read = readQaRecords(decoded.text, readerCtx);
      drafts = read.drafts;
      for (const { line, reason } of read.skipped)
        recordNotices.push({
          code: "RECORD_SKIPPED",
          message: warningMessage("RECORD_SKIPPED", { line, reason }),
        });
      break;
    }
    case "un-debate":
      drafts = [readDebateSpeech(decoded.text, readerCtx)];
      break;
    case "kremlin-act":
      drafts = [readKremlinAct(decoded.text, readerCtx)];
      break;
    case "text-page":
      drafts = [readTextPage(decoded.text, readerCtx)];
      break;
    default:
      throw new VerbatimError("FORMAT_UNSUPPORTED", {
        reason: `${raw.name} is not a page, transcript or Verbatim JSON Lines`,
      });
  }
  const readAt = ctx.now().toISOString();
  const documents = drafts
    .filter((d) => d.paragraphs.length > 0)
    .map((draft) => {
      if (decoded.guessed) draft.warnings.push("ENCODING_GUESSED" satisfies WarningCode);
      if (decoded.replaced > 0) draft.warnings.push("ENCODING_REPLACED" satisfies WarningCode);
      return assemble(draft, ctx.registry, {
        source: raw.publicSource ?? raw.source,
        readAt,
        contentHash: hash,
        encoding: decoded.encoding,
        byteLength: bytes.length,
      });
    });
  if (documents.length === 0) throw new VerbatimError("NO_CONTENT");
  const all = [...(notices ?? []), ...recordNotices];
  return { documents, contentHash: hash, notices: all.length > 0 ? all : undefined };
}
