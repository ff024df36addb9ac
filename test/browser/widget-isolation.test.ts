import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startWidgetServer, type WidgetServer } from './support/server.js';
import { acceptConsent, ask, focused, launchBrowser, recordForeignRequests, turnDone, widget } from './support/browser.js';
import { contrast, parseHex } from '../../src/web/widget/color.js';

let srv: WidgetServer;
let browser: Browser;

beforeAll(async () => {
  [srv, browser] = await Promise.all([startWidgetServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});

const PROPS = ['display', 'position', 'font-size', 'font-family', 'font-weight', 'line-height', 'color', 'background-color', 'padding-top', 'padding-left', 'margin-top', 'border-top-width', 'border-radius', 'width', 'height', 'box-sizing', 'text-align', 'visibility', 'opacity'];

/** Computed styles and boxes of every element in the open panel. */
async function panelStyles(page: Page) {
  return page.evaluate((props) => {
    const root = document.querySelector('[data-nestwise]')!.shadowRoot!;
    return [...root.querySelectorAll('*')].map((el) => {
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { el: el.tagName + '.' + (el.getAttribute('class') ?? ''), box: [r.width, r.height].map(Math.round), ...Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)])) };
    });
  }, PROPS);
}

async function openWithConsent(path: string, size = { width: 1280, height: 800 }): Promise<Page> {
  const ctx = await browser.newContext({ viewport: size });
  const page = await ctx.newPage();
  await page.goto(srv.origin + path);
  const w = widget(page);
  await w.launcher.click();
  await acceptConsent(page);
  return page;
}

describe('isolation from the host page', () => {
  it('looks and measures the same under aggressive global CSS', async () => {
    const plain = await openWithConsent('/');
    const hostile = await openWithConsent('/hostile');
    // The hostile CSS is really in force on the host page…
    expect(await hostile.locator('#ask').evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expect(await hostile.locator('h1').evaluate((el) => getComputedStyle(el).fontSize)).toBe('40px');
    // …and changes nothing inside the widget.
    const a = await panelStyles(plain);
    const b = await panelStyles(hostile);
    expect(a.length).toBeGreaterThan(20);
    expect(b).toEqual(a);
    // Pixel for pixel, inside the rounded corners (where the host page shows through).
    const shot = async (p: Page) => {
      const box = (await widget(p).panel.boundingBox())!;
      return p.screenshot({ clip: { x: box.x + 16, y: box.y + 16, width: box.width - 32, height: box.height - 32 }, animations: 'disabled', caret: 'hide' });
    };
    const [shotA, shotB] = [await shot(plain), await shot(hostile)];
    expect(shotA.length).toBeGreaterThan(5 * 1024);
    expect(shotB.equals(shotA)).toBe(true);
    // The launcher too, before opening.
    for (const p of [plain, hostile]) await widget(p).panel.press('Escape');
    const l = await Promise.all([plain, hostile].map((p) => widget(p).launcher.evaluate((el) => [getComputedStyle(el).display, el.getBoundingClientRect().width, getComputedStyle(el).backgroundColor])));
    expect(l[1]).toEqual(l[0]);
    expect(l[0]![0]).not.toBe('none');
    await plain.context().close();
    await hostile.context().close();
  });

  it('does not change the host page: no global styles, one host element', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(srv.origin + '/');
    await widget(page).launcher.waitFor();
    const outside = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      hosts: document.querySelectorAll('[data-nestwise]').length,
      bodyFont: getComputedStyle(document.body).fontSize,
    }));
    expect(outside).toEqual({ sheets: 1, adopted: 0, hosts: 1, bodyFont: '16px' });
    await ctx.close();
  });
});

describe('mobile', () => {
  it('fills a 375×667 screen and screenshots cleanly', async () => {
    const ctx = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await ctx.newPage();
    await page.goto(srv.origin + '/');
    const w = widget(page);
    await w.launcher.click();
    await acceptConsent(page);
    await ask(page, '宝宝红屁屁怎么办？');
    await turnDone(page);
    const box = await w.panel.boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    // Nothing inside is wider than the screen.
    const overflow = await w.panel.evaluate((p) => p.scrollWidth - p.clientWidth);
    expect(overflow).toBe(0);
    const png = await page.screenshot({ animations: 'disabled' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5 * 1024);
    await ctx.close();
  });
});

describe('keyboard only', () => {
  it('reaches the launcher with Tab, opens with Enter, traps focus in the panel and returns it on Esc', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(srv.origin + '/');
    const w = widget(page);
    await w.launcher.waitFor();
    let at = '';
    for (let i = 0; i < 40 && !at.startsWith('widget:button.l'); i++) {
      await page.keyboard.press('Tab');
      at = await focused(page);
    }
    expect(at).toBe('widget:button.l|打开育儿咨询');
    // Focus is visible.
    expect(await w.launcher.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('panel:button.btn|同意并开始');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('panel:textarea|');
    await page.keyboard.type('宝宝几个月可以吃辅食？');
    await page.keyboard.press('Enter');
    await turnDone(page);
    expect(await w.answers.count()).toBe(2);

    // Tab and Shift+Tab never leave the panel.
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.startsWith('panel:')).toBe(true);
      seen.add(f);
    }
    expect(seen.size).toBeGreaterThan(5);
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).startsWith('panel:')).toBe(true);
    }
    // The feedback buttons work from the keyboard.
    await w.host.locator('.fb button').first().focus();
    const fb = page.waitForResponse((r) => r.url().includes('/feedback'));
    await page.keyboard.press('Enter');
    expect((await fb).status()).toBe(204);

    await page.keyboard.press('Escape');
    expect(await w.panel.isVisible()).toBe(false);
    expect(await focused(page)).toBe('widget:button.l|打开育儿咨询');
    await ctx.close();
  });
});

describe('embedding options on a customer site (another origin)', () => {
  it('honours data-title, data-position and data-color (darkened to AA) and chats across origins', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const foreign = recordForeignRequests(page, [srv.origin, srv.otherOrigin]);
    await page.goto(srv.otherOrigin + '/customer');
    const w = widget(page);
    await w.launcher.waitFor();
    const [bg, left] = await w.launcher.evaluate((el) => [getComputedStyle(el).backgroundColor, el.getBoundingClientRect().left]);
    const rgb = bg!.toString().match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];
    expect(contrast(rgb, parseHex('#ffffff')!)).toBeGreaterThanOrEqual(4.5);
    expect(rgb).not.toEqual([255, 209, 220]);
    expect(left).toBeLessThan(100);
    await w.launcher.click();
    expect(await w.panel.locator('h2').textContent()).toBe('Ask Little Sprouts');
    await acceptConsent(page);
    await ask(page, 'Is it safe for my baby to sleep on their tummy?');
    await turnDone(page);
    expect(await w.answers.count()).toBe(2);
    expect(await w.host.locator('.cites a').count()).toBeGreaterThan(0);
    expect(foreign).toEqual([]);
    await ctx.close();
  });
});
