/**
 * Re-extraction is a function of what the archive holds: after any history of ingests (from files
 * and through the API), edits, deletions, links made by hand and speaker edits, `reextract` gives
 * the same documents, versions, links and speakers, and a second run changes nothing either.
 * Fixtures are synthetic statements written here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ingestAndLink } from "../../src/align/service.js";
import { planSources, readSources } from "../../src/ingest/read/sources.js";
import { reextractArchive } from "../../src/ingest/reextract.js";
import { SpeakerRegistry } from "../../src/ingest/speakers/registry.js";
import type { Speaker } from "../../src/model/speaker.js";
import { withSearch } from "../../src/search/engine/with-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { appFor, TOKEN } from "../support/app.js";
import { ingestText } from "../support/ingest.js";

const BUNDLED = SpeakerRegistry.load();
const tmp = mkdtempSync(path.join(os.tmpdir(), "verbatim-reextract-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Statement `file` (even: English, odd: Russian) as edited `variant` times. */
function statement(file: number, variant: number): string {
  const day = 2 + variant;
  const ships = 12 + variant * 5 + file;
  return file % 2 === 0
    ? `---\ntitle: Statement ${file} on the harbour agreement\ndate: 2024-05-0${day}\n---\n\n` +
        `Anna Example: The ministers signed harbour agreement ${file} today; ${ships} ships will use the port.\n\n` +
        (variant > 0 ? `Boris Sample: We welcome it, and revision ${variant} says so.\n` : "")
    : `---\ntitle: Заявление ${file} о соглашении по гавани\ndate: 2024-05-0${day}\n---\n\n` +
        `Анна Пример: Министры подписали соглашение ${file} о гавани; порт примет ${ships} судов.\n\n` +
        (variant > 0 ? `Борис Образец: Мы приветствуем это (редакция ${variant}).\n` : "");
}

const FILES = [0, 1, 2, 3];
const fileName = (file: number) => `f${file}.md`;
const apiName = (file: number) => `api-f${file}.md`;
/** Ids do not depend on the text: the publisher and the name the reader saw. */
const fileId = (file: number) => ingestText(`in/${fileName(file)}`, statement(file, 0))[0]?.id ?? "";
const apiId = (file: number) => ingestText(apiName(file), statement(file, 0))[0]?.id ?? "";

/** A registry speaker no fixture names, as edited by hand the n-th way. */
function editedSpeaker(n: number): Speaker {
  const base = BUNDLED.get("sergey-lavrov") as Speaker;
  return n === 0
    ? { ...base, name: "Sergey V. Lavrov", aliases: [...base.aliases, { name: "S. V. Lavrov", lang: "en" }] }
    : { id: `test-speaker-${n}`, name: `Test Speaker ${n}`, aliases: [], roles: [] };
}

type Op =
  | { op: "file" | "api"; file: number; variant: number }
  | { op: "delete"; via: "file" | "api"; file: number }
  | { op: "link" | "unlink"; en: number; ru: number; enVia: "file" | "api" }
  | { op: "speaker"; n: number };

class Archive {
  readonly store: DocumentStore;
  readonly dir = mkdtempSync(path.join(tmp, "archive-"));
  app: ReturnType<typeof appFor>;
  /** Ids of every document ever stored, deleted ones too. */
  readonly seen = new Set<string>();

  private constructor(file: string) {
    this.store = withSearch(new SqliteStore({ path: file }));
    this.app = appFor(this.store);
  }

  static async open(file = ":memory:"): Promise<Archive> {
    const archive = new Archive(file);
    await archive.store.seedSpeakers(BUNDLED.speakers);
    archive.app = appFor(archive.store, { registry: await archive.registry() });
    return archive;
  }

  async registry(): Promise<SpeakerRegistry> {
    return new SpeakerRegistry(await this.store.listSpeakers());
  }

