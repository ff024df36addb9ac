import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, backend } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { runMigrations } from '../../../src/db/migrate.js';
import { loadMigrationFiles } from '../../../src/db/migration-files.js';

let db: Db;
let t: TestApp;

beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db, { env: { BODY_LIMIT_BYTES: '2048' } });
});
afterAll(async () => {
  await db?.close();
});

async function expectProblem(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  expect(typeof body.type).toBe('string');
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(res.headers.get('x-request-id'));
  return body;
}

describe(`migrations on ${backend}`, () => {
  it('applied every migration file once and a second run changes nothing', async () => {
    const files = loadMigrationFiles().map((m) => m.id);
    const rows = await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.rows.map((r) => r.id)).toEqual(files);
    expect(await runMigrations(db, loadMigrationFiles())).toEqual([]);
    const ext = await db.query<{ extname: string }>("SELECT extname FROM pg_extension WHERE extname = 'vector'");
    expect(ext.rowCount).toBe(1);
  });
});

describe('error contract', () => {
  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await t.request('/v1/admin/keys', { method: 'POST', body: '{"kind":', headers: { 'content-type': 'application/json' } });
    await expectProblem(res, 400, 'malformed_json');
  });

  it('lists each field that failed validation', async () => {
    const res = await t.request('/v1/admin/keys', { method: 'POST', json: { kind: 'golden', scopes: [] } });
    const body = await expectProblem(res, 400, 'validation_failed');
    const fields = (body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'scopes']));
  });

  it('refuses a missing or unknown key with 401', async () => {
    await expectProblem(await t.app.request('/v1/admin/keys'), 401, 'unauthorized');
    await expectProblem(await t.request('/v1/admin/keys', { key: 'sk_not_a_real_key_at_all_000000' }), 401, 'unauthorized');
  });

  it('refuses a key without the scope with 403', async () => {
    const chatOnly = await t.key(['chat']);
    await expectProblem(await t.request('/v1/admin/keys', { key: chatOnly }), 403, 'insufficient_scope');
  });

  it('answers an unknown route with 404 problem+json', async () => {
    await expectProblem(await t.request('/v1/nothing-here'), 404, 'not_found');
  });

  it('refuses a body over the limit with 413 and writes nothing', async () => {
    const before = (await db.query('SELECT count(*)::int AS n FROM api_keys')).rows[0];
    const res = await t.request('/v1/admin/keys', {
      method: 'POST',
      json: { kind: 'secret', scopes: ['chat'], name: 'x'.repeat(5000) },
    });
    await expectProblem(res, 413, 'payload_too_large');
    expect((await db.query('SELECT count(*)::int AS n FROM api_keys')).rows[0]).toEqual(before);
  });

  it('gives every response an X-Request-Id and keeps a sane incoming one', async () => {
    const res = await t.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const res2 = await t.request('/healthz', { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(res2.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('API keys', () => {
  it('stores keys hashed: no column holds the secret', async () => {
    const res = await t.request('/v1/admin/keys', { method: 'POST', json: { kind: 'secret', scopes: ['triage'], name: 'cs-system' } });
    expect(res.status).toBe(201);
    const { secret, key } = (await res.json()) as { secret: string; key: { id: string; prefix: string } };
    expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{40,}$/);
    const row = (await db.query('SELECT * FROM api_keys WHERE id = $1', [key.id])).rows[0]!;
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    // the listing never shows a secret either
    const list = await (await t.request('/v1/admin/keys')).text();
    expect(list).not.toContain(secret);
    expect(list).toContain(key.prefix);
  });

  it('stops accepting a key once it is revoked', async () => {
    const created = (await (await t.request('/v1/admin/keys', { method: 'POST', json: { kind: 'secret', scopes: ['admin'] } })).json()) as {
      secret: string;
      key: { id: string };
    };
    expect((await t.request('/v1/admin/keys', { key: created.secret })).status).toBe(200);
    expect((await t.request(`/v1/admin/keys/${created.key.id}/revoke`, { method: 'POST' })).status).toBe(200);
    await expectProblem(await t.request('/v1/admin/keys', { key: created.secret }), 401, 'unauthorized');
  });

  it('refuses a publishable key from an origin it does not list, and from no origin', async () => {
    const res = await t.request('/v1/admin/keys', {
      method: 'POST',
      json: { kind: 'publishable', scopes: ['chat', 'triage'], allowedOrigins: ['https://shop.example.com'] },
    });
    expect(res.status).toBe(201);
    const { secret } = (await res.json()) as { secret: string };
    expect(secret).toMatch(/^pk_/);
    const evil = await t.request('/v1/admin/keys', { key: secret, headers: { origin: 'https://evil.example.net' } });
    await expectProblem(evil, 403, 'origin_not_allowed');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    await expectProblem(await t.request('/v1/admin/keys', { key: secret }), 403, 'origin_not_allowed');
    // from its own origin it is still limited to its scopes
    await expectProblem(await t.request('/v1/admin/keys', { key: secret, headers: { origin: 'https://shop.example.com' } }), 403, 'insufficient_scope');
  });

  it('never lets a publishable key carry admin or content scopes', async () => {
    const res = await t.request('/v1/admin/keys', {
      method: 'POST',
      json: { kind: 'publishable', scopes: ['content'], allowedOrigins: ['https://shop.example.com'] },
    });
    await expectProblem(res, 400, 'validation_failed');
  });

  it('keeps tenants apart: another tenant cannot list or revoke our keys', async () => {
    const other = await t.otherTenant();
    const mine = (await (await t.request('/v1/admin/keys')).json()) as { keys: { id: string }[] };
    const theirs = (await (await t.request('/v1/admin/keys', { key: other.adminKey })).json()) as { keys: { id: string }[] };
    const mineIds = new Set(mine.keys.map((k) => k.id));
    expect(theirs.keys.some((k) => mineIds.has(k.id))).toBe(false);
    await expectProblem(await t.request(`/v1/admin/keys/${mine.keys[0]!.id}/revoke`, { method: 'POST', key: other.adminKey }), 404, 'not_found');
    await expectProblem(await t.request(`/v1/admin/keys?tenantId=${t.tenantId}`, { key: other.adminKey }), 403, 'operator_only');
  });
});

describe('logs', () => {
  it('never contain the bearer token', async () => {
    await t.request('/v1/admin/keys');
    await t.request('/v1/admin/keys', { key: 'sk_wrong_wrong_wrong_wrong_wrong' });
    expect(t.logs.lines.length).toBeGreaterThan(0);
    expect(t.logs.text).not.toContain(t.adminKey);
    expect(t.logs.text).not.toContain('sk_wrong_wrong');
    const line = JSON.parse(t.logs.lines.at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ method: 'GET', status: 401 });
    expect(typeof line.requestId).toBe('string');
    expect(typeof line.ms).toBe('number');
  });
});
