import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.js';

// int8 (bigint) and numeric come back as strings by default; counts and sums in this
// product fit comfortably in a double, so parse them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Keep DATE columns as 'YYYY-MM-DD' strings: a date is not an instant.
pg.types.setTypeParser(1082, (v) => v);

/**
 * Session settings every connection gets: filtered HNSW scans keep searching until
 * enough rows pass the filter (pgvector ≥ 0.8) with a candidate list big enough for the
 * locale/stage filters. Set once per connection so a search is a single round trip.
 */
export const SESSION_SQL = 'SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = 100';

export function applySessionSettings(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    client.query(SESSION_SQL).catch(() => undefined);
  });
}

function wrap(client: { query: pg.Pool['query'] }): Queryable {
  return {
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const res = await client.query(sql, params as unknown[]);
      return { rows: res.rows as R[], rowCount: res.rowCount ?? 0 };
    },
  };
}

/** A Db over a `pg.Pool`: the native server, or the embedded PGlite behind its socket. */
export function poolDb(pool: pg.Pool, kind: Db['kind'], onClose?: () => Promise<void>): Db {
  const q = wrap(pool);
  return {
    kind,
    query: q.query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
      if (onClose) await onClose();
    },
  };
}

export interface PostgresOptions {
  connectionString: string;
  max?: number;
  /** Fail fast while the server is down instead of queueing forever. */
  connectionTimeoutMillis?: number;
}

export function connectPostgres(opts: PostgresOptions): Db {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectionTimeoutMillis ?? 3000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', () => undefined);
  applySessionSettings(pool);
  return poolDb(pool, 'postgres');
}
