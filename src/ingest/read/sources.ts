import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { extract as tarExtract } from "tar-stream";
import { glob, isDynamicPattern } from "tinyglobby";
import { VerbatimError, type WarningCode, warningMessage } from "../../errors/catalog.js";
import { publicSource, sourceUnder } from "../../model/public-source.js";
import type { RawInput } from "./raw-input.js";
import { walkFolder } from "./walk.js";

export type SourceItem =
  | { type: "input"; input: RawInput }
  | { type: "failed"; source: string; error: unknown }
  | { type: "skipped"; source: string; code: WarningCode; message: string };

export interface SourceOptions {
  /** Inputs larger than this are reported as INPUT_TOO_LARGE without being read into memory. */
  maxBytes: number;
  /** Called with the number of bytes consumed from disk (compressed bytes for archives), for progress. */
  onBytes?: (bytes: number) => void;
}

/** Files next to documents that describe them rather than being documents themselves. */
const SIDECAR =
  /^(readme|license|licence|disclaimer|source-readme|changelog)(\.[a-z]+)?$|\.(xlsx|xls|csv|ods|pdf|png|jpe?g|gif|zip)$/i;

const ARCHIVE = /\.(tar\.gz|tgz)$/i;

export function isSidecar(name: string): boolean {
  return SIDECAR.test(path.basename(name));
}

const sidecar = (source: string): SourceItem => ({
  type: "skipped",
  source,
  code: "SIDECAR_SKIPPED",
  message: warningMessage("SIDECAR_SKIPPED"),
});

export interface PlannedSource {
  path: string;
  size: number;
  /** How provenance names the file: relative to what was ingested, never a server path. */
  publicSource?: string;
  /** Found but not to be read: a link not followed, a special file; reported as skipped. */
  skip?: { code: WarningCode; detail: Record<string, unknown> };
  /** Found but not readable (a folder that cannot be listed); reported as failed. */
  unreadable?: string;
}

export interface PlanOptions {
  /** Follow symbolic links out of the folders given, and in glob patterns (which otherwise follow none). */
  followSymlinks?: boolean;
}

/**
 * Expands files, folders (recursively) and glob patterns into a sorted list of files, each once.
 * Folders stay inside themselves (links that point elsewhere are listed as skipped) and patterns
 * follow no links, unless `followSymlinks`; a file or folder named explicitly is read wherever it is.
 */
export async function planSources(
  specs: string[],
  options: PlanOptions = {},
): Promise<{ files: PlannedSource[]; missing: string[] }> {
  const followSymlinks = options.followSymlinks ?? false;
  const files: PlannedSource[] = [];
  const missing: string[] = [];
  // By real path: a file named twice, or reached through a link, is one input.
  const seen = new Set<string>();
  const add = (file: string, real: string, size: number, name: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path: file, size, publicSource: name });
  };
  for (const spec of specs) {
    let info: Awaited<ReturnType<typeof stat>> | null = null;
    try {
      info = await stat(spec);
    } catch {
      info = null;
    }
    if (info?.isDirectory()) {
      for (const entry of await walkFolder(spec, { followSymlinks })) {
        if (entry.type === "file") add(entry.path, entry.real, entry.size, sourceUnder(spec, entry.path));
        else if (entry.type === "skipped")
          files.push({ path: entry.path, size: 0, skip: { code: entry.code, detail: entry.detail } });
        else files.push({ path: entry.path, size: 0, unreadable: entry.reason });
      }
    } else if (info?.isFile()) {
      add(spec, await realpath(spec), info.size, sourceUnder(spec, spec));
    } else if (isDynamicPattern(spec)) {
      // A pattern follows no links unless asked: it matches files where they are.
      const found = await glob(spec, {
        onlyFiles: true,
        expandDirectories: false,
        followSymbolicLinks: followSymlinks,
      });
      if (found.length === 0) missing.push(spec);
      found.sort();
      for (const f of found) {
        const real = await realpath(f);
        add(f, real, (await stat(real)).size, publicSource(f));
      }
    } else {
      missing.push(spec);
    }
  }
  return { files, missing };
}

