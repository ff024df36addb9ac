import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../deps.js';
import type { SlidingWindowLimiter } from '../rate-limit.js';

const ID_RE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Puts the dependencies and a request id on the context, echoes the id in
 * X-Request-Id and writes one access-log line per request. The log line carries
 * method, route, status and latency only: never headers or bodies, so neither keys nor
 * personal data can reach the logs from here.
 */
export function requestContext(deps: AppDeps, limiter: SlidingWindowLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && ID_RE.test(incoming) ? incoming : crypto.randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('limiter', limiter);
    const t0 = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const ms = Math.round((performance.now() - t0) * 10) / 10;
    const status = c.res.status;
    const line = { requestId, method: c.req.method, path: c.req.routePath || new URL(c.req.url).pathname, status, ms };
    if (status >= 500) deps.log.error(line, 'request');
    else deps.log.info(line, 'request');
  };
}

/** Baseline security headers on every response. */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!c.res.headers.has('X-Frame-Options') && !c.req.path.startsWith('/widget')) c.header('X-Frame-Options', 'DENY');
  };
}
