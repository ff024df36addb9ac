import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../support/db.js';
import type { Db } from '../../../src/db/db.js';
import { eraseSubjectBookings, exportSubjectBookings, offerSlots, seedDemoClinic } from '../../../src/domain/booking/index.js';
import { count, createBookingTestApp, expectProblem, slotsOf, TestClock, type BookingTestApp } from './support.js';

let db: Db;
let t: BookingTestApp;
const clock = new TestClock(Date.parse('2026-12-07T00:00:00Z')); // Monday, 08:00 in Shanghai

beforeAll(async () => {
  db = await createTestDb();
  t = await createBookingTestApp(db, clock);
});
afterAll(async () => {
  await db?.close();
});

describe(`demo clinic on ${backend}`, () => {
  it('is created once, however often and however concurrently it is seeded', async () => {
    const first = await seedDemoClinic(db, { tenantId: t.tenantId, now: clock.now() });
    // Mon 7 Dec 08:00 CST + 14 days: ten weekdays of 12 half-hour slots, for 5 clinicians
    expect(first.slotsCreated).toBe(5 * 10 * 12);
    const again = await Promise.all([1, 2, 3].map(() => seedDemoClinic(db, { tenantId: t.tenantId, now: clock.now() })));
    expect(again.map((r) => r.slotsCreated)).toEqual([0, 0, 0]);
    expect(again.every((r) => r.clinicId === first.clinicId)).toBe(true);
    expect(await count(db, 'clinics')).toBe(1);
    expect(await count(db, 'clinicians')).toBe(5);
    expect(await count(db, 'availability_rules')).toBe(5 * 10);
    // a plain Queryable works too (no transaction of its own)
    expect((await seedDemoClinic({ query: db.query }, { tenantId: t.tenantId, now: clock.now() })).slotsCreated).toBe(0);
    const specialties = await db.query<{ specialty: string; languages: string[]; timezone: string }>('SELECT specialty, languages, timezone FROM clinicians ORDER BY specialty');
    expect(specialties.rows.map((r) => r.specialty)).toEqual(['lactation', 'mental_health', 'nutrition', 'obstetrics', 'paediatrics']);
    expect(specialties.rows.every((r) => r.timezone === 'Asia/Shanghai' && r.languages.join() === 'zh-CN,en')).toBe(true);
  });

  it('can be booked from the widget with a publishable key', async () => {
    const created = await t.request('/v1/admin/keys', { method: 'POST', json: { kind: 'publishable', scopes: ['chat', 'triage', 'booking'], allowedOrigins: ['https://shop.example.com'] } });
    const pk = ((await created.json()) as { secret: string }).secret;
    const headers = { origin: 'https://shop.example.com' };
    const list = await t.request('/v1/clinicians?specialty=paediatrics&locale=en', { key: pk, headers });
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const { clinicians } = (await list.json()) as { clinicians: { id: string; name: string; specialtyLabel: string }[] };
    expect(clinicians).toEqual([expect.objectContaining({ name: 'Zhou Mingyuan', specialtyLabel: 'Paediatrics' })]);
    const zh = (await (await t.request('/v1/clinicians?specialty=paediatrics', { key: pk, headers })).json()) as { clinicians: { name: string; specialtyLabel: string }[] };
    expect(zh.clinicians[0]).toMatchObject({ name: '周明远', specialtyLabel: '儿科' });

    const slots = await t.request(`/v1/clinicians/${clinicians[0]!.id}/slots?from=2026-12-07&to=2026-12-07`, { key: pk, headers });
    const day = ((await slots.json()) as { slots: { id: string; start: string; available: boolean }[] }).slots;
    // 09:00–12:00 and 14:00–17:00 Beijing time = 01:00–04:00Z and 06:00–09:00Z
    expect(day.map((s) => s.start.slice(11, 16))).toEqual(['01:00', '01:30', '02:00', '02:30', '03:00', '03:30', '06:00', '06:30', '07:00', '07:30', '08:00', '08:30']);
    const booked = await t.request('/v1/bookings', { method: 'POST', key: pk, headers, json: { slotId: day[0]!.id, contact: { name: '小林', phone: '13800138000' } } });
    expect(booked.status).toBe(201);
    expect(booked.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    // a widget key from another site is refused before anything happens
    await expectProblem(await t.request('/v1/bookings', { method: 'POST', key: pk, headers: { origin: 'https://evil.example.net' }, json: { slotId: day[1]!.id, contact: { name: 'x' } } }), 403, 'origin_not_allowed');
  });

  it('offers the earliest free slots of a specialty for the advisor, today or in the coming days', async () => {
    const today = await offerSlots(db, { tenantId: t.tenantId, specialty: 'lactation', locale: 'en', within: 'today', now: clock.now() });
    expect(today.map((s) => s.start)).toEqual(['2026-12-07T01:00:00.000Z', '2026-12-07T01:30:00.000Z', '2026-12-07T02:00:00.000Z']);
    expect(today[0]!.clinician).toMatchObject({ name: 'Chen Anning', specialty: 'lactation' });
    // at 17:30 in Shanghai nothing is left today, but tomorrow morning is
    const late = new Date('2026-12-07T09:30:00Z');
    expect(await offerSlots(db, { tenantId: t.tenantId, specialty: 'lactation', locale: 'zh-CN', within: 'today', now: late })).toEqual([]);
    const soon = await offerSlots(db, { tenantId: t.tenantId, specialty: 'lactation', locale: 'zh-CN', within: 'days', now: late, limit: 1 });
    expect(soon).toEqual([expect.objectContaining({ start: '2026-12-08T01:00:00.000Z', clinician: expect.objectContaining({ name: '陈安宁' }) })]);
    // the paediatrics 09:00 slot booked in the previous test is not offered
    const paed = await offerSlots(db, { tenantId: t.tenantId, specialty: 'paediatrics', locale: 'en', within: 'today', now: clock.now(), limit: 1 });
    expect(paed[0]!.start).toBe('2026-12-07T01:30:00.000Z');
  });
});

describe('data subjects', () => {
  it('exports and erases the booking data of one person', async () => {
    const [clinician] = (await (await t.request('/v1/clinicians?specialty=nutrition')).json() as { clinicians: { id: string }[] }).clinicians;
    const slots = await slotsOf(t, clinician!.id, '2026-12-08', '2026-12-08');
    const res = await t.request('/v1/bookings', {
      method: 'POST',
      json: { slotId: slots[0]!.id, subjectId: 'subj-42', contact: { name: 'Wang Fang', email: 'wf@example.cn' }, reason: 'weaning', consent: { shareSummary: true }, summary: 'Asked about iron-rich first foods.' },
    });
    const b = (await res.json()) as { id: string; contact: { subjectId: string } };
    expect(b.contact.subjectId).toBe('subj-42');
    const exported = await exportSubjectBookings(db, t.tenantId, 'subj-42');
    expect(exported.contacts).toEqual([expect.objectContaining({ name: 'Wang Fang', email: 'wf@example.cn' })]);
    expect(exported.bookings).toEqual([expect.objectContaining({ id: b.id, reason: 'weaning', summary: 'Asked about iron-rich first foods.' })]);
    expect(exported.consents).toEqual([expect.objectContaining({ purpose: 'share_conversation_summary', bookingId: b.id })]);

    expect(await eraseSubjectBookings(db, { tenantId: t.tenantId, subjectId: 'subj-42', now: clock.now() })).toEqual({ contacts: 1, bookings: 1 });
    const after = await exportSubjectBookings(db, t.tenantId, 'subj-42');
    expect(after.contacts).toEqual([]);
    expect(after.bookings).toEqual([]);
    const view = (await (await t.request(`/v1/clinician-view/bookings/${b.id}`)).json()) as Record<string, unknown>;
    expect(view).toMatchObject({ status: 'cancelled', contact: null, reason: null, summary: null });
    // the slot is free again
    expect((await slotsOf(t, clinician!.id, '2026-12-08', '2026-12-08'))[0]!.available).toBe(true);
  });
});
