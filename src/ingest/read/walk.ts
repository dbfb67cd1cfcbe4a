/**
 * Walks a folder for input files without leaving it: a symbolic link is followed only when what
 * it points to lies inside the folder (anywhere with `followSymlinks`), a folder is read once
 * however many links lead to it, and every link not followed is reported with its code, so that
 * a link to /etc/passwd never becomes a document nobody asked for.
 */
import type { Dirent, Stats } from "node:fs";
import { readdir, readlink, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { WarningCode } from "../../errors/catalog.js";

export interface WalkOptions {
  /** Follow symbolic links wherever they point (loops are still cut). */
  followSymlinks: boolean;
}

export type WalkEntry =
  | { type: "file"; path: string; real: string; size: number }
  | { type: "skipped"; path: string; code: WarningCode; detail: Record<string, unknown> }
  | { type: "unreadable"; path: string; reason: string };

/** True when `real` is `root` or lies under it (both resolved). */
export function isInside(real: string, root: string): boolean {
  const relative = path.relative(root, real);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

const describeType = (info: Stats | Dirent) =>
  info.isFIFO()
    ? "a named pipe"
    : info.isSocket()
      ? "a socket"
      : info.isBlockDevice() || info.isCharacterDevice()
        ? "a device"
        : "not a file";

/**
 * Every file under `root` (hidden files and folders excepted, as before), sorted by path, with
 * the links and special files it passed over. `root` itself may be a link: it was named.
 */
export async function walkFolder(root: string, options: WalkOptions): Promise<WalkEntry[]> {
  const realRoot = await realpath(root);
  const visited = new Set<string>([realRoot]);
  const entries: WalkEntry[] = [];
  // Links wait until the real folders are read, so a file reached both ways keeps its real path.
  const links: string[] = [];

  const walk = async (dir: string, realDir: string): Promise<void> => {
    let dirents: Dirent[];
    try {
      dirents = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      entries.push({ type: "unreadable", path: dir, reason: (error as Error).message });
      return;
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of dirents) {
      if (d.name.startsWith(".")) continue;
      const at = path.join(dir, d.name);
      if (d.isDirectory()) {
        const real = path.join(realDir, d.name);
        // Already reached through a link: read once.
        if (visited.has(real)) continue;
        visited.add(real);
        await walk(at, real);
      } else if (d.isFile()) {
        entries.push({
          type: "file",
          path: at,
          real: path.join(realDir, d.name),
          size: (await stat(at)).size,
        });
      } else if (d.isSymbolicLink()) {
        links.push(at);
      } else {
        entries.push({
          type: "skipped",
          path: at,
          code: "SPECIAL_FILE_SKIPPED",
          detail: { type: describeType(d) },
        });
      }
    }
  };

  const followLink = async (at: string): Promise<void> => {
    let real: string;
    let info: Stats;
    try {
      real = await realpath(at);
      info = await stat(real);
    } catch (error) {
      const target = await readlink(at).catch(() => "?");
      const reason =
        (error as NodeJS.ErrnoException).code === "ELOOP" ? "a loop of links" : `${target} is missing`;
      entries.push({ type: "skipped", path: at, code: "SYMLINK_BROKEN", detail: { target, reason } });
      return;
    }
    if (!options.followSymlinks && !isInside(real, realRoot)) {
      entries.push({
        type: "skipped",
        path: at,
        code: "SYMLINK_OUTSIDE",
        detail: { target: real, root: realRoot },
      });
    } else if (info.isDirectory()) {
      if (visited.has(real)) {
        entries.push({ type: "skipped", path: at, code: "SYMLINK_REPEATED", detail: { target: real } });
        return;
      }
      visited.add(real);
      await walk(at, real);
    } else if (info.isFile()) {
      entries.push({ type: "file", path: at, real, size: info.size });
    } else {
      entries.push({
        type: "skipped",
        path: at,
        code: "SPECIAL_FILE_SKIPPED",
        detail: { type: describeType(info) },
      });
    }
  };

  await walk(root, realRoot);
  for (let link = links.shift(); link !== undefined; link = links.shift()) await followLink(link);
  const key = (e: WalkEntry) => path.relative(root, e.path);
  return entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
