import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, backend } from '../../support/db.js';
import type { Db } from '../../../src/db/db.js';
import { listEvents } from '../../../src/domain/webhooks/index.js';
import { computeDueReminders, createFamily, startReminderJob, type CreateFamilyInput } from '../../../src/domain/families/index.js';
import { CONSENT, configureWebhook, createFamilyTestApp, TestClock, type FamilyTestApp } from './support.js';

let db: Db;
let t: FamilyTestApp;
// 22:00 in Beijing and 10:00 in New York: every family here is on 8 May
const clock = new TestClock(Date.parse('2026-05-08T14:00:00Z'));
let quietTenant: { tenantId: string; chatKey: string };

beforeAll(async () => {
  db = await createTestDb();
  t = await createFamilyTestApp(db, clock);
  await configureWebhook(db, t.tenantId);
  quietTenant = await t.otherTenant(); // no webhook configured
});
afterAll(async () => {
  await db?.close();
});

type ReminderEvent = { familyId: string; subjectId: string; childId?: string; item: { date: string; type: string; title: string; sources: Record<string, unknown>[] } };

async function make(input: Omit<CreateFamilyInput, 'consent'>, tenantId = t.tenantId) {
  return createFamily(db, tenantId, { consent: CONSENT, ...input }, clock.now());
}

async function eventsFor(familyId: string): Promise<ReminderEvent[]> {
  const events = await listEvents(db, t.tenantId, 1000);
  return events
    .filter((e) => e.type === ('reminder.due' as string) && (e.payload as ReminderEvent).familyId === familyId)
    .map((e) => e.payload as ReminderEvent)
    .sort((a, b) => a.item.date.localeCompare(b.item.date) || a.item.type.localeCompare(b.item.type) || (a.childId ?? '').localeCompare(b.childId ?? ''));
}

const brief = (e: ReminderEvent) => [e.item.date, e.item.type, e.childId ?? 'pregnancy'];