  private request(method: string, url: string, body?: string, headers: Record<string, string> = {}) {
    return this.app.request(url, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...headers },
      ...(body === undefined ? {} : { body }),
    });
  }

  async ingestFile(file: number, variant: number): Promise<void> {
    const folder = path.join(this.dir, "in");
    mkdirSync(folder, { recursive: true });
    const target = path.join(folder, fileName(file));
    writeFileSync(target, statement(file, variant));
    const { files } = await planSources([target]);
    await ingestAndLink(
      readSources(files, { maxBytes: 2 ** 20 }),
      this.store,
      { registry: await this.registry(), debateSpeakers: null, maxBytes: 2 ** 20, now: () => new Date() },
      null,
    );
    this.seen.add(fileId(file));
  }

  async run(o: Op): Promise<void> {
    const idOf = (via: "file" | "api", file: number) => (via === "file" ? fileId(file) : apiId(file));
    switch (o.op) {
      case "file":
        return this.ingestFile(o.file, o.variant);
      case "api": {
        const res = await this.request("POST", "/api/documents", statement(o.file, o.variant), {
          "x-verbatim-name": apiName(o.file),
        });
        expect(res.status).toBe(200);
        this.seen.add(apiId(o.file));
        return;
      }
      case "delete":
        await this.request("DELETE", `/api/documents/${idOf(o.via, o.file)}`);
        return;
      case "link":
      case "unlink":
        // Either may be missing (never ingested, deleted): the API says so and nothing changes.
        await this.request(
          o.op === "link" ? "PUT" : "DELETE",
          `/api/documents/${idOf(o.enVia, o.en)}/languages/${fileId(o.ru)}`,
        );
        return;
      case "speaker": {
        const speaker = editedSpeaker(o.n);
        const res = await this.request("PUT", `/api/speakers/${speaker.id}`, JSON.stringify(speaker), {
          "content-type": "application/json",
        });
        expect(res.status).toBe(200);
        return;
      }
    }
  }

  async reextract() {
    // As the command does: the registry file seeds the archive first.
    await this.store.seedSpeakers(BUNDLED.speakers);
    return reextractArchive(this.store, { registry: await this.registry(), matcher: null });
  }

  /** Every version of every document ever stored, each one's language versions, and the speakers. */
  async snapshot() {
    const documents: Record<string, unknown> = {};
    for (const id of [...this.seen].sort()) {
      const versions = await this.store.versions(id);
      const bodies = [];
      for (const v of versions) bodies.push(await this.store.get(id, v.version));
      documents[id] = { versions, bodies, languages: await this.store.languageVersions(id) };
    }
    return { documents, speakers: await this.store.listSpeakers(), counts: await this.store.counts() };
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom("file" as const, "api" as const),
    file: fc.constantFrom(...FILES),
    variant: fc.integer({ min: 0, max: 2 }),
  }),
  fc.record({
    op: fc.constant("delete" as const),
    via: fc.constantFrom("file" as const, "api" as const),
    file: fc.constantFrom(...FILES),
  }),
  fc.record({
    op: fc.constantFrom("link" as const, "unlink" as const),
    en: fc.constantFrom(0, 2),
    ru: fc.constantFrom(1, 3),
    enVia: fc.constantFrom("file" as const, "api" as const),
  }),
  fc.record({ op: fc.constant("speaker" as const), n: fc.integer({ min: 0, max: 2 }) }),
);

