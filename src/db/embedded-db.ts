import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Db } from './db.js';
import { poolDb } from './pg-db.js';

/**
 * Starts PGlite (PostgreSQL compiled to WASM, with pgvector) and serves it on a unix
 * socket, so the service talks to it through `pg` exactly as it talks to a real
 * server. PGlite runs one query at a time, so the pool holds a single connection:
 * transactions are serialised, which is also what keeps them correct here.
 *
 * `dataDir` undefined means an in-memory database (tests).
 */
export async function startEmbeddedDb(dataDir?: string): Promise<Db> {
  const dir = dataDir ? resolve(dataDir) : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir ? join(dir, 'pgdata') : 'memory://', { extensions: { vector } });
  // Unix socket paths are limited to ~100 bytes, so the socket lives in a short temp dir.
  const sockDir = join(tmpdir(), `nw-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(sockDir, { recursive: true });
  const sockPath = join(sockDir, '.s.PGSQL.5432');
  if (existsSync(sockPath)) rmSync(sockPath);
  const server = new PGLiteSocketServer({ db: pglite, path: sockPath, maxConnections: 4 });
  await server.start();
  const pool = new pg.Pool({ host: sockDir, port: 5432, user: 'postgres', database: 'postgres', max: 1 });
  pool.on('error', () => undefined);
  // PGlite is one backend shared by every socket connection, so session settings set
  // once hold for the process (a server reads them from ALTER DATABASE, migration 0009).
  await pool.query('SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = 100');
  return poolDb(pool, 'embedded', async () => {
    await server.stop();
    await pglite.close();
    rmSync(sockDir, { recursive: true, force: true });
  });
}
