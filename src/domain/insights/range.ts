import { ValidationFailed, type FieldError } from '../errors.js';

/** A closed range of calendar days in one time zone: every aggregate reports on one. */
export interface InsightRange {
  /** First day, YYYY-MM-DD, inclusive. */
  from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  to: string;
  /** IANA zone the days are counted in. */
  tz: string;
  /** Every day of the range in order, for zero-filled series. */
  days: string[];
}

export const DEFAULT_RANGE_DAYS = 30;
export const MAX_RANGE_DAYS = 366;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
// IANA names only: PostgreSQL also accepts POSIX strings like "UTC+8" with the sign
// inverted, which would silently shift every day.
const TZ_RE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+){1,2})$/;

function parseDay(s: string): number | undefined {
  const m = DATE_RE.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // 2025-02-30 rolls over to March: refuse it rather than guess
  return new Date(t).toISOString().slice(0, 10) === s ? t : undefined;
}

const DAY_MS = 86_400_000;
const fmt = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Today's date in `tz`. */
export function todayIn(tz: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isTimeZone(tz: string): boolean {
  if (!TZ_RE.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves `from`/`to` (ISO dates, both inclusive) in `tz` (default UTC). Without `to`
 * the range ends today; without `from` it covers DEFAULT_RANGE_DAYS days up to `to`.
 */
export function resolveRange(input: { from?: string; to?: string; tz?: string }, now: Date): InsightRange {
  const errors: FieldError[] = [];
  const tz = input.tz ?? 'UTC';
  if (!isTimeZone(tz)) errors.push({ field: 'tz', message: 'must be an IANA time zone such as Asia/Shanghai or UTC' });
  const toStr = input.to ?? (errors.length ? fmt(now.getTime()) : todayIn(tz, now));
  const to = parseDay(toStr);
  if (to === undefined) errors.push({ field: 'to', message: 'must be a date as YYYY-MM-DD' });
  const from = input.from !== undefined ? parseDay(input.from) : to !== undefined ? to - (DEFAULT_RANGE_DAYS - 1) * DAY_MS : undefined;
  if (from === undefined && input.from !== undefined) errors.push({ field: 'from', message: 'must be a date as YYYY-MM-DD' });
  if (from !== undefined && to !== undefined) {
    if (from > to) errors.push({ field: 'from', message: 'must not be after to' });
    else if ((to - from) / DAY_MS + 1 > MAX_RANGE_DAYS) errors.push({ field: 'from', message: `the range may span at most ${MAX_RANGE_DAYS} days` });
  }
  if (errors.length || from === undefined || to === undefined) throw new ValidationFailed('The date range is not valid.', errors);
  const days: string[] = [];
  for (let t = from; t <= to; t += DAY_MS) days.push(fmt(t));
  return { from: fmt(from), to: fmt(to), tz, days };
}
