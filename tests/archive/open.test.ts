/**
 * Opening an archive (src/archive/open.ts): the work migrations leave to align is done once on
 * opening, and a location names a SQLite file unless it is a URL, whose unknown kinds are coded
 * errors that create nothing.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { versionKeys } from "../../src/align/link.js";
import { openArchive } from "../../src/archive/open.js";
import { VerbatimError } from "../../src/errors/catalog.js";
import type { Document } from "../../src/model/document.js";
import { parseLocation } from "../../src/store/open.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { makeDocument } from "../support/documents.js";
import { freshSchemaUrl, postgresWanted } from "../support/postgres.js";

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-open-"));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const keyed = (id: string, language: string, date: string, ref: string): Document =>
  makeDocument({
    id,
    language,
    publisherRef: ref,
    sourceUrl: null,
    when: { date, time: null, timeZone: null, dateTime: null },
  });

/** Takes an archive back to a schema version, as one written by an older Verbatim was. */
function backTo(file: string, version: 9 | 12): void {
  const db = new Database(file);
  if (version === 9)
    db.exec(
      "DROP TABLE input_readings; ALTER TABLE speakers DROP COLUMN edited; ALTER TABLE speakers DROP COLUMN seq; DROP TABLE speaker_aliases;",
    );
  db.exec("ALTER TABLE documents DROP COLUMN keys;");
  db.pragma(`user_version = ${version}`);
  db.close();
}

describe("work migrations leave for the archive opener", () => {
  it("an archive made before keys were checked gets a verdict for each keyed pair on opening (migration 10), hand decisions kept", async () => {
    const file = path.join(freshDir(), "archive.db");
    const store = new SqliteStore({ path: file });
    const docs = [
      keyed("m-en", "en", "2020-12-29", "r1"),
      keyed("m-ru", "ru", "2020-12-29", "r1"),
      keyed("far-en", "en", "2020-01-10", "r2"),
      keyed("far-ru", "ru", "2020-12-29", "r2"),
      keyed("hand-en", "en", "2020-01-10", "r3"),
      keyed("hand-ru", "ru", "2020-12-29", "r3"),
    ];
    await store.putBatch([{ raw: null, documents: docs, versionKeys: docs.map(versionKeys) }]);
    await store.putVersionLink({ a: "hand-en", b: "hand-ru", method: "manual", confidence: 1, reasons: [] });
    await store.close();
    const db = new Database(file);
    db.prepare("DELETE FROM version_links WHERE method != 'manual'").run();
    db.close();
    backTo(file, 9);

    const archive = await openArchive(file);
    try {
      const { store: reopened } = archive;
      const methods = async (id: string) =>
        (await reopened.languageVersions(id)).map((v) => [v.id, v.method]);
      expect(await methods("m-en")).toEqual([["m-ru", "key"]]);
      expect(await methods("far-en")).toEqual([]);
      expect(await methods("hand-en")).toEqual([["hand-ru", "manual"]]);
      expect((await reopened.versionConflicts()).map((c) => [c.a.id, c.b.id])).toEqual([
        ["far-en", "far-ru"],
      ]);
      expect(await reopened.pendingWork()).toEqual([]);
    } finally {
      await archive.close();
    }
  });

  it("versions stored before versions kept their keys get them on opening (migration 13), history included", async () => {
    const file = path.join(freshDir(), "archive.db");
    /** A reading of k-ru from a source, dated, with a publisher reference. */
    const reading = (source: string, date: string, ref: string): Document => {
      const doc = keyed("k-ru", "ru", date, ref);
      return { ...doc, provenance: { ...doc.provenance, source, contentHash: `${source}-${date}` } };
    };
    const store = new SqliteStore({ path: file });
    // Stored with no keys given, as an older Verbatim's versions have none of their own.
    await store.putBatch([{ raw: null, documents: [keyed("k-en", "en", "2021-03-01", "r1")] }]);
    await store.putBatch([{ raw: null, documents: [reading("a.html", "2021-03-02", "r2")] }]);
    await store.putBatch([{ raw: null, documents: [reading("b.html", "2021-03-01", "r1")] }]);
    await store.close();
    backTo(file, 12);

    const archive = await openArchive(file);
    try {
      expect(await archive.store.pendingWork()).toEqual([]);
      // k-ru's current reading (a.html) has another reference.
      expect(await archive.store.keyPartners("k-en")).toEqual([]);
      // a.html is corrected to an earlier date: b.html's reading becomes current, with the key
      // the opener gave it while it was history.
      const corrected = reading("a.html", "2021-02-28", "r2");
      await archive.store.putBatch([
        { raw: null, documents: [corrected], versionKeys: [versionKeys(corrected)] },
      ]);
      expect((await archive.store.get("k-ru"))?.document.provenance.source).toBe("b.html");
      expect(await archive.store.keyPartners("k-en")).toEqual(["k-ru"]);
    } finally {
      await archive.close();
    }
  });
});

