/**
 * Clinics, clinicians and their weekly availability. Every verb is scoped to one tenant:
 * another tenant's ids behave exactly like unknown ids (404), so nothing leaks.
 */
import type { Db, Queryable } from '../../db/db.js';
import { NotFound, ValidationFailed, type FieldError } from '../errors.js';
import { validateRules, parseClock, formatClock } from './schedule.js';
import { canonicalTimeZone } from './timezone.js';
import { SPECIALTIES, SPECIALTY_LABELS, type ClinicianView, type Locale, type Specialty } from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids arrive from callers; a malformed one is simply not found (and never reaches SQL as a cast error). */
export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;

export interface ClinicView {
  id: string;
  name: string;
  timezone: string;
  createdAt: string;
}

interface ClinicRow {
  id: string;
  name: string;
  timezone: string;
  created_at: Date;
}

const toClinic = (r: ClinicRow): ClinicView => ({ id: r.id, name: r.name, timezone: r.timezone, createdAt: new Date(r.created_at).toISOString() });

export function requireTimeZone(tz: string, field = 'timezone'): string {
  const canonical = canonicalTimeZone(tz);
  if (!canonical) throw new ValidationFailed(`"${tz}" is not an IANA time zone such as Asia/Shanghai.`, [{ field, message: 'unknown IANA time zone' }]);
  return canonical;
}

export async function createClinic(q: Queryable, input: { tenantId: string; name: string; timezone: string; slug?: string }): Promise<ClinicView> {
  const name = input.name.trim();
  if (!name || name.length > 200) throw new ValidationFailed('A clinic needs a name of 1 to 200 characters.', [{ field: 'name', message: 'must be 1 to 200 characters' }]);
  const timezone = requireTimeZone(input.timezone);
  const res = await q.query<ClinicRow>('INSERT INTO clinics (tenant_id, name, timezone, slug) VALUES ($1, $2, $3, $4) RETURNING *', [
    input.tenantId,
    name,
    timezone,
    input.slug ?? null,
  ]);
  return toClinic(res.rows[0]!);
}

export async function getClinic(q: Queryable, tenantId: string, id: string): Promise<ClinicView> {
  if (!isUuid(id)) throw new NotFound('Clinic');
  const res = await q.query<ClinicRow>('SELECT * FROM clinics WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
  if (!res.rows[0]) throw new NotFound('Clinic');
  return toClinic(res.rows[0]);
}

export interface ClinicianRow {
  id: string;
  tenant_id: string;
  clinic_id: string;
  name: string;
  display_names: Partial<Record<string, string>>;
  specialty: Specialty;
  languages: string[];
  timezone: string;
  active: boolean;
}

export function toClinicianView(r: Pick<ClinicianRow, 'id' | 'clinic_id' | 'name' | 'display_names' | 'specialty' | 'languages' | 'timezone'>, locale?: Locale): ClinicianView {
  const loc: Locale = locale ?? 'zh-CN';
  return {
    id: r.id,
    clinicId: r.clinic_id,
    name: (locale && r.display_names?.[locale]) || r.name,
    specialty: r.specialty,
    specialtyLabel: SPECIALTY_LABELS[r.specialty][loc],
    languages: r.languages,
    timezone: r.timezone,
  };
}

export interface CreateClinicianInput {
  tenantId: string;
  clinicId: string;
  name: string;
  displayNames?: Partial<Record<Locale, string>>;
  specialty: Specialty;
  languages: string[];
  /** Defaults to the clinic's zone. */
  timezone?: string;
  slug?: string;
}

export async function createClinician(q: Queryable, input: CreateClinicianInput): Promise<ClinicianView> {
  const errors: FieldError[] = [];
  const name = input.name.trim();
  if (!name || name.length > 200) errors.push({ field: 'name', message: 'must be 1 to 200 characters' });
  if (!SPECIALTIES.includes(input.specialty)) errors.push({ field: 'specialty', message: `one of ${SPECIALTIES.join(', ')}` });
  const languages = [...new Set(input.languages.map((l) => l.trim()))];
  if (languages.length === 0 || languages.length > 10 || languages.some((l) => !LANGUAGE_TAG.test(l))) {
    errors.push({ field: 'languages', message: 'one to ten language tags such as zh-CN or en' });
  }
  for (const [k, v] of Object.entries(input.displayNames ?? {})) {
    if (typeof v !== 'string' || !v.trim() || v.length > 200) errors.push({ field: `displayNames.${k}`, message: 'must be 1 to 200 characters' });
  }
  if (errors.length) throw new ValidationFailed('The clinician is not valid.', errors);
  const clinic = await getClinic(q, input.tenantId, input.clinicId);
  const timezone = input.timezone ? requireTimeZone(input.timezone) : clinic.timezone;
  const res = await q.query<ClinicianRow>(
    `INSERT INTO clinicians (tenant_id, clinic_id, name, display_names, specialty, languages, timezone, slug)
     VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8) RETURNING *`,
    [input.tenantId, clinic.id, name, JSON.stringify(input.displayNames ?? {}), input.specialty, languages, timezone, input.slug ?? null],
  );
  return toClinicianView(res.rows[0]!);
}

/** Active clinicians of a tenant, optionally of one specialty and speaking the locale's language. */
export async function listClinicians(q: Queryable, input: { tenantId: string; specialty?: Specialty; locale?: Locale }): Promise<ClinicianView[]> {
  const params: unknown[] = [input.tenantId];
  let where = 'tenant_id = $1 AND active';
  if (input.specialty) {
    params.push(input.specialty);
    where += ` AND specialty = $${params.length}`;
  }
  if (input.locale) {
    // Match on the primary language subtag: an "en-GB" clinician serves an "en" user.
    params.push(input.locale.split('-')[0]!.toLowerCase());
    where += ` AND EXISTS (SELECT 1 FROM unnest(languages) l WHERE lower(split_part(l, '-', 1)) = $${params.length})`;
  }
  const res = await q.query<ClinicianRow>(`SELECT * FROM clinicians WHERE ${where} ORDER BY specialty, name, id`, params);
  return res.rows.map((r) => toClinicianView(r, input.locale));
}

export async function getClinicianRow(q: Queryable, tenantId: string, id: string, lock = false): Promise<ClinicianRow> {
  if (!isUuid(id)) throw new NotFound('Clinician');
  // NO KEY UPDATE serialises bookings and schedule changes of one clinician without
  // blocking inserts that merely reference the clinician (slots, bookings).
  const res = await q.query<ClinicianRow>(`SELECT * FROM clinicians WHERE id = $1 AND tenant_id = $2${lock ? ' FOR NO KEY UPDATE' : ''}`, [id, tenantId]);
  if (!res.rows[0]) throw new NotFound('Clinician');
  return res.rows[0];
}

export interface RuleView {
  id: string;
  weekday: number;
  start: string;
  end: string;
  slotMinutes: number;
  validFrom: string | null;
  validTo: string | null;
}

interface RuleRow {
  id: string;
  clinician_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  valid_from: string | Date | null;
  valid_to: string | Date | null;
}

const dateOnly = (d: string | Date | null): string | null => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));
const clock = (t: string): string => {
  const m = parseClock(t.slice(0, 5), true);
  return m === undefined ? t : formatClock(m);
};

