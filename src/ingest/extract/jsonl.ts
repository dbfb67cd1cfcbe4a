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
    docs.push(parsed.data as Document);
  }
  return docs;
}
