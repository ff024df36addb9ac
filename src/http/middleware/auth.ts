import type { MiddlewareHandler } from 'hono';
import { authenticate } from '../../domain/keys/keys.js';
import { hasScope, type Scope } from '../../domain/keys/scopes.js';
import { Forbidden, Unauthorized } from '../../domain/errors.js';
import type { AppEnv } from '../deps.js';
import { keyRateLimit } from './limits.js';

/**
 * Authenticates the bearer key and checks one scope. Publishable widget keys are only
 * accepted from a browser on one of the key's allowed origins; their responses carry
 * CORS headers for that origin and no other.
 */
export function requireScope(scope: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    if (!m) throw new Unauthorized();
    const principal = await authenticate(c.get('deps').db, m[1]!);
    if (!principal) throw new Unauthorized('The API key is unknown or revoked.');
    if (principal.kind === 'publishable') {
      const origin = c.req.header('origin');
      if (!origin || !principal.allowedOrigins.includes(origin)) {
        throw new Forbidden('This publishable key is not allowed from this origin.', 'origin_not_allowed');
      }
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Vary', 'Origin');
    }
    if (!hasScope(principal, scope)) {
      throw new Forbidden(`This key lacks the "${scope}" scope.`, 'insufficient_scope');
    }
    c.set('principal', principal);
    keyRateLimit(c, c.get('limiter'));
    await next();
  };
}

/**
 * CORS preflight for the API. A preflight carries no key, so it cannot be checked
 * against a key's origins; it only says which headers may be sent. The real request
 * is then refused (and gets no Access-Control-Allow-Origin) unless its key lists the
 * origin, so the browser never exposes the response to another site.
 */
export function corsPreflight(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'OPTIONS') return next();
    const origin = c.req.header('origin');
    const headers: Record<string, string> = {
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Idempotency-Key, X-Request-Id',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
    if (origin) headers['Access-Control-Allow-Origin'] = origin;
    return new Response(null, { status: 204, headers });
  };
}
