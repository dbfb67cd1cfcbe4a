/**
 * Editors: people the operator lets correct the archive. Each has a token the operator issues
 * once (`verbatim editor add NAME --editors FILE`); the file keeps only its SHA-256, so a copy of
 * the file signs nobody in. A token is checked against every hash in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { VerbatimError } from "../errors/catalog.js";

interface EditorEntry {
  name: string;
  sha256: string;
  issued: string;
}

export interface Editors {
  /** The editor a token belongs to, or null. */
  authenticate(token: string): string | null;
  readonly size: number;
}

const digest = (token: string) => createHash("sha256").update(token, "utf8").digest();

export function editorsFrom(entries: EditorEntry[]): Editors {
  const hashes = entries.map((e) => ({ name: e.name, hash: Buffer.from(e.sha256, "hex") }));
  return {
    size: hashes.length,
    authenticate(token) {
      if (!token || token.length > 200) return null;
      const given = digest(token);
      let found: string | null = null;
      // Every hash is compared, whichever matches: the time says nothing about which one did.
      for (const h of hashes)
        if (h.hash.length === given.length && timingSafeEqual(h.hash, given)) found = h.name;
      return found;
    },
  };
}

function readEntries(file: string): EditorEntry[] {
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (!Array.isArray(parsed)) throw new Error("it is not a JSON array");
    for (const e of parsed as EditorEntry[])
      if (typeof e?.name !== "string" || !/^[0-9a-f]{64}$/.test(String(e?.sha256)))
        throw new Error("every entry needs a name and a sha256");
    return parsed as EditorEntry[];
  } catch (error) {
    throw new VerbatimError("EDITORS_FILE_INVALID", { path: file, reason: (error as Error).message });
  }
}

export function loadEditors(file: string): Editors {
  if (!existsSync(file))
    throw new VerbatimError("EDITORS_FILE_INVALID", { path: file, reason: "there is no such file" });
  return editorsFrom(readEntries(file));
}

/** Issues a new token for `name`, keeps its hash in the file, and returns the token (shown once). */
export function issueEditorToken(file: string, name: string, now: Date = new Date()): string {
  const entries = readEntries(file);
  const token = randomBytes(24).toString("base64url");
  entries.push({ name, sha256: digest(token).toString("hex"), issued: now.toISOString() });
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(entries, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
  return token;
}

/** Takes an editor's access away: every token issued to `name`. Returns how many went. */
export function revokeEditor(file: string, name: string): number {
  const entries = readEntries(file);
  const kept = entries.filter((e) => e.name !== name);
  const partial = `${file}.partial`;
  writeFileSync(partial, `${JSON.stringify(kept, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
  return entries.length - kept.length;
}
