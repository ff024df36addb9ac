/**
 * Idempotency-Key support: a retry of a request that succeeded gets the original status
 * and body back instead of doing the work twice.
 *
 * The key's row is inserted at the start of the request's own transaction. A concurrent
 * retry with the same key blocks on that insert until the first request finishes, then
 * reads its stored answer. Only successful answers are stored: a request that failed
 * rolled back everything including the key, so retrying it simply runs it again.
 */
import type { Db, Queryable } from '../../db/db.js';
import { Conflict, Unprocessable, ValidationFailed } from '../errors.js';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so equal bodies hash equally whatever the key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}

export async function requestFingerprint(operation: string, body: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${operation}\n${canonicalJson(body)}`));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Runs `fn` in one transaction, at most once per (tenant, key). Without a key it just
 * runs in a transaction.
 */
export async function runIdempotent<T>(
  db: Db,
  opts: { tenantId: string; key?: string; fingerprint: string },
  fn: (q: Queryable) => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (opts.key === undefined) {
    return db.tx(async (q) => ({ ...(await fn(q)), replayed: false }));
  }
  const key = opts.key;
  if (!KEY.test(key)) {
    throw new ValidationFailed('Idempotency-Key must be 1 to 255 printable ASCII characters.', [{ field: 'Idempotency-Key', message: 'invalid' }]);
  }
  return db.tx(async (q) => {
    const mine = await q.query(
      'INSERT INTO idempotency_keys (tenant_id, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, key) DO NOTHING RETURNING key',
      [opts.tenantId, key, opts.fingerprint],
    );
    if (mine.rowCount === 0) {
      const prev = await q.query<{ request_hash: string; response_status: number | null; response_body: string | null }>(
        'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE tenant_id = $1 AND key = $2',
        [opts.tenantId, key],
      );
      const row = prev.rows[0];
      if (!row || row.response_status === null || row.response_body === null) {
        throw new Conflict('A request with this Idempotency-Key is still being processed; retry shortly.', 'idempotency_in_progress');
      }
      if (row.request_hash !== opts.fingerprint) {
        throw new Unprocessable('This Idempotency-Key was already used with a different request body; use a new key for a new request.', 'idempotency_key_reused');
      }
      return { status: row.response_status, body: JSON.parse(row.response_body) as T, replayed: true };
    }
    const out = await fn(q);
    await q.query('UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE tenant_id = $1 AND key = $2', [
      opts.tenantId,
      key,
      out.status,
      JSON.stringify(out.body),
    ]);
    return { ...out, replayed: false };
  });
}

/**
 * Forgets stored answers older than `before` (a retention job calls this; 24 hours is
 * the usual horizon for client retries). A key used again after that runs afresh.
 */
export async function pruneIdempotencyKeys(q: Queryable, before: Date): Promise<number> {
  return (await q.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before])).rowCount;
}
