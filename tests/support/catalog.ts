import type { TextIndex } from "../../src/model/text-index.js";
import { TurnCatalog } from "../../src/search/engine/catalog.js";

/** A fresh catalog of everything the text index holds now, read as the engine reads it. */
export async function catalogOf(index: TextIndex): Promise<TurnCatalog> {
  const catalog = new TurnCatalog();
  await index.readCatalog(catalog.loader());
  return catalog;
}
