/**
 * Slots: concrete appointment times materialised from the weekly rules into the `slots`
 * table, so a booking can point at a row and the database can guard it.
 */
import type { Queryable } from '../../db/db.js';
import { ValidationFailed } from '../errors.js';
import { activeRulesFor, getClinicianRow, isUuid, listClinicians } from './clinicians.js';
import { generateSlots, type SlotTime } from './schedule.js';
import { parseLocalDate, addDays, localDateTime, zonedTimeToUtc } from './timezone.js';
import type { Locale, SlotView, Specialty } from './types.js';

export const MAX_RANGE_DAYS = 31;
const DAY_MS = 86_400_000;

async function insertSlots(q: Queryable, tenantId: string, clinicianId: string, slots: SlotTime[]): Promise<number> {
  if (slots.length === 0) return 0;
  const res = await q.query(
    `INSERT INTO slots (tenant_id, clinician_id, rule_id, start_at, end_at)
     SELECT $1, $2, r, s, e FROM unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[]) AS x(r, s, e)
     ON CONFLICT (clinician_id, start_at, end_at) DO NOTHING`,
    [tenantId, clinicianId, slots.map((s) => s.ruleId ?? null), slots.map((s) => s.start.toISOString()), slots.map((s) => s.end.toISOString())],
  );
  return res.rowCount;
}

/**
 * Materialises the slots of a tenant's active clinicians (or just `clinicianId`) whose
 * start lies in [from, to), each in the clinician's own time zone. Idempotent; returns
 * how many slots were new.
 */
