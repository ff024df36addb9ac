import type { Queryable } from '../db/db.js';

export interface AuditEntry {
  tenantId: string;
  actor: string;
  action:
    | 'key.created'
    | 'key.revoked'
    | 'tenant.created'
    | 'tenant.updated'
    | 'triage.escalated'
    | 'booking.created'
    | 'booking.confirmed'
    | 'booking.cancelled'
    | 'content.reviewed'
    | 'content.override'
    | 'content.published'
    | 'subject.exported'
    | 'subject.erased'
    | 'retention.purged';
  target?: string;
  requestId?: string;
  /** Ids, levels and counts only: never personal data. */
  details?: Record<string, unknown>;
}

export async function audit(q: Queryable, e: AuditEntry): Promise<void> {
  await q.query('INSERT INTO audit_log (tenant_id, actor, action, target, request_id, details) VALUES ($1, $2, $3, $4, $5, $6)', [
    e.tenantId,
    e.actor,
    e.action,
    e.target ?? null,
    e.requestId ?? null,
    JSON.stringify(e.details ?? {}),
  ]);
}

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export async function listAudit(q: Queryable, tenantId: string, f: { from?: string; to?: string; action?: string; limit?: number }): Promise<AuditRow[]> {
  const res = await q.query<{ id: number; at: Date; actor: string; action: string; target: string | null; request_id: string | null; details: Record<string, unknown> }>(
    `SELECT * FROM audit_log WHERE tenant_id = $1
       AND ($2::timestamptz IS NULL OR at >= $2) AND ($3::timestamptz IS NULL OR at < $3) AND ($4::text IS NULL OR action = $4)
     ORDER BY id DESC LIMIT $5`,
    [tenantId, f.from ?? null, f.to ?? null, f.action ?? null, Math.min(f.limit ?? 100, 1000)],
  );
  return res.rows.map((r) => ({ id: r.id, at: new Date(r.at).toISOString(), actor: r.actor, action: r.action, target: r.target, requestId: r.request_id, details: r.details }));
}
