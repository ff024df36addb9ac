import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { requireScope } from '../middleware/auth.js';
import { authErrors, bearer, notFoundError } from '../schemas/common.js';
import { createKey, listKeys, revokeKey } from '../../domain/keys/keys.js';
import { createTenant, getTenant, listTenants, updateTenantSettings } from '../../domain/keys/tenants.js';
import { SCOPES } from '../../domain/keys/scopes.js';
import { Forbidden } from '../../domain/errors.js';
import { audit } from '../../domain/audit.js';
import type { Context } from 'hono';
import type { AppEnv } from '../deps.js';

const KeySchema = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    kind: z.enum(['secret', 'publishable']),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.enum(SCOPES)),
    allowedOrigins: z.array(z.string()),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
    rateLimitPerMinute: z.number().nullable(),
  })
  .openapi('ApiKey');

const SettingsSchema = z
  .object({
    emergencyNumbers: z
      .partialRecord(z.enum(['zh-CN', 'en']), z.object({ emergency: z.string().max(32).optional(), crisis: z.string().max(32).optional(), poison: z.string().max(32).optional() }))
      .optional(),
    retentionDays: z.number().int().min(1).max(3650).optional(),
    webhookUrl: z.string().url().max(2000).optional(),
    webhookSecret: z.string().min(16).max(200).optional(),
  })
  .strict()
  .openapi('TenantSettings');

const TenantSchema = z
  .object({ id: z.string(), name: z.string(), isOperator: z.boolean(), settings: z.record(z.string(), z.unknown()), createdAt: z.string() })
  .openapi('Tenant');

const uuid = z.string().uuid();

/** Operator admins may act on any tenant by id; everyone else only on their own. */
async function targetTenant(c: Context<AppEnv>, tenantId: string | undefined): Promise<string> {
  const p = c.get('principal');
  if (!tenantId || tenantId === p.tenantId) return p.tenantId;
  const own = await getTenant(c.get('deps').db, p.tenantId);
  if (!own.isOperator) throw new Forbidden('Only the operator may manage other tenants.', 'operator_only');
  await getTenant(c.get('deps').db, tenantId); // 404 when unknown
  return tenantId;
}

const admin = requireScope('admin');

const listTenantsRoute = createRoute({
  method: 'get', path: '/v1/admin/tenants', tags: ['Admin'], summary: 'List tenants (operator) or your own tenant', security: bearer, middleware: [admin] as const,
  responses: { 200: { description: 'Tenants', content: { 'application/json': { schema: z.object({ tenants: z.array(TenantSchema) }) } } }, ...authErrors },
});
const createTenantRoute = createRoute({
  method: 'post', path: '/v1/admin/tenants', tags: ['Admin'], summary: 'Create a tenant and its first admin key (operator only)', security: bearer, middleware: [admin] as const,
  request: { body: { content: { 'application/json': { schema: z.object({ name: z.string().min(1).max(200), settings: SettingsSchema.optional() }) } }, required: true } },
  responses: {
    201: { description: 'Created; the admin key secret is shown only here', content: { 'application/json': { schema: z.object({ tenant: TenantSchema, adminKey: KeySchema, secret: z.string() }) } } },
    ...authErrors,
  },
});
const patchTenantRoute = createRoute({
  method: 'patch', path: '/v1/admin/tenants/{id}', tags: ['Admin'], summary: 'Update tenant settings (emergency numbers, retention, webhooks)', security: bearer, middleware: [admin] as const,
  request: { params: z.object({ id: uuid }), body: { content: { 'application/json': { schema: z.object({ settings: SettingsSchema }) } }, required: true } },
  responses: { 200: { description: 'Updated', content: { 'application/json': { schema: TenantSchema } } }, ...authErrors, ...notFoundError },
});
const listKeysRoute = createRoute({
  method: 'get', path: '/v1/admin/keys', tags: ['Admin'], summary: 'List API keys (never their secrets)', security: bearer, middleware: [admin] as const,
  request: { query: z.object({ tenantId: uuid.optional() }) },
  responses: { 200: { description: 'Keys', content: { 'application/json': { schema: z.object({ keys: z.array(KeySchema) }) } } }, ...authErrors, ...notFoundError },
});
const createKeyRoute = createRoute({
  method: 'post', path: '/v1/admin/keys', tags: ['Admin'], summary: 'Create a secret (sk_) or publishable (pk_) key', security: bearer, middleware: [admin] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            kind: z.enum(['secret', 'publishable']),
            name: z.string().max(200).optional(),
            scopes: z.array(z.enum(SCOPES)).min(1),
            allowedOrigins: z.array(z.string().max(300)).max(50).optional(),
            tenantId: uuid.optional(),
            rateLimitPerMinute: z.number().int().min(1).max(1_000_000).optional(),
          }),
        },
      },
    },
  },
  responses: { 201: { description: 'Created; the secret is shown only here', content: { 'application/json': { schema: z.object({ key: KeySchema, secret: z.string() }) } } }, ...authErrors, ...notFoundError },
});
const revokeKeyRoute = createRoute({
  method: 'post', path: '/v1/admin/keys/{id}/revoke', tags: ['Admin'], summary: 'Revoke a key at once', security: bearer, middleware: [admin] as const,
  request: { params: z.object({ id: uuid }) },
  responses: { 200: { description: 'Revoked', content: { 'application/json': { schema: KeySchema } } }, ...authErrors, ...notFoundError },
});

