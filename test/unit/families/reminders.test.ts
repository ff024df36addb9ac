import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, dueReminderItems, reminderPayload, type Family } from '../../../src/domain/families/index.js';

const base: Pick<Family, 'pregnancy' | 'children' | 'locale' | 'market' | 'optOut'> = {
  locale: 'en',
  market: 'US',
  pregnancy: { dueDate: '2026-09-25' },
  children: [
    { id: 'baby', birthDate: '2026-03-10', sex: null, allergies: [], nickname: null },
    { id: 'older', birthDate: '2025-11-12', sex: null, allergies: [], nickname: null },
  ],
  optOut: { all: false, types: [] },
};

const brief = (i: { date: string; type: string; childId?: string }) => [i.date, i.type, i.childId ?? 'pregnancy'];

describe('dueReminderItems', () => {
  it('announces vaccines and checks up to a week ahead and tips on their first day, vaccines first', () => {
    expect(dueReminderItems(base, '2026-05-08').map(brief)).toEqual([
      ['2026-05-10', 'vaccine', 'baby'],
      ['2026-05-12', 'vaccine', 'older'],
      ['2026-05-10', 'checkup', 'baby'],
      ['2026-05-12', 'checkup', 'older'],
      ['2026-05-08', 'tip', 'pregnancy'],
    ]);
  });

  it('drops past visits, and keeps tips and milestones due for the rest of their week', () => {
    expect(dueReminderItems(base, '2026-05-13').map(brief)).toEqual([
      ['2026-05-08', 'tip', 'pregnancy'],
      ['2026-05-10', 'milestone', 'baby'],
      ['2026-05-12', 'milestone', 'older'],
    ]);
    // seven days after its start, the week-20 tip gives way to week 21
    expect(dueReminderItems(base, '2026-05-15').filter((i) => i.type === 'tip').map((i) => i.title)).toEqual(['Week 21 of pregnancy']);
    // a vaccine exactly a week ahead is due; eight days ahead is not yet
    expect(dueReminderItems(base, '2026-05-03').some((i) => i.type === 'vaccine' && i.date === '2026-05-10')).toBe(true);
    expect(dueReminderItems(base, '2026-05-02').some((i) => i.type === 'vaccine' && i.date === '2026-05-10')).toBe(false);
  });

  it('applies opt-outs', () => {
    expect(dueReminderItems({ ...base, optOut: { all: true, types: [] } }, '2026-05-08')).toEqual([]);
    const some = dueReminderItems({ ...base, optOut: { all: false, types: ['vaccine', 'tip'] } }, '2026-05-08');
    expect(some.map((i) => i.type)).toEqual(['checkup', 'checkup']);
  });

  it('has the documented default policy', () => {
    expect(DEFAULT_REMINDER_POLICY).toEqual({ maxPerWindow: 3, windowDays: 7, leadDays: 7, graceDays: 6 });
  });
});

describe('reminderPayload', () => {
  it('carries the family, the child and the item with its sources, nothing else', () => {
    const item = dueReminderItems(base, '2026-05-08')[0]!;
    const p = reminderPayload({ id: 'fam', subjectId: 'subj' }, item);
    expect(p).toEqual({ familyId: 'fam', subjectId: 'subj', childId: 'baby', item: { date: '2026-05-10', type: 'vaccine', title: item.title, sources: item.sources } });
    const tip = dueReminderItems(base, '2026-05-08').find((i) => i.type === 'tip')!;
    expect('childId' in reminderPayload({ id: 'fam', subjectId: 'subj' }, tip)).toBe(false);
  });
});
