import type { Db } from '../../db/db.js';
import { audit } from '../audit.js';

export const DEFAULT_RETENTION_DAYS = 180;

/**
 * Deletes conversations (with their messages and feedback) untouched for longer than
 * each tenant's retention period (default 180 days). Returns how many went, per tenant.
 */
export async function purgeExpiredConversations(db: Db, now: Date): Promise<{ tenantId: string; conversations: number }[]> {
  const res = await db.query<{ tenant_id: string; n: number }>(
    `WITH gone AS (
       DELETE FROM conversations c USING tenants t
       WHERE t.id = c.tenant_id
         AND c.updated_at < $1::timestamptz - make_interval(days => coalesce((t.settings->>'retentionDays')::int, ${DEFAULT_RETENTION_DAYS}))
       RETURNING c.tenant_id)
     SELECT tenant_id, count(*)::int AS n FROM gone GROUP BY tenant_id`,
    [now],
  );
  return res.rows.map((r) => ({ tenantId: r.tenant_id, conversations: r.n }));
}

/** Runs the retention purge now and then every `intervalMs` (default hourly). Returns a stop function. */
export function startRetentionJob(
  deps: { db: Db; clock: () => Date; log?: { info(o: object, m?: string): void; warn(o: object, m?: string): void } },
  intervalMs = 3_600_000,
): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = purgeExpiredConversations(deps.db, deps.clock())
      .then(async (purged) => {
        for (const p of purged) {
          deps.log?.info({ tenantId: p.tenantId, conversations: p.conversations }, 'retention purge');
          await audit(deps.db, { tenantId: p.tenantId, actor: 'system', action: 'retention.purged', details: { conversations: p.conversations } });
        }
      })
      .catch((err) => deps.log?.warn({ err: String(err) }, 'retention purge failed'))
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
