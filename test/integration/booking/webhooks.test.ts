import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../support/db.js';
import type { Db } from '../../../src/db/db.js';
import { createTenant } from '../../../src/domain/keys/tenants.js';
import { deliverDue, enqueueEvent, pruneEvents, startWebhookWorker, verifySignature, type FetchLike } from '../../../src/domain/webhooks/index.js';
import { configureWebhook, createBookingTestApp, createClinicianWithRules, slotsOf, TestClock, type BookingTestApp } from './support.js';

let db: Db;
let t: BookingTestApp;
const clock = new TestClock(Date.parse('2026-12-07T00:00:00Z'));
let hook: { url: string; secret: string };

beforeAll(async () => {
  db = await createTestDb();
  t = await createBookingTestApp(db, clock);
  hook = await configureWebhook(db, t.tenantId);
});
afterAll(async () => {
  await db?.close();
});
beforeEach(async () => {
  // deliverDue serves every tenant; start each test with an empty outbox
  await db.query('DELETE FROM webhook_events');
  clock.set('2026-12-07T00:00:00Z');
});

interface Received {
  url: string;
  eventId: string;
  type: string;
  verified: boolean;
  body: { id: string; type: string; createdAt: string; tenantId: string; data: Record<string, unknown> };
  raw: string;
}

/** A webhook receiver as a fetch function: verifies each signature like a customer would. */
function receiver(secret: string, statusFor: (n: number, eventId: string) => number | Error = () => 200, delayMs = 0) {
  const received: Received[] = [];
  const fetch: FetchLike = async (url, init) => {
    const raw = String(init.body);
    const headers = new Headers(init.headers);
    const eventId = headers.get('nestwise-event-id') ?? '';
    const verified = await verifySignature(secret, headers.get('nestwise-signature'), raw, clock.now(), 300);
    received.push({ url, eventId, type: headers.get('nestwise-event-type') ?? '', verified, body: JSON.parse(raw) as Received['body'], raw });
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    const outcome = statusFor(received.length, eventId);
    if (outcome instanceof Error) throw outcome;
    return new Response('ok', { status: outcome });
  };
  return { fetch, received };
}

async function eventRow(id: string) {
  const res = await db.query<{ status: string; attempts: number; next_attempt_at: Date; last_status: number | null; last_error: string | null }>(
    'SELECT status, attempts, next_attempt_at, last_status, last_error FROM webhook_events WHERE id = $1',
    [id],
  );
  return res.rows[0]!;
}

async function enqueue(n = 1, type: 'triage.escalated' | 'booking.created' = 'triage.escalated') {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = await enqueueEvent(db, { tenantId: t.tenantId, type, payload: { n: i, level: 'emergency' }, at: clock.now() });
    ids.push(e!.id);
  }
  return ids;
}

