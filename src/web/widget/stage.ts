/**
 * The parent's stage as the widget shows it (a chip such as "孕 24 周" or "宝宝 5 个月"),
 * computed from the due date or birth date the parent gave. The service derives the
 * real stage id; this is only the label.
 */
import { fmt, type Strings } from './i18n.js';

export type Child = { dueDate: string } | { birthDate: string };

const DAY = 86_400_000;

/** A real calendar date in YYYY-MM-DD, as a UTC timestamp; null otherwise. */
export function parseDate(s: unknown): number | null {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const t = Date.parse(s + 'T00:00:00Z');
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== s ? null : t;
}

/** Today in the browser's own calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Accepts a due date from 4 weeks ago to 10 months ahead and a birth date from 18 years
 * ago to today: anything else is a typo, and sending it would give the wrong stage.
 */
export function validChild(c: unknown, today: string): Child | null {
  if (!c || typeof c !== 'object') return null;
  const t = parseDate(today)!;
  const o = c as Record<string, unknown>;
  const due = parseDate(o.dueDate);
  if (due !== null && due >= t - 28 * DAY && due <= t + 300 * DAY) return { dueDate: o.dueDate as string };
  const birth = parseDate(o.birthDate);
  if (birth !== null && birth <= t && birth >= t - 18 * 366 * DAY) return { birthDate: o.birthDate as string };
  return null;
}

export function stageLabel(c: Child, today: string, s: Strings): string {
  const t = parseDate(today)!;
  if ('dueDate' in c) {
    const left = Math.round((parseDate(c.dueDate)! - t) / DAY);
    if (left < 0) return s.pregLate;
    return fmt(s.pregWeek, { n: Math.min(42, Math.max(1, 40 - Math.ceil(left / 7))) });
  }
  const b = new Date(parseDate(c.birthDate)!);
  const n = new Date(t);
  const days = Math.round((t - b.getTime()) / DAY);
  if (days < 28) return fmt(s.days, { n: days });
  let months = (n.getUTCFullYear() - b.getUTCFullYear()) * 12 + n.getUTCMonth() - b.getUTCMonth();
  if (n.getUTCDate() < b.getUTCDate()) months -= 1;
  return months < 24 ? fmt(s.months, { n: months }) : fmt(s.years, { n: Math.floor(months / 12) });
}
