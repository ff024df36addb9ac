import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';

let db: Db;
let t: TestApp;
beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db);
});
afterAll(async () => db?.close());

describe('API description', () => {
  it('serves an OpenAPI document that a real validator accepts', async () => {
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    if (!result.valid) expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    for (const p of ['/healthz', '/readyz', '/v1/admin/keys']) expect(Object.keys(doc.paths)).toContain(p);
  });

  it('serves the interactive reference without any CDN', async () => {
    const page = await (await t.app.request('/docs')).text();
    expect(page).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page).not.toMatch(/https?:\/\/(?!nestwise)/);
  });

  it('reports readiness honestly', async () => {
    expect((await t.app.request('/readyz')).status).toBe(200);
    t.deps.readiness.knowledgeReady = false;
    const res = await t.app.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'starting', checks: { knowledge: false } });
    t.deps.readiness.knowledgeReady = true;
  });
});
