import { describe, expect, it } from 'vitest';
import { resolveRange, todayIn, isTimeZone, MAX_RANGE_DAYS } from '../../../src/domain/insights/index.js';

const now = new Date('2025-03-31T20:00:00Z');

describe('insight date ranges', () => {
  it('defaults to the 30 days ending today in the zone', () => {
    expect(resolveRange({}, now)).toMatchObject({ from: '2025-03-02', to: '2025-03-31', tz: 'UTC' });
    // 20:00 UTC is already 1 April in Shanghai
    const sh = resolveRange({ tz: 'Asia/Shanghai' }, now);
    expect(sh).toMatchObject({ from: '2025-03-03', to: '2025-04-01' });
    expect(sh.days).toHaveLength(30);
  });

  it('lists every day, inclusive, across month ends and leap days', () => {
    const r = resolveRange({ from: '2024-02-27', to: '2024-03-02' }, now);
    expect(r.days).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02']);
    expect(resolveRange({ from: '2025-03-05', to: '2025-03-05' }, now).days).toEqual(['2025-03-05']);
  });

  it.each([
    [{ from: '2025-02-29' }, 'from'],
    [{ to: '2025-13-01' }, 'to'],
    [{ from: '2025-03-10', to: '2025-03-01' }, 'from'],
    [{ from: '2024-01-01', to: '2025-03-01' }, 'from'],
    [{ tz: 'UTC+8' }, 'tz'],
    [{ tz: 'Not/AZone' }, 'tz'],
  ])('refuses %j', (input, field) => {
    try {
      resolveRange(input, now);
      expect.unreachable();
    } catch (err) {
      expect((err as { fields: { field: string }[] }).fields.map((f) => f.field)).toContain(field);
    }
  });

  it(`allows up to ${MAX_RANGE_DAYS} days`, () => {
    expect(resolveRange({ from: '2024-01-01', to: '2024-12-31' }, now).days).toHaveLength(366);
  });

  it('knows the date in a zone and real zone names', () => {
    expect(todayIn('Asia/Shanghai', now)).toBe('2025-04-01');
    expect(todayIn('America/Los_Angeles', now)).toBe('2025-03-31');
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isTimeZone('Etc/GMT+8')).toBe(true);
    expect(isTimeZone('+08:00')).toBe(false);
  });
});
