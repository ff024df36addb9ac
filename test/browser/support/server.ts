import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { ingestRealKnowledge } from '../../support/kb.js';
import type { Db } from '../../../src/db/db.js';
import type { AssetSource } from '../../../src/http/deps.js';
import { nodeAssets, WEB_FILES } from '../../../src/entry/node-assets.js';
import { createKey } from '../../../src/domain/keys/keys.js';
import { offerSlots, seedDemoClinic } from '../../../src/domain/booking/index.js';

const DEMO = readFileSync(new URL('../../../src/web/demo.html', import.meta.url), 'utf8');

/** The hostile host page: the demo page under the most aggressive global CSS we could think of. */
export const HOSTILE_CSS = '* { all: unset !important; font-size: 40px !important } button { display:none !important }';

export interface WidgetServer {
  /** http://127.0.0.1:<port>: the API, widget.js and the demo page. */
  origin: string;
  /** http://localhost:<port>: the same server under another origin, for a "customer site". */
  otherOrigin: string;
  key: string;
  t: TestApp;
  db: Db;
  close(): Promise<void>;
}

/**
 * The real app (embedded PGlite, the real knowledge base, the demo clinic) on a loopback
 * port, serving the demo page at / exactly as production does: the page's __DEMO_PK__
 * placeholder replaced by a publishable key for this origin.
 */
export async function startWidgetServer(): Promise<WidgetServer> {
  const db = await createTestDb();
  await ingestRealKnowledge(db);
  let key = '';
  let origin = '';
  const files = nodeAssets({ ...WEB_FILES, '/': 'demo.html', '/widget.js': 'widget.js' });
  const html = (body: string) => ({ body: body.replaceAll('__DEMO_PK__', key), contentType: 'text/html; charset=utf-8' });
  const assets: AssetSource = {
    async get(path) {
      if (path === '/') return html(DEMO);
      if (path === '/hostile') return html(DEMO.replace('</head>', `<style>${HOSTILE_CSS}</style>\n</head>`));
      // A customer's own page on another origin, embedding the widget from the API origin.
      if (path === '/customer')
        return html(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Customer shop</title></head><body><h1>Little Sprouts baby shop</h1><a href="#top">Top</a>` +
            `<script src="${origin}/widget.js" data-key="__DEMO_PK__" data-locale="en" data-color="#ffd1dc" data-position="bottom-left" data-title="Ask Little Sprouts" defer></script></body></html>`,
        );
      return files.get(path);
    },
  };
  const t: TestApp = await createTestApp(db, {
    assets,
    offerSlots: (tenantId, specialty, locale, within) => offerSlots(db, { tenantId, specialty, locale, within, now: new Date() }),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  const otherOrigin = `http://localhost:${port}`;
  key = (await createKey(db, { tenantId: t.tenantId, kind: 'publishable', name: 'widget test', scopes: ['chat', 'triage', 'booking'], allowedOrigins: [origin, otherOrigin] })).secret;
  await seedDemoClinic(db, { tenantId: t.tenantId, now: new Date() });
  return {
    origin,
    otherOrigin,
    key,
    t,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
