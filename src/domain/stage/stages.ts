/**
 * Life stages (spec/taxonomy.md) and their derivation from a family profile.
 * Ages are computed in whole days from ISO dates (UTC, so no time-zone drift) and months
 * are calendar months, because developmental bands and the NICE fever thresholds are
 * stated in months.
 */
export const STAGES = [
  'preconception',
  'pregnancy_t1',
  'pregnancy_t2',
  'pregnancy_t3',
  'postpartum',
  'newborn',
  'infant_1_6m',
  'infant_6_12m',
  'toddler_1_3y',
  'preschool_3_6y',
] as const;

export type Stage = (typeof STAGES)[number];

export interface ChildProfile {
  /** YYYY-MM-DD */
  birthDate?: string;
  /** YYYY-MM-DD */
  dueDate?: string;
  ageMonths?: number;
}

export interface StageInfo {
  stage: Stage;
  ageDays?: number;
  pregnancyWeek?: number;
}

/** Average days per month (365.25 / 12): converts "N months" said in words to days. */
export const DAYS_PER_MONTH = 30.4375;

/**
 * Months → days rounds up and days → months rounds down, so the two round-trip: a child
 * said to be "12 months" is 366 days and comes back as 12 months, not 11.
 */
export function monthsToDays(months: number): number {
  return Math.ceil(months * DAYS_PER_MONTH);
}

export function daysToMonths(days: number): number {
  return Math.floor(days / DAYS_PER_MONTH);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid YYYY-MM-DD, else undefined. */
export function parseIsoDay(s: string | undefined): number | undefined {
  if (typeof s !== 'string') return undefined;
  const m = DATE.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Reject 2024-02-30 and friends instead of letting Date roll them over.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return Math.round(t / 86_400_000);
}

/** Whole calendar months from `from` to `to` (both YYYY-MM-DD, from ≤ to). */
function calendarMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * Child stage from age. Newborn is 0–27 days (the neonatal period); after that calendar
 * months decide. Children of 7 years or more are outside the product's stages: we return
 * undefined rather than stretch `preschool_3_6y`, so retrieval falls back to "no stage
 * filter" instead of serving pre-school content to a school child.
 */
export function stageForAge(ageDays: number, months = daysToMonths(ageDays)): Stage | undefined {
  if (!Number.isFinite(ageDays) || ageDays < 0) return undefined;
  if (ageDays <= 27) return 'newborn';
  if (months < 6) return 'infant_1_6m';
  if (months < 12) return 'infant_6_12m';
  if (months < 36) return 'toddler_1_3y';
  if (months < 84) return 'preschool_3_6y';
  return undefined;
}

/** Pregnancy stage from completed weeks of gestation: 0–13 t1, 14–27 t2, 28+ t3. */
export function stageForPregnancyWeek(week: number): Stage {
  if (week < 14) return 'pregnancy_t1';
  if (week < 28) return 'pregnancy_t2';
  return 'pregnancy_t3';
}

/**
 * Completed weeks of pregnancy for a due date `daysUntilDue` days away (40 weeks = 280
 * days). Equivalent to "40 − weeks until the due date" with the remainder counted as a
 * week not yet completed. A due date further than 40 weeks away is read as week 0.
 */
export function pregnancyWeekFromDue(daysUntilDue: number): number {
  return Math.max(0, Math.floor((280 - daysUntilDue) / 7));
}

/**
 * Stage from a family profile, given today's date (YYYY-MM-DD).
 * Precedence: birthDate, then dueDate, then ageMonths.
 * - A due date today or later is a pregnancy; a due date in the past is read as the birth
 *   date (the baby has arrived, the profile was not updated).
 * - A birth date in the future cannot be a birth date: it is read as a due date.
 */
export function stageFromProfile(child: ChildProfile, today: string): StageInfo | undefined {
  const now = parseIsoDay(today);
  const birth = parseIsoDay(child.birthDate);
  const due = parseIsoDay(child.dueDate);

  const fromBirth = (b: number, iso: string): StageInfo | undefined => {
    if (now === undefined) return undefined;
    const ageDays = now - b;
    const stage = stageForAge(ageDays, calendarMonths(iso, today));
    return stage ? { stage, ageDays } : undefined;
  };
  const fromDue = (d: number, iso: string): StageInfo | undefined => {
    if (now === undefined) return undefined;
    if (d >= now) {
      const pregnancyWeek = pregnancyWeekFromDue(d - now);
      return { stage: stageForPregnancyWeek(pregnancyWeek), pregnancyWeek };
    }
    return fromBirth(d, iso);
  };

  if (birth !== undefined && now !== undefined) {
    return birth > now ? fromDue(birth, child.birthDate!) : fromBirth(birth, child.birthDate!);
  }
  if (due !== undefined && now !== undefined) return fromDue(due, child.dueDate!);
  if (typeof child.ageMonths === 'number' && Number.isFinite(child.ageMonths) && child.ageMonths >= 0) {
    const ageDays = monthsToDays(child.ageMonths);
    const stage = stageForAge(ageDays, Math.floor(child.ageMonths));
    return stage ? { stage, ageDays } : undefined;
  }
  return undefined;
}
