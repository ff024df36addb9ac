import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { ComplianceEventBatcher } from '../../../src/domain/insights/batch.js';

/** Batched compliance analytics (as the Node entry runs them): nothing lost, nothing late. */
let db: Db;
let t: TestApp;
let batcher: ComplianceEventBatcher;

beforeAll(async () => {
  db = await createTestDb();
  batcher = new ComplianceEventBatcher(db);
  t = await createTestApp(db, { complianceEvents: batcher });
});
afterAll(async () => {
  await db.close();
});

describe('batched compliance-check events', () => {
  it('counts every check in the insights right after the checks, with its categories', async () => {
    for (let i = 0; i < 25; i++) {
      const res = await t.request('/v1/compliance/check', { method: 'POST', json: { text: i % 2 ? '这款奶粉是最好的配方。' : '宝宝爱喝，冲调方便。', productType: 'infant_formula' } });
      expect(res.status).toBe(200);
    }
    const res = await t.request('/v1/insights/compliance');
    expect(res.status).toBe(200);
    const body = JSON.stringify(await res.json());
    const rows = await db.query<{ n: number; blocked: number }>(
      "SELECT count(*)::int AS n, count(*) FILTER (WHERE verdict = 'block')::int AS blocked FROM insight_events WHERE kind = 'compliance_check' AND tenant_id = $1",
      [t.tenantId],
    );
    expect(rows.rows[0]).toEqual({ n: 25, blocked: 12 });
    expect(body).toContain('absolute_claim');
  });

  it('writes queued events within a moment even when nobody reads', async () => {
    batcher.record({ kind: 'compliance_check', tenantId: t.tenantId, verdict: 'pass', categories: [], source: 'api' });
    await new Promise((r) => setTimeout(r, 400));
    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM insight_events WHERE kind = 'compliance_check' AND verdict = 'pass' AND tenant_id = $1", [t.tenantId]);
    expect(rows.rows[0]!.n).toBe(14);
  });

  it('refuses an invalid event at once', () => {
    expect(() => batcher.record({ kind: 'compliance_check', tenantId: t.tenantId, verdict: 'maybe' as never, categories: [], source: 'api' })).toThrow(/not valid/);
  });
});