export async function materialiseSlots(q: Queryable, input: { tenantId: string; from: Date; to: Date; clinicianId?: string }): Promise<number> {
  if (input.clinicianId !== undefined && !isUuid(input.clinicianId)) return 0;
  const params: unknown[] = [input.tenantId];
  let where = 'tenant_id = $1 AND active';
  if (input.clinicianId) {
    params.push(input.clinicianId);
    where += ' AND id = $2';
  }
  const clinicians = await q.query<{ id: string; timezone: string }>(`SELECT id, timezone FROM clinicians WHERE ${where}`, params);
  const rules = await activeRulesFor(
    q,
    clinicians.rows.map((c) => c.id),
  );
  let inserted = 0;
  for (const c of clinicians.rows) {
    inserted += await insertSlots(q, input.tenantId, c.id, generateSlots(rules.get(c.id) ?? [], c.timezone, input.from, input.to));
  }
  return inserted;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a range bound: an ISO 8601 date-time with a zone (an instant), or a plain date,
 * read as a day on the clinician's calendar (`to` includes that whole day).
 */
export function parseBound(value: string, field: 'from' | 'to', timeZone: string): Date {
  const bad = () => new ValidationFailed(`"${field}" must be an ISO 8601 date-time with a zone (2026-11-02T09:00:00Z) or a date (2026-11-02).`, [
    { field, message: 'must be ISO 8601' },
  ]);
  if (ISO_DATE_TIME.test(value)) {
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw bad();
    return new Date(t);
  }
  const d = parseLocalDate(value);
  if (!d) throw bad();
  const day = field === 'to' ? addDays(d, 1) : d;
  // midnight exists in every zone's calendar day except a few historical cases; fall back to 01:00
  return zonedTimeToUtc(day, 0, timeZone) ?? zonedTimeToUtc(day, 60, timeZone) ?? new Date(Date.UTC(day.year, day.month - 1, day.day));
}

interface SlotRow {
  id: string;
  start_at: Date;
  end_at: Date;
  available: boolean;
}

/**
 * A clinician's bookable slots in a range (materialised first if need be). A slot is
 * available when it starts in the future and no live booking (confirmed, or held and
 * not yet lapsed) covers any part of it.
 */
export async function listSlots(
  q: Queryable,
  input: { tenantId: string; clinicianId: string; from?: string; to?: string; now: Date },
): Promise<SlotView[]> {
  const c = await getClinicianRow(q, input.tenantId, input.clinicianId);
  const from = input.from ? parseBound(input.from, 'from', c.timezone) : input.now;
  const to = input.to ? parseBound(input.to, 'to', c.timezone) : new Date(from.getTime() + 7 * DAY_MS);
  if (to.getTime() <= from.getTime()) throw new ValidationFailed('"to" must be after "from".', [{ field: 'to', message: 'must be after from' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    throw new ValidationFailed(`The range may span at most ${MAX_RANGE_DAYS} days.`, [{ field: 'to', message: `at most ${MAX_RANGE_DAYS} days after from` }]);
  }
  const rules = (await activeRulesFor(q, [c.id])).get(c.id) ?? [];
  const wanted = c.active ? generateSlots(rules, c.timezone, from, to) : [];
  await insertSlots(q, input.tenantId, c.id, wanted);
  const keys = new Set(wanted.map((s) => `${s.start.getTime()}|${s.end.getTime()}`));
  const res = await q.query<SlotRow>(
    `SELECT s.id, s.start_at, s.end_at,
            (s.start_at > $5 AND NOT EXISTS (
               SELECT 1 FROM bookings b JOIN slots o ON o.id = b.slot_id
                WHERE b.clinician_id = s.clinician_id
                  AND o.start_at < s.end_at AND o.end_at > s.start_at
                  AND (b.status = 'confirmed' OR (b.status = 'held' AND b.expires_at > $5))
            )) AS available
       FROM slots s
      WHERE s.tenant_id = $1 AND s.clinician_id = $2 AND s.start_at >= $3 AND s.start_at < $4
      ORDER BY s.start_at, s.end_at`,
    [input.tenantId, c.id, from, to, input.now],
  );
  // Slots left over from retired rules stay in the table for history but are not offered.
  return res.rows
    .filter((r) => keys.has(`${new Date(r.start_at).getTime()}|${new Date(r.end_at).getTime()}`))
    .map((r) => ({ id: r.id, start: new Date(r.start_at).toISOString(), end: new Date(r.end_at).toISOString(), available: r.available }));
}

export interface SlotOffer {
  slotId: string;
  start: string;
  end: string;
  clinician: { id: string; name: string; specialty: Specialty };
}

/**
 * The earliest free slots for a specialty, for the advisor to offer in a chat turn.
 * `today` looks until the end of the clinician's current local day (urgent cases);
 * `days` looks a week ahead. Clinicians speaking the user's language come first; only
 * when none of the specialty does are the others offered, so an urgent case is not
 * left without any slot over language alone.
 */
export async function offerSlots(
  q: Queryable,
  input: { tenantId: string; specialty: Specialty; locale: Locale; within: 'today' | 'days'; now: Date; limit?: number },
): Promise<SlotOffer[]> {
  let clinicians = await listClinicians(q, { tenantId: input.tenantId, specialty: input.specialty, locale: input.locale });
  if (clinicians.length === 0) clinicians = (await listClinicians(q, { tenantId: input.tenantId, specialty: input.specialty }));
  const offers: SlotOffer[] = [];
  for (const c of clinicians) {
    let to: Date;
    if (input.within === 'today') {
      const tomorrow = addDays(localDateTime(input.now, c.timezone), 1);
      to = zonedTimeToUtc(tomorrow, 0, c.timezone) ?? new Date(input.now.getTime() + DAY_MS);
    } else {
      to = new Date(input.now.getTime() + 7 * DAY_MS);
    }
    if (to.getTime() <= input.now.getTime()) continue;
    const slots = await listSlots(q, { tenantId: input.tenantId, clinicianId: c.id, from: input.now.toISOString(), to: to.toISOString(), now: input.now });
    for (const s of slots) if (s.available) offers.push({ slotId: s.id, start: s.start, end: s.end, clinician: { id: c.id, name: c.name, specialty: c.specialty } });
  }
  return offers.sort((a, b) => a.start.localeCompare(b.start) || a.clinician.name.localeCompare(b.clinician.name)).slice(0, input.limit ?? 3);
}
