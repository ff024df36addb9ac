import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, backend } from '../../support/db.js';
import type { Db } from '../../../src/db/db.js';
import { createKey } from '../../../src/domain/keys/keys.js';
import { createFamily, eraseFamilies, exportFamilies, familyAllergies } from '../../../src/domain/families/index.js';
import { CONSENT, count, createFamilyTestApp, expectProblem, TestClock } from './support.js';
import type { FamilyTestApp } from './support.js';

let db: Db;
let t: FamilyTestApp;
// 12:00 in Beijing on 22 November 2026
const clock = new TestClock(Date.parse('2026-11-22T04:00:00Z'));

beforeAll(async () => {
  db = await createTestDb();
  t = await createFamilyTestApp(db, clock);
});
afterAll(async () => {
  await db?.close();
});

type FamilyBody = {
  id: string;
  subjectId: string;
  locale: string;
  market: string;
  pregnancy: { dueDate: string; week: number | null; stage: string | null } | null;
  children: { id: string; birthDate: string; sex: string | null; allergies: string[]; nickname?: string; stage: string | null; ageDays: number }[];
  optOut: { all: boolean; types: string[] };
  consent: { purpose: string; version: string; grantedAt: string };
};

async function post(json: unknown, key = t.chatKey) {
  return t.request('/v1/families', { method: 'POST', json, key });
}

async function created(json: Record<string, unknown>): Promise<FamilyBody> {
  const res = await post({ consent: CONSENT, ...json });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as FamilyBody;
}

/** Rows in every families table plus the consent records, to prove a refusal wrote nothing. */
async function snapshot() {
  return { families: await count(db, 'families'), children: await count(db, 'family_children'), consents: await count(db, 'consents') };
}

