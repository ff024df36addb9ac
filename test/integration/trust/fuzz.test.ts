import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';

let db: Db;
let t: TestApp;
let key: string;

beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db, { env: { RATE_LIMIT_KEY_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' } });
  key = await t.key(['chat', 'triage', 'booking', 'compliance', 'knowledge', 'content']);
});
afterAll(async () => db?.close());

/** Any JSON value, including the shapes each endpoint expects with wrong types inside. */
const anyJson = fc.oneof(
  fc.jsonValue(),
  fc.record({ message: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), locale: fc.oneof(fc.constantFrom('zh-CN', 'en', 'fr'), fc.string()) }),
  fc.record({ text: fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.string())), productType: fc.string(), market: fc.string() }),
  fc.record({ slotId: fc.oneof(fc.uuid(), fc.string()), contact: fc.oneof(fc.record({ name: fc.string(), phone: fc.string() }), fc.string()) }),
  fc.record({ message: fc.string({ maxLength: 200 }), child: fc.record({ birthDate: fc.string(), dueDate: fc.string(), ageMonths: fc.oneof(fc.double(), fc.string()) }) }),
);

const routes = ['/v1/chat', '/v1/triage', '/v1/compliance/check', '/v1/bookings', '/v1/chat/completions', '/v1/content/drafts', '/v1/families', '/v1/consents'];

describe('request validation under arbitrary input', () => {
  it('never answers 500 and always answers errors as problem+json', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), anyJson, async (route, body) => {
        const res = await t.request(route, { method: 'POST', key, json: body });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
        await res.arrayBuffer();
      }),
      { numRuns: 120 },
    );
  });

  it('never answers 500 to malformed bodies, headers or query strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.string({ maxLength: 200 }), async (route, raw) => {
        const res = await t.request(route, { method: 'POST', key, body: raw, headers: { 'content-type': 'application/json' } });
        expect(res.status).toBeLessThan(500);
        await res.arrayBuffer();
      }),
      { numRuns: 80 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), async (q, stage) => {
        const res = await t.request(`/v1/knowledge/search?q=${encodeURIComponent(q)}&stage=${encodeURIComponent(stage)}&k=${encodeURIComponent(stage)}`, { key });
        expect(res.status).toBeLessThan(500);
        await res.arrayBuffer();
      }),
      { numRuns: 60 },
    );
  });
});
