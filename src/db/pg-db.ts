import pg from 'pg';
import type { Db, Queryable, QueryResult } from './db.js';

// int8 (bigint) and numeric come back as strings by default; counts and sums in this
// product fit comfortably in a double, so parse them as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Keep DATE columns as 'YYYY-MM-DD' strings: a date is not an instant.
pg.types.setTypeParser(1082, (v) => v);

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
      // A checked-out client whose server goes away (restart, failover) emits 'error';
      // unheard, that would crash the process. The failing query rejects anyway.
      let broken: Error | undefined;
      const onError = (err: Error) => {
        broken = err;
      };
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const out = await fn(wrap(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.off('error', onError);
        // a broken connection is destroyed rather than returned to the pool
        client.release(broken);
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
  return poolDb(pool, 'postgres');
}
