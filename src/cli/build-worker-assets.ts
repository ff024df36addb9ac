/** Copies the static files the Node entry serves into .wrangler/assets for Workers Assets. */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeAssets, WEB_FILES, ASSET_PATHS } from '../entry/node-assets.js';

const out = fileURLToPath(new URL('../../.wrangler/assets/', import.meta.url));
rmSync(out, { recursive: true, force: true });
const assets = nodeAssets(WEB_FILES);
for (const path of ASSET_PATHS(WEB_FILES)) {
  const file = await assets.get(path);
  if (!file) throw new Error(`asset ${path} is missing`);
  const target = join(out, path.endsWith('/') ? `${path}index.html` : path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, file.body);
}
console.log(`worker assets written to ${out}`);