describe("archive locations", () => {
  const code = (run: () => unknown): string | null => {
    try {
      run();
      return null;
    } catch (error) {
      return error instanceof VerbatimError ? error.code : String(error);
    }
  };

  it("paths stay SQLite files: relative, absolute, Windows-style with either slash, and names with a colon", () => {
    for (const location of [
      "verbatim.db",
      "archives/news.db",
      "/srv/verbatim/news.db",
      "C:\\archives\\news.db",
      "C:/archives/news.db",
      "d:news.db",
      "\\\\server\\share\\news.db",
      "notes:2024.db",
      ":memory:",
    ])
      expect(parseLocation(location), location).toEqual({ backend: "sqlite", path: location });
    expect(parseLocation("file:///srv/verbatim/news.db")).toEqual({
      backend: "sqlite",
      path: "/srv/verbatim/news.db",
    });
  });

  it("postgres and postgresql URLs name a PostgreSQL database, other URLs are DB_SCHEME_UNSUPPORTED, and no error names a password", () => {
    expect(parseLocation("postgres://localhost/verbatim")).toEqual({
      backend: "postgres",
      url: "postgres://localhost/verbatim",
      path: "verbatim",
    });
    expect(parseLocation("PostgreSQL://localhost:5432/test")).toMatchObject({
      backend: "postgres",
      path: "test",
    });
    for (const url of ["mysql://localhost/verbatim", "sqlite://verbatim.db", "https://example.org/a.db"])
      expect(
        code(() => parseLocation(url)),
        url,
      ).toBe("DB_SCHEME_UNSUPPORTED");
    const error = (() => {
      try {
        parseLocation("mysql://reader:s3cret@db.example.org/verbatim");
      } catch (e) {
        return e as VerbatimError;
      }
    })();
    expect(error?.message).toContain("postgres:// or postgresql:// URL");
    expect(error?.message).not.toContain("s3cret");
    expect(error?.message).toContain("mysql://…@db.example.org/verbatim");
  });

  it("opening a URL of a kind Verbatim does not open creates nothing, not even with create", async () => {
    const dir = freshDir();
    const relative = (name: string) => path.relative(process.cwd(), path.join(dir, name));
    for (const [location, expected] of [["mysql://localhost/verbatim", "DB_SCHEME_UNSUPPORTED"]] as const) {
      await expect(openArchive(location, { create: true })).rejects.toMatchObject({ code: expected });
    }
    expect(existsSync("mysql:")).toBe(false);
    // A plain relative path is a SQLite file, made where it says.
    const archive = await openArchive(relative("sub/news.db"), { create: true });
    await archive.close();
    expect(readdirSync(path.join(dir, "sub"))).toContain("news.db");
  });
});

describe.runIf(postgresWanted)("PostgreSQL archives", () => {
  it("a reading command on a database with no archive is STORE_NOT_FOUND and makes no tables; ingest's create makes one", async () => {
    const { url, drop } = await freshSchemaUrl();
    try {
      await expect(openArchive(url)).rejects.toMatchObject({ code: "STORE_NOT_FOUND" });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        expect((await client.query("SELECT to_regclass('verbatim_meta') AS t")).rows[0]).toEqual({ t: null });
      } finally {
        await client.end();
      }
      const archive = await openArchive(url, { create: true });
      await archive.store.putBatch([{ raw: null, documents: [makeDocument()] }]);
      await archive.close();
      const again = await openArchive(url);
      expect((await again.store.counts()).documents).toBe(1);
      await again.close();
    } finally {
      await drop();
    }
  });

  it("an unreachable server is STORE_UNAVAILABLE, and the message never shows the password", async () => {
    const error = await openArchive("postgresql://reader:s3cret@127.0.0.1:1/verbatim").catch((e) => e);
    expect(error).toMatchObject({ code: "STORE_UNAVAILABLE" });
    expect(String(error.message)).not.toContain("s3cret");
    expect(String(error.message)).toContain("reader:***@127.0.0.1:1/verbatim");
  });
});
