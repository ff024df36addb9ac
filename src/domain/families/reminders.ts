/**
 * Proactive reminders: a scheduled job finds timeline items that are due (a vaccine or
 * health check within the next week, this week's pregnancy tip, a milestone just
 * reached) and queues one `reminder.due` webhook event per item through the outbox.
 * Each item goes out at most once per family (a unique key in reminders_sent), a family
 * gets at most a few reminders a week, and a family's opt-outs are always honoured.
 * Reminders carry health information and their sources only: never products or links.
 */
import type { Db, Queryable } from '../../db/db.js';
import { enqueueEvent, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhooks/index.js';
import { addDays, marketToday } from './dates.js';
import { buildTimeline, type TimelineItem, type TimelineType } from './timeline.js';
import { hydrateFamilies, type Family, type FamilyRow } from './store.js';

export const REMINDER_EVENT = 'reminder.due';

export interface ReminderPolicy {
  /** At most this many reminders per family … */
  maxPerWindow: number;
  /** … in any window of this many days. */
  windowDays: number;
  /** Vaccines and checks are announced up to this many days ahead. */
  leadDays: number;
  /**
   * Tips and milestones are due on their day; they stay due for this many days after
   * it, so a job outage or a full cap delays them instead of dropping them.
   */
  graceDays: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { maxPerWindow: 3, windowDays: 7, leadDays: 7, graceDays: 6 };

/** When the cap allows only some, the things to book come first. */
const PRIORITY: Record<TimelineType, number> = { vaccine: 0, checkup: 1, tip: 2, milestone: 3 };

function isDue(item: TimelineItem, today: string, p: ReminderPolicy): boolean {
  if (item.type === 'vaccine' || item.type === 'checkup') return item.date >= today && item.date <= addDays(today, p.leadDays);
  return item.date <= today && item.date >= addDays(today, -p.graceDays);
}

/** The family's items due on `today`, best first, opt-outs applied. Pure. */
export function dueReminderItems(
  family: Pick<Family, 'pregnancy' | 'children' | 'locale' | 'market' | 'optOut'>,
  today: string,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
): TimelineItem[] {
  if (family.optOut.all) return [];
  const items = buildTimeline(family, { from: addDays(today, -policy.graceDays), to: addDays(today, policy.leadDays), locale: family.locale, market: family.market });
  return items
    .filter((i) => !family.optOut.types.includes(i.type) && isDue(i, today, policy))
    .sort((a, b) => PRIORITY[a.type] - PRIORITY[b.type] || a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

/** The webhook payload: the item's date, type, title and sources, nothing else. */
export function reminderPayload(family: Pick<Family, 'id' | 'subjectId'>, item: TimelineItem): Record<string, unknown> {
  return {
    familyId: family.id,
    subjectId: family.subjectId,
    ...(item.childId ? { childId: item.childId } : {}),
    item: { date: item.date, type: item.type, title: item.title, sources: item.sources },
  };
}

/**
 * The outbox validates event types against its own list; until that list names
 * reminder.due, fail loudly instead of dropping reminders silently.
 */
function reminderEventType(): WebhookEventType {
  if (!(WEBHOOK_EVENT_TYPES as readonly string[]).includes(REMINDER_EVENT)) {
    throw new Error(`the webhook outbox does not accept "${REMINDER_EVENT}" events: add it to WEBHOOK_EVENT_TYPES in src/domain/webhooks/outbox.ts`);
  }
  return REMINDER_EVENT as WebhookEventType;
}

export interface ReminderRunOptions {
  db: Db;
  now: Date;
  policy?: Partial<ReminderPolicy>;
  /** Families read per query. */
  batchSize?: number;
}

export interface ReminderReport {
  /** Families with a webhook to receive reminders and not opted out of all of them. */
  families: number;
  sent: number;
  /** Due items held back by the frequency cap (they stay due while their window lasts). */
  capped: number;
}

async function sendForFamily(db: Db, family: Family, due: TimelineItem[], now: Date, p: ReminderPolicy, type: WebhookEventType): Promise<{ sent: number; capped: number }> {
  return db.tx(async (q: Queryable) => {
    // Serialise with other job runs and with PATCH on this family; re-read the opt-outs
    // under the lock so an opt-out that just committed is honoured.
    const locked = await q.query<{ opt_out_all: boolean; opt_out_types: string[] }>('SELECT opt_out_all, opt_out_types FROM families WHERE id = $1 FOR UPDATE', [family.id]);
    const row = locked.rows[0];
    if (!row || row.opt_out_all) return { sent: 0, capped: 0 };
    const items = due.filter((i) => !row.opt_out_types.includes(i.type));
    if (items.length === 0) return { sent: 0, capped: 0 };

    const recent = await q.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reminders_sent WHERE family_id = $1 AND sent_at > $2::timestamptz - make_interval(days => $3)`,
      [family.id, now, p.windowDays],
    );
    let count = recent.rows[0]?.n ?? 0;
    const prior = await q.query<{ item_key: string }>('SELECT item_key FROM reminders_sent WHERE family_id = $1 AND item_key = ANY($2::text[])', [family.id, items.map((i) => i.key)]);
    const already = new Set(prior.rows.map((r) => r.item_key));

    let sent = 0;
    let capped = 0;
    for (const item of items) {
      if (already.has(item.key)) continue;
      if (count >= p.maxPerWindow) {
        capped++;
        continue;
      }
      const ins = await q.query<{ id: string }>(
        `INSERT INTO reminders_sent (tenant_id, family_id, subject_id, item_key, item_type, item_date, child_id, sent_at)
         VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8)
         ON CONFLICT (family_id, item_key) DO NOTHING RETURNING id`,
        [family.tenantId, family.id, family.subjectId, item.key, item.type, item.date, item.childId ?? null, now],
      );
      const rid = ins.rows[0]?.id;
      if (!rid) continue;
      const ev = await enqueueEvent(q, { tenantId: family.tenantId, type, payload: reminderPayload(family, item), at: now });
      if (!ev) {
        // The tenant's webhook went away since the batch was read: nothing was sent.
        await q.query('DELETE FROM reminders_sent WHERE id = $1', [rid]);
        break;
      }
      await q.query('UPDATE reminders_sent SET event_id = $2 WHERE id = $1', [rid, ev.id]);
      count++;
      sent++;
    }
    return { sent, capped };
  });
}

/**
 * One pass over every family whose tenant has a webhook: queues the reminders due at
 * `now`. Safe to run from several processes at once (per-family row locks and the
 * unique item key), and idempotent for a given `now`.
 */
export async function computeDueReminders(opts: ReminderRunOptions): Promise<ReminderReport> {
  const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, ...opts.policy };
  const type = reminderEventType();
  const batch = opts.batchSize ?? 200;
  const report: ReminderReport = { families: 0, sent: 0, capped: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await opts.db.query<FamilyRow>(
      `SELECT f.id, f.tenant_id, f.subject_id, f.locale, f.market, f.due_date::text AS due_date, f.opt_out_all, f.opt_out_types,
              f.consent_purpose, f.consent_version, f.consent_granted_at, f.created_at, f.updated_at
         FROM families f JOIN tenants t ON t.id = f.tenant_id
        WHERE f.id > $1 AND NOT f.opt_out_all AND coalesce(t.settings->>'webhookUrl', '') <> ''
        ORDER BY f.id LIMIT $2`,
      [after, batch],
    );
    if (rows.rows.length === 0) break;
    after = rows.rows[rows.rows.length - 1]!.id;
    for (const family of await hydrateFamilies(opts.db, rows.rows)) {
      report.families++;
      const due = dueReminderItems(family, marketToday(opts.now, family.market), policy);
      if (due.length === 0) continue;
      const r = await sendForFamily(opts.db, family, due, opts.now, policy, type);
      report.sent += r.sent;
      report.capped += r.capped;
    }
    if (rows.rows.length < batch) break;
  }
  return report;
}

export interface ReminderJobDeps {
  db: Db;
  clock: () => Date;
  log?: { info?(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

/**
 * Runs computeDueReminders once at start and then every `intervalMs` (hourly by
 * default: items are due by the day, so more often gains nothing). Runs never overlap
 * within one job. The returned stop function resolves once a run in progress ends.
 */
export function startReminderJob(deps: ReminderJobDeps, intervalMs = 3_600_000, policy?: Partial<ReminderPolicy>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = computeDueReminders({ db: deps.db, now: deps.clock(), policy })
      .then((r) => {
        if (r.sent || r.capped) deps.log?.info?.({ ...r }, 'reminders queued');
      })
      .catch((err: unknown) => deps.log?.warn({ err: err instanceof Error ? err.message : String(err) }, 'reminder run failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  // Node: do not keep the process alive for this timer alone (no-op elsewhere).
  (timer as unknown as { unref?: () => void }).unref?.();
  tick();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
