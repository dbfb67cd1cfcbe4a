/**
 * Making and undoing corrections, for the API and the web app alike: a correction is checked
 * against the record the editor saw (corrections applied), anchored on its turns' text, and
 * handed to the store, which applies it from then on (model/corrections.ts).
 */
import { VerbatimError } from "../errors/catalog.js";
import { anchorsFor, type Correction, type CorrectionOp, invalidFor } from "../model/corrections.js";
import type { StoreBackend } from "../store/store.js";

export interface CorrectionRequest {
  op: CorrectionOp;
  /** The editor making it (from their token). */
  author: string;
  /** Why, in the editor's words: shown in the log. */
  reason: string;
}

export async function makeCorrection(
  store: StoreBackend,
  documentId: string,
  request: CorrectionRequest,
  now: Date = new Date(),
): Promise<Correction> {
  const stored = await store.get(documentId);
  if (!stored) throw new VerbatimError("DOCUMENT_NOT_FOUND", { id: documentId });
  const invalid = invalidFor(stored.document, request.op);
  if (invalid) throw new VerbatimError("CORRECTION_INVALID", { reason: invalid });
  return store.putCorrection({
    documentId,
    op: request.op,
    anchors: anchorsFor(stored.document, request.op),
    author: request.author,
    reason: request.reason.trim(),
    at: now.toISOString(),
  });
}

export async function undoCorrection(
  store: StoreBackend,
  id: number,
  by: string,
  now: Date = new Date(),
): Promise<Correction> {
  const undone = await store.undoCorrection(id, by, now.toISOString());
  if (!undone) throw new VerbatimError("CORRECTION_NOT_FOUND", { id });
  return undone;
}

/** A correction described for people, as the reader's log shows it. */
export function describeCorrection(c: Correction): string {
  const op = c.op;
  switch (op.op) {
    case "speaker":
      return `turn ${op.turn + 1}: speaker set to ${op.speakerName ?? "unknown"}`;
    case "kind":
      return `turn ${op.turn + 1}: kind set to ${op.kind}`;
    case "pair":
      return `turn ${op.answer + 1} answers turn ${op.question + 1}`;
    case "unpair":
      return `turn ${op.answer + 1} does not answer turn ${op.question + 1}`;
    case "split":
      return op.at === 0
        ? `turn ${op.turn + 1} split before its paragraph ${op.paragraph + 1}`
        : `turn ${op.turn + 1} split in its paragraph ${op.paragraph + 1}`;
    case "merge":
      return `turns ${op.turn + 1} and ${op.turn + 2} merged`;
  }
}
