import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Migration } from './migrate.js';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Reads `src/db/migrations/*.sql`; the file name without `.sql` is the migration id. */
export function loadMigrationFiles(): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ id: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));
}
