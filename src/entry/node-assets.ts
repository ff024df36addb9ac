import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetSource } from '../http/deps.js';

const require = createRequire(import.meta.url);
const swaggerDir = dirname(require.resolve('swagger-ui-dist/package.json'));
const webDir = fileURLToPath(new URL('../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** URL path → file on disk. Only listed paths are served: nothing else on disk is reachable. */
function table(extra: Record<string, string>): Record<string, string> {
  return {
    '/docs/assets/swagger-ui.css': join(swaggerDir, 'swagger-ui.css'),
    '/docs/assets/swagger-ui-bundle.js': join(swaggerDir, 'swagger-ui-bundle.js'),
    ...extra,
  };
}

/** URL path → file under src/web, for the pages and scripts the product serves. */
export const WEB_FILES: Record<string, string> = {
  '/': 'demo.html',
  '/widget.js': 'widget.js',
  '/console': 'console.html',
  '/console.js': 'console.js',
  '/insights': 'insights.html',
  '/insights.js': 'insights.js',
};

/**
 * The demo page at / embeds the widget exactly as a customer would, with a placeholder
 * key; this fills in the server's own demo publishable key when the page is served.
 */
export function withDemoKey(assets: AssetSource, key: () => string): AssetSource {
  return {
    async get(path) {
      const hit = await assets.get(path);
      if (!hit || path !== '/') return hit;
      const html = typeof hit.body === 'string' ? hit.body : new TextDecoder().decode(hit.body);
      return { ...hit, body: html.replaceAll('__DEMO_PK__', key()) };
    },
  };
}

/** Every URL path the asset source answers, for copying them into the Worker build. */
export function ASSET_PATHS(webFiles: Record<string, string>): string[] {
  return Object.keys(table(webFiles));
}

export function nodeAssets(webFiles: Record<string, string> = {}): AssetSource {
  const files = table(Object.fromEntries(Object.entries(webFiles).map(([url, f]) => [url, join(webDir, f)])));
  const cache = new Map<string, { body: Uint8Array; contentType: string }>();
  return {
    async get(path) {
      const file = files[path];
      if (!file) return undefined;
      let hit = cache.get(path);
      if (!hit) {
        const ext = file.slice(file.lastIndexOf('.'));
        hit = { body: new Uint8Array(await readFile(file)), contentType: TYPES[ext] ?? 'application/octet-stream' };
        cache.set(path, hit);
      }
      return hit;
    },
  };
}
