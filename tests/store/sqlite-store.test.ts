import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { VerbatimError } from "../../src/errors/catalog.js";
import { SCHEMA_VERSION } from "../../src/store/sqlite/schema.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { makeDocument } from "../support/documents.js";
import { describeStoreConformance } from "./conformance.js";

const dirs: string[] = [];

/** A path to a database file that does not exist yet, in a fresh temporary folder. */
function freshDbPath(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-store-"));
  dirs.push(dir);
  return path.join(dir, "archive.db");
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreConformance(
  "SqliteStore on a temporary file",
  (options) => new SqliteStore({ path: freshDbPath(), ...options }),
);

describe("SqliteStore files", () => {
  it("reopening a file keeps documents versions raw inputs and speakers", async () => {
    const file = freshDbPath();
    const v1 = makeDocument();
    const v2 = { ...v1, title: `${v1.title} (corrected)` };
    const bytes = new TextEncoder().encode("С.Лавров: добрый день.");
    const first = new SqliteStore({ path: file });
    await first.putBatch([{ raw: { hash: "raw-1", source: "a.txt", bytes }, documents: [v1] }]);
    await first.putBatch([{ raw: null, documents: [v2] }]);
    await first.putSpeakers([{ id: "sergey-lavrov", name: "Sergey Lavrov", aliases: [], roles: [] }]);
    await first.close();

    const second = new SqliteStore({ path: file });
    try {
      expect((await second.get(v1.id))?.document).toStrictEqual(v2);
      expect((await second.get(v1.id, 1))?.document).toStrictEqual(v1);
      expect(await second.getRaw("raw-1")).toEqual(bytes);
      expect((await second.getSpeaker("sergey-lavrov"))?.name).toBe("Sergey Lavrov");
      expect(await second.counts()).toEqual({
        documents: 1,
        versions: 2,
        turns: 3,
        rawInputs: 1,
        speakers: 1,
      });
      expect(await second.putBatch([{ raw: null, documents: [v2] }])).toEqual([
        [{ id: v1.id, version: 2, status: "unchanged" }],
      ]);
    } finally {
      await second.close();
    }
  });

  it("an archive that stored server paths as sources names them publicly after migration 11", async () => {
    const file = freshDbPath();
    const doc = makeDocument();
    const local = { ...doc, provenance: { ...doc.provenance, source: "/srv/private/corpus/one.txt" } };
    const store = new SqliteStore({ path: file });
    await store.putBatch([
      {
        raw: { hash: "raw-1", source: "/srv/private/corpus/one.txt", bytes: new Uint8Array([65]) },
        documents: [local],
      },
    ]);
    await store.close();
    // Back to schema 10, as an archive written before the migration was.
    const db = new Database(file);
    db.exec(
      "DROP TABLE input_readings; ALTER TABLE speakers DROP COLUMN edited; ALTER TABLE speakers DROP COLUMN seq; DROP TABLE speaker_aliases; ALTER TABLE documents DROP COLUMN keys;",
    );
    db.pragma("user_version = 10");
    db.close();

    const migrated = new SqliteStore({ path: file });
    try {
      expect((await migrated.get(doc.id))?.document.provenance.source).toBe("corpus/one.txt");
      expect((await migrated.versions(doc.id)).map((v) => v.source)).toEqual(["corpus/one.txt"]);
      const raws: string[] = [];
      for await (const raw of migrated.listRaw()) raws.push(raw.source);
      expect(raws).toEqual(["corpus/one.txt"]);
    } finally {
      await migrated.close();
    }
  });

  it("an archive with a schema version newer than this code knows is refused", async () => {
    const file = freshDbPath();
    await new SqliteStore({ path: file }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();

    let thrown: unknown = null;
    try {
      new SqliteStore({ path: file });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(VerbatimError);
    expect((thrown as VerbatimError).code).toBe("STORE_SCHEMA_TOO_NEW");
    expect((thrown as VerbatimError).detail).toEqual({ found: SCHEMA_VERSION + 1, known: SCHEMA_VERSION });

    const after = new Database(file, { readonly: true });
    expect(after.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION + 1);
    after.close();
  });

  it("an archive with a newer schema version is refused when opened read only too", async () => {
    const file = freshDbPath();
    await new SqliteStore({ path: file }).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();

    let code: string | null = null;
    try {
      await new SqliteStore({ path: file, readonly: true }).close();
    } catch (error) {
      code = error instanceof VerbatimError ? error.code : "not a VerbatimError";
    }
    expect(code).toBe("STORE_SCHEMA_TOO_NEW");
  });

  /** The catalog code a store open throws, or null when it opens. */
  function openError(options: ConstructorParameters<typeof SqliteStore>[0]): string | null {
    try {
      new SqliteStore(options).close();
      return null;
    } catch (error) {
      return error instanceof VerbatimError ? error.code : String(error);
    }
  }

  it("an archive that must exist and does not is STORE_NOT_FOUND, and neither it nor its folder is made", () => {
    const folder = path.join(path.dirname(freshDbPath()), "not-yet");
    const file = path.join(folder, "archive.db");
    expect(openError({ path: file, create: false })).toBe("STORE_NOT_FOUND");
    expect(openError({ path: file, readonly: true })).toBe("STORE_NOT_FOUND");
    expect(existsSync(folder)).toBe(false);
    expect(openError({ path: file })).toBeNull();
    expect(existsSync(file)).toBe(true);
    expect(openError({ path: file, create: false })).toBeNull();
  });

  it("a file that is not an archive is STORE_INVALID and is left as it was", () => {
    const file = freshDbPath();
    writeFileSync(file, "# README\n\nNot a database, but long enough to have a header of one's own.\n");
    expect(openError({ path: file, create: false })).toBe("STORE_INVALID");
    expect(readFileSync(file, "utf8")).toMatch(/^# README/);
  });
});
