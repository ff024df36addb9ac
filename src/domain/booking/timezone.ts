/**
 * Wall-clock time in IANA zones, through the runtime's own time-zone database
 * (`Intl.DateTimeFormat`), so it is right across daylight-saving changes without a
 * date library: 09:00 in America/New_York is 14:00Z in winter and 13:00Z in summer.
 */

/** A calendar date with no zone: what a weekly rule talks about. */
export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export interface LocalDateTime extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical spelling of an IANA zone, or undefined when the runtime does not know it. */
export function canonicalTimeZone(tz: string): string | undefined {
  if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The wall-clock reading in `timeZone` at `instant`. */
export function localDateTime(instant: Date, timeZone: string): LocalDateTime {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    // some ICU builds still print midnight as 24 even with h23
    hour: out.hour === 24 ? 0 : out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Minutes to add to UTC to get the zone's wall clock at `instant` (New York in winter: -300). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const l = localDateTime(instant, timeZone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

const DAY_MS = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` reads `date` + `minuteOfDay`.
 * Undefined when that reading never happens (the hour skipped when clocks go forward).
 * When it happens twice (the hour repeated when clocks go back) the earlier one wins.
 */
export function zonedTimeToUtc(date: LocalDate, minuteOfDay: number, timeZone: string): Date | undefined {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Real zones change offset at most once within a day either side, so the offsets a
  // day before and a day after are the only two candidates.
  const offsets = new Set([offsetMinutes(new Date(asUtc - DAY_MS), timeZone), offsetMinutes(new Date(asUtc + DAY_MS), timeZone)]);
  const want = addDays(date, 0);
  const hits: number[] = [];
  for (const o of offsets) {
    const t = asUtc - o * 60_000;
    const l = localDateTime(new Date(t), timeZone);
    if (l.year === want.year && l.month === want.month && l.day === want.day && l.hour * 60 + l.minute === minuteOfDay) hits.push(t);
  }
  if (hits.length === 0) return undefined;
  return new Date(Math.min(...hits));
}

export function addDays(d: LocalDate, n: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** ISO 8601 weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: LocalDate): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function formatLocalDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function parseLocalDate(s: string): LocalDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // reject 2026-02-30 and friends: a real date survives the round trip
  return formatLocalDate(addDays(d, 0)) === s ? d : undefined;
}

export function compareLocalDate(a: LocalDate, b: LocalDate): number {
  return Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day);
}
