import { createRouter } from '../router.js';
import { problemResponse } from '../problem.js';
import { metrics } from '../metrics-registry.js';

/**
 * Compares two secrets without leaking where they differ: both are hashed first, so the
 * comparison always runs over 32 bytes whatever the lengths.
 */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const enc = new TextEncoder();
  const [a, b] = await Promise.all([crypto.subtle.digest('SHA-256', enc.encode(given)), crypto.subtle.digest('SHA-256', enc.encode(expected))]);
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x[i]! ^ y[i]!;
  return diff === 0;
}

/**
 * GET /metrics in the Prometheus text format, for a scraper holding METRICS_TOKEN.
 * Without a configured token the endpoint does not exist (404), so a deployment that
 * never set one exposes nothing; a missing or wrong token is a 401.
 */
export const metricsRoutes = createRouter().get('/metrics', async (c) => {
  const token = c.get('deps').config.metricsToken;
  if (!token) {
    return problemResponse(c, { status: 404, code: 'not_found', title: 'Not found', detail: `No route for ${c.req.method} ${c.req.path}.` });
  }
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  if (!m || !(await sameSecret(m[1]!, token))) {
    return problemResponse(
      c,
      { status: 401, code: 'unauthorized', title: 'Unauthorized', detail: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.' },
      { 'WWW-Authenticate': 'Bearer realm="metrics"' },
    );
  }
  return c.body(metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'cache-control': 'no-store' });
});
