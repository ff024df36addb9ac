/**
 * The webhook outbox. An event is a row written in the same transaction as the change it
 * describes, so it exists exactly when the change committed; delivery happens later
 * (src/domain/webhooks/delivery.ts) and all of its state lives in the row.
 */
import type { Queryable } from '../../db/db.js';
import { ValidationFailed } from '../errors.js';

export const WEBHOOK_EVENT_TYPES = ['booking.created', 'booking.confirmed', 'booking.cancelled', 'triage.escalated', 'reminder.due'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type WebhookEventStatus = 'pending' | 'in_flight' | 'delivered' | 'dead';

export interface EnqueueInput {
  tenantId: string;
  type: WebhookEventType;
  /** JSON-serialisable. Keep personal data out: receivers fetch details through the API. */
  payload: Record<string, unknown>;
  /** When the event happened (the caller's clock); defaults to the database's now(). */
  at?: Date;
}

/**
 * Queues one event for the tenant's webhook, inside the caller's transaction (pass the
 * transaction's `q`). Returns the event id, or null when the tenant has no webhook
 * configured: nothing is queued that nobody could receive.
 */
export async function enqueueEvent(q: Queryable, input: EnqueueInput): Promise<{ id: string } | null> {
  if (!WEBHOOK_EVENT_TYPES.includes(input.type)) {
    throw new ValidationFailed(`Unknown webhook event type "${input.type}".`, [{ field: 'type', message: `one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }]);
  }
  const res = await q.query<{ id: string }>(
    `INSERT INTO webhook_events (tenant_id, type, payload, next_attempt_at, created_at)
     SELECT t.id, $2, $3::jsonb, coalesce($4::timestamptz, now()), coalesce($4::timestamptz, now())
       FROM tenants t
      WHERE t.id = $1 AND coalesce(t.settings->>'webhookUrl', '') <> ''
     RETURNING id`,
    [input.tenantId, input.type, JSON.stringify(input.payload), input.at ?? null],
  );
  const row = res.rows[0];
  return row ? { id: row.id } : null;
}

export interface WebhookEventRecord {
  id: string;
  tenantId: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  status: WebhookEventStatus;
  attempts: number;
  nextAttemptAt: string;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

interface EventRow {
  id: string;
  tenant_id: string;
  type: WebhookEventType;
  payload: Record<string, unknown>;
  status: WebhookEventStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** A tenant's recent events with their delivery state (for operators and tests). */
export async function listEvents(q: Queryable, tenantId: string, limit = 100): Promise<WebhookEventRecord[]> {
  const res = await q.query<EventRow>('SELECT * FROM webhook_events WHERE tenant_id = $1 ORDER BY created_at DESC, id LIMIT $2', [tenantId, limit]);
  return res.rows.map((r) => ({
    id: r.id,
    tenantId: r.tenant_id,
    type: r.type,
    payload: r.payload,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: iso(r.next_attempt_at)!,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: iso(r.created_at)!,
    deliveredAt: iso(r.delivered_at),
  }));
}

/** Deletes finished (delivered or dead) events created before `before`; pending ones stay. */
export async function pruneEvents(q: Queryable, before: Date): Promise<number> {
  return (await q.query("DELETE FROM webhook_events WHERE status IN ('delivered', 'dead') AND created_at < $1", [before])).rowCount;
}
