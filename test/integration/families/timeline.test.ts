import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, backend } from '../../support/db.js';
import type { Db } from '../../../src/db/db.js';
import { CONSENT, createFamilyTestApp, expectProblem, TestClock } from './support.js';
import type { FamilyTestApp } from './support.js';

let db: Db;
let t: FamilyTestApp;
const clock = new TestClock(Date.parse('2026-01-20T04:00:00Z'));

beforeAll(async () => {
  db = await createTestDb();
  t = await createFamilyTestApp(db, clock);
});
afterAll(async () => {
  await db?.close();
});

type Item = { date: string; type: string; childId?: string; title: string; detail?: string; sources: { publisher: string; url: string }[]; docIds: string[] };
type Timeline = { from: string; to: string; locale: string; market: string; items: Item[]; notes: string[] };

async function family(json: Record<string, unknown>): Promise<{ id: string; children: { id: string }[] }> {
  const res = await t.request('/v1/families', { method: 'POST', key: t.chatKey, json: { consent: CONSENT, ...json } });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; children: { id: string }[] };
}

async function timeline(id: string, query = ''): Promise<Timeline> {
  const res = await t.request(`/v1/families/${id}/timeline${query}`, { key: t.chatKey });
  if (res.status !== 200) throw new Error(`timeline failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Timeline;
}

describe(`family timeline on ${backend}`, () => {
  it("gives a CN child exactly the national schedule's vaccines and health checks for its first year", async () => {
    clock.set('2026-01-20T04:00:00Z');
    const fam = await family({ subjectId: 'cn-parent', locale: 'zh-CN', market: 'CN', children: [{ birthDate: '2026-01-15' }] });
    const tl = await timeline(fam.id, '?from=2026-01-15&to=2027-01-14');
    const got = tl.items.filter((i) => i.type !== 'milestone').map((i) => [i.date, i.type, i.title]);
    // Written out by hand from 国家免疫规划疫苗儿童免疫程序（2021年版, 百白破 as adjusted from 2025）
    // and the 0～6岁儿童健康管理服务规范, for a child born on 15 January 2026.
    expect(got).toEqual([
      ['2026-01-15', 'vaccine', '出生时疫苗接种：乙肝疫苗、卡介苗'],
      ['2026-01-22', 'checkup', '新生儿家庭访视'],
      ['2026-02-12', 'checkup', '满月健康检查'],
      ['2026-02-15', 'vaccine', '1月龄疫苗接种：乙肝疫苗'],
      ['2026-03-15', 'vaccine', '2月龄疫苗接种：脊灰灭活疫苗、百白破疫苗'],
      ['2026-04-15', 'vaccine', '3月龄疫苗接种：脊灰灭活疫苗'],
      ['2026-04-15', 'checkup', '3月龄儿童健康检查'],
      ['2026-05-15', 'vaccine', '4月龄疫苗接种：脊灰减毒活疫苗（口服）、百白破疫苗'],
      ['2026-07-15', 'vaccine', '6月龄疫苗接种：乙肝疫苗、百白破疫苗、A群流脑多糖疫苗'],
      ['2026-07-15', 'checkup', '6月龄儿童健康检查'],
      ['2026-09-15', 'vaccine', '8月龄疫苗接种：麻腮风疫苗、乙脑减毒活疫苗'],
      ['2026-09-15', 'checkup', '8月龄儿童健康检查'],
      ['2026-10-15', 'vaccine', '9月龄疫苗接种：A群流脑多糖疫苗'],
    ]);
    const detail6m = tl.items.find((i) => i.date === '2026-07-15' && i.type === 'vaccine')!.detail!;
    expect(detail6m).toContain('乙肝疫苗第3剂');
    expect(detail6m).toContain('百白破疫苗第3剂');
    expect(tl.items.filter((i) => i.type === 'milestone').map((i) => i.date)).toEqual(['2026-03-15', '2026-05-15', '2026-07-15', '2026-10-15']);
    for (const i of tl.items) {
      expect(i.childId).toBe(fam.children[0]!.id);
      expect(i.sources.length).toBeGreaterThan(0);
    }
    expect(tl.items.find((i) => i.type === 'vaccine')!.sources[0]!.publisher).toBe('国家卫生健康委员会');
  });

  it("gives a US child the CDC/AAP vaccines and well-child visits for its first year", async () => {
    clock.set('2026-11-22T17:00:00Z');
    const fam = await family({ subjectId: 'us-parent', locale: 'en', market: 'US', children: [{ birthDate: '2026-03-10' }] });
    const tl = await timeline(fam.id, '?from=2026-03-10&to=2027-03-09');
    const got = tl.items.filter((i) => i.type !== 'milestone').map((i) => [i.date, i.type, i.title]);
    expect(got).toEqual([
      ['2026-03-10', 'vaccine', 'Vaccines at birth: hepatitis B (HepB)'],
      ['2026-03-13', 'checkup', 'First well-baby visit (3–5 days)'],
      ['2026-04-10', 'vaccine', 'Vaccines at 1 month: hepatitis B (HepB)'],
      ['2026-04-10', 'checkup', '1-month well-child visit'],
      ['2026-05-10', 'vaccine', 'Vaccines at 2 months: DTaP, Hib, pneumococcal (PCV), polio (IPV), rotavirus (RV, by mouth)'],
      ['2026-05-10', 'checkup', '2-month well-child visit'],
      ['2026-07-10', 'vaccine', 'Vaccines at 4 months: DTaP, Hib, pneumococcal (PCV), polio (IPV), rotavirus (RV, by mouth)'],
      ['2026-07-10', 'checkup', '4-month well-child visit'],
      ['2026-09-10', 'vaccine', 'Vaccines at 6 months: DTaP, pneumococcal (PCV), Hib, rotavirus (RV, by mouth), hepatitis B (HepB), polio (IPV)'],
      ['2026-09-10', 'checkup', '6-month well-child visit'],
      ['2026-12-10', 'checkup', '9-month well-child visit'],
    ]);
    expect(tl.items.find((i) => i.date === '2026-09-10' && i.type === 'vaccine')!.detail).toContain('hepatitis B (HepB): dose 3 (6–18 months)');
    expect(tl.notes.join(' ')).toMatch(/American Academy of Pediatrics/);
  });

  it('puts each pregnancy week on its first day: dueDate − (40 − N) × 7', async () => {
    // due 2027-03-01: week 20 starts 140 days earlier, on 2026-10-12
    clock.set('2026-09-01T12:00:00Z');
    const fam = await family({ subjectId: 'preg-parent', locale: 'en', market: 'UK', pregnancy: { dueDate: '2027-03-01' } });
    const [before, on, after] = (await Promise.all(['2026-10-11', '2026-10-12', '2026-10-13'].map((d) => timeline(fam.id, `?from=${d}&to=${d}`)))) as [Timeline, Timeline, Timeline];
    expect(before.items).toEqual([]);
    expect(on.items.map((i) => [i.date, i.type, i.title])).toEqual([['2026-10-12', 'tip', 'Week 20 of pregnancy']]);
    expect(on.items[0]!.childId).toBeUndefined();
    expect(on.items[0]!.docIds).toContain('en-pregnancy-screening-anatomy-scan');
    expect(after.items).toEqual([]);
    const span = await timeline(fam.id, '?from=2026-10-05&to=2026-10-18');
    expect(span.items.map((i) => i.title)).toEqual(['Week 19 of pregnancy', 'Week 20 of pregnancy']);

    // and the profile's current week agrees at the same boundaries (clock in London)
    const week = async (iso: string) => {
      clock.set(iso);
      const res = await t.request(`/v1/families/${fam.id}`, { key: t.chatKey });
      return ((await res.json()) as { pregnancy: { week: number } }).pregnancy.week;
    };
    expect(await week('2026-10-11T12:00:00Z')).toBe(19);
    expect(await week('2026-10-12T12:00:00Z')).toBe(20);
    expect(await week('2026-10-13T12:00:00Z')).toBe(20);
  });

  it('defaults to today and the next 8 weeks, in the family locale, using the app clock', async () => {
    clock.set('2026-11-22T04:00:00Z');
    const fam = await family({ subjectId: 'default-range', locale: 'zh-CN', market: 'CN', pregnancy: { dueDate: '2027-03-01' }, children: [{ birthDate: '2026-01-15' }] });
    const tl = await timeline(fam.id);
    expect([tl.from, tl.to, tl.locale, tl.market]).toEqual(['2026-11-22', '2027-01-17', 'zh-CN', 'CN']);
    const dates = tl.items.map((i) => i.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2026-11-22' && d <= '2027-01-17')).toBe(true);
    expect(tl.items.filter((i) => i.type === 'tip').map((i) => i.title)).toEqual(['孕26周', '孕27周', '孕28周', '孕29周', '孕30周', '孕31周', '孕32周', '孕33周']);
    expect(tl.items.filter((i) => i.childId).map((i) => [i.date, i.type])).toEqual([
      ['2027-01-15', 'checkup'],
      ['2027-01-15', 'milestone'],
    ]);
    const en = await timeline(fam.id, '?locale=en');
    expect(en.items.find((i) => i.type === 'tip')!.title).toBe('Week 26 of pregnancy');
  });

  it('lists no vaccine schedule for EU families and says why', async () => {
    clock.set('2026-11-22T12:00:00Z');
    const fam = await family({ subjectId: 'eu-parent', locale: 'en', market: 'EU', children: [{ birthDate: '2026-01-15' }] });
    const tl = await timeline(fam.id, '?from=2026-01-15&to=2027-01-14');
    expect(tl.items.map((i) => i.type)).toEqual(['milestone', 'milestone', 'milestone', 'milestone']);
    expect(tl.notes[0]).toMatch(/differ between EU countries/);
  });

  it('refuses bad ranges with 400', async () => {
    clock.set('2026-11-22T12:00:00Z');
    const fam = await family({ subjectId: 'bad-range', children: [{ birthDate: '2026-01-15' }] });
    for (const q of ['?from=2026-02-30', '?from=2026-01-01&to=2025-12-31', '?from=2026-01-01&to=2027-01-03', '?to=yesterday', '?locale=fr']) {
      const body = await expectProblem(await t.request(`/v1/families/${fam.id}/timeline${q}`, { key: t.chatKey }), 400, 'validation_failed');
      expect(Array.isArray(body.errors), q).toBe(true);
    }
    // the longest allowed span, 366 days, is fine
    expect((await t.request(`/v1/families/${fam.id}/timeline?from=2027-01-01&to=2028-01-02`, { key: t.chatKey })).status).toBe(200);
  });
});
