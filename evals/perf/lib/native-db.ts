import pg from 'pg';
import { connectPostgres } from '../../../src/db/pg-db.js';
import type { Db } from '../../../src/db/db.js';

/** A fresh database on the native server named by BENCH_DATABASE_URL or TEST_DATABASE_URL, or undefined. */
export async function nativeBenchDb(): Promise<{ db: Db; url: string; drop(): Promise<void> } | undefined> {
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) return undefined;
  const name = `nw_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(base);
  u.pathname = `/${name}`;
  const db = connectPostgres({ connectionString: u.toString(), max: 8 });
  return {
    db,
    url: u.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
