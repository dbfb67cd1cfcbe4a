/**
 * How provenance names where an input came from: the file relative to what was ingested
 * (`corpus/2021/statement.md`), an archive member (`corpus.tar.gz#2021/statement.md`), a URL, or
 * what an API client sent (`api:name`). Never the server's file system: readers, the API, exports
 * and citations show provenance to anyone, and a path says how the server is laid out.
 */

const URL_OR_API = /^(https?:\/\/|api:)/i;
const ABSOLUTE = /^([\\/]|[A-Za-z]:[\\/]|~)/;

const segments = (p: string) => p.split(/[\\/]/).filter((s) => s !== "" && s !== "." && s !== "..");

/**
 * The public name of a path given at ingest (`spec`) and a file found under it (`file`): the
 * folder's own name and the file's path inside it; a file named directly is its own name.
 */
export function sourceUnder(spec: string, file: string): string {
  const specParts = segments(spec);
  const fileParts = segments(file);
  let common = 0;
  while (common < specParts.length && specParts[common] === fileParts[common]) common++;
  // The file is the spec itself (or lies outside it, through a link followed): its name alone.
  if (common < specParts.length || fileParts.length === specParts.length)
    return fileParts.slice(-1).join("/");
  return [...specParts.slice(-1), ...fileParts.slice(common)].join("/");
}

/**
 * A source as stored by older versions (a path as typed, often absolute), made public: URLs and
 * API names as they are, a path that leaves nothing to guess kept, any other path shortened to its
 * last two segments (`…/corpus/x.md` → `corpus/x.md`); an archive member keeps its member path.
 */
export function publicSource(source: string): string {
  if (URL_OR_API.test(source)) return source;
  const hash = source.indexOf("#");
  if (hash >= 0) return `${publicSource(source.slice(0, hash)).split("/").at(-1)}${source.slice(hash)}`;
  if (!ABSOLUTE.test(source) && !/(^|[\\/])\.\.([\\/]|$)/.test(source)) return source.replace(/\\/g, "/");
  return segments(source).slice(-2).join("/");
}
