import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitsSchedule, generateSlots, validateRules, type WeeklyRule } from '../../../src/domain/booking/schedule.js';

const weekdayMornings: WeeklyRule[] = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00', slotMinutes: 30 }));

describe('generateSlots', () => {
  it('cuts each window into slots in the local zone and skips weekends', () => {
    // Mon 2026-12-07 … Sun 2026-12-13 in Shanghai
    const slots = generateSlots(weekdayMornings, 'Asia/Shanghai', new Date('2026-12-06T16:00:00Z'), new Date('2026-12-13T16:00:00Z'));
    expect(slots).toHaveLength(5 * 6);
    expect(slots[0]!.start.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(slots[0]!.end.toISOString()).toBe('2026-12-07T01:30:00.000Z');
    expect(slots.at(-1)!.start.toISOString()).toBe('2026-12-11T03:30:00.000Z');
  });

  it('keeps local 09:00 across the New York changes', () => {
    const rule: WeeklyRule[] = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '10:00', slotMinutes: 60 }));
    const nov = generateSlots(rule, 'America/New_York', new Date('2026-10-30T00:00:00Z'), new Date('2026-11-03T00:00:00Z')).map((s) => s.start.toISOString());
    expect(nov).toEqual(['2026-10-30T13:00:00.000Z', '2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z', '2026-11-02T14:00:00.000Z']);
    const mar = generateSlots(rule, 'America/New_York', new Date('2026-03-07T00:00:00Z'), new Date('2026-03-10T00:00:00Z')).map((s) => s.start.toISOString());
    expect(mar).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('skips slots in the hour clocks skip, and never overlaps slots in the hour they repeat', () => {
    const night: WeeklyRule[] = [{ weekday: 7, start: '01:00', end: '04:00', slotMinutes: 30 }];
    const spring = generateSlots(night, 'America/New_York', new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'));
    // 02:00 and 02:30 do not exist that night
    expect(spring.map((s) => s.start.toISOString())).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T06:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z']);
    const autumn = generateSlots(night, 'America/New_York', new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'));
    for (let i = 1; i < autumn.length; i++) expect(autumn[i]!.start.getTime()).toBeGreaterThanOrEqual(autumn[i - 1]!.end.getTime());
  });

  it('honours validFrom/validTo as local dates, inclusive', () => {
    const rules: WeeklyRule[] = [{ weekday: 1, start: '09:00', end: '09:30', slotMinutes: 30, validFrom: '2026-12-14', validTo: '2026-12-21' }];
    const slots = generateSlots(rules, 'UTC', new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(slots.map((s) => s.start.toISOString().slice(0, 10))).toEqual(['2026-12-14', '2026-12-21']);
  });

  it('is the test fitsSchedule applies: every generated slot fits, shifted ones do not', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.constantFrom('UTC', 'Asia/Shanghai', 'America/New_York', 'Europe/London'), (day, tz) => {
        const from = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
        const to = new Date(from.getTime() + 3 * 86_400_000);
        for (const s of generateSlots(weekdayMornings, tz, from, to)) {
          if (!fitsSchedule(weekdayMornings, tz, s.start, s.end)) return false;
          if (fitsSchedule(weekdayMornings, tz, new Date(s.start.getTime() + 15 * 60_000), new Date(s.end.getTime() + 15 * 60_000))) return false;
          if (fitsSchedule(weekdayMornings, tz, s.start, new Date(s.end.getTime() + 60_000))) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe('validateRules', () => {
  it('accepts a normal schedule', () => {
    expect(validateRules([...weekdayMornings, { weekday: 1, start: '14:00', end: '17:00', slotMinutes: 30 }])).toEqual([]);
  });

  it('names each bad field', () => {
    const errors = validateRules([
      { weekday: 8, start: '9:00', end: '25:00', slotMinutes: 2 },
      { weekday: 1, start: '12:00', end: '11:00', slotMinutes: 30, validFrom: '2026-02-30' },
    ]);
    const fields = errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['rules.0.weekday', 'rules.0.start', 'rules.0.end', 'rules.0.slotMinutes', 'rules.1.end', 'rules.1.validFrom']));
  });

  it('refuses overlapping rules on one weekday (one clinician, two patients at once) but allows them in disjoint date ranges', () => {
    expect(validateRules([{ weekday: 2, start: '09:00', end: '12:00', slotMinutes: 30 }, { weekday: 2, start: '11:30', end: '13:00', slotMinutes: 30 }])).toHaveLength(1);
    expect(
      validateRules([
        { weekday: 2, start: '09:00', end: '12:00', slotMinutes: 30, validTo: '2026-12-31' },
        { weekday: 2, start: '10:00', end: '13:00', slotMinutes: 60, validFrom: '2027-01-01' },
      ]),
    ).toEqual([]);
    expect(validateRules([{ weekday: 2, start: '09:00', end: '12:00', slotMinutes: 30 }, { weekday: 3, start: '09:00', end: '12:00', slotMinutes: 30 }])).toEqual([]);
  });
});
