import { statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDb } from '../support/db.js';
import { createTestApp, type TestApp } from '../support/app.js';
import type { Db } from '../../src/db/db.js';
import { nodeAssets } from '../../src/entry/node-assets.js';
import { createKey } from '../../src/domain/keys/keys.js';
import { seedMonth, seedOtherTenant } from '../integration/insights/seed.js';

/**
 * The insights dashboard in headless Chromium against the real app on a loopback port,
 * with a seeded month: every chart draws SVG marks, the numbers match the API, both
 * languages work, the operator's tenant filter switches the data, and the page talks
 * to nobody but the service.
 */
const CHARTS = [
  'questionsByDay', 'topics', 'triageByDay', 'escalations', 'feedbackByDay', 'downReasons', 'latencyByMode', 'latencyByDay',
  'misses', 'complianceByDay', 'categories', 'products', 'channels', 'contentStates', 'reviewTimes',
];
export const SCREENSHOT = '/tmp/insights-dashboard.png';
export const SCREENSHOT_EN = '/tmp/insights-dashboard-en.png';

let db: Db;
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
let insightsKey: string;
const foreign: string[] = [];
const errors: string[] = [];
const failed: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db, { assets: nodeAssets({ '/insights': 'insights.html', '/insights.js': 'insights.js' }) });
  await seedMonth(db, t.tenantId);
  const other = await t.otherTenant();
  await db.query('UPDATE tenants SET name = $2 WHERE id = $1', [other.tenantId, 'Other clinic group']);
  await seedOtherTenant(db, other.tenantId);
  insightsKey = (await createKey(db, { tenantId: t.tenantId, kind: 'secret', scopes: ['insights'] })).secret;
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'blob:' && u.protocol !== 'data:' && u.origin !== base) foreign.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // failed loads are checked one by one through their responses below
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await db?.close();
});

async function marks(name: string): Promise<number> {
  return page.locator(`[data-chart="${name}"] svg .mark`).count();
}
const kpi = (k: string) => page.locator(`[data-kpi="${k}"] b`).innerText();

describe('insights dashboard', () => {
  it('draws every chart from the seeded month', async () => {
    await page.goto(`${base}/insights?from=2025-03-01&to=2025-03-31&tz=UTC&lang=zh-CN`);
    expect(await page.locator('h1').innerText()).toBe('Nestwise 洞察');
    await page.fill('#key', t.adminKey);
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 30_000 });

    for (const name of CHARTS) expect(await marks(name), name).toBeGreaterThan(0);
    // marks that follow from the data: six review states, three thumbs-down reasons, three
    // top misses, p50/p95/p99 for three modes, escalation bars (emergency turns, urgent turns and bookings)
    expect(await marks('contentStates')).toBe(6);
    expect(await marks('downReasons')).toBe(3);
    expect(await marks('misses')).toBe(3);
    expect(await marks('latencyByMode')).toBe(9);
    expect(await marks('escalations')).toBe(3);
    expect(await page.locator('[data-chart="misses"] tbody tr').count()).toBe(3);
    // one stacked segment per (day, level) with answers
    const triage = (await (await t.request('/v1/insights/triage?from=2025-03-01&to=2025-03-31&tz=UTC')).json()) as { byDay: Record<string, number | string>[] };
    const cells = triage.byDay.reduce((n, d) => n + ['emergency', 'urgent', 'routine', 'self_care'].filter((l) => (d[l] as number) > 0).length, 0);
    expect(await marks('triageByDay')).toBe(cells);
    // two lines, each a path plus one point per day
    expect(await marks('latencyByDay')).toBe(2 + 2 * 31);

    expect(await kpi('k.questions')).toBe('61');
    expect(await kpi('k.conversations')).toBe('31');
    expect(await kpi('k.escalations')).toContain('6 / 18');
    expect(await page.locator('[data-chart="topics"] svg').innerHTML()).toContain('睡眠');
    expect(await page.locator('[data-chart="reviewTimes"]').innerText()).toContain('25.5');

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);
  });

  it('switches to English and back without reloading data', async () => {
    await page.click('#lang');
    expect(await page.locator('h1').innerText()).toBe('Nestwise Insights');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-chart="topics"] svg').innerHTML()).toContain('Sleep');
    expect(await page.locator('[data-chart="questionsByDay"] .legend').innerText()).toContain('Newborn');
    for (const name of CHARTS) expect(await marks(name), name).toBeGreaterThan(0);
    await page.screenshot({ path: SCREENSHOT_EN, fullPage: true });
    await page.click('#lang');
    expect(await page.locator('h1').innerText()).toBe('Nestwise 洞察');
  });

  it("lets the operator switch to another tenant's data", async () => {
    await expect(page.locator('#tenant-wrap').isVisible()).resolves.toBe(true);
    const option = page.locator('#tenant option', { hasText: 'Other clinic group' });
    await page.selectOption('#tenant', (await option.getAttribute('value'))!);
    await page.waitForFunction(() => document.querySelector('[data-kpi="k.questions"] b')?.textContent === '3');
    expect(await marks('triageByDay')).toBe(1);
    expect(await page.locator('[data-chart="misses"] tbody').innerText()).toContain('other tenant secret question');
    await page.selectOption('#tenant', '');
    await page.waitForFunction(() => document.querySelector('[data-kpi="k.questions"] b')?.textContent === '61');
  });

  it('keeps the key for the session only, and a key with just the insights scope sees no tenant filter', async () => {
    expect(await page.evaluate(() => sessionStorage.getItem('nw.insights.key'))).toBe(t.adminKey);
    expect(await page.evaluate(() => localStorage.getItem('nw.insights.key'))).toBeNull();
    await page.click('#forget');
    expect(await page.evaluate(() => sessionStorage.getItem('nw.insights.key'))).toBeNull();
    await page.fill('#key', insightsKey);
    await page.click('button[type="submit"]');
    await page.waitForSelector('body[data-loaded="true"]');
    expect(await page.locator('#tenant-wrap').isVisible()).toBe(false);
    expect(await kpi('k.questions')).toBe('61');
  });

  it('reports a bad key instead of drawing', async () => {
    await page.fill('#key', 'sk_not_a_real_key_at_all_000000');
    await page.click('button[type="submit"]');
    await page.waitForSelector('#status.error');
    expect(await page.locator('#status').innerText()).toContain('API 密钥无效');
  });

  it('exports eval candidates as JSON Lines', async () => {
    await page.fill('#key', t.adminKey);
    const download = page.waitForEvent('download');
    await page.click('[data-export="thumbs_down"]');
    const file = await download;
    expect(file.suggestedFilename()).toBe('eval-candidates-thumbs_down-2025-03-01-2025-03-31.jsonl');
    const path = await file.path();
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(10);
    expect(JSON.parse(lines[0]!)).toMatchObject({ source: 'thumbs_down', expectedDocs: [], keyFacts: [] });
  });

  it('talked to nobody but the service and raised no errors', () => {
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    // only the expected refusals: the tenant list for an insights-only key, and the bad key
    expect([...new Set(failed)].sort()).toEqual(['401 /v1/admin/tenants', '401 /v1/insights/compliance', '401 /v1/insights/content', '401 /v1/insights/conversations', '401 /v1/insights/feedback', '401 /v1/insights/latency', '401 /v1/insights/retrieval-misses', '401 /v1/insights/triage', '403 /v1/admin/tenants']);
  });
});
