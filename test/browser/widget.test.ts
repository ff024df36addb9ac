import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startWidgetServer, type WidgetServer } from './support/server.js';
import { acceptConsent, ask, launchBrowser, recordForeignRequests, textOf, turnDone, widget } from './support/browser.js';

let srv: WidgetServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startWidgetServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

async function fresh(path = '/'): Promise<{ ctx: BrowserContext; page: Page; foreign: string[] }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await ctx.newPage();
  const foreign = recordForeignRequests(page, [srv.origin]);
  await page.goto(srv.origin + path);
  await widget(page).launcher.waitFor();
  return { ctx, page, foreign };
}

/**
 * Records what the live region and the answer bubble hold each time the live region
 * changes, and whether the turn was still in flight then.
 */
async function watchLiveRegion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('[data-nestwise]')!.shadowRoot!;
    const live = root.querySelector('[aria-live="polite"]')!;
    const w = window as unknown as { __live: { live: number; bubble: number; busy: boolean }[] };
    w.__live = [];
    new MutationObserver(() => {
      const bubbles = root.querySelectorAll('.m .b');
      w.__live.push({
        live: (live.textContent ?? '').length,
        bubble: (bubbles[bubbles.length - 1]?.textContent ?? '').length,
        busy: root.querySelector('.cp button')!.getAttribute('aria-busy') === 'true',
      });
    }).observe(live, { childList: true, subtree: true, characterData: true });
  });
}

