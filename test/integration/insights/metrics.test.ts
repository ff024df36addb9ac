import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { metrics } from '../../../src/http/metrics-registry.js';
import { parsePrometheusText, sampleValue, type Family } from '../../unit/insights/prom-parser.js';

const TOKEN = 'metrics-token-for-tests-0123456789';
let db: Db;
let t: TestApp;
let bare: TestApp;

beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db, { env: { METRICS_TOKEN: TOKEN } });
  bare = await createTestApp(db);
});
afterAll(async () => db?.close());

async function scrape(): Promise<{ text: string; families: Map<string, Family> }> {
  const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await res.text();
  return { text, families: parsePrometheusText(text) };
}

const requests = (f: Map<string, Family>, route: string, status: string, method = 'GET') =>
  sampleValue(f, 'nestwise_http_requests_total', { route, method, status }) ?? 0;
const durations = (f: Map<string, Family>, route: string, status: string) =>
  sampleValue(f, 'nestwise_http_request_duration_seconds_count', { route, method: 'GET', status }) ?? 0;

describe('/metrics', () => {
  it('does not exist without a configured token', async () => {
    const res = await bare.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a missing or wrong token', async () => {
    const none = await t.app.request('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await t.app.request('/metrics', { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await t.app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    // an API key, even an admin one, is not the metrics token
    expect((await t.request('/metrics')).status).toBe(401);
  });

  it('parses, and request counts and latency histograms move with traffic', async () => {
    const before = (await scrape()).families;
    for (let i = 0; i < 3; i++) expect((await t.app.request('/healthz')).status).toBe(200);
    const missingId = crypto.randomUUID();
    expect((await t.request(`/v1/conversations/${missingId}`)).status).toBe(404);
    expect((await t.app.request('/no-such-page-xyz')).status).toBe(404);
    expect((await t.request('/v1/insights/triage')).status).toBe(200);
    expect((await t.app.request('/v1/insights/triage')).status).toBe(401);

    const { text, families: after } = await scrape();
    expect(requests(after, '/healthz', '200') - requests(before, '/healthz', '200')).toBe(3);
    expect(durations(after, '/healthz', '200') - durations(before, '/healthz', '200')).toBe(3);
    expect(requests(after, '/v1/conversations/:id', '404') - requests(before, '/v1/conversations/:id', '404')).toBe(1);
    expect(requests(after, 'unmatched', '404') - requests(before, 'unmatched', '404')).toBe(1);
    expect(requests(after, '/v1/insights/triage', '200') - requests(before, '/v1/insights/triage', '200')).toBe(1);
    expect(requests(after, '/v1/insights/triage', '401') - requests(before, '/v1/insights/triage', '401')).toBe(1);
    // the previous scrape itself was counted
    expect(requests(after, '/metrics', '200')).toBeGreaterThanOrEqual(1);
    // labels carry route patterns, never raw paths with ids
    expect(text).not.toContain(missingId);
    expect(text).not.toContain('no-such-page-xyz');
    expect(after.get('nestwise_http_request_duration_seconds')!.type).toBe('histogram');
  });

  it('exposes triage levels, compliance verdicts and webhook outcomes', async () => {
    const before = (await scrape()).families;
    metrics.countTriage('emergency');
    metrics.countCompliance('review');
    metrics.countCompliance('review');
    metrics.countWebhook('delivered', 4);
    metrics.countWebhook('retrying');
    const after = (await scrape()).families;
    const delta = (name: string, labels: Record<string, string>) => (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    expect(delta('nestwise_triage_total', { level: 'emergency' })).toBe(1);
    expect(delta('nestwise_triage_total', { level: 'urgent' })).toBe(0);
    expect(delta('nestwise_compliance_checks_total', { verdict: 'review' })).toBe(2);
    expect(delta('nestwise_webhook_deliveries_total', { outcome: 'delivered' })).toBe(4);
    expect(delta('nestwise_webhook_deliveries_total', { outcome: 'retrying' })).toBe(1);
    for (const level of ['emergency', 'urgent', 'routine', 'self_care']) expect(sampleValue(after, 'nestwise_triage_total', { level })).toBeDefined();
  });
});
