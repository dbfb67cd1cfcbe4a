/**
 * Access to the shared real-document corpus (../shared/corpus), read in place. When it is
 * missing, corpus tests are skipped with a visible reason rather than passing silently.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS = path.resolve(fileURLToPath(new URL("../../../shared/corpus", import.meta.url)));
export const corpusAvailable = existsSync(CORPUS);
export const corpusPath = (...parts: string[]) => path.join(CORPUS, ...parts);

if (!corpusAvailable) {
  console.warn(`corpus tests skipped: ${CORPUS} is missing`);
}