describe(`family profiles on ${backend}`, () => {
  it('creates a family with a pregnancy and a child, and reads it back with stages', async () => {
    clock.set('2026-11-22T04:00:00Z');
    const body = await created({ subjectId: 'user-1', locale: 'zh-CN', market: 'CN', pregnancy: { dueDate: '2027-03-01' }, children: [{ birthDate: '2024-05-20', sex: 'female', allergies: ['花生', ' 花生 ', 'egg'] }] });
    expect(body.subjectId).toBe('user-1');
    expect(body.market).toBe('CN');
    // 2027-03-01 is 99 days away: 280 − 99 = 181 days = 25 completed weeks
    expect(body.pregnancy).toEqual({ dueDate: '2027-03-01', week: 25, stage: 'pregnancy_t2' });
    expect(body.children).toHaveLength(1);
    const child = body.children[0]!;
    expect(child).toMatchObject({ birthDate: '2024-05-20', sex: 'female', allergies: ['花生', 'egg'], stage: 'toddler_1_3y' });
    // no nickname given: none stored, none shown
    expect('nickname' in child).toBe(false);
    const row = await db.query<{ nickname: string | null }>('SELECT nickname FROM family_children WHERE id = $1', [child.id]);
    expect(row.rows[0]!.nickname).toBeNull();
    expect(body.consent).toMatchObject({ purpose: 'profile_and_reminders', version: CONSENT.version });

    const got = await t.request(`/v1/families/${body.id}`, { key: t.chatKey });
    expect(got.status).toBe(200);
    expect(await got.json()).toEqual(body);
    // the consent is also on record in the shared consents table
    const consent = await db.query('SELECT 1 FROM consents WHERE tenant_id = $1 AND subject_id = $2 AND purpose = $3', [t.tenantId, 'user-1', 'profile_and_reminders']);
    expect(consent.rowCount).toBe(1);
  });

  it('stores a nickname only when one is given', async () => {
    const body = await created({ subjectId: 'user-nick', children: [{ birthDate: '2025-01-02', nickname: '  豆豆 ' }] });
    expect(body.children[0]!.nickname).toBe('豆豆');
    expect(body.locale).toBe('zh-CN');
    expect(body.market).toBe('CN');
  });

  it('refuses a profile without granted consent (422 consent_required) and writes nothing', async () => {
    const before = await snapshot();
    for (const consent of [undefined, { ...CONSENT, granted: false }, { ...CONSENT, purpose: 'marketing' }, { ...CONSENT, version: ' ' }]) {
      const res = await post({ subjectId: 'user-no-consent', children: [{ birthDate: '2025-01-02' }], ...(consent ? { consent } : {}) });
      await expectProblem(res, 422, 'consent_required');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses bad input with a problem listing the field, and writes nothing', async () => {
    const before = await snapshot();
    const cases: [unknown, string][] = [
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2025-02-30' }] }, 'children.0.birthDate'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '22/11/2025' }] }, 'children.0.birthDate'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2026-11-23' }] }, 'children.0.birthDate'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2000-01-01' }] }, 'children.0.birthDate'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2025-01-01', allergies: Array.from({ length: 11 }, (_, i) => `food ${i}`) }] }, 'children.0.allergies'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2025-01-01', allergies: ['x'.repeat(41)] }] }, 'children.0.allergies.0'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2025-01-01', name: '王小明' }] }, 'children.0'],
      [{ subjectId: 's', consent: CONSENT, children: [{ birthDate: '2025-01-01', sex: 'x' }] }, 'children.0.sex'],
      [{ subjectId: 's', consent: CONSENT, pregnancy: { dueDate: '2028-01-01' } }, 'pregnancy.dueDate'],
      [{ subjectId: 's', consent: CONSENT, pregnancy: { dueDate: '2026-10-01' } }, 'pregnancy.dueDate'],
      [{ subjectId: 's', consent: CONSENT, market: 'JP' }, 'market'],
      [{ consent: CONSENT }, 'subjectId'],
    ];
    for (const [json, field] of cases) {
      const res = await post(json);
      const body = await expectProblem(res, 400, 'validation_failed');
      const fields = (body.errors as { field: string }[]).map((e) => e.field);
      expect(fields, JSON.stringify(json)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets a publishable widget key (chat scope) create and read families from its allowed origin', async () => {
    const { secret } = await createKey(db, { tenantId: t.tenantId, kind: 'publishable', scopes: ['chat'], allowedOrigins: ['https://shop.example.com'] });
    const res = await t.request('/v1/families', { method: 'POST', key: secret, json: { subjectId: 'widget-visitor', consent: CONSENT, pregnancy: { dueDate: '2027-05-01' } }, headers: { origin: 'https://shop.example.com' } });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as FamilyBody;
    const got = await t.request(`/v1/families/${id}`, { key: secret, headers: { origin: 'https://shop.example.com' } });
    expect(got.status).toBe(200);
    const other = await t.request(`/v1/families/${id}`, { key: secret, headers: { origin: 'https://evil.example.com' } });
    await expectProblem(other, 403, 'origin_not_allowed');
  });

  it('needs the chat scope', async () => {
    const knowledgeOnly = await t.key(['knowledge']);
    await expectProblem(await post({ subjectId: 'x', consent: CONSENT }, knowledgeOnly), 403, 'insufficient_scope');
  });

  it('keeps tenants apart: another tenant gets 404 for every verb and changes nothing', async () => {
    const fam = await created({ subjectId: 'user-iso', children: [{ birthDate: '2025-06-01', allergies: ['milk'] }] });
    const other = await t.otherTenant();
    const otherChat = other.chatKey;
    await expectProblem(await t.request(`/v1/families/${fam.id}`, { key: otherChat }), 404, 'not_found');
    await expectProblem(await t.request(`/v1/families/${fam.id}/timeline`, { key: otherChat }), 404, 'not_found');
    await expectProblem(await t.request(`/v1/families/${fam.id}`, { method: 'PATCH', key: otherChat, json: { locale: 'en', optOut: { all: true } } }), 404, 'not_found');
    const after = (await (await t.request(`/v1/families/${fam.id}`, { key: t.chatKey })).json()) as FamilyBody;
    expect(after.locale).toBe('zh-CN');
    expect(after.optOut.all).toBe(false);
    expect(await familyAllergies(db, other.tenantId, fam.id)).toEqual([]);
    // unknown id and malformed id
    await expectProblem(await t.request('/v1/families/6f1c1e36-5f7e-4b43-9d55-2c0a3a9b0f11', { key: t.chatKey }), 404, 'not_found');
    await expectProblem(await t.request('/v1/families/not-a-uuid', { key: t.chatKey }), 400, 'validation_failed');
  });

  it('patches children, pregnancy, allergies, locale, market and opt-outs', async () => {
    const fam = await created({ subjectId: 'user-patch', pregnancy: { dueDate: '2026-12-01' }, children: [{ birthDate: '2023-02-01', allergies: ['peanut'] }] });
    const older = fam.children[0]!;

    // the baby arrived: clear the pregnancy, add the newborn; the toddler's allergies change
    const res = await t.request(`/v1/families/${fam.id}`, {
      method: 'PATCH',
      key: t.chatKey,
      json: {
        pregnancy: null,
        locale: 'en',
        market: 'UK',
        children: { add: [{ birthDate: '2026-11-20', sex: 'male' }], update: [{ id: older.id, allergies: ['peanut', 'sesame'], nickname: 'Bean' }] },
        optOut: { types: ['milestone'] },
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as FamilyBody;
    expect(body.pregnancy).toBeNull();
    expect(body).toMatchObject({ locale: 'en', market: 'UK', optOut: { all: false, types: ['milestone'] } });
    expect(body.children.map((c) => [c.birthDate, c.allergies, c.nickname ?? null, c.stage])).toEqual([
      ['2023-02-01', ['peanut', 'sesame'], 'Bean', 'preschool_3_6y'],
      ['2026-11-20', [], null, 'newborn'],
    ]);
    expect(await familyAllergies(db, t.tenantId, fam.id)).toEqual(['peanut', 'sesame']);

    // a sibling with an egg allergy: the family's allergies are the union
    const newborn = body.children[1]!;
    await t.request(`/v1/families/${fam.id}`, { method: 'PATCH', key: t.chatKey, json: { children: { update: [{ id: newborn.id, allergies: ['egg', 'Peanut'] }] } } });
    expect(await familyAllergies(db, t.tenantId, fam.id)).toEqual(['peanut', 'sesame', 'egg']);

    // clearing the nickname removes it; removing a child works
    const res2 = await t.request(`/v1/families/${fam.id}`, { method: 'PATCH', key: t.chatKey, json: { children: { update: [{ id: older.id, nickname: null }], remove: [newborn.id] }, optOut: { all: true } } });
    const body2 = (await res2.json()) as FamilyBody;
    expect(body2.children).toHaveLength(1);
    expect('nickname' in body2.children[0]!).toBe(false);
    expect(body2.optOut).toEqual({ all: true, types: ['milestone'] });
  });

  it('refuses a bad patch as a whole: nothing changes', async () => {
    const fam = await created({ subjectId: 'user-badpatch', children: [{ birthDate: '2025-03-03' }] });
    const before = await (await t.request(`/v1/families/${fam.id}`, { key: t.chatKey })).json();
    const bad: [unknown, string][] = [
      [{ locale: 'en', children: { update: [{ id: '6f1c1e36-5f7e-4b43-9d55-2c0a3a9b0f11', allergies: ['egg'] }] } }, 'children.update.0.id'],
      [{ locale: 'en', children: { add: [{ birthDate: '2030-01-01' }] } }, 'children.add.0.birthDate'],
      [{ locale: 'en', children: { remove: [fam.children[0]!.id], update: [{ id: fam.children[0]!.id, sex: 'female' }] } }, 'children.update.0.id'],
      [{ locale: 'en', children: { add: Array.from({ length: 10 }, () => ({ birthDate: '2024-01-01' })) } }, 'children'],
      [{ locale: 'en', optOut: { types: ['marketing'] } }, 'optOut.types.0'],
      [{ locale: 'en', pregnancy: { dueDate: '2026-13-01' } }, 'pregnancy.dueDate'],
    ];
    for (const [json, field] of bad) {
      const res = await t.request(`/v1/families/${fam.id}`, { method: 'PATCH', key: t.chatKey, json });
      const body = await expectProblem(res, 400, 'validation_failed');
      expect((body.errors as { field: string }[]).map((e) => e.field), JSON.stringify(json)).toContain(field);
    }
    expect(await (await t.request(`/v1/families/${fam.id}`, { key: t.chatKey })).json()).toEqual(before);
  });

  it('exports and erases a data subject\'s families', async () => {
    const tenantId = t.tenantId;
    await createFamily(db, tenantId, { subjectId: 'user-erase', consent: CONSENT, children: [{ birthDate: '2025-08-08', allergies: ['fish'], nickname: 'Mimi' }] }, clock.now());
    await createFamily(db, tenantId, { subjectId: 'user-keep', consent: CONSENT, children: [{ birthDate: '2025-08-08' }] }, clock.now());
    const exported = await exportFamilies(db, tenantId, 'user-erase');
    expect(exported.families).toHaveLength(1);
    expect(exported.families[0]!.children[0]).toMatchObject({ birthDate: '2025-08-08', allergies: ['fish'], nickname: 'Mimi' });
    expect(JSON.stringify(exported)).not.toContain(tenantId);

    const erased = await db.tx((q) => eraseFamilies(q, tenantId, 'user-erase'));
    expect(erased).toEqual({ families: 1, children: 1, reminders: 0 });
    expect((await exportFamilies(db, tenantId, 'user-erase')).families).toEqual([]);
    expect((await exportFamilies(db, tenantId, 'user-keep')).families).toHaveLength(1);
    const consent = await db.query<{ withdrawn_at: Date | null }>('SELECT withdrawn_at FROM consents WHERE tenant_id = $1 AND subject_id = $2', [tenantId, 'user-erase']);
    expect(consent.rows.map((r) => r.withdrawn_at !== null)).toEqual([true]);
  });
});
