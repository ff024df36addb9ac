import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { RateLimited } from '../../domain/errors.js';
import { SlidingWindowLimiter } from '../rate-limit.js';

export function clientIp(c: Context<AppEnv>): string {
  const deps = c.get('deps');
  if (deps.config.trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  return deps.clientIp?.(c.req.raw, c.env) ?? 'unknown';
}

/** Per client IP, before authentication, so floods of bad keys are limited too. */
export function ipRateLimit(limiter: SlidingWindowLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const d = limiter.hit(`ip:${clientIp(c)}`, c.get('deps').config.rateLimits.ipPerMinute, c.get('deps').clock().getTime());
    if (!d.ok) throw new RateLimited(d.retryAfterSeconds);
    await next();
  };
}

/** Per key, after authentication: the key's own budget, else the service default. */
export function keyRateLimit(c: Context<AppEnv>, limiter: SlidingWindowLimiter): void {
  const p = c.get('principal');
  const limit = p.rateLimitPerMinute ?? c.get('deps').config.rateLimits.keyPerMinute;
  const d = limiter.hit(`key:${p.keyId}`, limit, c.get('deps').clock().getTime());
  c.header('X-RateLimit-Limit', String(limit));
  c.header('X-RateLimit-Remaining', String(d.remaining));
  if (!d.ok) throw new RateLimited(d.retryAfterSeconds);
}
