import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../support/db.js';
import { createTestApp, type TestApp } from '../../support/app.js';
import { ingestRealKnowledge } from '../../support/kb.js';
import type { Db } from '../../../src/db/db.js';
import { purgeExpiredConversations } from '../../../src/domain/privacy/retention.js';
import { redactPersonalData } from '../../../src/domain/privacy/redact.js';
import { seedDemoClinic } from '../../../src/domain/booking/index.js';

let db: Db;
let t: TestApp;

const PHONE = '13912345678';
const ID_NUMBER = '11010519900307123X';
const NAME = '李晓红';
const EMAIL = 'xiaohong.li@example.com';

/** Every row of every table in the public schema, as text. */
async function everything(): Promise<string> {
  const tables = await db.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
  const parts: string[] = [];
  for (const { tablename } of tables.rows) {
    const rows = await db.query(`SELECT * FROM "${tablename}"`);
    parts.push(JSON.stringify(rows.rows));
  }
  return parts.join('\n');
}

beforeAll(async () => {
  db = await createTestDb();
  await ingestRealKnowledge(db);
  t = await createTestApp(db);
  await seedDemoClinic(db, { tenantId: t.tenantId, now: new Date() });
});
afterAll(async () => db?.close());

describe('redaction', () => {
  it('removes phones, e-mails, ID numbers and self-introduced names', () => {
    const r = redactPersonalData(`我叫${NAME}，手机 ${PHONE}，身份证${ID_NUMBER}，邮箱 ${EMAIL}。宝宝38.5度，6个月。`);
    for (const v of [PHONE, ID_NUMBER, NAME, EMAIL]) expect(r.text).not.toContain(v);
    expect(r.text).toContain('38.5度');
    expect(r.text).toContain('6个月');
    expect(r.found.sort()).toEqual(['email', 'id_number', 'name', 'phone']);
    expect(redactPersonalData('My name is Jane Doe, call me on (415) 555-0134').text).toBe('My name is [name], call me on [phone]');
    expect(redactPersonalData('我是新手妈妈，宝宝第一次发烧').text).toBe('我是新手妈妈，宝宝第一次发烧');
  });
});

describe('logs', () => {
  it('carry no personal data after a chat with a phone and an ID number', async () => {
    const key = await t.key(['chat']);
    const res = await t.request('/v1/chat', { method: 'POST', key, json: { message: `我叫${NAME}，电话${PHONE}，身份证${ID_NUMBER}，宝宝湿疹怎么办`, subjectId: 'subj-log' } });
    expect(res.status).toBe(200);
    for (const v of [PHONE, ID_NUMBER, NAME, key]) expect(t.logs.text).not.toContain(v);
  });
});

describe('data subjects', () => {
  it('exports, then erases everything about a subject: nothing of them is left in any table', async () => {
    const subjectId = 'subj-erase-1';
    const chatKey = await t.key(['chat', 'booking']);
    const turn = (await (
      await t.request('/v1/chat', { method: 'POST', key: chatKey, json: { message: `我是${NAME}，宝宝8个月夜醒频繁怎么办，电话${PHONE}`, subjectId, child: { birthDate: '2026-03-10' } } })
    ).json()) as { conversationId: string; messageId: string };
    await t.request(`/v1/messages/${turn.messageId}/feedback`, { method: 'POST', key: chatKey, json: { rating: 'down', comment: `please call ${PHONE}` } });
    await t.request('/v1/consents', { method: 'POST', key: chatKey, json: { subjectId, purpose: 'chat_privacy', version: '2026-11', granted: true } });
    const clinicians = (await (await t.request('/v1/clinicians?specialty=paediatrics', { key: chatKey })).json()) as { clinicians: { id: string }[] };
    const from = new Date(Date.now() + 86400_000).toISOString();
    const to = new Date(Date.now() + 8 * 86400_000).toISOString();
    const slots = (await (await t.request(`/v1/clinicians/${clinicians.clinicians[0]!.id}/slots?from=${from}&to=${to}`, { key: chatKey })).json()) as { slots: { id: string; available: boolean }[] };
    const booked = await t.request('/v1/bookings', {
      method: 'POST',
      key: chatKey,
      json: { slotId: slots.slots.find((s) => s.available)!.id, contact: { name: NAME, phone: PHONE, email: EMAIL }, subjectId, conversationId: turn.conversationId, reason: '夜醒', consent: { shareSummary: true }, summary: '8个月宝宝夜醒' },
    });
    expect(booked.status).toBe(201);

    const exported = await t.request(`/v1/subjects/${subjectId}/export`);
    expect(exported.status).toBe(200);
    const data = JSON.stringify(await exported.json());
    expect(data).toContain(turn.conversationId);
    expect(data).toContain(PHONE); // the contact the subject gave for the booking is theirs to see

    const erased = await t.request(`/v1/subjects/${subjectId}`, { method: 'DELETE' });
    expect(erased.status).toBe(200);
    const all = await everything();
    for (const v of [PHONE, NAME, EMAIL, turn.conversationId, '8个月宝宝夜醒']) expect(all).not.toContain(v);
    // the audit trail records the erasure, by subject handle only
    const auditRows = (await (await t.request('/v1/admin/audit?action=subject.erased')).json()) as { entries: { target: string }[] };
    expect(auditRows.entries.map((e) => e.target)).toContain(subjectId);
  });

  it('keeps the audit log append-only', async () => {
    await expect(db.query('UPDATE audit_log SET actor = $1', ['someone else'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });

  it('purges conversations past the tenant’s retention period', async () => {
    const key = await t.key(['chat']);
    const turn = (await (await t.request('/v1/chat', { method: 'POST', key, json: { message: 'toddler sleep tips', locale: 'en' } })).json()) as { conversationId: string };
    await db.query("UPDATE conversations SET updated_at = now() - interval '181 days' WHERE id = $1", [turn.conversationId]);
    const purged = await purgeExpiredConversations(db, new Date());
    expect(purged.find((p) => p.tenantId === t.tenantId)?.conversations).toBeGreaterThanOrEqual(1);
    expect((await db.query('SELECT 1 FROM conversations WHERE id = $1', [turn.conversationId])).rowCount).toBe(0);
  });
});

describe('abuse limits', () => {
  it('answers 429 with Retry-After once a key spends its budget', async () => {
    const res = await t.request('/v1/admin/keys', { method: 'POST', json: { kind: 'secret', scopes: ['triage'], rateLimitPerMinute: 3 } });
    const { secret } = (await res.json()) as { secret: string };
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await t.request('/v1/triage', { method: 'POST', key: secret, json: { message: 'hello' } })).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limited = await t.request('/v1/triage', { method: 'POST', key: secret, json: { message: 'hello' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sends security headers', async () => {
    const res = await t.request('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