const toRule = (r: RuleRow): RuleView => ({
  id: r.id,
  weekday: Number(r.weekday),
  start: clock(r.start_time),
  end: clock(r.end_time),
  slotMinutes: r.slot_minutes,
  validFrom: dateOnly(r.valid_from),
  validTo: dateOnly(r.valid_to),
});

/** The clinician's current (not retired) rules, keyed by clinician id. */
export async function activeRulesFor(q: Queryable, clinicianIds: string[]): Promise<Map<string, RuleView[]>> {
  const out = new Map<string, RuleView[]>(clinicianIds.map((id) => [id, []]));
  if (clinicianIds.length === 0) return out;
  const res = await q.query<RuleRow>(
    'SELECT * FROM availability_rules WHERE clinician_id = ANY($1::uuid[]) AND retired_at IS NULL ORDER BY weekday, start_time',
    [clinicianIds],
  );
  for (const r of res.rows) out.get(r.clinician_id)?.push(toRule(r));
  return out;
}

export async function listAvailability(q: Queryable, tenantId: string, clinicianId: string): Promise<RuleView[]> {
  const c = await getClinicianRow(q, tenantId, clinicianId);
  return (await activeRulesFor(q, [c.id])).get(c.id)!;
}

export interface RuleInput {
  weekday: number;
  start: string;
  end: string;
  slotMinutes: number;
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * Replaces a clinician's whole weekly schedule. Old rules are retired rather than
 * deleted, so booked slots keep their history; their unbooked slots stop being listed
 * or bookable at once, because both check the current rules.
 */
export async function replaceAvailability(
  db: Db,
  input: { tenantId: string; clinicianId: string; rules: RuleInput[]; now: Date },
): Promise<RuleView[]> {
  const errors = validateRules(input.rules);
  if (errors.length) throw new ValidationFailed('The availability rules are not valid.', errors);
  return db.tx(async (q) => {
    const c = await getClinicianRow(q, input.tenantId, input.clinicianId, true);
    await q.query('UPDATE availability_rules SET retired_at = $2 WHERE clinician_id = $1 AND retired_at IS NULL', [c.id, input.now]);
    await insertRules(q, input.tenantId, c.id, input.rules);
    return (await activeRulesFor(q, [c.id])).get(c.id)!;
  });
}

export async function insertRules(q: Queryable, tenantId: string, clinicianId: string, rules: RuleInput[]): Promise<void> {
  if (rules.length === 0) return;
  await q.query(
    `INSERT INTO availability_rules (tenant_id, clinician_id, weekday, start_time, end_time, slot_minutes, valid_from, valid_to)
     SELECT $1, $2, w, s::time, e::time, m, f::date, t::date
       FROM unnest($3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[]) AS x(w, s, e, m, f, t)`,
    [
      tenantId,
      clinicianId,
      rules.map((r) => r.weekday),
      rules.map((r) => r.start),
      rules.map((r) => r.end),
      rules.map((r) => r.slotMinutes),
      rules.map((r) => r.validFrom ?? null),
      rules.map((r) => r.validTo ?? null),
    ],
  );
}
