/**
 * Calendar arithmetic on YYYY-MM-DD strings. Everything is a whole UTC day, so a
 * timeline never drifts with the server's time zone; "today" for a family is taken in
 * its market's time zone, because a reminder for "tomorrow" should mean the parent's
 * tomorrow.
 */
import { parseIsoDay } from '../stage/index.js';

export type Market = 'CN' | 'US' | 'UK' | 'EU';
export const MARKETS: readonly Market[] = ['CN', 'US', 'UK', 'EU'];

/**
 * One representative zone per market. The US and EU span several zones; being off by
 * a few hours only moves a reminder whose window is a week by at most a day.
 */
export const MARKET_TIME_ZONE: Record<Market, string> = {
  CN: 'Asia/Shanghai',
  US: 'America/New_York',
  UK: 'Europe/London',
  EU: 'Europe/Paris',
};

export { parseIsoDay };

/** Days since 1970-01-01 → YYYY-MM-DD. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function isIsoDay(s: unknown): s is string {
  return typeof s === 'string' && parseIsoDay(s) !== undefined;
}

export function addDays(iso: string, days: number): string {
  const d = parseIsoDay(iso);
  if (d === undefined) throw new RangeError(`not a date: ${iso}`);
  return formatDay(d + days);
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const x = parseIsoDay(a);
  const y = parseIsoDay(b);
  if (x === undefined || y === undefined) throw new RangeError(`not a date: ${x === undefined ? a : b}`);
  return y - x;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/**
 * Adds calendar months the way ages are counted: the 31 January baby is one month old
 * on 28 (or 29) February, not on 3 March.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month0 = ((total % 12) + 12) % 12;
  const day = Math.min(d, daysInMonth(year, month0));
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Age {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/** The date a child born on `birthDate` reaches `age` (calendar months first, then days). */
export function dateAtAge(birthDate: string, age: Age): string {
  const months = (age.years ?? 0) * 12 + (age.months ?? 0);
  const base = months ? addMonths(birthDate, months) : birthDate;
  const days = (age.weeks ?? 0) * 7 + (age.days ?? 0);
  return days ? addDays(base, days) : base;
}

/** The calendar date at `now` in `timeZone` (Intl works on Node and on Workers alike). */
export function localDay(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function marketToday(now: Date, market: Market): string {
  return localDay(now, MARKET_TIME_ZONE[market]);
}

/**
 * First day of pregnancy week `week` (weeks counted from the last period, 40 weeks to
 * the due date): dueDate − (40 − week) × 7 days. Matches pregnancyWeekFromDue in the
 * stage module, which reads `week` completed weeks from that day through the next six.
 */
export function pregnancyWeekStart(dueDate: string, week: number): string {
  return addDays(dueDate, -(40 - week) * 7);
}
