import type { Queryable } from '../../db/db.js';
import { NotFound, ValidationFailed } from '../errors.js';
import { PUBLISHABLE_SCOPES, SCOPES, type KeyKind, type Principal, type Scope } from './scopes.js';

/** SHA-256 hex through WebCrypto, so the same code runs on Node and Workers. */
export async function hashKey(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 32 random bytes as base64url: 256 bits, far past guessing. */
export function generateSecret(kind: KeyKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${kind === 'secret' ? 'sk' : 'pk'}_${b64}`;
}

export interface KeyView {
  id: string;
  tenantId: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  scopes: Scope[];
  allowedOrigins: string[];
  createdAt: string;
  revokedAt: string | null;
  rateLimitPerMinute: number | null;
}

interface KeyRow {
  id: string;
  tenant_id: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  scopes: Scope[];
  allowed_origins: string[];
  created_at: Date;
  revoked_at: Date | null;
  rate_limit_per_minute: number | null;
}

const toView = (r: KeyRow): KeyView => ({
  id: r.id,
  tenantId: r.tenant_id,
  kind: r.kind,
  name: r.name,
  prefix: r.prefix,
  scopes: r.scopes,
  allowedOrigins: r.allowed_origins,
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  rateLimitPerMinute: r.rate_limit_per_minute,
});

/** Origins are compared exactly as browsers send them: scheme://host[:port], no path. */
export function normaliseOrigin(o: string): string {
  const u = new URL(o);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('origin must be http(s)');
  return u.origin;
}

export interface CreateKeyInput {
  tenantId: string;
  kind: KeyKind;
  name?: string;
  scopes: Scope[];
  allowedOrigins?: string[];
  /** Use this exact secret (bootstrap admin key); otherwise one is generated. */
  secret?: string;
  rateLimitPerMinute?: number;
}

/** Creates a key and returns it with its secret — the only time the secret is shown. */
export async function createKey(q: Queryable, input: CreateKeyInput): Promise<{ key: KeyView; secret: string }> {
  const scopes = [...new Set(input.scopes)];
  for (const s of scopes) if (!SCOPES.includes(s)) throw new ValidationFailed(`Unknown scope "${s}".`, [{ field: 'scopes', message: `unknown scope ${s}` }]);
  let origins: string[] = [];
  if (input.kind === 'publishable') {
    const extra = scopes.filter((s) => !PUBLISHABLE_SCOPES.includes(s));
    if (extra.length) {
      throw new ValidationFailed(`A publishable key may only carry ${PUBLISHABLE_SCOPES.join(', ')}.`, [
        { field: 'scopes', message: `not allowed on a publishable key: ${extra.join(', ')}` },
      ]);
    }
    try {
      origins = [...new Set((input.allowedOrigins ?? []).map(normaliseOrigin))];
    } catch {
      throw new ValidationFailed('allowedOrigins must be http(s) origins such as https://shop.example.com.', [
        { field: 'allowedOrigins', message: 'invalid origin' },
      ]);
    }
    if (origins.length === 0) {
      throw new ValidationFailed('A publishable key needs at least one allowed origin.', [
        { field: 'allowedOrigins', message: 'required for publishable keys' },
      ]);
    }
  }
  const secret = input.secret ?? generateSecret(input.kind);
  const res = await q.query<KeyRow>(
    `INSERT INTO api_keys (tenant_id, kind, name, prefix, hash, scopes, allowed_origins, rate_limit_per_minute)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
    [input.tenantId, input.kind, input.name ?? '', secret.slice(0, 10), await hashKey(secret), scopes, origins, input.rateLimitPerMinute ?? null],
  );
  return { key: toView(res.rows[0]!), secret };
}

/**
 * Valid keys are remembered for a few seconds per database, so a busy client does not cost
 * a query per request (on the embedded database that query was half of a compliance
 * check's time). A revocation through revokeKey takes effect at once in this process;
 * other processes see it within KEY_CACHE_MS. Unknown keys are never cached.
 */
const KEY_CACHE_MS = 10_000;
const KEY_CACHE_MAX = 10_000;
const keyCache = new Map<string, { principal: Principal; until: number; db: Queryable }>();

/** Resolves a presented secret to its principal, or undefined when unknown or revoked. */
export async function authenticate(q: Queryable, secret: string): Promise<Principal | undefined> {
  const hash = await hashKey(secret);
  const hit = keyCache.get(hash);
  // a hit counts only for the database it was read from (tests and tools open several)
  if (hit && hit.db === q && hit.until > Date.now()) return hit.principal;
  const res = await q.query<KeyRow>('SELECT * FROM api_keys WHERE hash = $1 AND revoked_at IS NULL', [hash]);
  const r = res.rows[0];
  if (!r) {
    keyCache.delete(hash);
    return undefined;
  }
  const principal: Principal = { tenantId: r.tenant_id, keyId: r.id, kind: r.kind, scopes: r.scopes, allowedOrigins: r.allowed_origins, rateLimitPerMinute: r.rate_limit_per_minute };
  if (keyCache.size >= KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(hash, { principal, until: Date.now() + KEY_CACHE_MS, db: q });
  return principal;
}

function forgetKey(keyId: string): void {
  for (const [hash, e] of keyCache) if (e.principal.keyId === keyId) keyCache.delete(hash);
}

export async function listKeys(q: Queryable, tenantId: string): Promise<KeyView[]> {
  const res = await q.query<KeyRow>('SELECT * FROM api_keys WHERE tenant_id = $1 ORDER BY created_at', [tenantId]);
  return res.rows.map(toView);
}

export async function revokeKey(q: Queryable, tenantId: string, keyId: string): Promise<KeyView> {
  const res = await q.query<KeyRow>(
    'UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND tenant_id = $2 RETURNING *',
    [keyId, tenantId],
  );
  if (!res.rows[0]) throw new NotFound('Key');
  forgetKey(keyId);
  return toView(res.rows[0]);
}
