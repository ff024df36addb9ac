/**
 * Entry of widget.js: reads the embedding <script> tag's data-* options, mounts one
 * widget and exposes window.Nestwise. A secret key in a page is refused outright.
 */
import { pickLocale } from './i18n.js';
import { safeUrl } from './markdown.js';
import { Widget, type EventName } from './widget.js';

export interface NestwiseApi {
  open(): void;
  close(): void;
  reset(): void;
  identify(x: { birthDate: string } | { dueDate: string }): boolean;
  on(event: EventName, fn: (detail: unknown) => void): () => void;
}

declare global {
  interface Window {
    Nestwise?: NestwiseApi;
  }
}

const MARKETS = ['CN', 'US', 'EU', 'UK'];

function boot(): void {
  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-key][src*="widget"]');
  if (!script || window.Nestwise) return;
  const d = script.dataset;
  const key = (d.key ?? '').trim();
  if (!/^pk_[A-Za-z0-9_-]+$/.test(key)) {
    console.error('Nestwise widget: data-key must be a publishable key (pk_…); never put a secret key in a web page.');
    return;
  }
  const base = safeUrl(d.api) ?? new URL(script.src, location.href).origin;
  const locale = pickLocale(d.locale);
  const start = () => {
    const w = new Widget({
      key,
      api: base.replace(/\/+$/, ''),
      locale,
      position: d.position === 'bottom-left' ? 'bottom-left' : 'bottom-right',
      color: d.color,
      title: d.title,
      greeting: d.greeting,
      market: MARKETS.includes(d.market ?? '') ? d.market! : locale === 'en' ? 'US' : 'CN',
    });
    window.Nestwise = {
      open: () => w.open(),
      close: () => w.close(),
      reset: () => w.reset(),
      identify: (x) => w.identify(x),
      on: (e, fn) => w.on(e, fn),
    };
    window.dispatchEvent(new CustomEvent('nestwise:ready'));
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

boot();
