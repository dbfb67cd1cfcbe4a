import { VerbatimError } from "../errors/catalog.js";

/** `name` if it is one of `known`, else OUTPUT_FORMAT_UNKNOWN naming the formats there are. */
export function formatNamed<T extends string>(what: string, name: string, known: readonly T[]): T {
  if ((known as readonly string[]).includes(name)) return name as T;
  throw new VerbatimError("OUTPUT_FORMAT_UNKNOWN", { what, name, known: known.join(", ") });
}
