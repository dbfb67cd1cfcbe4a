/**
 * eld's medium model, loaded from a JSON copy of its n-grams. `import("eld/medium")` compiles a
 * 2 MB object literal: 190 MB of resident memory in the thread that loads it, of which the heap
 * keeps 61 and the allocator keeps most of the rest, freed by the parser but not given back. The
 * same n-grams read with JSON.parse take 51 MB (the model alone, a fresh Node 20 process). Each
 * ingest worker that enriches loads one.
 *
 * The copy is made from the package's own module the first time (that thread pays the old cost
 * once) and kept under node_modules/.cache, named by eld's version; where it cannot be written or
 * read, the module is imported as before. eld exports only its entries, not the loader they share
 * (`createEld` in src/languageDetector.js): it is imported by path, from the version pinned in
 * package.json, and tests/enrich/eld-model.test.ts checks that both ways detect alike.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface Detector {
  detect(text: string): { language: string; isReliable(): boolean };
}

interface NgramsData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

type CreateEld = () => { instance: Detector; loadData(data: NgramsData): string | undefined };

/** The eld package's folder, found where Node would look for it from here. */
function eldFolder(): string | null {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths("eld") ?? []) {
    const candidate = path.join(dir, "eld");
    if (existsSync(path.join(candidate, "src", "languageDetector.js"))) return candidate;
  }
  return null;
}

const importFile = (file: string) => import(pathToFileURL(file).href);

/** Where the JSON copy of a model is kept: beside the installed packages, by eld's version. */
async function cachePath(folder: string, model: string): Promise<string> {
  const { version } = JSON.parse(await readFile(path.join(folder, "package.json"), "utf8")) as {
    version: string;
  };
  return path.join(folder, "..", ".cache", "verbatim", `eld-${version}-${model}.json`);
}

const isNgramsData = (d: unknown): d is NgramsData =>
  typeof d === "object" &&
  d !== null &&
  typeof (d as NgramsData).type === "string" &&
  typeof (d as NgramsData).languages === "object" &&
  typeof (d as NgramsData).ngrams === "object";

/** A detector over eld's medium n-grams, from the JSON copy when there is one (written when not). */
export async function loadEldMedium(
  /** Where the JSON copy is kept (null: none, the module imported); by default under node_modules/.cache. */
  options: { cacheFile?: string | null } = {},
): Promise<Detector> {
  const folder = eldFolder();
  if (!folder) return (await import("eld/medium")).eld as Detector;
  const { createEld } = (await importFile(path.join(folder, "src", "languageDetector.js"))) as {
    createEld: CreateEld;
  };
  const build = (data: NgramsData) => {
    const { instance, loadData } = createEld();
    return loadData(data) ? instance : null;
  };
  const file =
    options.cacheFile === undefined ? await cachePath(folder, "medium").catch(() => null) : options.cacheFile;
  if (file) {
    const cached = await readFile(file, "utf8")
      .then((text) => JSON.parse(text) as unknown)
      .catch(() => null);
    const detector = isNgramsData(cached) ? build(cached) : null;
    if (detector) return detector;
  }
  const { ngramsData } = (await importFile(path.join(folder, "src", "ngrams", "medium.js"))) as {
    ngramsData: NgramsData;
  };
  if (file) {
    // Written under another name and renamed: a thread reading meanwhile sees the whole file or none.
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await mkdir(path.dirname(file), { recursive: true })
      .then(() => writeFile(partial, JSON.stringify(ngramsData)))
      .then(() => rename(partial, file))
      .catch(() => rm(partial, { force: true }).catch(() => {}));
  }
  const detector = build(ngramsData);
  if (!detector) throw new Error("eld's medium n-grams did not load");
  return detector;
}
