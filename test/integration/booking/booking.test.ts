import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../support/db.js';
import type { Db } from '../../../src/db/db.js';
import { expireHolds, materialiseSlots, pruneIdempotencyKeys } from '../../../src/domain/booking/index.js';
import { count, createBookingTestApp, type BookingTestApp, createClinicianWithRules, expectProblem, slotsOf, TestClock } from './support.js';

let db: Db;
let t: BookingTestApp;
const clock = new TestClock(Date.parse('2026-12-07T00:00:00Z')); // a Monday
const weekdays = (start: string, end: string, slotMinutes = 30) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, slotMinutes }));

beforeAll(async () => {
  db = await createTestDb();
  t = await createBookingTestApp(db, clock);
});
afterAll(async () => {
  await db?.close();
});

const contact = { name: 'Li Na', phone: '+86 138 0013 8000' };

async function book(slotId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}, key?: string) {
  return t.request('/v1/bookings', { method: 'POST', json: { slotId, contact, ...extra }, headers, key });
}

async function freshClinician(rules = weekdays('09:00', '12:00'), timezone = 'UTC') {
  return createClinicianWithRules(t, { timezone, rules });
}

describe(`exactly once on ${backend}`, () => {
  it('gives one of 40 concurrent requests for a slot a 201 and the other 39 a 409 slot_taken', async () => {
    const { clinicianId } = await freshClinician();
    const slots = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    expect(slots).toHaveLength(6);
    const slot = slots[0]!;
    expect(slot.available).toBe(true);
    const contactsBefore = await count(db, 'contacts');

    const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => book(slot.id, { contact: { name: `Parent ${i}` } })));
    const statuses = responses.map((r) => r.status);
    const created = responses.filter((r) => r.status === 201);
    const conflicts = responses.filter((r) => r.status === 409);
    expect(created).toHaveLength(1);
    expect(conflicts).toHaveLength(39);
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    for (const r of conflicts) await expectProblem(r, 409, 'slot_taken');
    const won = (await created[0]!.json()) as { status: string; slot: { id: string }; expiresAt: string };
    expect(won.status).toBe('held');
    expect(won.slot.id).toBe(slot.id);
    expect(won.expiresAt).toBe('2026-12-07T00:10:00.000Z');

    const rows = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE slot_id = $1", [slot.id]);
    expect(rows.rows[0]!.n).toBe(1);
    // the 39 losers wrote nothing, not even their contact
    expect(await count(db, 'contacts')).toBe(contactsBefore + 1);
    const after = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    expect(after.find((s) => s.id === slot.id)!.available).toBe(false);
    expect(after.filter((s) => s.available)).toHaveLength(5);
    console.info(`[race ${backend}] 201 × ${created.length}, 409 × ${conflicts.length}`);
  });

  it('has the database itself refuse a second active booking of a slot', async () => {
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const insert = `INSERT INTO bookings (tenant_id, slot_id, clinician_id, status, expires_at, created_at)
                    VALUES ($1, $2, $3, $4, now() + interval '10 minutes', now())`;
    await db.query(insert, [t.tenantId, slot!.id, clinicianId, 'held']);
    await expect(db.query(insert, [t.tenantId, slot!.id, clinicianId, 'confirmed'])).rejects.toMatchObject({ code: '23505' });
    // inactive bookings do not count
    await db.query(insert, [t.tenantId, slot!.id, clinicianId, 'cancelled']);
    await db.query(insert, [t.tenantId, slot!.id, clinicianId, 'expired']);
  });
});

