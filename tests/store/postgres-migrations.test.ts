/**
 * PostgreSQL schema migrations that rewrite stored rows: an archive written before a migration
 * reads the same after it.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { termStems } from "../../src/model/term-stems.js";
import { PgStore } from "../../src/store/postgres/pg-store.js";
import { PG_SCHEMA_VERSION } from "../../src/store/postgres/schema.js";
import { makeDocument, makeTurn } from "../support/documents.js";
import { freshSchemaUrl, postgresWanted } from "../support/postgres.js";

/** Takes an archive's schema back to `version`, as an archive written then was, after the statements given. */
async function rewind(url: string, version: number, ...statements: string[]): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (const sql of statements) await db.query(sql);
    await db.query("UPDATE verbatim_meta SET value = $1 WHERE key = 'schema_version'", [String(version)]);
  } finally {
    await db.end();
  }
}

describe.runIf(postgresWanted)("PostgreSQL migrations", () => {
  it("versions stored before the reading columns read the same once the migration fills them from the bodies", async () => {
    const { url, drop } = await freshSchemaUrl();
    try {
      const store = await PgStore.open({ url, maxConnections: 2 });
      const doc = makeDocument({ id: "m-1" });
      await store.putBatch([
        {
          raw: null,
          documents: [
            { ...doc, provenance: { ...doc.provenance, readAt: "2024-01-01T00:00:00Z" } },
            {
              ...doc,
              title: "Edited",
              when: { ...doc.when, time: "12:00", dateTime: "2024-01-02T12:00:00+03:00" },
              provenance: {
                ...doc.provenance,
                source: "https://example.org/m-1",
                readAt: "2024-01-02T00:00:00Z",
              },
            },
          ],
        },
      ]);
      const before = await store.versions("m-1");
      const viewBefore = await store.documentView("m-1");
      await store.close();

      // Back to the schema before the migration, as an archive written then was.
      // The reading columns came with the migration before the corrections tables, the reshaped
      // turns' table, the catalog journal, the entity decisions, the terms' stems, the index of the
      // newest, the stems by Porter2 and the titles' postings dropped (which running again leaves as
      // they are).
      await rewind(
        url,
        PG_SCHEMA_VERSION - 9,
        "ALTER TABLE documents DROP COLUMN source, DROP COLUMN read_at, DROP COLUMN time, DROP COLUMN date_time",
      );

      const migrated = await PgStore.open({ url, maxConnections: 2 });
      try {
        expect(await migrated.versions("m-1")).toEqual(before);
        expect(before.map((v) => [v.version, v.source, v.current])).toEqual([
          [1, doc.provenance.source, false],
          [2, "https://example.org/m-1", true],
        ]);
        expect(await migrated.documentView("m-1")).toEqual(viewBefore);
        // And a new version still finds its place among them.
        await migrated.putBatch([
          {
            raw: null,
            documents: [
              { ...doc, title: "Third", provenance: { ...doc.provenance, readAt: "2024-01-03T00:00:00Z" } },
            ],
          },
        ]);
        expect((await migrated.versions("m-1")).map((v) => v.version)).toEqual([1, 2, 3]);
      } finally {
        await migrated.close();
      }
    } finally {
      await drop();
    }
  });

  it("terms stored before their stems get them from the migration, and expand as before", async () => {
    const { url, drop } = await freshSchemaUrl();
    try {
      const store = await PgStore.open({ url, maxConnections: 2 });
      await store.putBatch([
        {
          raw: null,
          documents: [
            makeDocument({
              id: "s-1",
              title: "Sanctioned talks",
              turns: [
                makeTurn(0, { paragraphs: ["Sanctions, sanctioning and санкции; Türkiye's санкцій."] }),
              ],
              qa: [],
            }),
          ],
        },
      ]);
      const expanded = await store.textIndex.vocabulary.termsWithStems("sanc", ["sanction"], false, 10);
      await store.close();
      await rewind(url, PG_SCHEMA_VERSION - 4, "ALTER TABLE vocab DROP COLUMN stem, DROP COLUMN stem_alt");

      const migrated = await PgStore.open({ url, maxConnections: 2 });
      try {
        const check = new pg.Client({ connectionString: url });
        await check.connect();
        const held = (await check.query("SELECT term, stem, stem_alt FROM vocab ORDER BY term")).rows;
        await check.end();
        expect(held.length).toBeGreaterThan(5);
        for (const row of held) {
          const stems = termStems(row.term);
          expect([row.term, row.stem, row.stem_alt]).toEqual([row.term, stems.main, stems.alternate]);
        }
        expect(expanded).toEqual(["sanctioned", "sanctioning", "sanctions"]);
        expect(await migrated.textIndex.vocabulary.termsWithStems("sanc", ["sanction"], false, 10)).toEqual(
          expanded,
        );
      } finally {
        await migrated.close();
      }
    } finally {
      await drop();
    }
  });

  it("terms stemmed by Porter's first stemmer get Porter2's stems from the migration", async () => {
    const { url, drop } = await freshSchemaUrl();
    try {
      const store = await PgStore.open({ url, maxConnections: 2 });
      await store.putBatch([
        {
          raw: null,
          documents: [
            makeDocument({
              id: "g-1",
              turns: [makeTurn(0, { paragraphs: ["The generals' generous generation read the news."] })],
              qa: [],
            }),
          ],
        },
      ]);
      await store.close();
      await rewind(url, PG_SCHEMA_VERSION - 2, "UPDATE vocab SET stem = 'gener' WHERE term LIKE 'gener%'");

      const migrated = await PgStore.open({ url, maxConnections: 2 });
      try {
        const vocabulary = migrated.textIndex.vocabulary;
        expect(await vocabulary.termsWithStems("ge", [termStems("general").main], false, 10)).toEqual([
          "generals",
        ]);
        expect(await vocabulary.termsWithStems("ge", [termStems("generous").main], false, 10)).toEqual([
          "generous",
        ]);
      } finally {
        await migrated.close();
      }
    } finally {
      await drop();
    }
  });
});
