import type { Document } from "../../model/document.js";
import { preFold } from "./index-text.js";

/** A document's text as the search index wants it. */
export interface SearchText {
  title: string;
  /** One entry per turn, in turn order. */
  turns: string[];
}

export function prepareSearchText(doc: Document): SearchText {
  return { title: preFold(doc.title), turns: doc.turns.map((t) => preFold(t.paragraphs.join("\n\n"))) };
}