export const adminRoutes = createRouter()
  .openapi(listTenantsRoute, async (c) => {
    const { db } = c.get('deps');
    const own = await getTenant(db, c.get('principal').tenantId);
    return c.json({ tenants: own.isOperator ? await listTenants(db) : [own] }, 200);
  })
  .openapi(createTenantRoute, async (c) => {
    const { db } = c.get('deps');
    const own = await getTenant(db, c.get('principal').tenantId);
    if (!own.isOperator) throw new Forbidden('Only the operator may create tenants.', 'operator_only');
    const body = c.req.valid('json');
    const out = await db.tx(async (q) => {
      const tenant = await createTenant(q, body.name, body.settings ?? {});
      const { key, secret } = await createKey(q, { tenantId: tenant.id, kind: 'secret', name: 'first admin', scopes: ['admin'] });
      const actor = `key:${c.get('principal').keyId}`;
      await audit(q, { tenantId: own.id, actor, action: 'tenant.created', target: tenant.id, requestId: c.get('requestId') });
      await audit(q, { tenantId: tenant.id, actor, action: 'key.created', target: key.id, requestId: c.get('requestId'), details: { kind: key.kind, scopes: key.scopes } });
      return { tenant, adminKey: key, secret };
    });
    return c.json(out, 201);
  })
  .openapi(patchTenantRoute, async (c) => {
    const id = await targetTenant(c, c.req.valid('param').id);
    const settings = c.req.valid('json').settings;
    const tenant = await updateTenantSettings(c.get('deps').db, id, settings);
    await audit(c.get('deps').db, { tenantId: id, actor: `key:${c.get('principal').keyId}`, action: 'tenant.updated', target: id, requestId: c.get('requestId'), details: { fields: Object.keys(settings) } });
    return c.json(tenant, 200);
  })
  .openapi(listKeysRoute, async (c) => {
    const id = await targetTenant(c, c.req.valid('query').tenantId);
    return c.json({ keys: await listKeys(c.get('deps').db, id) }, 200);
  })
  .openapi(createKeyRoute, async (c) => {
    const body = c.req.valid('json');
    const tenantId = await targetTenant(c, body.tenantId);
    const { db } = c.get('deps');
    const out = await db.tx(async (q) => {
      const created = await createKey(q, { tenantId, kind: body.kind, name: body.name, scopes: body.scopes, allowedOrigins: body.allowedOrigins, rateLimitPerMinute: body.rateLimitPerMinute });
      await audit(q, { tenantId, actor: `key:${c.get('principal').keyId}`, action: 'key.created', target: created.key.id, requestId: c.get('requestId'), details: { kind: created.key.kind, scopes: created.key.scopes } });
      return created;
    });
    return c.json(out, 201);
  })
  .openapi(revokeKeyRoute, async (c) => {
    const { db } = c.get('deps');
    const p = c.get('principal');
    const key = await revokeKey(db, p.tenantId, c.req.valid('param').id);
    await audit(db, { tenantId: p.tenantId, actor: `key:${p.keyId}`, action: 'key.revoked', target: key.id, requestId: c.get('requestId') });
    return c.json(key, 200);
  });
