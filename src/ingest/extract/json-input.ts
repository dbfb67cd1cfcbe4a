/** What the JSON readers share: parsing the whole input, and reading a field as trimmed text. */
import { VerbatimError } from "../../errors/catalog.js";

/** The input as JSON, or FORMAT_UNSUPPORTED naming the file when it is not JSON. */
export function parseJsonInput(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new VerbatimError("FORMAT_UNSUPPORTED", {
      reason: `${name} is not valid JSON: ${(error as Error).message}`,
    });
  }
}

/** A field as text: a string with something in it, trimmed; anything else is null. */
export const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
