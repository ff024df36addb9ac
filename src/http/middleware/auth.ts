import type { Context, MiddlewareHandler } from 'hono';
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
      const origin = browserOrigin(c);
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
 * The origin of the page that made a browser request. Browsers send no Origin header on
 * same-origin GETs (the demo page at / reading /v1/clinicians); Sec-Fetch-Site and
 * Referer are set by the browser and cannot be forged by page scripts, so a same-origin
 * request is recognised by them instead.
 */
function browserOrigin(c: Context<AppEnv>): string | undefined {
  const origin = c.req.header('origin');
  if (origin) return origin;
  if (c.req.header('sec-fetch-site') !== 'same-origin') return undefined;
  try {
    return new URL(c.req.header('referer') ?? '').origin;
  } catch {
    return undefined;
  }
}

/**
 * CORS preflight for the API. A preflight carries no key, so it cannot be checked
 * against a key's origins; it only says which headers may be sent. The real request
 * is then refused (and gets no Access-Control-Allow-Origin) unless its key lists the
 * origin, so the browser never exposes the response to another site.
 */
export function corsPreflight(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'OPTIONS') {
      await next();
      // Error responses are built afresh by onError, without the headers requireScope set.
      // Put them back for a publishable key's own origin, so the widget can read problem
      // details (409 slot_taken, 422, 429) from another site.
      const p = c.get('principal');
      const origin = c.req.header('origin');
      if (p?.kind === 'publishable' && origin && p.allowedOrigins.includes(origin) && !c.res.headers.has('Access-Control-Allow-Origin')) {
        c.header('Access-Control-Allow-Origin', origin);
        c.header('Vary', 'Origin');
      }
      return;
    }
    const origin = c.req.header('origin');
    const headers: Record<string, string> = {
      'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Idempotency-Key, X-Request-Id, X-Reviewer, X-Reviewer-Role',
      'Access-Control-Max-Age': '600',
      Vary: 'Origin',
    };
    if (origin) headers['Access-Control-Allow-Origin'] = origin;
    return new Response(null, { status: 204, headers });
  };
}
