/**
 * Webhook delivery from the outbox table. Several processes may run it at once:
 * each claims due events with SELECT … FOR UPDATE SKIP LOCKED and marks them in flight
 * under a lease, so no two workers send one event at the same time. A worker that dies
 * mid-delivery leaves its lease to lapse and another retries the event — delivery is
 * at least once, and the stable Nestwise-Event-Id lets receivers drop repeats.
 */
import type { Db } from '../../db/db.js';
import type { TenantSettings } from '../keys/tenants.js';
import { signatureHeader } from './signature.js';
import type { WebhookEventType } from './outbox.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export const MAX_ATTEMPTS = 8;
export const BASE_BACKOFF_MS = 30_000;
/** Jitter adds up to this fraction to each delay, so retries of many events spread out. */
export const BACKOFF_JITTER = 0.2;

/**
 * The wait after the `attempt`-th failed attempt: 30 s, 60 s, 120 s … (× 2 each time),
 * plus up to 20 % jitter. Eight attempts span a little over an hour before the event
 * is declared dead.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = BASE_BACKOFF_MS * 2 ** Math.max(0, attempt - 1);
  return Math.round(base * (1 + BACKOFF_JITTER * Math.min(1, Math.max(0, random()))));
}

export interface DeliverDueOptions {
  db: Db;
  fetch: FetchLike;
  now: Date;
  /** Most events claimed by this call. */
  limit?: number;
  /** How long a claim stays exclusive; must exceed the request timeout. */
  leaseMs?: number;
  timeoutMs?: number;
  random?: () => number;
  /**
   * Allow webhook URLs on loopback/private addresses (local development). Off by
   * default: a tenant's webhook URL must not become a way into the service's own network.
   */
  allowPrivateNetwork?: boolean;
}

export interface DeliveryReport {
  claimed: number;
  delivered: number;
  retrying: number;
  dead: number;
}

interface ClaimedRow {
  id: string;
  tenant_id: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  attempts: number;
  created_at: Date;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

/** Hostnames that point into the local machine or a private network, by their literal form. */
export function isPrivateHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost') || h.endsWith('.local') || h.endsWith('.internal')) return true;
  if (h.includes(':')) {
    // IPv6 literals: unspecified, loopback, unique-local, link-local, IPv4-mapped
    return h === '::' || h === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(h) || h.startsWith('fe80:') || h.startsWith('::ffff:');
  }
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function targetProblem(url: string | undefined, secret: string | undefined, allowPrivate: boolean): string | undefined {
  if (!url) return 'the tenant has no webhookUrl';
  if (!secret) return 'the tenant has no webhookSecret';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'the webhookUrl is not a URL';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'the webhookUrl must be http(s)';
  if (!allowPrivate && isPrivateHost(u.hostname)) return 'the webhookUrl points at a private or loopback address';
  return undefined;
}

/** The exact bytes sent (and signed) for an event; the same on every attempt. */
export function eventBody(e: { id: string; type: string; created_at: Date; tenant_id: string; payload: unknown }): string {
  return JSON.stringify({ id: e.id, type: e.type, createdAt: new Date(e.created_at).toISOString(), tenantId: e.tenant_id, data: e.payload });
}

async function send(e: ClaimedRow, settings: TenantSettings, opts: Required<Pick<DeliverDueOptions, 'fetch' | 'now' | 'timeoutMs'>>): Promise<Outcome> {
  const body = eventBody(e);
  const t = Math.floor(opts.now.getTime() / 1000);
  try {
    const res = await opts.fetch(settings.webhookUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Nestwise-Webhooks/1',
        'Nestwise-Signature': await signatureHeader(settings.webhookSecret!, t, body),
        'Nestwise-Event-Id': e.id,
        'Nestwise-Event-Type': e.type,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    // the body is not needed; release the connection
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, status: res.status, error: `receiver answered ${res.status}` };
  } catch (err) {
    const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ok: false, status: null, error: msg.slice(0, 500) };
  }
}

/**
 * Claims up to `limit` due events, delivers them and records each outcome: delivered,
 * pending again with a backoff, or dead after the last attempt. Returns counts.
 */
