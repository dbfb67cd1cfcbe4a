/** Reads Verbatim JSON Lines back into documents, validating every line against the model. */
import { VerbatimError } from "../../errors/catalog.js";
import { DOCUMENT_FORMAT_VERSION, type Document } from "../../model/document.js";
import { DocumentSchema } from "../../model/schema.js";

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
    if (version !== DOCUMENT_FORMAT_VERSION) {
      throw new VerbatimError("JSONL_VERSION", {
        line: i + 1,
        found: String(version),
        expected: DOCUMENT_FORMAT_VERSION,
      });
    }
    const parsed = DocumentSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new VerbatimError("JSONL_INVALID", {
        line: i + 1,
        reason: `${issue?.path.join(".")}: ${issue?.message}`,
      });
    }
    const doc = parsed.data as Document;
    const problem = structuralProblem(doc);
    if (problem) throw new VerbatimError("JSONL_INVALID", { line: i + 1, reason: problem });
    docs.push(doc);
  }
  return docs;
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
