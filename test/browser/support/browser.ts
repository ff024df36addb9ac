import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The widget's shadow root content (open shadow roots are pierced by locators). */
export function widget(page: Page) {
  const host = page.locator('[data-nestwise]');
  return {
    host,
    launcher: host.locator('button.l'),
    panel: host.locator('[role="dialog"]'),
    input: host.locator('textarea'),
    live: host.locator('[aria-live="polite"]'),
    /** Ordinary answer bubbles (the greeting is the first). */
    answers: host.locator('.m .b'),
    alerts: host.locator('.em[role="alert"]'),
    card: host.locator('.card'),
  };
}

/** Fails the test on any request the page makes to somewhere other than the allowed origins. */
export function recordForeignRequests(page: Page, allowed: string[]): string[] {
  const foreign: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.protocol !== 'data:' && u.protocol !== 'about:' && !allowed.includes(u.origin)) foreign.push(r.url());
  });
  return foreign;
}

/** What element has focus, looking into the widget's shadow root. */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-nestwise]');
    let el: Element | null = document.activeElement;
    if (el && el === host) el = host.shadowRoot!.activeElement;
    if (!el) return 'none';
    const inPanel = !!el.closest?.('[role="dialog"]');
    return `${inPanel ? 'panel:' : el.getRootNode() === document ? 'page:' : 'widget:'}${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}|${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}`;
  });
}

export async function acceptConsent(page: Page, opts: { remember?: boolean } = {}): Promise<void> {
  const w = widget(page);
  const consent = w.host.locator('.cs');
  if (opts.remember) await consent.locator('input[type="checkbox"]').check();
  await consent.locator('button').click();
  await w.input.waitFor({ state: 'visible' });
}

export async function ask(page: Page, text: string): Promise<void> {
  const w = widget(page);
  await w.input.fill(text);
  await w.input.press('Enter');
}

/** Waits for the chat turn in flight to finish (the send button is enabled again). */
export async function turnDone(page: Page): Promise<void> {
  await widget(page).host.locator('.cp button[aria-busy="false"]').waitFor({ timeout: 60_000 });
}

export const textOf = (l: Locator) => l.evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