describe('widget, zh-CN (the default)', () => {
  it('asks for consent before the first message, then streams a cited answer with feedback', async () => {
    const { ctx, page, foreign } = await fresh();
    const w = widget(page);
    await w.launcher.click();
    await expect(w.panel.isVisible()).resolves.toBe(true);
    // The AI disclosure is always on screen, and nothing can be sent before consent.
    await expect(w.panel.locator('.disc').textContent()).resolves.toBe('由 AI 生成，仅供参考，不能替代医生诊断');
    await expect(w.host.locator('.cs').isVisible()).resolves.toBe(true);
    await expect(w.input.isVisible()).resolves.toBe(false);
    await acceptConsent(page);
    const consent = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.endsWith(':consent'))?.[1]);
    expect(JSON.parse(consent!)).toMatchObject({ v: '2026-01', remember: false });

    await watchLiveRegion(page);
    // A slow network, so the stream reaches the page in several pieces as it would on a phone.
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: 3_000, uploadThroughput: -1 });
    const chat = page.waitForResponse((r) => r.url().endsWith('/v1/chat'));
    await ask(page, '宝宝晚上总是醒，怎么才能睡整觉？');
    const res = await chat;
    expect(res.headers()['content-type']).toContain('text/event-stream');
    await turnDone(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // Progressive: while the turn was still in flight the answer bubble and the live
    // region already held part of the text, and grew over several steps.
    const states = await page.evaluate(() => (window as unknown as { __live: { live: number; bubble: number; busy: boolean }[] }).__live);
    const partial = states.filter((s) => s.busy && s.live > 0);
    expect(new Set(partial.map((s) => s.live)).size).toBeGreaterThan(1);
    expect(partial.some((s) => s.bubble > 0)).toBe(true);

    const answer = w.answers.last();
    const text = (await answer.textContent()) ?? '';
    expect(text.length).toBeGreaterThan(40);
    expect(text).not.toContain('<');
    // Bullets are real list items, citation markers are links to the source.
    expect(await answer.locator('li').count()).toBeGreaterThan(0);
    const refs = answer.locator('a.ref');
    expect(await refs.count()).toBeGreaterThan(0);
    const cites = w.host.locator('.cites').last();
    expect(await cites.locator('h4').textContent()).toBe('参考来源');
    const links = cites.locator('a');
    expect(await links.count()).toBeGreaterThan(0);
    for (const a of await links.all()) {
      expect(await a.getAttribute('href')).toMatch(/^https?:\/\//);
      expect(await a.getAttribute('target')).toBe('_blank');
      expect(await a.getAttribute('rel')).toBe('noopener noreferrer');
    }

    // Feedback: thumbs up is recorded on the service.
    const fb = page.waitForResponse((r) => r.url().includes('/feedback'));
    await w.host.locator('.fb').last().getByRole('button', { name: '有帮助' }).click();
    expect((await fb).status()).toBe(204);
    await expect(w.host.locator('.fb [role="status"]').last().textContent()).resolves.toBe('谢谢你的反馈');
    const rows = await srv.db.query<{ rating: string }>('SELECT rating FROM feedback');
    expect(rows.rows.map((r) => r.rating)).toContain('up');

    // Thumbs down offers optional reasons; picking one re-records the rating with it.
    const fb2 = page.waitForResponse((r) => r.url().includes('/feedback') && (r.request().postData() ?? '').includes('not_clear'));
    await w.host.locator('.fb').last().getByRole('button', { name: '没帮助' }).click();
    await w.host.locator('.rs').last().getByRole('button', { name: '看不懂' }).click();
    expect((await fb2).status()).toBe(204);
    const down = await srv.db.query<{ rating: string; reason: string }>('SELECT rating, reason FROM feedback ORDER BY created_at DESC LIMIT 1');
    expect(down.rows[0]).toEqual({ rating: 'down', reason: 'not_clear' });

    expect(foreign).toEqual([]);
    await ctx.close();
  });

  it('keeps the conversation across reloads, continues it, and reset() clears it', async () => {
    const { ctx, page } = await fresh();
    const w = widget(page);
    await w.launcher.click();
    await acceptConsent(page);
    await ask(page, '新生儿黄疸什么时候会退？');
    await turnDone(page);
    const convId = await page.evaluate(() => JSON.parse(Object.entries(localStorage).find(([k]) => k.endsWith(':conv'))![1]).id);
    expect(convId).toMatch(/^[0-9a-f-]{36}$/);

    await page.reload();
    await w.launcher.click();
    expect(await w.host.locator('.cs').count()).toBe(0); // consent is remembered
    expect(await textOf(w.host.locator('.u'))).toEqual([expect.stringContaining('新生儿黄疸什么时候会退？')]);
    expect(await w.answers.count()).toBe(2); // greeting + the restored answer
    expect(await w.host.locator('.cites a').count()).toBeGreaterThan(0);

    // The next turn continues the same conversation on the service.
    const req = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, '那需要晒太阳吗？');
    expect((await req).postDataJSON()).toMatchObject({ conversationId: convId, locale: 'zh-CN' });
    await turnDone(page);
    const stored = await srv.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE conversation_id = $1', [convId]);
    expect(stored.rows[0]!.n).toBe(4);

    await page.evaluate(() => window.Nestwise!.reset());
    expect(await w.host.locator('.u').count()).toBe(0);
    expect(await w.answers.count()).toBe(1);
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith(':conv')))).toBe(false);
    await page.reload();
    await w.launcher.click();
    expect(await w.host.locator('.u').count()).toBe(0);
    const req2 = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, '宝宝几个月可以吃辅食？');
    expect((await req2).postDataJSON().conversationId).toBeUndefined();
    await turnDone(page);
    await ctx.close();
  });

  it('shows an emergency as a banner with a tel: link, first steps and no ordinary answer', async () => {
    const { ctx, page } = await fresh();
    const w = widget(page);
    await page.evaluate(() => {
      const w = window as unknown as { __events: string[] };
      w.__events = [];
      for (const e of ['open', 'triage', 'message'] as const) window.Nestwise!.on(e, (d) => w.__events.push(e + ':' + ((d as { level?: string; triage?: { level: string } }).level ?? (d as { triage?: { level: string } }).triage?.level ?? '')));
    });
    await w.launcher.click();
    await acceptConsent(page);
    await ask(page, '宝宝抽搐了，叫不醒');
    await w.alerts.first().waitFor();
    await turnDone(page);

    const banner = w.alerts.first();
    const call = banner.locator('a.call').first();
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{2,}/);
    expect(await call.textContent()).toMatch(/拨打/);
    expect(await banner.locator('h3').textContent()).toContain('这可能是紧急情况');
    expect(await banner.locator('li').count()).toBeGreaterThan(0); // first steps / what not to do
    // No ordinary answer bubble for this turn: only the greeting.
    expect(await w.answers.count()).toBe(1);
    expect(await w.host.locator('.cites, .fb, .card').count()).toBe(0);
    const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
    expect(events).toEqual(['open:', 'triage:emergency', 'message:emergency']);

    // Restored as a banner too, never as a bubble.
    await page.reload();
    await w.launcher.click();
    expect(await w.alerts.count()).toBe(1);
    expect(await w.answers.count()).toBe(1);
    await ctx.close();
  });

  it('says politely that a person can help when the parent asks for one, and tells the host page', async () => {
    const { ctx, page } = await fresh();
    const w = widget(page);
    await page.evaluate(() => {
      window.Nestwise!.on('message', (d) => ((window as unknown as { __handoff: unknown }).__handoff = (d as { handoff: unknown }).handoff));
    });
    await w.launcher.click();
    await acceptConsent(page);
    await ask(page, '我要转人工客服');
    await turnDone(page);
    await expect(w.host.locator('.note').last().textContent()).resolves.toBe('如果你希望和真人沟通，我们的客服同事可以帮你。');
    expect(await page.evaluate(() => (window as unknown as { __handoff: unknown }).__handoff)).toMatchObject({ recommended: true, reason: 'user_requested_human' });
    await ctx.close();
  });

  it('remembers the stage only with the optional consent, and sends it with each question', async () => {
    // Without "remember": the stage is used but not stored.
    let { ctx, page } = await fresh();
    let w = widget(page);
    await w.launcher.click();
    await acceptConsent(page);
    await w.host.locator('.chip').click();
    const due = new Date(Date.now() + 100 * 86_400_000).toISOString().slice(0, 10);
    await w.host.locator('#nw-d').fill(due);
    await w.host.locator('.sf button[type="submit"]').click();
    expect(await w.host.locator('.chip').textContent()).toMatch(/宝宝阶段：孕 \d+ 周/);
    const req = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, '孕期可以喝咖啡吗？');
    expect((await req).postDataJSON().child).toEqual({ dueDate: due });
    await turnDone(page);
    expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.endsWith(':child')))).toBe(false);
    await ctx.close();

    // With "remember": identify() from the host page is stored and survives a reload.
    ({ ctx, page } = await fresh());
    w = widget(page);
    await w.launcher.click();
    await acceptConsent(page, { remember: true });
    const birth = new Date(Date.now() - 160 * 86_400_000).toISOString().slice(0, 10);
    expect(await page.evaluate((b) => window.Nestwise!.identify({ birthDate: b }), birth)).toBe(true);
    expect(await page.evaluate(() => window.Nestwise!.identify({ birthDate: '2099-01-01' }))).toBe(false);
    await page.reload();
    await w.launcher.click();
    expect(await w.host.locator('.chip').textContent()).toMatch(/宝宝 5 个月/);
    const req2 = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, '宝宝可以开始吃辅食了吗？');
    expect((await req2).postDataJSON().child).toEqual({ birthDate: birth });
    await turnDone(page);
    // The "this week" card needs the families API; when it is not there the card stays hidden.
    const families = await srv.t.request('/v1/families', { method: 'POST', json: {} });
    if (families.status === 404) expect(await w.host.locator('.wk').isVisible()).toBe(false);
    await ctx.close();
  });
});