describe(`reminders on ${backend}`, () => {
  it('queues a reminder.due event for a vaccine due within the week, with only health content and sources', async () => {
    clock.set('2026-05-08T14:00:00Z');
    const fam = await make({ subjectId: 'rem-cn', locale: 'zh-CN', market: 'CN', children: [{ birthDate: '2026-03-10' }] });
    const report = await computeDueReminders({ db, now: clock.now() });
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const events = await eventsFor(fam.id);
    // CN 2-month vaccines fall on 10 May; the 2-month milestone is only due once reached
    expect(events.map(brief)).toEqual([['2026-05-10', 'vaccine', fam.children[0]!.id]]);
    const e = events[0]!;
    expect(Object.keys(e).sort()).toEqual(['childId', 'familyId', 'item', 'subjectId']);
    expect(Object.keys(e.item).sort()).toEqual(['date', 'sources', 'title', 'type']);
    expect(e.subjectId).toBe('rem-cn');
    expect(e.item.title).toBe('2月龄疫苗接种：脊灰灭活疫苗、百白破疫苗');
    for (const s of e.item.sources) expect(Object.keys(s).sort()).toEqual(['publisher', 'title', 'url', 'year']);
    // the only links are the sources' own
    const urls = JSON.stringify(e).match(/https?:\/\/[^"]+/g) ?? [];
    expect(urls.sort()).toEqual(e.item.sources.map((s) => s.url as string).sort());
  });

  it('never sends the same item twice, even when two runs race', async () => {
    clock.set('2026-05-08T14:00:00Z');
    const fam = await make({ subjectId: 'rem-twice', locale: 'en', market: 'US', children: [{ birthDate: '2026-03-10' }] });
    await Promise.all([computeDueReminders({ db, now: clock.now() }), computeDueReminders({ db, now: clock.now() })]);
    const first = await eventsFor(fam.id);
    expect(first.map(brief)).toEqual([
      ['2026-05-10', 'checkup', fam.children[0]!.id],
      ['2026-05-10', 'vaccine', fam.children[0]!.id],
    ]);
    const again = await computeDueReminders({ db, now: clock.now() });
    expect(await eventsFor(fam.id)).toHaveLength(2);
    // later in the same week the same items are still due, but already sent
    clock.set('2026-05-09T14:00:00Z');
    await computeDueReminders({ db, now: clock.now() });
    expect(await eventsFor(fam.id)).toHaveLength(2);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reminders_sent WHERE family_id = $1', [fam.id]);
    expect(rows.rows[0]!.n).toBe(2);
    expect(again.sent).toBe(0);
  });

  it('caps each family at 3 reminders per 7 days, vaccines first, and resumes when the window slides', async () => {
    clock.set('2026-05-08T14:00:00Z');
    // US family: a baby whose 2-month visit is on 10 May, an older baby whose 6-month
    // visit is on 12 May, and a pregnancy whose week 20 starts today (due 25 Sept).
    const fam = await make({
      subjectId: 'rem-cap',
      locale: 'en',
      market: 'US',
      pregnancy: { dueDate: '2026-09-25' },
      children: [{ birthDate: '2026-03-10' }, { birthDate: '2025-11-12' }],
    });
    const [baby, older] = [fam.children.find((c) => c.birthDate === '2026-03-10')!.id, fam.children.find((c) => c.birthDate === '2025-11-12')!.id];
    await computeDueReminders({ db, now: clock.now() });
    // five items are due (2 vaccines, 2 checkups, 1 tip): the cap lets three through
    expect((await eventsFor(fam.id)).map(brief)).toEqual([
      ['2026-05-10', 'checkup', baby],
      ['2026-05-10', 'vaccine', baby],
      ['2026-05-12', 'vaccine', older],
    ]);
    // a day later the window is still full
    clock.set('2026-05-09T14:00:00Z');
    const capped = await computeDueReminders({ db, now: clock.now() });
    expect(capped.capped).toBeGreaterThanOrEqual(2);
    expect(await eventsFor(fam.id)).toHaveLength(3);
    // seven days after the first three, the window has room again: what is due then goes out
    clock.set('2026-05-15T14:00:00Z');
    await computeDueReminders({ db, now: clock.now() });
    const all = await eventsFor(fam.id);
    expect(all.map(brief)).toEqual([
      ['2026-05-10', 'checkup', baby],
      ['2026-05-10', 'milestone', baby],
      ['2026-05-10', 'vaccine', baby],
      ['2026-05-12', 'milestone', older],
      ['2026-05-12', 'vaccine', older],
      ['2026-05-15', 'tip', 'pregnancy'],
    ]);
    const later = all.filter((e) => e.item.type === 'tip');
    expect(later[0]!.item.title).toBe('Week 21 of pregnancy');
  });

  it('takes the cap from the policy when configured', async () => {
    clock.set('2026-05-08T14:00:00Z');
    const fam = await make({ subjectId: 'rem-policy', locale: 'en', market: 'US', pregnancy: { dueDate: '2026-09-25' }, children: [{ birthDate: '2026-03-10' }, { birthDate: '2025-11-12' }] });
    await computeDueReminders({ db, now: clock.now(), policy: { maxPerWindow: 1 } });
    expect(await eventsFor(fam.id)).toHaveLength(1);
    await computeDueReminders({ db, now: clock.now(), policy: { maxPerWindow: 10 } });
    expect((await eventsFor(fam.id)).map((e) => e.item.type).sort()).toEqual(['checkup', 'checkup', 'tip', 'vaccine', 'vaccine']);
  });

  it('honours opt-outs: by type, entirely, and when set through PATCH', async () => {
    clock.set('2026-05-08T14:00:00Z');
    const noVaccines = await make({ subjectId: 'rem-optout-type', locale: 'en', market: 'US', children: [{ birthDate: '2026-03-10' }], optOut: { types: ['vaccine'] } });
    const none = await make({ subjectId: 'rem-optout-all', locale: 'en', market: 'US', children: [{ birthDate: '2026-03-10' }], optOut: { all: true } });
    const viaPatch = await make({ subjectId: 'rem-optout-patch', locale: 'en', market: 'US', children: [{ birthDate: '2026-03-10' }] });
    const res = await t.request(`/v1/families/${viaPatch.id}`, { method: 'PATCH', json: { optOut: { types: ['vaccine', 'checkup'] } } });
    expect(res.status).toBe(200);

    await computeDueReminders({ db, now: clock.now() });
    expect((await eventsFor(noVaccines.id)).map((e) => e.item.type)).toEqual(['checkup']);
    expect(await eventsFor(none.id)).toEqual([]);
    expect(await eventsFor(viaPatch.id)).toEqual([]);

    // opting back in later lets the still-due vaccine through
    await t.request(`/v1/families/${viaPatch.id}`, { method: 'PATCH', json: { optOut: { types: [] } } });
    await computeDueReminders({ db, now: clock.now() });
    expect((await eventsFor(viaPatch.id)).map((e) => e.item.type).sort()).toEqual(['checkup', 'vaccine']);
  });

  it('queues nothing, and records nothing as sent, for a tenant without a webhook', async () => {
    clock.set('2026-05-08T14:00:00Z');
    const fam = await make({ subjectId: 'rem-quiet', locale: 'en', market: 'US', children: [{ birthDate: '2026-03-10' }] }, quietTenant.tenantId);
    await computeDueReminders({ db, now: clock.now() });
    expect(await listEvents(db, quietTenant.tenantId)).toEqual([]);
    const rows = await db.query('SELECT 1 FROM reminders_sent WHERE family_id = $1', [fam.id]);
    expect(rows.rowCount).toBe(0);
  });

  it('runs as a scheduled job that can be stopped', async () => {
    clock.set('2026-05-08T14:00:00Z');
    const fam = await make({ subjectId: 'rem-job', locale: 'zh-CN', market: 'CN', children: [{ birthDate: '2026-03-10' }] });
    const stop = startReminderJob({ db, clock: clock.now }, 60_000);
    await stop(); // the first run starts at once; stop waits for it to finish
    expect((await eventsFor(fam.id)).map((e) => e.item.type)).toEqual(['vaccine']);
  });
});
