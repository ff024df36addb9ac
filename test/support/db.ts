import pg from 'pg';
import type { Db } from '../../src/db/db.js';
import { connectPostgres } from '../../src/db/pg-db.js';
import { startEmbeddedDb } from '../../src/db/embedded-db.js';
import { runMigrations } from '../../src/db/migrate.js';
import { loadMigrationFiles } from '../../src/db/migration-files.js';

/** Which backend this vitest project runs integration tests on. */
export const backend = (process.env.NESTWISE_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database
 * on the native server named by TEST_DATABASE_URL (dropped again on close).
 */
export async function createTestDb(opts: { migrate?: boolean } = {}): Promise<Db> {
  let db: Db;
  if (backend === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('NESTWISE_TEST_DB=postgres needs TEST_DATABASE_URL');
    const name = `nw_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const inner = connectPostgres({ connectionString: u.toString(), max: 20 });
    db = {
      ...inner,
      kind: inner.kind,
      query: inner.query,
      tx: inner.tx,
      async close() {
        await inner.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  } else {
    db = await startEmbeddedDb();
  }
  if (opts.migrate !== false) await runMigrations(db, loadMigrationFiles());
  return db;
}
