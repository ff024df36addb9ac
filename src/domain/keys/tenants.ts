import type { Queryable } from '../../db/db.js';
import { NotFound } from '../errors.js';
import { createKey, hashKey } from './keys.js';

export interface Tenant {
  id: string;
  name: string;
  isOperator: boolean;
  settings: TenantSettings;
  createdAt: string;
}

/** Per-tenant settings. Every field is optional; the product has defaults for each. */
export interface TenantSettings {
  emergencyNumbers?: Partial<Record<'zh-CN' | 'en', { emergency?: string; crisis?: string; poison?: string }>>;
  retentionDays?: number;
  webhookUrl?: string;
  webhookSecret?: string;
}

interface TenantRow {
  id: string;
  name: string;
  is_operator: boolean;
  settings: TenantSettings;
  created_at: Date;
}
const toTenant = (r: TenantRow): Tenant => ({ id: r.id, name: r.name, isOperator: r.is_operator, settings: r.settings ?? {}, createdAt: new Date(r.created_at).toISOString() });

export async function createTenant(q: Queryable, name: string, settings: TenantSettings = {}): Promise<Tenant> {
  const res = await q.query<TenantRow>('INSERT INTO tenants (name, settings) VALUES ($1, $2) RETURNING *', [name, settings]);
  return toTenant(res.rows[0]!);
}

export async function getTenant(q: Queryable, id: string): Promise<Tenant> {
  const res = await q.query<TenantRow>('SELECT * FROM tenants WHERE id = $1', [id]);
  if (!res.rows[0]) throw new NotFound('Tenant');
  return toTenant(res.rows[0]);
}

export async function listTenants(q: Queryable): Promise<Tenant[]> {
  return (await q.query<TenantRow>('SELECT * FROM tenants ORDER BY created_at')).rows.map(toTenant);
}

export async function updateTenantSettings(q: Queryable, id: string, patch: TenantSettings): Promise<Tenant> {
  const res = await q.query<TenantRow>('UPDATE tenants SET settings = settings || $2::jsonb WHERE id = $1 RETURNING *', [id, patch]);
  if (!res.rows[0]) throw new NotFound('Tenant');
  return toTenant(res.rows[0]);
}

export const DEFAULT_TENANT_NAME = 'Nestwise demo';

/** The operator tenant: it owns the bootstrap/dev keys and the demo clinic; created on first start. */
export async function ensureDefaultTenant(q: Queryable): Promise<Tenant> {
  const existing = await q.query<TenantRow>('SELECT * FROM tenants WHERE is_operator ORDER BY created_at LIMIT 1');
  if (existing.rows[0]) return toTenant(existing.rows[0]);
  await q.query('INSERT INTO tenants (name, is_operator) VALUES ($1, true) ON CONFLICT DO NOTHING', [DEFAULT_TENANT_NAME]);
  const res = await q.query<TenantRow>('SELECT * FROM tenants WHERE is_operator LIMIT 1');
  return toTenant(res.rows[0]!);
}

/**
 * Makes sure an admin key with exactly `secret` exists (idempotent across restarts and
 * across processes starting together: the hash is unique, so a racing insert fails and
 * is ignored).
 */
export async function ensureAdminKey(q: Queryable, tenantId: string, secret: string): Promise<void> {
  const found = await q.query('SELECT 1 FROM api_keys WHERE hash = $1', [await hashKey(secret)]);
  if (found.rowCount > 0) return;
  try {
    await createKey(q, { tenantId, kind: 'secret', name: 'bootstrap admin', scopes: ['admin'], secret });
  } catch (err) {
    const again = await q.query('SELECT 1 FROM api_keys WHERE hash = $1', [await hashKey(secret)]);
    if (again.rowCount === 0) throw err;
  }
}
