import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startWidgetServer, type WidgetServer } from './support/server.js';
import { acceptConsent, ask, launchBrowser, turnDone, widget } from './support/browser.js';

let srv: WidgetServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startWidgetServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

describe('booking inside the widget', () => {
  for (const setup of [
    { name: 'zh-CN, on the API origin (the demo page)', path: '/', origin: () => srv.origin, question: '宝宝18个月了还不会走路', locale: 'zh-CN' },
    { name: 'en, from a customer site on another origin (CORS)', path: '/customer', origin: () => srv.otherOrigin, question: 'My 18 month old is not walking yet', locale: 'en' },
  ]) {
    it(`offers slots after a routine triage, validates, survives a taken slot and confirms (${setup.name})`, async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: setup.locale, timezoneId: 'Asia/Shanghai' });
      const page = await ctx.newPage();
      await page.goto(setup.origin() + setup.path);
      const w = widget(page);
      await w.launcher.click();
      await page.evaluate(() => window.Nestwise!.on('booking', (d) => ((window as unknown as { __booking: unknown }).__booking = d)));
      await acceptConsent(page);
      await ask(page, setup.question);
      await turnDone(page);

      const card = w.card.last();
      await card.waitFor();
      const radios = card.locator('input[type="radio"]');
      await radios.first().waitFor();
      expect(await radios.count()).toBeGreaterThan(1);

      // Submitting empty: errors next to the fields, focus on the first problem.
      await card.locator('button[type="submit"]').click();
      expect(await card.locator('.err').allTextContents()).toEqual(
        expect.arrayContaining(setup.locale === 'en' ? ['Please enter your name', 'Please give a phone number or an email', 'Please choose a time'] : ['请填写姓名', '请填写手机号或邮箱', '请选择一个时间']),
      );
      // Summary sharing is opt-in.
      expect(await card.locator('.ck input[type="checkbox"]').isChecked()).toBe(false);

      // Someone else books the first slot between showing and submitting.
      const firstSlot = (await radios.first().getAttribute('value'))!;
      await radios.first().check();
      await card.locator('input[name="name"]').fill(setup.locale === 'en' ? 'Ann Lee' : '王女士');
      await card.locator('input[name="phone"]').fill('12');
      await card.locator('button[type="submit"]').click();
      expect(await card.locator('input[name="phone"]').getAttribute('aria-invalid')).toBe('true');
      await card.locator('input[name="phone"]').fill('+86 138 0013 8000');
      const rival = await srv.t.request('/v1/bookings', { method: 'POST', key: await srv.t.key(['booking']), json: { slotId: firstSlot, contact: { name: 'Rival', email: 'rival@example.com' } } });
      expect(rival.status).toBe(201);

      const offered = await radios.count();
      const taken = page.waitForResponse((r) => r.url().endsWith('/v1/bookings') && r.request().method() === 'POST');
      // After the 409 the widget reloads the open slots from the service.
      const reloaded = page.waitForResponse((r) => /\/v1\/clinicians\/[^/]+\/slots\?/.test(r.url()));
      await card.locator('button[type="submit"]').click();
      const [takenRes, reloadedRes] = await Promise.all([taken, reloaded]);
      expect(takenRes.status()).toBe(409);
      expect(reloadedRes.status()).toBe(200);
      await card.locator('[role="status"]', { hasText: setup.locale === 'en' ? 'just taken' : '刚刚被别人约走了' }).waitFor();
      await card.locator('input[type="radio"]').first().waitFor();
      const after = await card.locator('input[type="radio"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      expect(after.length).toBeGreaterThanOrEqual(offered); // a fresh list, not just the old one minus the taken slot
      expect(after).not.toContain(firstSlot);

      // Another slot: hold + confirm, then a confirmation in the parent's locale.
      const chosen = after[0]!;
      await card.locator(`input[value="${chosen}"]`).check();
      const confirm = page.waitForResponse((r) => /\/v1\/bookings\/[^/]+\/confirm$/.test(r.url()));
      await card.locator('button[type="submit"]').click();
      expect((await confirm).status()).toBe(200);
      await card.locator('h3', { hasText: setup.locale === 'en' ? 'You are booked' : '预约成功' }).waitFor();
      const detail = (await card.locator('[role="status"]').textContent()) ?? '';
      expect(detail).toMatch(setup.locale === 'en' ? /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/ : /\d{4}年\d{1,2}月\d{1,2}日星期./);

      const booking = (await page.evaluate(() => (window as unknown as { __booking: { id: string } }).__booking))!;
      const res = await srv.t.request(`/v1/bookings/${booking.id}`);
      const stored = (await res.json()) as { status: string; slot: { id: string }; consent: { shareSummary: boolean }; contact: { name: string; phone: string } };
      expect(stored).toMatchObject({ status: 'confirmed', slot: { id: chosen }, consent: { shareSummary: false } });
      expect(stored.contact.phone).toContain('138');

      // The confirmation is part of the kept conversation.
      await page.reload();
      await w.launcher.click();
      await w.card.last().locator('h3', { hasText: setup.locale === 'en' ? 'You are booked' : '预约成功' }).waitFor();
      await ctx.close();
    });
  }
});