export async function deliverDue(opts: DeliverDueOptions): Promise<DeliveryReport> {
  const { db, now } = opts;
  const limit = opts.limit ?? 20;
  const leaseMs = opts.leaseMs ?? 60_000;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const random = opts.random ?? Math.random;
  const report: DeliveryReport = { claimed: 0, delivered: 0, retrying: 0, dead: 0 };

  const claimed = await db.tx(async (q) => {
    const due = await q.query<{ id: string }>(
      `SELECT id FROM webhook_events
        WHERE (status = 'pending' AND next_attempt_at <= $1)
           OR (status = 'in_flight' AND lease_until <= $1)
        ORDER BY next_attempt_at, created_at, id
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    const ids = due.rows.map((r) => r.id);
    if (ids.length === 0) return [];
    // An in-flight event whose lease lapsed after its last attempt (the worker died) is dead.
    await q.query(
      `UPDATE webhook_events SET status = 'dead', lease_until = NULL, last_error = coalesce(last_error, 'lease lapsed on the last attempt')
        WHERE id = ANY($1::uuid[]) AND attempts >= $2`,
      [ids, MAX_ATTEMPTS],
    );
    const rows = await q.query<ClaimedRow>(
      `UPDATE webhook_events SET status = 'in_flight', attempts = attempts + 1, lease_until = $2
        WHERE id = ANY($1::uuid[]) AND attempts < $3
        RETURNING id, tenant_id, type, payload, attempts, created_at`,
      [ids, new Date(now.getTime() + leaseMs), MAX_ATTEMPTS],
    );
    return rows.rows;
  });
  report.claimed = claimed.length;
  if (claimed.length === 0) return report;

  const tenantIds = [...new Set(claimed.map((e) => e.tenant_id))];
  const tenants = await db.query<{ id: string; settings: TenantSettings }>('SELECT id, settings FROM tenants WHERE id = ANY($1::uuid[])', [tenantIds]);
  const settingsOf = new Map(tenants.rows.map((r) => [r.id, r.settings ?? {}]));

  await Promise.all(
    claimed.map(async (e) => {
      const settings = settingsOf.get(e.tenant_id) ?? {};
      const problem = targetProblem(settings.webhookUrl, settings.webhookSecret, opts.allowPrivateNetwork === true);
      // A misconfigured target cannot get better by retrying blindly, but the operator may
      // fix the settings, so it is retried on the normal schedule like any failure.
      const outcome: Outcome = problem ? { ok: false, status: null, error: problem } : await send(e, settings, { fetch: opts.fetch, now, timeoutMs });
      // Each outcome is recorded only if this worker still holds the claim (same attempt,
      // still in flight): a worker whose lease lapsed must not overwrite a newer attempt.
      if (outcome.ok) {
        await db.query(
          `UPDATE webhook_events SET status = 'delivered', delivered_at = $2, lease_until = NULL, last_status = $3, last_error = NULL
            WHERE id = $1 AND status = 'in_flight' AND attempts = $4`,
          [e.id, now, outcome.status, e.attempts],
        );
        report.delivered++;
      } else if (e.attempts >= MAX_ATTEMPTS) {
        await db.query(
          `UPDATE webhook_events SET status = 'dead', lease_until = NULL, last_status = $2, last_error = $3
            WHERE id = $1 AND status = 'in_flight' AND attempts = $4`,
          [e.id, outcome.status, outcome.error, e.attempts],
        );
        report.dead++;
      } else {
        await db.query(
          `UPDATE webhook_events SET status = 'pending', next_attempt_at = $2, lease_until = NULL, last_status = $3, last_error = $4
            WHERE id = $1 AND status = 'in_flight' AND attempts = $5`,
          [e.id, new Date(now.getTime() + backoffMs(e.attempts, random)), outcome.status, outcome.error, e.attempts],
        );
        report.retrying++;
      }
    }),
  );
  return report;
}

export interface WebhookWorkerDeps {
  db: Db;
  clock: () => Date;
  fetch?: FetchLike;
  log?: { warn(obj: object, msg?: string): void };
  /** Called with each batch's outcome (metrics). */
  onReport?: (r: DeliveryReport) => void;
}

export interface WebhookWorkerOptions {
  limit?: number;
  allowPrivateNetwork?: boolean;
  random?: () => number;
}

/**
 * Runs deliverDue every `intervalMs` (and once at start) until the returned function is
 * called; that function resolves once any delivery in progress has finished. Ticks never
 * overlap within one worker; other workers (processes) are kept apart by the claims.
 */
export function startWebhookWorker(deps: WebhookWorkerDeps, intervalMs = 5_000, options: WebhookWorkerOptions = {}): () => Promise<void> {
  const fetchFn: FetchLike = deps.fetch ?? ((url, init) => fetch(url, init));
  const limit = options.limit ?? 20;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        // Drain a backlog in batches, but give the event loop back between ticks.
        for (let i = 0; i < 10 && !stopped; i++) {
          const r = await deliverDue({ db: deps.db, fetch: fetchFn, now: deps.clock(), limit, allowPrivateNetwork: options.allowPrivateNetwork, random: options.random });
          deps.onReport?.(r);
          if (r.claimed < limit) break;
        }
      } catch (err) {
        deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'webhook delivery failed');
      } finally {
        running = undefined;
      }
    })();
  };

  const timer = setInterval(tick, intervalMs);
  // Do not keep a Node process alive just for this timer.
  (timer as unknown as { unref?: () => void }).unref?.();
  tick();

  return async () => {
    stopped = true;
    clearInterval(timer);
    if (running) await running;
  };
}