describe('safe rendering', () => {
  it('renders hostile answer text, citations and stored history as text, never as markup or script', async () => {
    const { ctx, page } = await fresh();
    const w = widget(page);
    const evil = '<img src=x onerror="window.__pwned=1">';
    const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    const cites = [
      { docId: 'd1', chunkId: 'c1', title: evil, stages: [], topics: [], sources: [{ publisher: 'Evil <b>Corp</b>', title: 't', url: 'javascript:window.__pwned=2', year: 2024 }] },
    ];
    const done = { conversationId: '00000000-0000-4000-8000-000000000001', messageId: '00000000-0000-4000-8000-000000000002', answer: `Intro ${evil}\n- item <script>window.__pwned=3</script> [1]`, citations: cites, triage: { level: 'self_care', reasons: [], actions: [] }, sentiment: { label: 'neutral', distress: false }, handoff: { recommended: false }, stage: null, mode: 'offline' };
    await page.route('**/v1/chat', (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/event-stream', 'access-control-allow-origin': srv.origin },
        body: sse('triage', { conversationId: done.conversationId, level: 'self_care', reasons: [], actions: [] }) + sse('delta', { text: `Intro ${evil}\n` }) + sse('delta', { text: '- item <script>window.__pwned=3</script> [1]' }) + sse('citations', { citations: cites }) + sse('done', done),
      }),
    );
    await w.launcher.click();
    await acceptConsent(page);
    await ask(page, 'hello');
    await turnDone(page);
    const answer = w.answers.last();
    expect(await answer.textContent()).toContain('<img src=x onerror="window.__pwned=1">');
    expect(await w.host.locator('img, script, b').count()).toBe(0);
    // The javascript: source is shown as plain text, not as a link.
    expect(await w.host.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await w.host.locator('.cites').textContent()).toContain('Evil <b>Corp</b>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // Tampered history in storage renders as text too, and a malformed entry is skipped.
    await page.evaluate((e) => {
      const k = Object.keys(localStorage).find((x) => x.endsWith(':conv'))!;
      localStorage.setItem(k, JSON.stringify({ id: null, msgs: [{ r: 'u', text: e }, { r: 'a', id: 'x', text: e, cites: 'not-an-array', level: 'self_care' }, { r: 'a', id: 'y', text: e, cites: [], level: 'self_care' }] }));
    }, evil);
    await page.unroute('**/v1/chat');
    await page.reload();
    await w.launcher.click();
    expect(await w.host.locator('.u').textContent()).toContain(evil);
    expect(await w.answers.count()).toBe(2);
    expect(await w.host.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await ctx.close();
  });
});

describe('widget, en', () => {
  it('speaks English throughout with data-locale="en" and handles an emergency', async () => {
    const { ctx, page, foreign } = await fresh('/?locale=en');
    const w = widget(page);
    expect(await w.launcher.getAttribute('aria-label')).toBe('Open parenting chat');
    await w.launcher.click();
    expect(await w.panel.locator('.disc').textContent()).toBe('AI-generated guidance, not medical advice');
    expect(await w.host.locator('.cs button').textContent()).toBe('Accept and start');
    await acceptConsent(page);

    const req = page.waitForRequest((r) => r.url().endsWith('/v1/chat'));
    await ask(page, 'How can I help my newborn sleep longer at night?');
    expect((await req).postDataJSON().locale).toBe('en');
    await turnDone(page);
    expect(await w.host.locator('.cites h4').last().textContent()).toBe('Sources');
    expect(await w.host.locator('.cites a').count()).toBeGreaterThan(0);
    expect(await w.host.locator('.fb button').first().textContent()).toContain('Helpful');

    await ask(page, "my baby is having a seizure and won't wake up");
    await w.alerts.first().waitFor();
    await turnDone(page);
    const banner = w.alerts.first();
    expect(await banner.locator('h3').textContent()).toContain('This may be an emergency');
    expect(await banner.locator('a.call').first().getAttribute('href')).toMatch(/^tel:\+?\d{2,}/);
    expect(await banner.locator('a.call').first().textContent()).toMatch(/^Call \S+ now$/);
    expect(await w.answers.count()).toBe(2); // greeting + the sleep answer; nothing for the emergency
    expect(foreign).toEqual([]);
    await ctx.close();
  });
});
