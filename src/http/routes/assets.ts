import { Hono } from 'hono';
import type { AppEnv } from '../deps.js';

/** Serves whatever the entry's asset source has (widget, console, docs assets). */
export const assetRoutes = new Hono<AppEnv>().get('*', async (c, next) => {
  const assets = c.get('deps').assets;
  if (!assets) return next();
  const found = await assets.get(c.req.path);
  if (!found) return next();
  return c.body(found.body as never, 200, {
    'content-type': found.contentType,
    'cache-control': 'public, max-age=300',
  });
});
