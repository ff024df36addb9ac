import { Writable } from 'node:stream';
import { createApp } from '../../src/app.js';
import { parseEnv, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { AppDeps } from '../../src/http/deps.js';
import type { Db } from '../../src/db/db.js';
import { ensureDefaultTenant } from '../../src/domain/keys/tenants.js';
import { createKey } from '../../src/domain/keys/keys.js';
import type { Scope } from '../../src/domain/keys/scopes.js';
import { LocalEmbedder } from '../../src/domain/knowledge/embedder.js';

/** Captures every log line the app writes, so tests can assert what never reaches logs. */
export class LogCapture extends Writable {
  lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void) {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    cb();
  }
  get text() {
    return this.lines.join('\n');
  }
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  logs: LogCapture;
  tenantId: string;
  adminKey: string;
  /** A secret key of the operator tenant with just these scopes. */
  key(scopes: Scope[]): Promise<string>;
  /** A second, unrelated tenant with an admin key, for isolation tests. */
  otherTenant(): Promise<{ tenantId: string; adminKey: string }>;
  request(path: string, init?: RequestInit & { json?: unknown; key?: string }): Promise<Response>;
}

export async function createTestApp(db: Db, overrides: Partial<AppDeps> & { env?: Record<string, string> } = {}): Promise<TestApp> {
  const logs = new LogCapture();
  const config: Config = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info', ...overrides.env });
  const deps: AppDeps = {
    config,
    db,
    log: createLogger({ level: 'info', pretty: false, destination: logs }),
    clock: () => new Date(),
    readiness: { migrated: true, knowledgeReady: true },
    embedder: new LocalEmbedder(config.embeddings.model, config.embeddings.dimensions),
    ...overrides,
  };
  const app = createApp(deps);
  const tenant = await ensureDefaultTenant(db);
  const { secret: adminKey } = await createKey(db, { tenantId: tenant.id, kind: 'secret', scopes: ['admin'] });
  const t: TestApp = {
    app,
    deps,
    logs,
    tenantId: tenant.id,
    adminKey,
    async key(scopes) {
      return (await createKey(db, { tenantId: tenant.id, kind: 'secret', scopes })).secret;
    },
    async otherTenant() {
      const res = await t.request('/v1/admin/tenants', { method: 'POST', json: { name: `other ${Math.random()}` } });
      const body = (await res.json()) as { tenant: { id: string }; secret: string };
      return { tenantId: body.tenant.id, adminKey: body.secret };
    },
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      const key = init.key ?? adminKey;
      if (key && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return app.request(path, { ...init, headers, body });
    },
  };
  return t;
}
