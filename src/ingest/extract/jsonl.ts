/**
 * Reads Verbatim JSON Lines back into documents, validating every line against the model. Format
 * 1 lines are documents; format 2 lines (export/jsonl.ts) are records holding the document, what
 * was computed about it (recomputed on ingest, so not read) and perhaps its earlier versions,
 * which come first, oldest first, so that the archive's history is rebuilt in order.
 */
import { VerbatimError } from "../../errors/catalog.js";
import { DOCUMENT_FORMAT_VERSION, type Document } from "../../model/document.js";
import { DocumentSchema } from "../../model/schema.js";

/** The line formats this Verbatim reads. */
const LINE_FORMATS = [DOCUMENT_FORMAT_VERSION, 2];

export function looksLikeJsonl(text: string): boolean {
  return /^\s*\{\s*"formatVersion"\s*:/.test(text);
}

export function readJsonl(text: string): Document[] {
  const docs: Document[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim();
    if (!line) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new VerbatimError("JSONL_INVALID", { line: i + 1, reason: (error as Error).message });
    }
    const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
    if (!LINE_FORMATS.includes(version as number)) {
      throw new VerbatimError("JSONL_VERSION", {
        line: i + 1,
        found: String(version),
        expected: LINE_FORMATS.join(" or "),
      });
    }
    if (version === DOCUMENT_FORMAT_VERSION) {
      docs.push(readDocument(value, i + 1, ""));
      continue;
    }
    const record = value as { document?: unknown; history?: unknown };
    if (record.history !== undefined) {
      if (!Array.isArray(record.history))
        throw new VerbatimError("JSONL_INVALID", { line: i + 1, reason: "history is not a list" });
      record.history.forEach((h, n) => {
        docs.push(
          readDocument((h as { document?: unknown } | null)?.document, i + 1, `history.${n}.document.`),
        );
      });
    }
    docs.push(readDocument(record.document, i + 1, "document."));
  }
  return docs;
}

function readDocument(value: unknown, line: number, at: string): Document {
  const parsed = DocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VerbatimError("JSONL_INVALID", {
      line,
      reason: `${at}${issue?.path.join(".")}: ${issue?.message}`,
    });
  }
  const doc = parsed.data as Document;
  const problem = structuralProblem(doc);
  if (problem) throw new VerbatimError("JSONL_INVALID", { line, reason: `${at}${problem}` });
  return doc;
}

/** What the schema cannot say: turn indexes are positions, pairs point at real questions and answers. */
function structuralProblem(doc: Document): string | null {
  for (const [i, turn] of doc.turns.entries()) {
    if (turn.index !== i) return `turns.${i}.index is ${turn.index}, expected ${i}`;
    for (const note of turn.notes) {
      if (note.paragraph >= turn.paragraphs.length || note.end < note.start)
        return `turns.${i}.notes point outside the turn`;
    }
  }
  for (const [i, pair] of doc.qa.entries()) {
    if (doc.turns[pair.question]?.kind !== "question") return `qa.${i}.question is not a question turn`;
    if (pair.answers.some((a) => a >= doc.turns.length)) return `qa.${i}.answers point past the last turn`;
  }
  return null;
}
