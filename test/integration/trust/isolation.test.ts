import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import type { Db } from '../../../src/db/db.js';
import { seedDemoClinic } from '../../../src/domain/booking/index.js';

/**
 * Every resource endpoint, called with another tenant's key on our resources: 404, and
 * nothing of ours in the answer.
 */
let db: Db;
let t: TestApp;
let ours: Record<string, string> = {};
let theirKey = '';

beforeAll(async () => {
  db = await createTestDb();
  t = await createTestApp(db);
  await seedDemoClinic(db, { tenantId: t.tenantId, now: new Date() });
  const key = await t.key(['chat', 'booking', 'content', 'insights']);
  const turn = (await (await t.request('/v1/chat', { method: 'POST', key, json: { message: 'toddler sleep tips', locale: 'en' } })).json()) as { conversationId: string; messageId: string };
  const clinicians = (await (await t.request('/v1/clinicians', { key })).json()) as { clinicians: { id: string }[] };
  const clinicianId = clinicians.clinicians[0]!.id;
  const from = new Date(Date.now() + 86400_000).toISOString();
  const to = new Date(Date.now() + 8 * 86400_000).toISOString();
  const slots = (await (await t.request(`/v1/clinicians/${clinicianId}/slots?from=${from}&to=${to}`, { key })).json()) as { slots: { id: string; available: boolean }[] };
  const booking = (await (await t.request('/v1/bookings', { method: 'POST', key, json: { slotId: slots.slots.find((s) => s.available)!.id, contact: { name: 'Ours', email: 'ours@example.com' } } })).json()) as { id: string };
  const family = (await (
    await t.request('/v1/families', { method: 'POST', key, json: { subjectId: 'iso-1', locale: 'en', market: 'US', consent: { purpose: 'profile_and_reminders', version: '1', granted: true }, children: [{ birthDate: '2025-01-01' }] } })
  ).json()) as { id: string };
  const draft = (await (
    await t.request('/v1/content/drafts', { method: 'POST', key, json: { channel: 'en_social_post', productType: 'general', product: { name: 'Soft Swaddle', facts: ['Made of cotton muslin'] } } })
  ).json()) as { id: string };
  ours = { conversation: turn.conversationId, message: turn.messageId, clinician: clinicianId, booking: booking.id, family: family.id, draft: draft.id };
  const other = await t.otherTenant();
  theirKey = other.adminKey;
});
afterAll(async () => db?.close());

describe('tenant isolation', () => {
  it('answers 404 on every resource endpoint and leaks nothing', async () => {
    const from = new Date(Date.now() + 86400_000).toISOString();
    const to = new Date(Date.now() + 8 * 86400_000).toISOString();
    const calls: [string, string, unknown?][] = [
      ['GET', `/v1/conversations/${ours.conversation}`],
      ['POST', `/v1/messages/${ours.message}/feedback`, { rating: 'down' }],
      ['POST', '/v1/chat', { message: 'and at night?', conversationId: ours.conversation }],
      ['GET', `/v1/clinicians/${ours.clinician}/slots?from=${from}&to=${to}`],
      ['GET', `/v1/bookings/${ours.booking}`],
      ['POST', `/v1/bookings/${ours.booking}/confirm`],
      ['POST', `/v1/bookings/${ours.booking}/cancel`],
      ['GET', `/v1/clinician-view/bookings/${ours.booking}`],
      ['GET', `/v1/families/${ours.family}`],
      ['PATCH', `/v1/families/${ours.family}`, { locale: 'zh-CN' }],
      ['GET', `/v1/families/${ours.family}/timeline`],
      ['GET', `/v1/content/drafts/${ours.draft}`],
      ['PATCH', `/v1/content/drafts/${ours.draft}`, { body: 'changed by someone else' }],
      ['POST', `/v1/content/drafts/${ours.draft}/publish`],
      ['GET', `/v1/content/drafts/${ours.draft}/export?format=json`],
    ];
    for (const [method, path, json] of calls) {
      const res = await t.request(path, { method, key: theirKey, json });
      const text = await res.text();
      expect(res.status, `${method} ${path}`).toBe(404);
      for (const id of Object.values(ours)) expect(text).not.toContain(id);
      expect(text).not.toContain('Ours');
    }
    // and nothing changed: the booking is still held, the family still English
    const booking = (await (await t.request(`/v1/bookings/${ours.booking}`)).json()) as { status: string };
    expect(booking.status).toBe('held');
    const family = (await (await t.request(`/v1/families/${ours.family}`)).json()) as { locale: string };
    expect(family.locale).toBe('en');
  });

  it('lists none of our resources to another tenant', async () => {
    const clinicians = (await (await t.request('/v1/clinicians', { key: theirKey })).json()) as { clinicians: { id: string }[] };
    expect(clinicians.clinicians.map((c) => c.id)).not.toContain(ours.clinician);
    const drafts = (await (await t.request('/v1/content/drafts', { key: theirKey })).json()) as { drafts: { id: string }[] };
    expect(drafts.drafts.map((d) => d.id)).not.toContain(ours.draft);
    const exported = await (await t.request('/v1/subjects/iso-1/export', { key: theirKey })).text();
    expect(exported).not.toContain(ours.family);
    const audit = await (await t.request('/v1/admin/audit', { key: theirKey })).text();
    expect(audit).not.toContain(ours.booking);
  });
});
