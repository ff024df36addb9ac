/**
 * Weekly availability rules and the slots they produce. Pure: no database, no clock.
 * The same generator decides both which slots to materialise and whether an existing
 * slot still belongs to the clinician's schedule, so the two can never disagree.
 */
import type { FieldError } from '../errors.js';
import {
  addDays,
  compareLocalDate,
  formatLocalDate,
  isoWeekday,
  localDateTime,
  parseLocalDate,
  zonedTimeToUtc,
  type LocalDate,
} from './timezone.js';

export interface WeeklyRule {
  id?: string;
  /** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Local start time, HH:MM. */
  start: string;
  /** Local end time, HH:MM (24:00 for midnight); the last slot ends at or before it. */
  end: string;
  slotMinutes: number;
  /** First local date the rule applies to (inclusive), YYYY-MM-DD; open when absent. */
  validFrom?: string | null;
  /** Last local date the rule applies to (inclusive), YYYY-MM-DD; open when absent. */
  validTo?: string | null;
}

export interface SlotTime {
  start: Date;
  end: Date;
  ruleId?: string;
}

export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 480;
export const MAX_RULES = 100;

/** Minutes after local midnight for HH:MM (24:00 only where `allowMidnightEnd`). */
export function parseClock(s: string, allowMidnightEnd = false): number | undefined {
  const m = /^(\d{2}):(\d{2})(?::00)?$/.exec(s);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0 && allowMidnightEnd) return 1440;
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Field errors for a set of rules meant to be one clinician's whole weekly schedule. */
export function validateRules(rules: WeeklyRule[]): FieldError[] {
  const errors: FieldError[] = [];
  if (rules.length > MAX_RULES) errors.push({ field: 'rules', message: `at most ${MAX_RULES} rules` });
  const parsed = rules.map((r, i) => {
    const f = (k: string) => `rules.${i}.${k}`;
    if (!Number.isInteger(r.weekday) || r.weekday < 1 || r.weekday > 7) errors.push({ field: f('weekday'), message: 'must be 1 (Monday) to 7 (Sunday)' });
    const start = parseClock(r.start);
    const end = parseClock(r.end, true);
    if (start === undefined) errors.push({ field: f('start'), message: 'must be HH:MM' });
    if (end === undefined) errors.push({ field: f('end'), message: 'must be HH:MM (24:00 for midnight)' });
    if (!Number.isInteger(r.slotMinutes) || r.slotMinutes < MIN_SLOT_MINUTES || r.slotMinutes > MAX_SLOT_MINUTES) {
      errors.push({ field: f('slotMinutes'), message: `must be a whole number of minutes from ${MIN_SLOT_MINUTES} to ${MAX_SLOT_MINUTES}` });
    }
    if (start !== undefined && end !== undefined) {
      if (end <= start) errors.push({ field: f('end'), message: 'must be after start' });
      else if (Number.isInteger(r.slotMinutes) && end - start < r.slotMinutes) errors.push({ field: f('slotMinutes'), message: 'longer than the window from start to end' });
    }
    const from = r.validFrom ? parseLocalDate(r.validFrom) : null;
    const to = r.validTo ? parseLocalDate(r.validTo) : null;
    if (from === undefined) errors.push({ field: f('validFrom'), message: 'must be a date YYYY-MM-DD' });
    if (to === undefined) errors.push({ field: f('validTo'), message: 'must be a date YYYY-MM-DD' });
    if (from && to && compareLocalDate(to, from) < 0) errors.push({ field: f('validTo'), message: 'must not be before validFrom' });
    return { i, weekday: r.weekday, start, end, from, to };
  });
  // Overlapping rules would produce overlapping slots: one clinician, two patients at once.
  for (const a of parsed) {
    for (const b of parsed) {
      if (b.i <= a.i || a.weekday !== b.weekday) continue;
      if (a.start === undefined || a.end === undefined || b.start === undefined || b.end === undefined) continue;
      if (a.from === undefined || a.to === undefined || b.from === undefined || b.to === undefined) continue;
      const timesOverlap = a.start < b.end && b.start < a.end;
      const datesOverlap = (!a.from || !b.to || compareLocalDate(a.from, b.to) <= 0) && (!b.from || !a.to || compareLocalDate(b.from, a.to) <= 0);
      if (timesOverlap && datesOverlap) errors.push({ field: `rules.${b.i}`, message: `overlaps rule ${a.i} on the same weekday` });
    }
  }
  return errors;
}

function applies(rule: WeeklyRule, date: LocalDate, weekday: number): boolean {
  if (rule.weekday !== weekday) return false;
  const day = formatLocalDate(date);
  // YYYY-MM-DD strings compare like dates
  if (rule.validFrom && day < rule.validFrom) return false;
  if (rule.validTo && day > rule.validTo) return false;
  return true;
}

/**
 * Every slot the rules produce whose start lies in [from, to), in `timeZone`. A slot
 * whose local start time does not exist that day (clocks going forward) is skipped; a
 * slot lasts `slotMinutes` of real time, so none overlap when clocks go back.
 */
export function generateSlots(rules: WeeklyRule[], timeZone: string, from: Date, to: Date): SlotTime[] {
  if (!(to.getTime() > from.getTime())) return [];
  const first = addDays(localDateTime(from, timeZone), -1);
  const last = addDays(localDateTime(to, timeZone), 1);
  const out: SlotTime[] = [];
  const seen = new Set<number>();
  for (let d = first; compareLocalDate(d, last) <= 0; d = addDays(d, 1)) {
    const weekday = isoWeekday(d);
    for (const rule of rules) {
      if (!applies(rule, d, weekday)) continue;
      const start = parseClock(rule.start);
      const end = parseClock(rule.end, true);
      if (start === undefined || end === undefined || !(rule.slotMinutes > 0)) continue;
      for (let t = start; t + rule.slotMinutes <= end; t += rule.slotMinutes) {
        const at = zonedTimeToUtc(d, t, timeZone);
        if (!at || at < from || at >= to || seen.has(at.getTime())) continue;
        seen.add(at.getTime());
        out.push({ start: at, end: new Date(at.getTime() + rule.slotMinutes * 60_000), ...(rule.id ? { ruleId: rule.id } : {}) });
      }
    }
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Whether a slot [start, end) is one the current rules produce. */
export function fitsSchedule(rules: WeeklyRule[], timeZone: string, start: Date, end: Date): boolean {
  return generateSlots(rules, timeZone, start, new Date(start.getTime() + 1)).some(
    (s) => s.start.getTime() === start.getTime() && s.end.getTime() === end.getTime(),
  );
}
