import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDb } from '../support/db.js';
import type { TestApp } from '../support/app.js';
import type { Db } from '../../src/db/db.js';
import { nodeAssets } from '../../src/entry/node-assets.js';
import { contentTestApp } from '../integration/content/support.js';

/**
 * The content studio console in headless Chromium against the real app on a loopback
 * port: write a brief, generate, read the findings inline, edit with live re-checking,
 * take the draft through the three review stages (refused publish, audited override,
 * publish) and export it, in both interface languages, talking to nobody but the service.
 */
let db: Db;
let t: TestApp;
let server: ServerType;
let base: string;
let browser: Browser;
let page: Page;
let key: string;
const foreign: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
  db = await createTestDb();
  t = await contentTestApp(db, { assets: nodeAssets({ '/console': 'console.html', '/console.js': 'console.js' }) });
  key = await t.key(['content', 'compliance']);
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'blob:' && u.protocol !== 'data:' && u.origin !== base) foreign.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  await db?.close();
});

const notice = () => page.locator('#notice').innerText();
async function asRole(role: string, id: string) {
  await page.selectOption('#role', role);
  await page.fill('#reviewerId', id);
  await page.dispatchEvent('#reviewerId', 'change');
}
async function decide(stage: string, decision: 'approve' | 'reject') {
  await page.click(`#stages button[data-stage="${stage}"][data-decision="${decision}"]`);
  const want = decision === 'approve' ? 'approved' : 'rejected';
  await page.waitForSelector(`.stage[data-stage="${stage}"][data-status="${want}"]`);
}

