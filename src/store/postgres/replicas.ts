/**
 * Reads sent to streaming replicas, writes to the primary, and no writer ever reading an older
 * archive than the one it wrote: after each write this process remembers the primary's WAL
 * position, and a replica serves its reads only once it has replayed past that position (it stays
 * past it until this process writes again). Until then, and when no replica answers, reads go to
 * the primary. Each process keeps to one replica (by its process id), so one search never reads
 * half from one replica and half from another that has replayed less.
 */
import pg from "pg";

export class ReadRouter {
  private readonly replicas: pg.Pool[];
  private readonly first = process.pid;
  /** The primary's WAL position after this process's last write; null before any. */
  private written: string | null = null;
  /** Replicas known to have replayed past `written`. */
  private caughtUp = new Set<pg.Pool>();

  constructor(
    private readonly primary: pg.Pool,
    replicaUrls: string[],
    maxConnections: number,
  ) {
    this.replicas = replicaUrls.map((url) => {
      const pool = new pg.Pool({ connectionString: url, max: maxConnections });
      pool.on("error", () => {});
      return pool;
    });
  }

  get hasReplicas(): boolean {
    return this.replicas.length > 0;
  }

  /** Called after a write commits: reads must now see at least this much of the primary's WAL. */
  async wrote(): Promise<void> {
    if (!this.hasReplicas) return;
    const { rows } = await this.primary.query("SELECT pg_current_wal_lsn()::text AS lsn");
    this.written = (rows[0] as { lsn: string }).lsn;
    this.caughtUp.clear();
  }

  /** Where the next read goes: a replica that has caught up with this process's writes, else the primary. */
  async reader(): Promise<pg.Pool> {
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[(this.first + tried) % this.replicas.length] as pg.Pool;
      if (this.written === null || this.caughtUp.has(replica)) return replica;
      try {
        const { rows } = await replica.query("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok", [
          this.written,
        ]);
        if ((rows[0] as { ok: boolean | null }).ok) {
          this.caughtUp.add(replica);
          return replica;
        }
      } catch {
        // An unreachable replica is passed over; the primary always answers for it.
      }
    }
    return this.primary;
  }

  async end(): Promise<void> {
    await Promise.all(this.replicas.map((p) => p.end()));
  }
}
