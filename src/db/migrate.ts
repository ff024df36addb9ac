import type { Db } from './db.js';

export interface Migration {
  id: string;
  sql: string;
}

// Any constant works; it only has to be the same in every process of this service.
const MIGRATION_LOCK = 727_001;

/**
 * Applies migrations in id order, each in its own transaction, once. Safe to run from
 * several processes at once: an advisory lock lets one apply while the others wait.
 * Returns the ids applied by this call.
 */
export async function runMigrations(db: Db, migrations: Migration[]): Promise<string[]> {
  const sorted = [...migrations].sort((a, b) => a.id.localeCompare(b.id));
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await q.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await q.query<{ id: string }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
    const applied: string[] = [];
    for (const m of sorted) {
      if (done.has(m.id)) continue;
      await q.query(m.sql);
      await q.query('INSERT INTO schema_migrations (id) VALUES ($1)', [m.id]);
      applied.push(m.id);
    }
    return applied;
  });
}
