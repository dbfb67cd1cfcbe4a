/**
 * The PostgreSQL connection the backend's parts share: a pool, and transactions that run a
 * function on one client. Parts take a `Queryable`, so the same code runs inside a batch's
 * transaction or on the pool.
 */
import pg from "pg";

export type Queryable = Pick<pg.PoolClient, "query">;

/** One row of results, typed by the caller. */
export async function rows<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

export async function one<T>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | null> {
  return ((await db.query(sql, params)).rows[0] as T | undefined) ?? null;
}

/** Reads in one repeatable-read, read-only transaction: one snapshot, so reads that belong together agree. */
export async function snapshot<T>(pool: pg.Pool, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const result = await read(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs `work` in one transaction on one client of the pool: all of it commits or none of it does.
 * Deadlocks and serialization failures (two writers meeting) are retried a few times.
 */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      const code = (error as { code?: string }).code;
      if ((code === "40P01" || code === "40001") && attempt < 4) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}

// BIGINT and NUMERIC come back as strings by default; counts and sizes here fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