describe('content studio console', () => {
  it('serves a page with no CDN and no inline script', async () => {
    const res = await fetch(`${base}/console`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toMatch(/<script src="\/console\.js"><\/script>/);
    expect(html).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('generates a draft from a brief and shows it clean, labelled, with its revision history', async () => {
    await page.goto(`${base}/console`);
    await page.evaluate(() => localStorage.setItem('nw.console.lang', 'zh-CN'));
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('Nestwise 内容工作室');
    await page.fill('#apiKey', key);
    await page.click('#saveKey');
    expect(await page.evaluate(() => sessionStorage.getItem('nw.console.key'))).toBe(key);
    expect(await page.evaluate(() => localStorage.getItem('nw.console.key'))).toBeNull();
    expect(await page.inputValue('#apiKey')).toBe('');

    await page.selectOption('#channel', 'xiaohongshu_note');
    await page.selectOption('#productType', 'children_cosmetic');
    await page.fill('#productName', '小树宝宝保湿面霜');
    await page.fill('input[name="brand"]', '小树');
    await page.fill('#facts', '含神经酰胺，帮助皮肤保湿\n无香精、无酒精配方\n可以缓解湿疹引起的干痒\n50克软管装 | 产品规格表');
    await page.selectOption('select[name="length"]', 'short');
    await page.click('#generate');
    await page.waitForSelector('#draftCard:not([hidden])');
    const preview = await page.locator('#preview').innerText();
    expect(preview.split('\n')[0]).toBe('广告');
    expect(preview).toContain('本内容由人工智能辅助生成');
    expect(preview).not.toContain('湿疹');
    expect(preview).toContain('（来源：产品规格表）');
    expect(await page.locator('#draftVerdict').innerText()).not.toBe('block');
    expect(await page.locator('#preview mark.sev-block').count()).toBe(0);
    // the history shows the round that removed the eczema claim, with a diff
    await page.click('#history details summary');
    expect(await page.locator('#history').innerText()).toContain('湿疹');
    expect(await page.locator('#history .diff del').count()).toBeGreaterThan(0);
    expect(await page.locator('#draftList tr').count()).toBeGreaterThanOrEqual(1);
  });

  it('re-checks while editing and explains each highlighted span on hover and on keyboard focus', async () => {
    const body = await page.inputValue('#editBody');
    await page.fill('#editBody', body.replace('含神经酰胺', '最好的宝宝面霜，治疗湿疹，含神经酰胺'));
    await page.waitForSelector('#preview mark.finding.sev-block');
    expect(await page.locator('#liveState').innerText()).toContain('实时检查完成');
    const marks = page.locator('#preview mark.finding');
    const texts = await marks.allInnerTexts();
    expect(texts.join('|')).toMatch(/最好/);
    expect(texts.join('|')).toMatch(/湿疹/);
    // hover: the tooltip carries the explanation and a suggestion
    await marks.filter({ hasText: '最好' }).first().hover();
    await page.waitForSelector('#tip:not([hidden])');
    const tip = await page.locator('#tip').innerText();
    expect(tip).toContain('依据');
    expect(tip).toContain('建议');
    // keyboard: focus shows it too, with aria-describedby
    await page.mouse.move(0, 0);
    await page.waitForSelector('#tip[hidden]', { state: 'attached' });
    const eczema = marks.filter({ hasText: '湿疹' }).first();
    await eczema.focus();
    await page.waitForSelector('#tip:not([hidden])');
    expect(await eczema.getAttribute('aria-describedby')).toBe('tip');
    await page.keyboard.press('Escape');
    // saving stores a new revision with the full check (mandatory labels included)
    await page.click('#saveEdit');
    await page.waitForSelector('#draftCard[data-revision="2"]');
    expect(await page.locator('#draftVerdict').innerText()).toBe('block');
    expect(await page.locator('#findings li.sev-block').count()).toBeGreaterThanOrEqual(2);
  });

  it('takes the draft through the three stages: refused publish, audited override, publish', async () => {
    // the wrong role is refused with the server's explanation
    await asRole('business_approver', 'b-1');
    await page.click('#stages button[data-stage="content"][data-decision="approve"]');
    await page.waitForFunction(() => document.querySelector('#notice')?.className === 'error');
    expect(await notice()).toMatch(/writer/);

    await asRole('writer', 'w-1');
    await decide('content', 'approve');
    await asRole('compliance_reviewer', 'c-1');
    await decide('compliance', 'approve');
    await asRole('business_approver', 'b-1');
    await decide('business', 'approve');
    expect(await page.locator('#draftStatus').innerText()).toBe('approved');

    await page.click('#publish');
    await page.waitForSelector('#publishReasons li[data-reason="blocking_findings"]');
    expect(await page.locator('#draftStatus').innerText()).toBe('approved');

    await asRole('compliance_reviewer', 'c-1');
    await page.click('#reviewCard details summary');
    await page.fill('#overrideReason', '法务已确认：该表述来自监管批准的说明书原文');
    await page.click('#override');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent?.includes('豁免'));
    await page.click('#publish');
    await page.waitForFunction(() => document.querySelector('#draftStatus')?.textContent === 'published');
    expect(await page.locator('#publish').isDisabled()).toBe(true);
    const audit = await db.query<{ action: string; reason: string | null; actor: string }>('SELECT action, reason, actor FROM content_audit ORDER BY id');
    expect(audit.rows).toEqual([
      { action: 'override', reason: '法务已确认：该表述来自监管批准的说明书原文', actor: 'reviewer:c-1' },
      { action: 'publish', reason: null, actor: 'reviewer:c-1' },
    ]);
  });

  it('exports Markdown, HTML and JSON with the AI label and its metadata', async () => {
    await page.click('#exportCard button[data-format="md"]');
    await page.waitForSelector('#exportPreview[data-format="md"]');
    const md = await page.locator('#exportPreview').innerText();
    expect(md).toMatch(/^---\n/);
    expect(md).toContain('contentAttribute: AIGC');
    expect(md).toContain('provider: Nestwise');
    expect(await page.locator('#download').getAttribute('download')).toMatch(/\.md$/);

    await page.click('#exportCard button[data-format="html"]');
    await page.waitForSelector('#exportPreview[data-format="html"]');
    const html = await page.locator('#exportPreview').innerText();
    expect(html).toContain('<meta name="aigc:contentAttribute" content="AIGC">');
    expect(html).toContain('class="aigc-label"');

    await page.click('#exportCard button[data-format="json"]');
    await page.waitForSelector('#exportPreview[data-format="json"]');
    const json = JSON.parse(await page.locator('#exportPreview').innerText()) as { aigc: { contentAttribute: string; contentId: string } };
    expect(json.aigc.contentAttribute).toBe('AIGC');
    expect(json.aigc.contentId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('switches the interface to English', async () => {
    await page.selectOption('#uiLang', 'en');
    expect(await page.locator('h1').innerText()).toBe('Nestwise content studio');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#stages .stage[data-stage="business"] strong').innerText()).toBe('Business');
    expect(await page.locator('#generate').innerText()).toBe('Generate draft');
    await page.reload();
    expect(await page.locator('h1').innerText()).toBe('Nestwise content studio');
  });

  it('writes an English draft for the UK market from the English interface', async () => {
    await page.selectOption('#channel', 'en_social_post');
    await page.selectOption('#productType', 'food_contact');
    await page.selectOption('#market', 'UK');
    await page.fill('#productName', 'Anti-Colic Bottle');
    await page.fill('#facts', 'Vent system lets air out of the bottle\nBPA-free polypropylene\nCures colic in 3 days');
    await page.click('#generate');
    await page.waitForFunction(() => document.querySelector('#notice')?.textContent === 'Draft generated.');
    const preview = await page.locator('#preview').innerText();
    expect(preview.split('\n')[0]).toBe('Ad');
    expect(preview).not.toMatch(/cures colic/i);
    expect(preview.trimEnd().endsWith('AI-generated content')).toBe(true);
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
  });
});
