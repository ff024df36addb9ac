import { parseEnv, type Config } from '../config.js';
import { connectPostgres } from '../db/pg-db.js';
import { startEmbeddedDb } from '../db/embedded-db.js';
import type { Db } from '../db/db.js';

/** The database the service would use with this environment, for command-line tools. */
export async function openConfiguredDb(): Promise<{ config: Config; db: Db }> {
  const config = parseEnv(process.env);
  const db = config.databaseUrl ? connectPostgres({ connectionString: config.databaseUrl }) : await startEmbeddedDb(config.dataDir);
  return { config, db };
}