/**
 * Streams every input in the planned files, one at a time, so memory stays flat however many
 * documents there are. Archives are read member by member without unpacking them to disk.
 */
export async function* readSources(
  files: PlannedSource[],
  options: SourceOptions,
): AsyncGenerator<SourceItem> {
  for (const file of files) {
    if (file.skip) {
      const { code, detail } = file.skip;
      yield { type: "skipped", source: file.path, code, message: warningMessage(code, detail) };
      continue;
    }
    if (file.unreadable !== undefined) {
      yield {
        type: "failed",
        source: file.path,
        error: new VerbatimError("INPUT_UNREADABLE", { reason: file.unreadable }),
      };
      continue;
    }
    if (ARCHIVE.test(file.path)) {
      yield* readArchive(file, options);
      continue;
    }
    const name = path.basename(file.path);
    if (isSidecar(name)) {
      options.onBytes?.(file.size);
      yield sidecar(file.path);
      continue;
    }
    if (file.size > options.maxBytes) {
      options.onBytes?.(file.size);
      yield {
        type: "failed",
        source: file.path,
        error: new VerbatimError("INPUT_TOO_LARGE", { size: file.size, limit: options.maxBytes }),
      };
      continue;
    }
    try {
      const bytes = await readFile(file.path);
      options.onBytes?.(file.size);
      yield {
        type: "input",
        input: {
          source: file.path,
          name: relativeName(file.path),
          bytes,
          publicSource: file.publicSource ?? publicSource(file.path),
        },
      };
    } catch (error) {
      options.onBytes?.(file.size);
      yield {
        type: "failed",
        source: file.path,
        error: new VerbatimError("INPUT_UNREADABLE", { reason: (error as Error).message }),
      };
    }
  }
}

/** The last two path segments: enough to tell `2021-08/x.md` apart, independent of where the folder lives. */
function relativeName(file: string): string {
  const parts = file.split(/[\\/]/).filter(Boolean);
  return parts.slice(-2).join("/");
}

async function* readArchive(file: PlannedSource, options: SourceOptions): AsyncGenerator<SourceItem> {
  const extractor = tarExtract();
  const raw = createReadStream(file.path);
  raw.on("data", (chunk) => options.onBytes?.(chunk.length));
  const gunzip = createGunzip();
  let failed: unknown = null;
  const fail = (error: unknown) => {
    failed ??= error;
    extractor.destroy(error as Error);
  };
  raw.on("error", fail);
  gunzip.on("error", fail);
  raw.pipe(gunzip).pipe(extractor);
  try {
    for await (const entry of extractor) {
      const member = entry.header.name;
      const source = `${file.path}#${member}`;
      const type = entry.header.type ?? "file";
      if (type !== "file" && type !== "contiguous-file") {
        entry.resume();
        // Folders are how archives hold their files; links and devices are not inputs, and say so.
        if (type === "directory") continue;
        const detail = { type, target: entry.header.linkname ?? null };
        yield {
          type: "skipped",
          source,
          code: "ARCHIVE_MEMBER_SKIPPED",
          message: warningMessage("ARCHIVE_MEMBER_SKIPPED", detail),
        };
        continue;
      }
      if (isSidecar(member) || path.basename(member).startsWith("._")) {
        entry.resume();
        yield sidecar(source);
        continue;
      }
      const size = entry.header.size ?? 0;
      if (size > options.maxBytes) {
        entry.resume();
        yield {
          type: "failed",
          source,
          error: new VerbatimError("INPUT_TOO_LARGE", { size, limit: options.maxBytes }),
        };
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      yield {
        type: "input",
        input: {
          source,
          name: member,
          bytes: Buffer.concat(chunks),
          publicSource: `${file.publicSource ?? publicSource(file.path)}#${member}`,
        },
      };
    }
  } catch (error) {
    failed ??= error;
  }
  if (failed) {
    yield {
      type: "failed",
      source: file.path,
      error: new VerbatimError("ARCHIVE_INVALID", { reason: (failed as Error).message ?? String(failed) }),
    };
  }
}
