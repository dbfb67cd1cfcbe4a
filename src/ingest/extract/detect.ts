import { looksLikeAkn } from "./akn.js";
import { looksLikeBilingualRecords } from "./bilingual-records.js";
import { looksLikeChatInterview } from "./chat-interview.js";
import { looksLikeJsonl } from "./jsonl.js";
import { looksLikeKremlinAct } from "./kremlin-act.js";
import { hasFrontMatter, isBilingualStatement } from "./markdown.js";
import { looksLikeQaRecords } from "./qa-records.js";
import { looksLikeTei } from "./tei.js";
import { isDebateFileName } from "./un-debate.js";

export type InputFormat =
  | "jsonl"
  | "tei"
  | "akn"
  | "bilingual-records"
  | "chat-interview"
  | "qa-records"
  | "html"
  | "markdown"
  | "markdown-bilingual"
  | "un-debate"
  | "kremlin-act"
  | "text-page"
  | "unsupported";

/** Picks a reader from the file name and the first characters, never from the name alone when content says otherwise. */
export function detectFormat(name: string, text: string): InputFormat {
  const lower = name.toLowerCase();
  const head = text.slice(0, 2000).trimStart();
  // Question and answer records ("问", "答") before Verbatim's own JSON Lines, which share the extension.
  if (!looksLikeJsonl(head) && looksLikeQaRecords(head)) return "qa-records";
  if (/\.(jsonl|ndjson)$/.test(lower) || looksLikeJsonl(head)) return "jsonl";
  if (/\.json$/.test(lower) && looksLikeBilingualRecords(head)) return "bilingual-records";
  // By shape, whatever the name: messages with a speaker and a text.
  if ((/\.json$/.test(lower) || /^[[{]/.test(head)) && looksLikeChatInterview(head)) return "chat-interview";
  // Transcripts in TEI (ParlaMint, Verbatim's export) and Akoma Ntoso, by their root and namespace.
  if (looksLikeTei(head)) return "tei";
  if (looksLikeAkn(head)) return "akn";
  if (/\.(json|xml|csv|js|css)$/.test(lower)) return "unsupported";
  if (
    /\.(html?|xhtml|php|aspx?)$/.test(lower) ||
    /^(<!doctype html|<html|<head|<body|<h1|<div|<p[\s>]|<article|<meta)/i.test(head)
  ) {
    return "html";
  }
  if (isBilingualStatement(text.slice(0, 5000))) return "markdown-bilingual";
  if (/\.(md|markdown)$/.test(lower) || hasFrontMatter(head)) return "markdown";
  if (isDebateFileName(name)) return "un-debate";
  if (looksLikeKremlinAct(text)) return "kremlin-act";
  return "text-page";
}