async function waitFor(check: () => Promise<boolean>, ms = 10_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe(`webhooks on ${backend}`, () => {
  it('signs booking.created / confirmed / cancelled events and keeps personal details out of them', async () => {
    const { clinicianId } = await createClinicianWithRules(t, { timezone: 'UTC', rules: [{ weekday: 1, start: '09:00', end: '10:00', slotMinutes: 30 }] });
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const created = await t.request('/v1/bookings', {
      method: 'POST',
      json: { slotId: slot!.id, contact: { name: 'Zhang Wei', phone: '+86 139 1234 5678', email: 'zw@example.cn' }, reason: 'rash', conversationId: 'conv_9', triage: { level: 'routine', reasons: [] } },
    });
    const booking = (await created.json()) as { id: string };
    await t.request(`/v1/bookings/${booking.id}/confirm`, { method: 'POST' });
    await t.request(`/v1/bookings/${booking.id}/cancel`, { method: 'POST' });

    const r = receiver(hook.secret);
    const report = await deliverDue({ db, fetch: r.fetch, now: clock.now() });
    expect(report).toEqual({ claimed: 3, delivered: 3, retrying: 0, dead: 0 });
    expect(r.received.map((x) => x.type).sort()).toEqual(['booking.cancelled', 'booking.confirmed', 'booking.created']);
    for (const x of r.received) {
      expect(x.verified).toBe(true);
      expect(x.url).toBe(hook.url);
      expect(x.body.id).toBe(x.eventId);
      expect(x.body.type).toBe(x.type);
      expect(x.body.tenantId).toBe(t.tenantId);
      expect(x.body.data).toMatchObject({ booking: { id: booking.id, slot: { id: slot!.id }, conversationId: 'conv_9' } });
      for (const personal of ['Zhang Wei', '1234', 'zw@example.cn', 'rash']) expect(x.raw).not.toContain(personal);
      // no consent to share: no triage level either
      expect(x.raw).not.toContain('routine');
    }
    const createdEvent = r.received.find((x) => x.type === 'booking.created')!;
    expect((createdEvent.body.data.booking as { status: string }).status).toBe('held');
    // delivered events are not sent again
    expect((await deliverDue({ db, fetch: r.fetch, now: new Date(clock.t + 86_400_000) })).claimed).toBe(0);
  });

  it('retries after a receiver failure on the backoff schedule of the injected clock', async () => {
    const [id] = await enqueue();
    const r = receiver(hook.secret, (n) => (n === 1 ? 500 : 200));
    const t0 = clock.t;
    expect(await deliverDue({ db, fetch: r.fetch, now: clock.now(), random: () => 0.5 })).toEqual({ claimed: 1, delivered: 0, retrying: 1, dead: 0 });
    const row = await eventRow(id!);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_status: 500 });
    // 30 s × (1 + 0.2 × 0.5) = 33 s
    expect(new Date(row.next_attempt_at).getTime() - t0).toBe(33_000);
    expect((await deliverDue({ db, fetch: r.fetch, now: new Date(t0 + 32_999), random: () => 0.5 })).claimed).toBe(0);
    clock.set(new Date(t0 + 33_000));
    expect(await deliverDue({ db, fetch: r.fetch, now: clock.now(), random: () => 0.5 })).toEqual({ claimed: 1, delivered: 1, retrying: 0, dead: 0 });
    expect(await eventRow(id!)).toMatchObject({ status: 'delivered', attempts: 2, last_status: 200, last_error: null });
    expect(r.received.map((x) => [x.eventId, x.verified])).toEqual([
      [id, true],
      [id, true],
    ]);
    // retention: finished events can be pruned, pending ones never are
    const [pending] = await enqueue();
    expect(await pruneEvents(db, new Date(clock.t + 86_400_000))).toBe(1);
    expect((await db.query('SELECT id FROM webhook_events')).rows).toEqual([{ id: pending }]);
  });

  it('gives up after the 8th failed attempt (dead letter), doubling the wait each time', async () => {
    const [id] = await enqueue();
    // a network error first, then the receiver answers 503 for ever
    const r = receiver(hook.secret, (n) => (n === 1 ? new TypeError('fetch failed') : 503));
    let now = clock.t;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const report = await deliverDue({ db, fetch: r.fetch, now: new Date(now), random: () => 0 });
      expect(report.claimed).toBe(1);
      const row = await eventRow(id!);
      expect(row.attempts).toBe(attempt);
      if (attempt < 8) {
        expect(row.status).toBe('pending');
        const next = new Date(row.next_attempt_at).getTime();
        waits.push((next - now) / 1000);
        expect((await deliverDue({ db, fetch: r.fetch, now: new Date(next - 1) })).claimed).toBe(0);
        now = next;
      } else {
        expect(report.dead).toBe(1);
        expect(row).toMatchObject({ status: 'dead', last_status: 503, last_error: 'receiver answered 503' });
      }
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 960, 1920]);
    expect(r.received).toHaveLength(8);
    expect((await deliverDue({ db, fetch: r.fetch, now: new Date(now + 365 * 86_400_000) })).claimed).toBe(0);
  });

  it('loses nothing across a restart: a worker that died mid-delivery is taken over once its lease lapses', async () => {
    const ids = await enqueue(3);
    // worker A claims the events and then hangs (the process dies, in effect)
    let release!: () => void;
    const hung = new Promise<void>((res) => (release = res));
    const a = receiver(hook.secret);
    const hangingFetch: FetchLike = async (url, init) => {
      await a.fetch(url, init);
      await hung;
      return new Response('too late', { status: 500 });
    };
    const workerA = deliverDue({ db, fetch: hangingFetch, now: clock.now(), leaseMs: 60_000 });
    await waitFor(async () => a.received.length === 3);
    const inFlight = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_events WHERE status = 'in_flight'");
    expect(inFlight.rows[0]!.n).toBe(3);

    // a new worker over the same database: nothing to do while the lease holds…
    const b = receiver(hook.secret);
    clock.advance(59_000);
    const stopEarly = startWebhookWorker({ db, clock: clock.now, fetch: b.fetch }, 10);
    await new Promise((r) => setTimeout(r, 100));
    await stopEarly();
    expect(b.received).toHaveLength(0);
    // …and it delivers everything once the lease has lapsed
    clock.advance(1_000);
    const stop = startWebhookWorker({ db, clock: clock.now, fetch: b.fetch }, 10);
    await waitFor(async () => {
      const res = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM webhook_events WHERE status = 'delivered'");
      return res.rows[0]!.n === 3;
    });
    await stop();
    expect(b.received.map((x) => x.eventId).sort()).toEqual([...ids].sort());
    expect(b.received.every((x) => x.verified)).toBe(true);

    // the stale worker finally returns a failure: it no longer holds the claim, so nothing changes
    release();
    await workerA;
    for (const id of ids) expect(await eventRow(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('loses nothing across a restart: events that failed before a stop are delivered by the next worker', async () => {
    const ids = await enqueue(2);
    const down = receiver(hook.secret, () => 502);
    const stop1 = startWebhookWorker({ db, clock: clock.now, fetch: down.fetch }, 10, { random: () => 0 });
    await waitFor(async () => down.received.length === 2);
    await stop1();
    for (const id of ids) expect(await eventRow(id)).toMatchObject({ status: 'pending', attempts: 1 });

    const up = receiver(hook.secret);
    clock.advance(30_000);
    const stop2 = startWebhookWorker({ db, clock: clock.now, fetch: up.fetch }, 10);
    await waitFor(async () => up.received.length === 2);
    await stop2();
    for (const id of ids) expect(await eventRow(id)).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('never delivers one event twice when two deliverDue calls run at once', async () => {
    const ids = await enqueue(30);
    const r = receiver(hook.secret, () => 200, 5);
    const drain = async () => {
      const delivered: number[] = [];
      for (;;) {
        const report = await deliverDue({ db, fetch: r.fetch, now: clock.now(), limit: 7 });
        if (report.claimed === 0) return delivered;
        delivered.push(report.delivered);
      }
    };
    const [one, two] = await Promise.all([drain(), drain()]);
    const total = [...one, ...two].reduce((a, b) => a + b, 0);
    expect(total).toBe(30);
    const perEvent = new Map<string, number>();
    for (const x of r.received) perEvent.set(x.eventId, (perEvent.get(x.eventId) ?? 0) + 1);
    expect([...perEvent.keys()].sort()).toEqual([...ids].sort());
    expect([...perEvent.values()].every((n) => n === 1)).toBe(true);
    console.info(`[webhooks ${backend}] 30 events, two concurrent drains: ${one.length} + ${two.length} batches, ${r.received.length} deliveries`);
  });

  it('enqueues inside the caller transaction: a rollback leaves no event', async () => {
    await db
      .tx(async (q) => {
        await enqueueEvent(q, { tenantId: t.tenantId, type: 'triage.escalated', payload: { level: 'emergency' } });
        throw new Error('the caller fails');
      })
      .catch(() => undefined);
    expect((await db.query('SELECT 1 FROM webhook_events')).rowCount).toBe(0);
    const id = await db.tx((q) => enqueueEvent(q, { tenantId: t.tenantId, type: 'triage.escalated', payload: { level: 'emergency' } }));
    expect(id).not.toBeNull();
    // a tenant without a webhook gets nothing queued
    const bare = await createTenant(db, 'no webhook');
    expect(await enqueueEvent(db, { tenantId: bare.id, type: 'triage.escalated', payload: {} })).toBeNull();
    await expect(enqueueEvent(db, { tenantId: t.tenantId, type: 'booking.exploded' as never, payload: {} })).rejects.toThrow(/Unknown webhook event type/);
  });

  it('does not call private or loopback webhook URLs unless allowed', async () => {
    const local = await createTenant(db, 'local hook', { webhookUrl: 'http://127.0.0.1:9999/hook', webhookSecret: 'whsec_local_0123456789abcdef' });
    const e = await enqueueEvent(db, { tenantId: local.id, type: 'triage.escalated', payload: {}, at: clock.now() });
    const r = receiver('whsec_local_0123456789abcdef');
    expect(await deliverDue({ db, fetch: r.fetch, now: clock.now(), random: () => 0 })).toMatchObject({ retrying: 1 });
    expect(r.received).toHaveLength(0);
    expect((await eventRow(e!.id)).last_error).toMatch(/private or loopback/);
    clock.advance(30_000);
    expect(await deliverDue({ db, fetch: r.fetch, now: clock.now(), allowPrivateNetwork: true })).toMatchObject({ delivered: 1 });
    expect(r.received[0]!.verified).toBe(true);
  });
});
