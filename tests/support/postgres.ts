/**
 * PostgreSQL for tests: the server named by VERBATIM_TEST_PG (default: the machine's, database
 * `test`), one throwaway schema per store, dropped when the store closes. Which backends the
 * suites run on is VERBATIM_TEST_BACKENDS (default "sqlite,postgres"); a backend asked for and
 * not reachable fails the run rather than skipping it.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PgStore } from "../../src/store/postgres/pg-store.js";

export const PG_TEST_URL = process.env.VERBATIM_TEST_PG ?? "postgresql://postgres@127.0.0.1:5432/test";

export const testBackends = (process.env.VERBATIM_TEST_BACKENDS ?? "sqlite,postgres")
  .split(",")
  .map((b) => b.trim())
  .filter(Boolean);

export const postgresWanted = testBackends.includes("postgres");

/** The URL of a fresh, empty schema of the test database. */
export async function freshSchemaUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `vt_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_TEST_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A PgStore on a fresh schema, which its close() drops. */
export async function freshPgStore(options: { alignmentVersion?: number } = {}): Promise<PgStore> {
  const { url, drop } = await freshSchemaUrl();
  const store = await PgStore.open({ url, maxConnections: 4, ...options });
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await drop();
  };
  return store;
}
