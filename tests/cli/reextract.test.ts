/**
 * `verbatim reextract` as a user runs it: it needs nothing but the archive. A UN speech ingested
 * with its speaker table keeps its speaker without the table being given again, a speaker edited
 * in the archive survives ingests and re-extraction, and running it twice changes nothing; given
 * the registry and gazetteer files the archive was read with, it keeps what they found.
 * The speech, the table and the files are synthetic, written here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorsFor } from "../../src/model/corrections.js";
import type { Document } from "../../src/model/document.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { verbatimOk } from "../support/cli.js";

const SPEECH = `It is an honour to address this Assembly on behalf of the people of New Zealand.

The harbour agreement signed this year shows what small states can achieve together; 42 ports now share one standard.

We call on every member to join it.
`;

async function writeSpeakerTable(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Speakers");
  sheet.addRow(["Year", "Session", "ISO Code", "Country", "Name of Person Speaking", "Post"]);
  sheet.addRow([2024, 79, "NZL", "New Zealand", "Jane Example", "Minister for Harbours"]);
  await workbook.xlsx.writeFile(file);
}

describe("reextract on the command line", () => {
  let dir: string;
  let db: string;
  let id: string;
  const run = (...args: string[]) => verbatimOk([...args, "--db", db]);
  const show = async () => JSON.parse(await run("show", id, "--json")) as Document;
  const report = async () =>
    JSON.parse(await run("reextract", "--json")) as {
      inserted: number;
      versioned: number;
      unchanged: number;
    };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-reextract-cli-"));
    db = path.join(dir, "archive.db");
    const speeches = path.join(dir, "server-only", "debates");
    mkdirSync(speeches, { recursive: true });
    writeFileSync(path.join(speeches, "NZL_79_2024.txt"), SPEECH);
    await writeSpeakerTable(path.join(speeches, "Speakers_by_session.xlsx"));
    const ingested = JSON.parse(await run("ingest", speeches, "--json", "--no-enrich")) as {
      inserted: number;
    };
    expect(ingested.inserted).toBe(1);
    const store = new SqliteStore({ path: db, create: false });
    try {
      for await (const doc of store.list()) id = doc.id;
    } finally {
      await store.close();
    }
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a UN speech keeps the speaker from the table it was read with, without --debate-speakers", async () => {
    const before = await show();
    expect(before.participants.map((p) => p.name)).toEqual(["Jane Example"]);
    expect(await report()).toMatchObject({ inserted: 0, versioned: 0, unchanged: 1 });
    expect(await report()).toMatchObject({ inserted: 0, versioned: 0, unchanged: 1 });
    const after = await show();
    expect(after).toEqual(before);
  });

  it("provenance names the file under the folder ingested, not where the server keeps it", async () => {
    const doc = await show();
    expect(doc.provenance.source).toBe("debates/NZL_79_2024.txt");
    expect(JSON.stringify(doc)).not.toContain(dir);
  });

  it("a speaker edited in the archive survives another ingest and reextract", async () => {
    const edited = { id: "sergey-lavrov", name: "Sergey V. Lavrov", aliases: [], roles: [] };
    const store = new SqliteStore({ path: db, create: false });
    try {
      await store.putSpeakers([edited]);
    } finally {
      await store.close();
    }
    const other = path.join(dir, "other");
    mkdirSync(other);
    writeFileSync(
      path.join(other, "note.md"),
      "---\ntitle: A note\ndate: 2024-05-02\n---\n\nA short note.\n",
    );
    await run("ingest", other, "--no-enrich");
    await run("reextract");
    const reopened = new SqliteStore({ path: db, create: false });
    try {
      expect(await reopened.getSpeaker("sergey-lavrov")).toStrictEqual(edited);
    } finally {
      await reopened.close();
    }
  });
});

describe("reextract with a custom registry and gazetteer", () => {
  const REMARKS = `---
title: Remarks on the Harbour Compact
date: 2024-05-02
source_url: https://example.org/en/remarks/harbour-compact
---

JANE EXAMPLE: Good morning. The Harbour Compact now covers 42 ports, and Minister Jane Example will sign its next chapter in June.

QUESTION: When will the Harbour Compact take effect?

JANE EXAMPLE: In June, once 45 ports have signed the Harbour Compact.
`;
  const speakers = (name: string) =>
    `- id: jane-example\n  name: ${name}\n  aliases:\n    en: [Jane Example]\n  roles:\n    - { title: Minister for Harbours, from: 2020-01-01, to: null }\n`;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "verbatim-reextract-custom-"));
    mkdirSync(path.join(dir, "in"));
    writeFileSync(path.join(dir, "in", "harbour.md"), REMARKS);
    writeFileSync(
      path.join(dir, "gazetteer.yaml"),
      'organisations:\n  - { id: "vb:harbour-compact", type: agreement, name: Harbour Compact, names: { en: [Harbour Compact] } }\n',
    );
    writeFileSync(path.join(dir, "speakers-1.yaml"), speakers("Jane Example"));
    // The registry's next edition renames her: re-extraction makes a new version, enriched again.
    writeFileSync(path.join(dir, "speakers-2.yaml"), speakers("Jane A. Example"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps an editor's corrections, a split turn among them, when re-extraction makes a new version whose turns read the same", async () => {
    const db = path.join(dir, "corrected.db");
    const gazetteer = path.join(dir, "gazetteer.yaml");
    await verbatimOk(
      [
        "ingest",
        path.join(dir, "in"),
        "--db",
        db,
        "--workers",
        "0",
        "--speakers",
        path.join(dir, "speakers-1.yaml"),
      ].concat(["--gazetteer", gazetteer]),
    );
    const store = new SqliteStore({ path: db, create: false });
    let id = "";
    let turns = 0;
    try {
      const [doc] = await collectDocuments(store);
      id = doc?.id as string;
      const op = { op: "kind", turn: 1, kind: "other" } as const;
      await store.putCorrection({
        documentId: id,
        op,
        anchors: anchorsFor(doc as Document, op),
        author: "editor",
        reason: "a test question",
        at: "2026-12-04T00:00:00.000Z",
      });
      // And the first turn split where a second voice begins.
      const first = (doc as Document).turns[0]?.paragraphs[0] as string;
      const split = { op: "split", turn: 0, paragraph: 0, at: first.indexOf(" ", 10) + 1 } as const;
      await store.putCorrection({
        documentId: id,
        op: split,
        anchors: anchorsFor(doc as Document, split),
        author: "editor",
        reason: "a second voice",
        at: "2026-12-04T00:01:00.000Z",
      });
      turns = (doc as Document).turns.length;
    } finally {
      await store.close();
    }
    const report = JSON.parse(
      await verbatimOk([
        "reextract",
        "--json",
        "--db",
        db,
        "--speakers",
        path.join(dir, "speakers-2.yaml"),
        "--gazetteer",
        gazetteer,
      ]),
    ) as { versioned: number };
    expect(report.versioned).toBe(1);
    const shown = JSON.parse(await verbatimOk(["show", id, "--json", "--db", db])) as Document;
    expect(shown.turns[0]?.speakerName).toBe("Jane A. Example");
    expect(shown.turns).toHaveLength(turns + 1);
    expect(shown.turns[1]?.speakerId).toBeNull();
    expect(shown.turns[2]?.kind).toBe("other");
  });

  it("keeps the custom entities and the registry's people in the new version's enrichment and the archive's entity list", async () => {
    const db = path.join(dir, "archive.db");
    const gazetteer = path.join(dir, "gazetteer.yaml");
    await verbatimOk(
      ["ingest", path.join(dir, "in"), "--db", db, "--workers", "0"].concat([
        "--speakers",
        path.join(dir, "speakers-1.yaml"),
        "--gazetteer",
        gazetteer,
      ]),
    );
    const report = JSON.parse(
      await verbatimOk([
        "reextract",
        "--json",
        "--db",
        db,
        "--speakers",
        path.join(dir, "speakers-2.yaml"),
        "--gazetteer",
        gazetteer,
      ]),
    ) as { versioned: number };
    expect(report.versioned).toBe(1);
    const store = new SqliteStore({ path: db, create: false });
    try {
      const [doc] = await collectDocuments(store);
      expect(doc?.turns[0]?.speakerName).toBe("Jane A. Example");
      const mentioned = new Set(
        (await store.getEnrichment(doc?.id as string))?.mentions.map((m) => m.entityId),
      );
      expect([...mentioned].sort()).toEqual(["speaker:jane-example", "vb:harbour-compact"]);
      expect((await store.getEntity("vb:harbour-compact"))?.name).toBe("Harbour Compact");
      expect((await store.getEntity("speaker:jane-example"))?.name).toBe("Jane A. Example");
    } finally {
      await store.close();
    }
  });
});

async function collectDocuments(store: SqliteStore): Promise<Document[]> {
  const docs: Document[] = [];
  for await (const doc of store.list()) docs.push(doc);
  return docs;
}
