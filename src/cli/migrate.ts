/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in DATA_DIR. */
import { openConfiguredDb } from './open-db.js';
import { runMigrations } from '../db/migrate.js';
import { loadMigrationFiles } from '../db/migration-files.js';

const { db } = await openConfiguredDb();
try {
  const applied = await runMigrations(db, loadMigrationFiles());
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date');
} finally {
  await db.close();
}
