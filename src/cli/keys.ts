/**
 * `npm run keys -- <command>`: manage tenants and API keys from a shell.
 *   keys create --tenant <id|operator> --kind secret|publishable --scopes chat,triage [--origins https://a,https://b] [--name x]
 *   keys list [--tenant <id|operator>]
 *   keys revoke --tenant <id|operator> --id <keyId>
 *   keys tenant-create --name "Clinic A"
 */
import { parseArgs } from 'node:util';
import { openConfiguredDb } from './open-db.js';
import { runMigrations } from '../db/migrate.js';
import { loadMigrationFiles } from '../db/migration-files.js';
import { createKey, listKeys, revokeKey } from '../domain/keys/keys.js';
import { createTenant, ensureDefaultTenant } from '../domain/keys/tenants.js';
import { SCOPES, type Scope } from '../domain/keys/scopes.js';
import { DomainError } from '../domain/errors.js';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: {
    tenant: { type: 'string', default: 'operator' },
    kind: { type: 'string', default: 'secret' },
    scopes: { type: 'string' },
    origins: { type: 'string' },
    name: { type: 'string' },
    id: { type: 'string' },
  },
});

function usage(msg: string): never {
  console.error(`${msg}\nusage: npm run keys -- create|list|revoke|tenant-create [--tenant id|operator] [--kind secret|publishable] [--scopes ${SCOPES.join(',')}] [--origins …] [--name …] [--id …]`);
  process.exit(2);
}

const { db } = await openConfiguredDb();
try {
  await runMigrations(db, loadMigrationFiles());
  const tenantId = values.tenant === 'operator' ? (await ensureDefaultTenant(db)).id : values.tenant!;
  switch (command) {
    case 'create': {
      if (!values.scopes) usage('--scopes is required');
      const kind = values.kind === 'publishable' ? 'publishable' : values.kind === 'secret' ? 'secret' : usage('--kind must be secret or publishable');
      const { key, secret } = await createKey(db, {
        tenantId,
        kind,
        name: values.name,
        scopes: values.scopes.split(',').map((s) => s.trim()) as Scope[],
        allowedOrigins: values.origins?.split(',').map((s) => s.trim()),
      });
      console.log(`created ${key.kind} key ${key.id} (${key.scopes.join(', ')})\nsecret (shown once): ${secret}`);
      break;
    }
    case 'list':
      for (const k of await listKeys(db, tenantId)) {
        console.log(`${k.id}  ${k.prefix}…  ${k.kind.padEnd(11)} ${k.scopes.join(',').padEnd(30)} ${k.revokedAt ? 'revoked' : 'active'}  ${k.name}`);
      }
      break;
    case 'revoke':
      if (!values.id) usage('--id is required');
      console.log(`revoked ${(await revokeKey(db, tenantId, values.id)).id}`);
      break;
    case 'tenant-create': {
      if (!values.name) usage('--name is required');
      const tenant = await createTenant(db, values.name);
      const { secret } = await createKey(db, { tenantId: tenant.id, kind: 'secret', name: 'first admin', scopes: ['admin'] });
      console.log(`tenant ${tenant.id}\nadmin key (shown once): ${secret}`);
      break;
    }
    default:
      usage(`unknown command ${command ?? ''}`);
  }
} catch (err) {
  if (err instanceof DomainError) {
    console.error(`${err.title}: ${err.message}${err.fields ? ' ' + JSON.stringify(err.fields) : ''}`);
    process.exitCode = 2;
  } else throw err;
} finally {
  await db.close();
}