describe('Idempotency-Key', () => {
  it('answers a retry with the original status and body, and books once', async () => {
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const key = `idem-${crypto.randomUUID()}`;
    const first = await book(slot!.id, { reason: 'feeding question' }, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const firstText = await first.text();
    clock.advance(60_000);
    const retry = await book(slot!.id, { reason: 'feeding question' }, { 'idempotency-key': key });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.text()).toBe(firstText);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE slot_id = $1', [slot!.id]);
    expect(rows.rows[0]!.n).toBe(1);

    // same key, another body: refused, nothing written
    const before = await count(db, 'bookings');
    const other = await book(slot!.id, { reason: 'something else' }, { 'idempotency-key': key });
    await expectProblem(other, 422, 'idempotency_key_reused');
    expect(await count(db, 'bookings')).toBe(before);
    clock.set('2026-12-07T00:00:00Z');
  });

  it('books once when retries with one key arrive together', async () => {
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const key = `idem-${crypto.randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 8 }, () => book(slot!.id, {}, { 'idempotency-key': key })));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    expect(bodies.size).toBe(1);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bookings WHERE slot_id = $1', [slot!.id]);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('does not remember a failed request: the key is free for a retry', async () => {
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const key = `idem-${crypto.randomUUID()}`;
    await expectProblem(await book(slot!.id, { contact: { name: 'A', email: 'not-an-email' } }, { 'idempotency-key': key }), 400, 'validation_failed');
    const res = await book(slot!.id, { contact: { name: 'A', email: 'a@example.com' } }, { 'idempotency-key': key });
    expect(res.status).toBe(201);
    // stored answers can be pruned by a retention job
    expect(await pruneIdempotencyKeys(db, new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
    expect((await db.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).rowCount).toBe(0);
  });
});

describe('holds', () => {
  it('lapse after 10 minutes: the slot is free again and confirming the old hold is refused', async () => {
    clock.set('2026-12-07T00:00:00Z');
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const first = (await (await book(slot!.id)).json()) as { id: string };

    clock.advance(9 * 60_000 + 59_000);
    await expectProblem(await book(slot!.id), 409, 'slot_taken');
    expect((await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z'))[0]!.available).toBe(false);

    clock.advance(1_000); // exactly 10 minutes
    expect((await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z'))[0]!.available).toBe(true);
    const second = await book(slot!.id);
    expect(second.status).toBe(201);

    await expectProblem(await t.request(`/v1/bookings/${first.id}/confirm`, { method: 'POST' }), 409, 'hold_expired');
    const got = (await (await t.request(`/v1/bookings/${first.id}`)).json()) as { status: string };
    expect(got.status).toBe('expired');

    const secondBody = (await second.json()) as { id: string };
    const confirmed = await t.request(`/v1/bookings/${secondBody.id}/confirm`, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { status: string; confirmedAt: string }).status).toBe('confirmed');
    // a confirmed booking does not lapse
    clock.advance(60 * 60_000);
    expect(((await (await t.request(`/v1/bookings/${secondBody.id}`)).json()) as { status: string }).status).toBe('confirmed');
    expect((await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z'))[0]!.available).toBe(false);
    clock.set('2026-12-07T00:00:00Z');
  });

  it('are swept to expired by expireHolds', async () => {
    clock.set('2026-12-07T00:00:00Z');
    const { clinicianId } = await freshClinician();
    const slots = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const a = (await (await book(slots[0]!.id)).json()) as { id: string };
    const b = (await (await book(slots[1]!.id)).json()) as { id: string };
    await t.request(`/v1/bookings/${b.id}/confirm`, { method: 'POST' });
    const statuses = async () =>
      Object.fromEntries((await db.query<{ id: string; status: string }>('SELECT id, status FROM bookings WHERE id = ANY($1::uuid[])', [[a.id, b.id]])).rows.map((r) => [r.id, r.status]));
    await expireHolds(db, new Date('2026-12-07T00:09:59Z'));
    expect(await statuses()).toEqual({ [a.id]: 'held', [b.id]: 'confirmed' });
    expect(await expireHolds(db, new Date('2026-12-07T00:10:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await statuses()).toEqual({ [a.id]: 'expired', [b.id]: 'confirmed' });
    expect(await expireHolds(db, new Date('2026-12-07T00:10:00Z'))).toBe(0);
  });

  it('cancelled bookings free the slot; cancelling twice is harmless; a cancelled booking cannot be confirmed', async () => {
    clock.set('2026-12-07T00:00:00Z');
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const b = (await (await book(slot!.id)).json()) as { id: string };
    await t.request(`/v1/bookings/${b.id}/confirm`, { method: 'POST' });
    const cancelled = await t.request(`/v1/bookings/${b.id}/cancel`, { method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(((await cancelled.json()) as { status: string }).status).toBe('cancelled');
    expect((await t.request(`/v1/bookings/${b.id}/cancel`, { method: 'POST' })).status).toBe(200);
    await expectProblem(await t.request(`/v1/bookings/${b.id}/confirm`, { method: 'POST' }), 409, 'booking_not_active');
    expect((await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z'))[0]!.available).toBe(true);
    expect((await book(slot!.id)).status).toBe(201);
  });

  it('completes a confirmed appointment once it has started (admin)', async () => {
    clock.set('2026-12-07T00:00:00Z');
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const b = (await (await book(slot!.id)).json()) as { id: string };
    await t.request(`/v1/bookings/${b.id}/confirm`, { method: 'POST' });
    await expectProblem(await t.request(`/v1/admin/bookings/${b.id}/complete`, { method: 'POST' }), 409, 'appointment_not_started');
    clock.set(slot!.start);
    const done = await t.request(`/v1/admin/bookings/${b.id}/complete`, { method: 'POST' });
    expect(((await done.json()) as { status: string }).status).toBe('completed');
    await expectProblem(await t.request(`/v1/bookings/${b.id}/cancel`, { method: 'POST' }), 409, 'booking_not_active');
    clock.set('2026-12-07T00:00:00Z');
  });
});

describe('time zones', () => {
  it('materialises a 09:00 America/New_York rule at 13:00Z before 1 Nov 2026 and 14:00Z after, and the reverse around 8 Mar 2026', async () => {
    clock.set('2026-01-01T00:00:00Z');
    const every = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '09:30', slotMinutes: 30 }));
    const { clinicianId } = await freshClinician(every, 'America/New_York');
    const inserted = await materialiseSlots(db, { tenantId: t.tenantId, clinicianId, from: new Date('2026-10-30T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z') });
    expect(inserted).toBe(5);
    const rows = await db.query<{ start_at: Date; end_at: Date }>('SELECT start_at, end_at FROM slots WHERE clinician_id = $1 ORDER BY start_at', [clinicianId]);
    expect(rows.rows.map((r) => new Date(r.start_at).toISOString())).toEqual([
      '2026-10-30T13:00:00.000Z',
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z', // the change happened at 06:00Z that morning
      '2026-11-02T14:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
    ]);
    expect(rows.rows.every((r) => new Date(r.end_at).getTime() - new Date(r.start_at).getTime() === 30 * 60_000)).toBe(true);
    // materialising again adds nothing
    expect(await materialiseSlots(db, { tenantId: t.tenantId, clinicianId, from: new Date('2026-10-30T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z') })).toBe(0);

    // and lazily through the API, with dates read on the clinician's calendar
    const march = await slotsOf(t, clinicianId, '2026-03-06', '2026-03-09');
    expect(march.map((s) => s.start)).toEqual(['2026-03-06T14:00:00.000Z', '2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
    clock.set('2026-12-07T00:00:00Z');
  });
});

describe('handoff from a chat', () => {
  it('shows triage and summary to the clinician only with consent, and records the consent', async () => {
    const { clinicianId } = await freshClinician();
    const slots = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const triage = { level: 'urgent', reasons: [{ code: 'fever_under_3m', label: 'Fever in a baby under 3 months' }] };
    const withConsent = (await (
      await book(slots[0]!.id, { conversationId: 'conv_123', triage, summary: 'Baby 8 weeks, 38.4 °C since this morning, feeding less.', consent: { shareSummary: true } })
    ).json()) as { id: string; conversationId: string; consent: { shareSummary: boolean; version: string; grantedAt: string } };
    expect(withConsent.conversationId).toBe('conv_123');
    expect(withConsent.consent).toEqual({ shareSummary: true, version: '2026-01', grantedAt: '2026-12-07T00:00:00.000Z' });
    const view = await t.request(`/v1/clinician-view/bookings/${withConsent.id}`);
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ shared: true, triage, summary: 'Baby 8 weeks, 38.4 °C since this morning, feeding less.', conversationId: 'conv_123' });
    const consent = await db.query<{ purpose: string; version: string; granted_at: Date; subject_id: string }>('SELECT * FROM consents WHERE booking_id = $1', [withConsent.id]);
    expect(consent.rows).toHaveLength(1);
    expect(consent.rows[0]).toMatchObject({ purpose: 'share_conversation_summary', version: '2026-01' });
    expect(new Date(consent.rows[0]!.granted_at).toISOString()).toBe('2026-12-07T00:00:00.000Z');

    const without = (await (await book(slots[1]!.id, { conversationId: 'conv_456', triage, summary: 'should never be stored' })).json()) as { id: string };
    const hidden = (await (await t.request(`/v1/clinician-view/bookings/${without.id}`)).json()) as Record<string, unknown>;
    expect(hidden).toMatchObject({ shared: false, triage: null, summary: null, conversationId: 'conv_456' });
    const row = await db.query<{ summary: string | null }>('SELECT summary FROM bookings WHERE id = $1', [without.id]);
    expect(row.rows[0]!.summary).toBeNull();
    expect((await db.query('SELECT 1 FROM consents WHERE booking_id = $1', [without.id])).rowCount).toBe(0);
    // the ordinary booking view never carries the summary
    expect(await (await t.request(`/v1/bookings/${withConsent.id}`)).text()).not.toContain('38.4');
  });

  it('opens the clinician view to secret keys with the booking scope, not to widget keys', async () => {
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const b = (await (await book(slot!.id)).json()) as { id: string };
    const bookingKey = await t.key(['booking']);
    expect((await t.request(`/v1/clinician-view/bookings/${b.id}`, { key: bookingKey })).status).toBe(200);
    await expectProblem(await t.request(`/v1/clinician-view/bookings/${b.id}`, { key: await t.key(['chat']) }), 403, 'insufficient_scope');
    const pk = (await (await t.request('/v1/admin/keys', { method: 'POST', json: { kind: 'publishable', scopes: ['booking'], allowedOrigins: ['https://shop.example.com'] } })).json()) as { secret: string };
    const origin = { origin: 'https://shop.example.com' };
    expect((await t.request(`/v1/bookings/${b.id}`, { key: pk.secret, headers: origin })).status).toBe(200);
    await expectProblem(await t.request(`/v1/clinician-view/bookings/${b.id}`, { key: pk.secret, headers: origin }), 403, 'secret_key_required');
  });
});

describe('clinicians', () => {
  it('filters by specialty and by language (locale)', async () => {
    const { clinicId } = await createClinicianWithRules(t, { timezone: 'Asia/Shanghai', rules: [], specialty: 'lactation', languages: ['zh-CN'], name: '陈' });
    const en = await t.request('/v1/admin/clinicians', {
      method: 'POST',
      json: { clinicId, name: '周', displayNames: { en: 'Zhou' }, specialty: 'lactation', languages: ['zh-CN', 'en-GB'] },
    });
    expect(en.status).toBe(201);
    const all = (await (await t.request('/v1/clinicians?specialty=lactation')).json()) as { clinicians: { name: string; specialty: string }[] };
    expect(all.clinicians.map((c) => c.name).sort()).toEqual(['周', '陈']);
    const english = (await (await t.request('/v1/clinicians?specialty=lactation&locale=en')).json()) as { clinicians: { name: string; specialtyLabel: string; timezone: string }[] };
    expect(english.clinicians).toEqual([expect.objectContaining({ name: 'Zhou', specialtyLabel: 'Lactation consulting', timezone: 'Asia/Shanghai' })]);
    await expectProblem(await t.request('/v1/clinicians?specialty=dentistry'), 400, 'validation_failed');
  });

  it('lists and replaces weekly availability; slots of retired rules are neither listed nor bookable', async () => {
    const { clinicianId } = await freshClinician();
    const morning = await slotsOf(t, clinicianId, '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z');
    expect(morning.map((s) => s.start.slice(11, 16))).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00', '11:30']);
    const res = await t.request(`/v1/admin/clinicians/${clinicianId}/availability`, { method: 'POST', json: { rules: weekdays('14:00', '15:00', 60) } });
    expect(res.status).toBe(200);
    const got = (await (await t.request(`/v1/admin/clinicians/${clinicianId}/availability`)).json()) as { rules: { weekday: number; start: string; end: string; slotMinutes: number }[] };
    expect(got.rules).toHaveLength(5);
    expect(got.rules[0]).toMatchObject({ weekday: 1, start: '14:00', end: '15:00', slotMinutes: 60, validFrom: null, validTo: null });
    const afternoon = await slotsOf(t, clinicianId, '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z');
    expect(afternoon.map((s) => s.start.slice(11, 16))).toEqual(['14:00']);
    const before = await count(db, 'bookings');
    await expectProblem(await book(morning[0]!.id), 422, 'slot_outside_schedule');
    expect(await count(db, 'bookings')).toBe(before);
  });
});

describe('bad input: a clear 4xx and nothing written', () => {
  const tables = ['bookings', 'contacts', 'consents', 'webhook_events', 'idempotency_keys', 'clinics', 'clinicians'];
  async function snapshot() {
    return Object.fromEntries(await Promise.all(tables.map(async (tb) => [tb, await count(db, tb)] as const)));
  }

  it('refuses past, unknown and foreign slots, bad contacts and bad admin input', async () => {
    clock.set('2026-12-07T10:15:00Z');
    const { clinicianId, clinicId } = await freshClinician();
    const slots = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const past = slots.find((s) => s.start === '2026-12-07T09:00:00.000Z')!;
    const started = slots.find((s) => s.start === '2026-12-07T10:00:00.000Z')!;
    const future = slots.find((s) => s.start === '2026-12-07T11:00:00.000Z')!;
    expect([past.available, started.available, future.available]).toEqual([false, false, true]);

    const other = await t.otherTenant();
    const foreign = await createClinicianWithRules(t, { timezone: 'UTC', rules: weekdays('09:00', '12:00'), key: other.adminKey });
    const foreignSlots = await slotsOf(t, foreign.clinicianId, '2026-12-08T00:00:00Z', '2026-12-09T00:00:00Z', other.adminKey);

    const before = await snapshot();
    await expectProblem(await book(past.id), 422, 'slot_in_past');
    await expectProblem(await book(started.id), 422, 'slot_in_past');
    await expectProblem(await book(crypto.randomUUID()), 404, 'not_found');
    await expectProblem(await book(foreignSlots[0]!.id), 404, 'not_found');
    await expectProblem(await book('not-a-uuid'), 400, 'validation_failed');
    const badPhone = await expectProblem(await book(future.id, { contact: { name: 'Ann', phone: 'call me maybe' } }), 400, 'validation_failed');
    expect(badPhone.errors).toEqual([expect.objectContaining({ field: 'contact.phone' })]);
    const badEmail = await expectProblem(await book(future.id, { contact: { name: 'Ann', email: 'ann@' } }), 400, 'validation_failed');
    expect(badEmail.errors).toEqual([expect.objectContaining({ field: 'contact.email' })]);
    await expectProblem(await book(future.id, { contact: {} }), 400, 'validation_failed');
    await expectProblem(await book(future.id, { triage: { level: 'whenever' } }), 400, 'validation_failed');

    // another tenant's clinician is unknown here
    await expectProblem(await t.request(`/v1/clinicians/${foreign.clinicianId}/slots`), 404, 'not_found');
    await expectProblem(await t.request('/v1/admin/clinicians', { method: 'POST', json: { clinicId: foreign.clinicId, name: 'X', specialty: 'nutrition', languages: ['en'] } }), 404, 'not_found');
    // slot ranges
    await expectProblem(await t.request(`/v1/clinicians/${clinicianId}/slots?from=2026-12-01&to=2027-01-15`), 400, 'validation_failed');
    await expectProblem(await t.request(`/v1/clinicians/${clinicianId}/slots?from=2026-12-10&to=2026-12-01`), 400, 'validation_failed');
    await expectProblem(await t.request(`/v1/clinicians/${clinicianId}/slots?from=yesterday`), 400, 'validation_failed');
    // admin input
    await expectProblem(await t.request('/v1/admin/clinics', { method: 'POST', json: { name: 'X', timezone: 'Mars/Base' } }), 400, 'validation_failed');
    await expectProblem(await t.request('/v1/admin/clinicians', { method: 'POST', json: { clinicId, name: 'X', specialty: 'nutrition', languages: ['en'], timezone: 'Nowhere/City' } }), 400, 'validation_failed');
    const overlap = await expectProblem(
      await t.request(`/v1/admin/clinicians/${clinicianId}/availability`, { method: 'POST', json: { rules: [...weekdays('09:00', '12:00'), { weekday: 1, start: '11:00', end: '13:00', slotMinutes: 30 }] } }),
      400,
      'validation_failed',
    );
    expect(JSON.stringify(overlap.errors)).toContain('overlaps');
    expect(await snapshot()).toEqual(before);
    // the refused schedule change left the old one in place
    expect(((await (await t.request(`/v1/admin/clinicians/${clinicianId}/availability`)).json()) as { rules: unknown[] }).rules).toHaveLength(5);
    clock.set('2026-12-07T00:00:00Z');
  });
});

describe('tenant isolation', () => {
  it('answers 404 to another tenant for every booking resource, and lists none of ours', async () => {
    clock.set('2026-12-07T00:00:00Z');
    const { clinicianId } = await freshClinician();
    const [slot] = await slotsOf(t, clinicianId, '2026-12-07T00:00:00Z', '2026-12-08T00:00:00Z');
    const b = (await (await book(slot!.id)).json()) as { id: string };
    const other = await t.otherTenant();
    const k = other.adminKey;
    const list = (await (await t.request('/v1/clinicians', { key: k })).json()) as { clinicians: unknown[] };
    expect(list.clinicians).toEqual([]);
    for (const [method, path, json] of [
      ['GET', `/v1/clinicians/${clinicianId}/slots`],
      ['GET', `/v1/bookings/${b.id}`],
      ['POST', `/v1/bookings/${b.id}/confirm`],
      ['POST', `/v1/bookings/${b.id}/cancel`],
      ['GET', `/v1/clinician-view/bookings/${b.id}`],
      ['GET', `/v1/admin/clinicians/${clinicianId}/availability`],
      ['POST', `/v1/admin/clinicians/${clinicianId}/availability`, { rules: [] }],
      ['POST', `/v1/admin/bookings/${b.id}/complete`],
      ['POST', '/v1/bookings', { slotId: slot!.id, contact }],
    ] as [string, string, unknown?][]) {
      const res = await t.request(path, { method, key: k, ...(json ? { json } : {}) });
      const body = await expectProblem(res, 404, 'not_found');
      expect(JSON.stringify(body)).not.toContain(contact.name);
    }
    // and nothing changed for us
    const mine = (await (await t.request(`/v1/bookings/${b.id}`)).json()) as { status: string };
    expect(mine.status).toBe('held');
    expect((await t.request(`/v1/admin/clinicians/${clinicianId}/availability`)).status).toBe(200);
  });
});

