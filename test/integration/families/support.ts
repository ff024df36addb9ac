/**
 * Test app for the families module. It mirrors createApp's request pipeline (request
 * context and rate limiter, security headers, CORS preflight, problem+json errors) with
 * only the families router mounted, so these tests do not depend on every other module
 * of the tree importing cleanly. The lead mounts familyRoutes inside createApp itself.
 */
import { Writable } from 'node:stream';
import { parseEnv } from '../../../src/config.js';
import { createLogger } from '../../../src/log.js';
import type { AppDeps } from '../../../src/http/deps.js';
import type { Db } from '../../../src/db/db.js';
import { createRouter } from '../../../src/http/router.js';
import { requestContext, securityHeaders } from '../../../src/http/middleware/context.js';
import { corsPreflight } from '../../../src/http/middleware/auth.js';
import { SlidingWindowLimiter } from '../../../src/http/rate-limit.js';
import { errorToProblem, problemResponse } from '../../../src/http/problem.js';
import { familyRoutes } from '../../../src/http/routes/families.js';
import { createKey } from '../../../src/domain/keys/keys.js';
import type { Scope } from '../../../src/domain/keys/scopes.js';
import { createTenant, ensureDefaultTenant, updateTenantSettings } from '../../../src/domain/keys/tenants.js';
import { LocalEmbedder } from '../../../src/domain/knowledge/embedder.js';

/** A settable clock: tests move time instead of waiting for it. */
export class TestClock {
  constructor(public t: number) {}
  now = (): Date => new Date(this.t);
  set(iso: string | Date) {
    this.t = new Date(iso).getTime();
  }
  advanceDays(days: number) {
    this.t += days * 86_400_000;
  }
}

class Sink extends Writable {
  override _write(_chunk: Buffer, _enc: string, cb: () => void) {
    cb();
  }
}

export interface FamilyTestApp {
  deps: AppDeps;
  tenantId: string;
  /** A secret key of the test tenant with just the chat scope. */
  chatKey: string;
  key(scopes: Scope[]): Promise<string>;
  /** A second, unrelated tenant with a chat key, for isolation tests. */
  otherTenant(): Promise<{ tenantId: string; chatKey: string }>;
  request(path: string, init?: RequestInit & { json?: unknown; key?: string }): Promise<Response>;
}

export async function createFamilyTestApp(db: Db, clock: TestClock): Promise<FamilyTestApp> {
  const config = parseEnv({ NODE_ENV: 'test', LOG_LEVEL: 'info' });
  const deps: AppDeps = {
    config,
    db,
    log: createLogger({ level: 'info', pretty: false, destination: new Sink() }),
    clock: clock.now,
    readiness: { migrated: true, knowledgeReady: true },
    embedder: new LocalEmbedder(config.embeddings.model, config.embeddings.dimensions),
  };
  const app = createRouter();
  app.use('*', requestContext(deps, new SlidingWindowLimiter()));
  app.use('*', securityHeaders());
  app.use('/v1/*', corsPreflight());
  app.route('/', familyRoutes);
  app.notFound((c) => problemResponse(c, { status: 404, code: 'not_found', title: 'Not found', detail: `No route for ${c.req.method} ${c.req.path}.` }));
  app.onError((err, c) => errorToProblem(err, c));

  const tenant = await ensureDefaultTenant(db);
  const chatKey = (await createKey(db, { tenantId: tenant.id, kind: 'secret', scopes: ['chat'] })).secret;
  return {
    deps,
    tenantId: tenant.id,
    chatKey,
    async key(scopes) {
      return (await createKey(db, { tenantId: tenant.id, kind: 'secret', scopes })).secret;
    },
    async otherTenant() {
      const other = await createTenant(db, `other ${Math.random()}`);
      return { tenantId: other.id, chatKey: (await createKey(db, { tenantId: other.id, kind: 'secret', scopes: ['chat'] })).secret };
    },
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      const key = init.key ?? chatKey;
      if (key && !headers.has('authorization')) headers.set('authorization', `Bearer ${key}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return app.request(path, { ...init, headers, body });
    },
  };
}

export async function configureWebhook(db: Db, tenantId: string, url = 'https://hooks.example.com/nestwise', secret = 'whsec_test_0123456789abcdef') {
  await updateTenantSettings(db, tenantId, { webhookUrl: url, webhookSecret: secret });
}

export const CONSENT = { purpose: 'profile_and_reminders', version: 'v1-2026-11', granted: true } as const;

export async function count(db: Db, table: string): Promise<number> {
  const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]!.n;
}

export async function expectProblem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== status || body.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`);
  }
  if (!res.headers.get('content-type')?.includes('application/problem+json')) throw new Error('not problem+json');
  if (body.requestId !== res.headers.get('x-request-id')) throw new Error('problem requestId does not match X-Request-Id');
  return body;
}
