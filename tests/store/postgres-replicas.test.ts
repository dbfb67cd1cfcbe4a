/**
 * Reads beyond one machine: a PgStore with a streaming replica reads there, writes to the
 * primary, and never shows its own writer an archive older than what it wrote. Runs against a
 * real replica made for the test (support/replica.ts).
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSearch } from "../../src/search/engine/with-search.js";
import { parseQuery } from "../../src/search/query/parse.js";
import { PgStore } from "../../src/store/postgres/pg-store.js";
import type { DocumentStore } from "../../src/store/store.js";
import { makeDocument } from "../support/documents.js";
import { postgresWanted } from "../support/postgres.js";
import { type ReplicatedPair, replicaUnavailable, startReplicatedPair } from "../support/replica.js";

const unavailable = replicaUnavailable();

describe.runIf(postgresWanted)("a PostgreSQL archive with a streaming replica", () => {
  let pair: ReplicatedPair;
  let store: DocumentStore;

  beforeAll(async () => {
    if (unavailable) return;
    pair = await startReplicatedPair();
    store = withSearch(await PgStore.open({ url: pair.primaryUrl, replicas: [pair.replicaUrl] }));
  }, 180_000);

  afterAll(async () => {
    await store?.close();
    pair?.stop();
  });

  it.skipIf(unavailable !== null)(
    "is a real replica: it refuses writes and follows the primary",
    async () => {
      const replica = new pg.Client({ connectionString: pair.replicaUrl });
      await replica.connect();
      try {
        expect((await replica.query("SELECT pg_is_in_recovery() AS r")).rows[0]).toEqual({ r: true });
        await expect(replica.query("CREATE TABLE nope (x int)")).rejects.toThrow(/read-only/);
      } finally {
        await replica.end();
      }
    },
  );

  it.skipIf(unavailable !== null)(
    "a writer reads its own writes at once, however far the replica lags",
    async () => {
      for (let i = 0; i < 20; i++) {
        const doc = makeDocument({ id: `midru-replica-${i}`, title: `Replica test number${i} sanctions` });
        await store.putBatch([{ raw: null, documents: [doc] }]);
        expect((await store.get(doc.id))?.document.title).toBe(doc.title);
        const found = await store.search(parseQuery(`number${i}`), { cache: false });
        expect(found.total.documents).toBe(1);
        expect((await store.counts()).documents).toBe(i + 1);
      }
    },
  );

  it.skipIf(unavailable !== null)(
    "reads go to the replica, and to the primary while the replica is behind this writer's own writes",
    async () => {
      const replica = new pg.Client({ connectionString: pair.replicaUrl });
      const other = withSearch(await PgStore.open({ url: pair.primaryUrl }));
      await replica.connect();
      const count = async (word: string) =>
        (await store.search(parseQuery(word), { cache: false })).total.documents;
      try {
        await replica.query("SELECT pg_wal_replay_pause()");
        // Another process writes: this store has not written since, so it reads the paused
        // replica, which has not seen that write.
        await other.putBatch([
          { raw: null, documents: [makeDocument({ id: "midru-other", title: "Elsewhere zebra" })] },
        ]);
        expect(await count("zebra")).toBe(0);
        expect(await store.get("midru-other")).toBeNull();
        // This store writes: until the replica replays past that write, it reads the primary.
        await store.putBatch([
          { raw: null, documents: [makeDocument({ id: "midru-mine", title: "Mine giraffe" })] },
        ]);
        expect(await count("giraffe")).toBe(1);
        expect(await count("zebra")).toBe(1);
        await replica.query("SELECT pg_wal_replay_resume()");
        for (let i = 0; i < 100 && (await count("zebra")) !== 1; i++)
          await new Promise((r) => setTimeout(r, 50));
        expect(await count("zebra")).toBe(1);
      } finally {
        await replica.query("SELECT pg_wal_replay_resume()").catch(() => {});
        await replica.end();
        await other.close();
      }
    },
  );
});
