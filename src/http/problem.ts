import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, type FieldError } from '../domain/errors.js';
import type { AppEnv } from './deps.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
}

const TYPE_BASE = 'https://nestwise.dev/problems/';

export function problemResponse(
  c: Context<AppEnv>,
  p: { status: number; code: string; title: string; detail: string; errors?: FieldError[] },
  headers?: Record<string, string>,
): Response {
  const body: Problem = {
    type: TYPE_BASE + p.code,
    title: p.title,
    status: p.status,
    detail: p.detail,
    code: p.code,
    requestId: c.get('requestId') ?? '',
    ...(p.errors?.length ? { errors: p.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

/**
 * The one mapping from anything thrown to a problem response. Domain errors carry their
 * status; Hono's own exceptions (malformed JSON, body limit) keep theirs; everything
 * else is a 500 whose detail never echoes internals — it is logged with the request id.
 */
export function errorToProblem(err: unknown, c: Context<AppEnv>): Response {
  if (err instanceof DomainError) {
    return problemResponse(c, { status: err.status, code: err.code, title: err.title, detail: err.message, errors: err.fields }, err.headers);
  }
  if (err instanceof HTTPException) {
    const status = err.status;
    if (status === 413) {
      return problemResponse(c, { status, code: 'payload_too_large', title: 'Payload too large', detail: 'The request body is over the size limit.' });
    }
    if (status === 400) {
      const malformed = /json/i.test(err.message);
      return problemResponse(c, {
        status,
        code: malformed ? 'malformed_json' : 'bad_request',
        title: malformed ? 'Malformed JSON' : 'Bad request',
        detail: malformed ? 'The request body is not valid JSON.' : err.message || 'The request could not be read.',
      });
    }
    if (status === 504) {
      return problemResponse(c, { status: 503, code: 'timeout', title: 'Request timed out', detail: 'The request took too long and was stopped; retry shortly.' }, { 'Retry-After': '2' });
    }
    if (status < 500) {
      return problemResponse(c, { status, code: `http_${status}`, title: 'Request refused', detail: err.message || 'The request was refused.' });
    }
  }
  const deps = c.get('deps');
  if (isDatabaseDown(err)) {
    deps?.log.warn({ requestId: c.get('requestId'), err: describe(err) }, 'database unavailable');
    return problemResponse(c, { status: 503, code: 'unavailable', title: 'Service unavailable', detail: 'The service is temporarily unavailable; retry shortly.' }, { 'Retry-After': '2' });
  }
  deps?.log.error({ requestId: c.get('requestId'), err: describe(err) }, 'unhandled error');
  return problemResponse(c, { status: 500, code: 'internal', title: 'Internal error', detail: 'Something went wrong on our side. Quote the request id when reporting it.' });
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return { value: String(err) };
}

/** Connection-level failures (server restarting, pool timeout) are a 503, not a 500. */
function isDatabaseDown(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; message?: string };
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006'].includes(e.code)) return true;
  return /timeout exceeded when trying to connect|Connection terminated|connection ended|Client has encountered a connection error/i.test(e.message ?? '');
}