describe("reextract", () => {
  it("after ingests, edits, deletions, links and speaker edits, reextract twice leaves documents, versions, links and speakers as they were", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const archive = await Archive.open();
        try {
          for (const o of ops) await archive.run(o);
          const before = await archive.snapshot();
          const first = await archive.reextract();
          expect(first.inserted + first.versioned).toBe(0);
          expect(await archive.snapshot()).toEqual(before);
          await archive.reextract();
          expect(await archive.snapshot()).toEqual(before);
        } finally {
          await archive.close();
        }
      }),
      { numRuns: 25 },
    );
  });

  it.each<[string, Op[]]>([
    [
      "ingest, edit, re-ingest, delete, link by hand, edit a speaker",
      [
        { op: "file", file: 0, variant: 0 },
        { op: "file", file: 1, variant: 0 },
        { op: "api", file: 2, variant: 0 },
        { op: "file", file: 0, variant: 1 },
        { op: "file", file: 0, variant: 1 },
        { op: "file", file: 1, variant: 0 },
        { op: "file", file: 3, variant: 0 },
        { op: "delete", via: "file", file: 3 },
        { op: "link", en: 2, ru: 1, enVia: "api" },
        { op: "speaker", n: 0 },
      ],
    ],
    [
      "an edit undone in the file, then the document deleted through the API and sent again",
      [
        { op: "file", file: 2, variant: 0 },
        { op: "file", file: 2, variant: 2 },
        { op: "file", file: 2, variant: 0 },
        { op: "api", file: 0, variant: 1 },
        { op: "delete", via: "api", file: 0 },
        { op: "api", file: 0, variant: 2 },
        { op: "file", file: 1, variant: 1 },
        { op: "link", en: 0, ru: 1, enVia: "api" },
        { op: "unlink", en: 0, ru: 1, enVia: "api" },
      ],
    ],
  ])("%s: reextract twice changes nothing", async (_name, ops) => {
    const archive = await Archive.open();
    try {
      for (const o of ops) await archive.run(o);
      const before = await archive.snapshot();
      await archive.reextract();
      await archive.reextract();
      expect(await archive.snapshot()).toEqual(before);
    } finally {
      await archive.close();
    }
  });

  it("an edited file's earlier text stays history: reextract adds no version for it", async () => {
    const archive = await Archive.open();
    try {
      await archive.ingestFile(0, 0);
      await archive.ingestFile(0, 1);
      await archive.reextract();
      const versions = await archive.store.versions(fileId(0));
      expect(versions.map((v) => [v.version, v.current])).toEqual([
        [1, false],
        [2, true],
      ]);
    } finally {
      await archive.close();
    }
  });

  it("a document deleted through the API does not come back, and one sent through the API keeps its id", async () => {
    const archive = await Archive.open();
    try {
      await archive.run({ op: "api", file: 0, variant: 0 });
      await archive.run({ op: "file", file: 2, variant: 0 });
      await archive.run({ op: "delete", via: "file", file: 2 });
      const report = await archive.reextract();
      expect(report.unchanged).toBe(1);
      expect(await archive.store.get(fileId(2))).toBeNull();
      const ids = [];
      for await (const d of archive.store.list()) ids.push(d.id);
      expect(ids).toEqual([apiId(0)]);
    } finally {
      await archive.close();
    }
  });

  it("a document deleted from an input that holds several stays deleted while the others are read again", async () => {
    const archive = await Archive.open();
    try {
      const both =
        "https://example.org/statements/harbour-42\n\n## Russian\n\n2 мая 2024\n\nЗаявление о гавани\n\n" +
        "Министры подписали соглашение о гавани; порт примет 42 судна.\n\n## English\n\n2 May 2024\n\n" +
        "Statement on the harbour\n\nThe ministers signed the harbour agreement; the port will take 42 ships.\n";
      const [ru, en] = ingestText("x/harbour-42.md", both);
      expect([ru?.language, en?.language]).toEqual(["ru", "en"]);
      const res = await archive.app.request("/api/documents", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "x-verbatim-name": "harbour-42.md" },
        body: both,
      });
      expect(res.status).toBe(200);
      await archive.app.request(`/api/documents/${ru?.id}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      const report = await archive.reextract();
      expect(report.notices.map((n) => n.code)).toEqual(["REEXTRACT_NOT_STORED"]);
      expect(report.unchanged).toBe(1);
      expect(await archive.store.get(ru?.id ?? "")).toBeNull();
      expect((await archive.store.versions(en?.id ?? "")).length).toBe(1);
    } finally {
      await archive.close();
    }
  });

  it("an archive that never recorded how its inputs were read keeps its ids and versions under reextract", async () => {
    const file = path.join(tmp, "legacy.db");
    const archive = await Archive.open(file);
    await archive.run({ op: "api", file: 0, variant: 0 });
    await archive.run({ op: "file", file: 1, variant: 0 });
    await archive.run({ op: "file", file: 1, variant: 1 });
    const before = await archive.snapshot();
    await archive.close();
    // As written before readings were recorded: re-extraction falls back to the names readers saw then.
    const db = new Database(file);
    db.exec("DELETE FROM input_readings");
    db.close();
    const reopened = await Archive.open(file);
    try {
      for (const id of archive.seen) reopened.seen.add(id);
      const report = await reopened.reextract();
      expect(report).toMatchObject({ inserted: 0, versioned: 0, unchanged: 2 });
      expect(await reopened.snapshot()).toEqual(before);
    } finally {
      await reopened.close();
    }
  });

  it("a speaker edit that changes how labels resolve gives one new version, and a second run none", async () => {
    const archive = await Archive.open();
    try {
      await archive.ingestFile(0, 0);
      const anna: Speaker = { id: "anna-example", name: "Anna Example", aliases: [], roles: [] };
      await archive.store.putSpeakers([anna]);
      const first = await archive.reextract();
      expect(first.versioned).toBe(1);
      expect((await archive.store.get(fileId(0)))?.document.turns[0]?.speakerId).toBe("anna-example");
      const second = await archive.reextract();
      expect(second).toMatchObject({ inserted: 0, versioned: 0, unchanged: 1 });
      // Seeding from the registry file again never touches the edit.
      await archive.store.seedSpeakers([...BUNDLED.speakers, { ...anna, name: "Someone Else" }]);
      expect(await archive.store.getSpeaker("anna-example")).toStrictEqual(anna);
    } finally {
      await archive.close();
    }
  });
});
