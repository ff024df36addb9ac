import type { Db } from './db/db.js';
import type { Config } from './config.js';
import type { Logger } from './http/deps.js';
import { runMigrations, type Migration } from './db/migrate.js';
import { ensureAdminKey, ensureDefaultTenant, type Tenant } from './domain/keys/tenants.js';
import { createKey, listKeys } from './domain/keys/keys.js';

export interface PreparedData {
  tenant: Tenant;
  /** Set only when this start created a development admin key: print it once. */
  devAdminKey?: string;
}

/**
 * Everything a fresh database needs before the service can answer: the schema, the
 * operator tenant and an admin key. Idempotent, so every start (and every process)
 * may run it.
 */
export async function prepareDatabase(db: Db, config: Config, migrations: Migration[], log: Logger): Promise<PreparedData> {
  const applied = await runMigrations(db, migrations);
  if (applied.length) log.info({ applied }, 'migrations applied');
  const tenant = await ensureDefaultTenant(db);
  if (config.bootstrapAdminKey) {
    await ensureAdminKey(db, tenant.id, config.bootstrapAdminKey);
    return { tenant };
  }
  const keys = await listKeys(db, tenant.id);
  if (keys.some((k) => k.kind === 'secret' && k.scopes.includes('admin') && !k.revokedAt)) return { tenant };
  const { secret } = await createKey(db, { tenantId: tenant.id, kind: 'secret', name: 'development admin', scopes: ['admin'] });
  return { tenant, devAdminKey: secret };
}
