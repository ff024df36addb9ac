import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, isoWeekday, localDateTime, offsetMinutes, parseLocalDate, zonedTimeToUtc } from '../../../src/domain/booking/timezone.js';

describe('time zones through Intl', () => {
  it('knows New York is UTC-4 in summer and UTC-5 in winter (2026 changes: 8 March, 1 November)', () => {
    expect(offsetMinutes(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2026-12-01T12:00:00Z'), 'America/New_York')).toBe(-300);
    // the change itself: 2026-11-01 02:00 EDT becomes 01:00 EST at 06:00Z
    expect(offsetMinutes(new Date('2026-11-01T05:59:59Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2026-11-01T06:00:00Z'), 'America/New_York')).toBe(-300);
    // 2026-03-08 02:00 EST becomes 03:00 EDT at 07:00Z
    expect(offsetMinutes(new Date('2026-03-08T06:59:59Z'), 'America/New_York')).toBe(-300);
    expect(offsetMinutes(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).toBe(-240);
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });

  it('turns 09:00 New York into 13:00Z in summer and 14:00Z in winter', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 30 }, 9 * 60, 'America/New_York')!.toISOString()).toBe('2026-10-30T13:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 2 }, 9 * 60, 'America/New_York')!.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 6 }, 9 * 60, 'America/New_York')!.toISOString()).toBe('2026-03-06T14:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 9 }, 9 * 60, 'America/New_York')!.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 5 }, 9 * 60, 'Asia/Shanghai')!.toISOString()).toBe('2026-01-05T01:00:00.000Z');
  });

  it('has no instant for a wall-clock time skipped when clocks go forward', () => {
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 8 }, 2 * 60 + 30, 'America/New_York')).toBeUndefined();
    expect(zonedTimeToUtc({ year: 2026, month: 3, day: 29 }, 2 * 60 + 30, 'Europe/Berlin')).toBeUndefined();
  });

  it('picks the earlier instant for a wall-clock time repeated when clocks go back, west and east of UTC', () => {
    // 01:30 happens first in EDT (05:30Z), then in EST (06:30Z)
    expect(zonedTimeToUtc({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York')!.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // 02:30 happens first in CEST (00:30Z), then in CET (01:30Z)
    expect(zonedTimeToUtc({ year: 2026, month: 10, day: 25 }, 150, 'Europe/Berlin')!.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads wall-clock parts and weekdays', () => {
    expect(localDateTime(new Date('2026-01-01T16:30:00Z'), 'Asia/Shanghai')).toEqual({ year: 2026, month: 1, day: 2, hour: 0, minute: 30, second: 0 });
    expect(isoWeekday({ year: 2026, month: 11, day: 1 })).toBe(7); // a Sunday
    expect(isoWeekday({ year: 2026, month: 11, day: 2 })).toBe(1);
  });

  it('validates zones and dates', () => {
    expect(canonicalTimeZone('asia/shanghai')).toBe('Asia/Shanghai');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeUndefined();
    expect(canonicalTimeZone('')).toBeUndefined();
    expect(parseLocalDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseLocalDate('2026-02-30')).toBeUndefined();
    expect(parseLocalDate('26-2-3')).toBeUndefined();
  });
});
