/**
 * Bookings: held → confirmed → completed | cancelled | expired.
 *
 * Exactly once: a partial unique index allows one active (held or confirmed) booking per
 * slot, whatever happens above it. On top of that, booking locks the clinician's row, so
 * bookings of one clinician run one after another and a booking can also be refused
 * when another slot overlapping the same time is taken (possible after a schedule
 * change). A hold lapses after HOLD_MINUTES: every read and every booking treats a lapsed
 * hold as expired (with the injected clock), and `expireHolds` sweeps them for good.
 */
import type { Db, Queryable } from '../../db/db.js';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/db.js';
import { Conflict, NotFound, Unprocessable, ValidationFailed, type FieldError } from '../errors.js';
import { enqueueEvent } from '../webhooks/outbox.js';
import { activeRulesFor, getClinicianRow, isUuid, toClinicianView } from './clinicians.js';
import { validateContact, type ContactInput } from './contact.js';
import { requestFingerprint, runIdempotent, type IdempotentResult } from './idempotency.js';
import { fitsSchedule } from './schedule.js';
import {
  CONSENT_PURPOSE_SHARE_SUMMARY,
  CONSENT_VERSION,
  HOLD_MINUTES,
  MAX_SUMMARY_CHARS,
  TRIAGE_LEVELS,
  type BookingStatus,
  type BookingView,
  type ClinicianBookingView,
  type Locale,
  type Specialty,
  type TriageInfo,
  type TriageLevel,
} from './types.js';

export interface BookingInput {
  tenantId: string;
  now: Date;
  slotId: string;
  contact: ContactInput;
  /** Links the contact to a data subject for export/erasure; generated when absent. */
  subjectId?: string;
  reason?: string;
  conversationId?: string;
  consent?: { shareSummary: boolean; version?: string };
  /** Stored only when consent.shareSummary is true. */
  summary?: string;
  triage?: { level: TriageLevel; reasons?: { code: string; label?: string }[] };
}

const SUBJECT_ID = /^[A-Za-z0-9._:@-]{1,200}$/;

function validateExtras(input: BookingInput): FieldError[] {
  const errors: FieldError[] = [];
  if (input.subjectId !== undefined && !SUBJECT_ID.test(input.subjectId)) errors.push({ field: 'subjectId', message: '1 to 200 letters, digits or . _ : @ -' });
  if (input.reason !== undefined && input.reason.length > 1000) errors.push({ field: 'reason', message: 'at most 1000 characters' });
  if (input.conversationId !== undefined && (input.conversationId.length < 1 || input.conversationId.length > 200)) {
    errors.push({ field: 'conversationId', message: '1 to 200 characters' });
  }
  if (input.summary !== undefined && input.summary.length > MAX_SUMMARY_CHARS) errors.push({ field: 'summary', message: `at most ${MAX_SUMMARY_CHARS} characters` });
  if (input.consent?.version !== undefined && !/^[A-Za-z0-9._-]{1,50}$/.test(input.consent.version)) errors.push({ field: 'consent.version', message: 'a short version label' });
  if (input.triage) {
    if (!TRIAGE_LEVELS.includes(input.triage.level)) errors.push({ field: 'triage.level', message: `one of ${TRIAGE_LEVELS.join(', ')}` });
    const reasons = input.triage.reasons ?? [];
    if (reasons.length > 20 || reasons.some((r) => typeof r.code !== 'string' || r.code.length < 1 || r.code.length > 100 || (r.label !== undefined && r.label.length > 300))) {
      errors.push({ field: 'triage.reasons', message: 'at most 20 reasons, each a code (≤100 chars) and an optional label (≤300 chars)' });
    }
  }
  return errors;
}

interface ViewRow {
  id: string;
  status: BookingStatus;
  slot_id: string;
  start_at: Date;
  end_at: Date;
  clinician_id: string;
  clinic_id: string;
  clinician_name: string;
  display_names: Partial<Record<string, string>>;
  specialty: Specialty;
  languages: string[];
  timezone: string;
  subject_id: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  reason: string | null;
  conversation_id: string | null;
  triage_level: TriageLevel | null;
  triage_reasons: TriageInfo['reasons'] | null;
  share_summary: boolean;
  summary: string | null;
  consent_version: string | null;
  consent_granted_at: Date | null;
  expires_at: Date;
  created_at: Date;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  completed_at: Date | null;
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

const VIEW_SQL = `
  SELECT b.id, b.status, b.slot_id, s.start_at, s.end_at, b.clinician_id, c.clinic_id, c.name AS clinician_name,
         c.display_names, c.specialty, c.languages, c.timezone,
         ct.subject_id, ct.name AS contact_name, ct.phone, ct.email,
         b.reason, b.conversation_id, b.triage_level, b.triage_reasons, b.share_summary, b.summary,
         cs.version AS consent_version, cs.granted_at AS consent_granted_at,
         b.expires_at, b.created_at, b.confirmed_at, b.cancelled_at, b.completed_at
    FROM bookings b
    JOIN slots s ON s.id = b.slot_id
    JOIN clinicians c ON c.id = b.clinician_id
    LEFT JOIN contacts ct ON ct.id = b.contact_id
    LEFT JOIN LATERAL (
      SELECT version, granted_at FROM consents
       WHERE booking_id = b.id AND purpose = '${CONSENT_PURPOSE_SHARE_SUMMARY}' AND withdrawn_at IS NULL
       ORDER BY granted_at DESC LIMIT 1
    ) cs ON true
   WHERE b.id = $1 AND b.tenant_id = $2`;

function toView(r: ViewRow, locale?: Locale): BookingView {
  return {
    id: r.id,
    status: r.status,
    slot: { id: r.slot_id, start: iso(r.start_at)!, end: iso(r.end_at)! },
    clinician: toClinicianView({ id: r.clinician_id, clinic_id: r.clinic_id, name: r.clinician_name, display_names: r.display_names, specialty: r.specialty, languages: r.languages, timezone: r.timezone }, locale),
    contact: r.contact_name === null ? null : { subjectId: r.subject_id!, name: r.contact_name, phone: r.phone, email: r.email },
    reason: r.reason,
    conversationId: r.conversation_id,
    consent: { shareSummary: r.share_summary, version: r.consent_version, grantedAt: iso(r.consent_granted_at) },
    expiresAt: iso(r.expires_at)!,
    createdAt: iso(r.created_at)!,
    confirmedAt: iso(r.confirmed_at),
    cancelledAt: iso(r.cancelled_at),
    completedAt: iso(r.completed_at),
  };
}

async function loadView(q: Queryable, tenantId: string, id: string): Promise<ViewRow> {
  if (!isUuid(id)) throw new NotFound('Booking');
  const res = await q.query<ViewRow>(VIEW_SQL, [id, tenantId]);
  if (!res.rows[0]) throw new NotFound('Booking');
  return res.rows[0];
}

/** Marks this booking expired if it is a hold that lapsed by `now`. */
async function lapseIfDue(q: Queryable, tenantId: string, id: string, now: Date): Promise<void> {
  if (!isUuid(id)) return;
  await q.query(`UPDATE bookings SET status = 'expired', expired_at = $3 WHERE id = $1 AND tenant_id = $2 AND status = 'held' AND expires_at <= $3`, [id, tenantId, now]);
}

/** Sweeps every lapsed hold (all tenants) to `expired`; returns how many. */
export async function expireHolds(q: Queryable, now: Date): Promise<number> {
  const res = await q.query(`UPDATE bookings SET status = 'expired', expired_at = $1 WHERE status = 'held' AND expires_at <= $1`, [now]);
  return res.rowCount;
}

/** The webhook payload: what happened to which appointment, without the person's details. */
function eventPayload(v: BookingView, triageLevel: TriageLevel | null): Record<string, unknown> {
  return {
    booking: {
      id: v.id,
      status: v.status,
      slot: v.slot,
      clinician: { id: v.clinician.id, name: v.clinician.name, specialty: v.clinician.specialty },
      conversationId: v.conversationId,
      expiresAt: v.expiresAt,
      createdAt: v.createdAt,
    },
    // Triage is health data: it travels only when the person agreed to share it.
    ...(v.consent.shareSummary && triageLevel ? { triageLevel } : {}),
  };
}

/**
 * Holds a slot for HOLD_MINUTES. Must run inside a transaction (`q` from `db.tx`): the
 * clinician lock and the checks only mean something there.
 */
export async function bookSlot(q: Queryable, input: BookingInput): Promise<BookingView> {
  const contact = validateContact(input.contact);
  const errors = validateExtras(input);
  if (errors.length) throw new ValidationFailed('The booking request is not valid.', errors);
  if (!isUuid(input.slotId)) throw new NotFound('Slot');

  const slotRes = await q.query<{ id: string; clinician_id: string; start_at: Date; end_at: Date }>(
    'SELECT id, clinician_id, start_at, end_at FROM slots WHERE id = $1 AND tenant_id = $2',
    [input.slotId, input.tenantId],
  );
  const slot = slotRes.rows[0];
  if (!slot) throw new NotFound('Slot');
  const clinician = await getClinicianRow(q, input.tenantId, slot.clinician_id, true);
  const now = input.now;
  if (new Date(slot.start_at).getTime() <= now.getTime()) throw new Unprocessable('This slot has already started or passed; choose a future slot.', 'slot_in_past');
  const rules = (await activeRulesFor(q, [clinician.id])).get(clinician.id) ?? [];
  if (!clinician.active || !fitsSchedule(rules, clinician.timezone, new Date(slot.start_at), new Date(slot.end_at))) {
    throw new Unprocessable("This slot is not in the clinician's current schedule; list the slots again.", 'slot_outside_schedule');
  }

  // Lapsed holds of this clinician no longer count; make that visible in the data too.
  await q.query(`UPDATE bookings SET status = 'expired', expired_at = $2 WHERE clinician_id = $1 AND status = 'held' AND expires_at <= $2`, [clinician.id, now]);
  const taken = await q.query(
    `SELECT 1 FROM bookings b JOIN slots o ON o.id = b.slot_id
      WHERE b.clinician_id = $1 AND b.status IN ('held', 'confirmed') AND o.start_at < $3 AND o.end_at > $2
      LIMIT 1`,
    [clinician.id, slot.start_at, slot.end_at],
  );
  if (taken.rowCount > 0) throw new Conflict('This slot has just been booked by someone else; choose another slot.', 'slot_taken');

  const subjectId = input.subjectId ?? crypto.randomUUID();
  const share = input.consent?.shareSummary === true;
  const contactRes = await q.query<{ id: string }>('INSERT INTO contacts (tenant_id, subject_id, name, phone, email, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [
    input.tenantId,
    subjectId,
    contact.name,
    contact.phone,
    contact.email,
    now,
  ]);
  let bookingId: string;
  try {
    const res = await q.query<{ id: string }>(
      `INSERT INTO bookings (tenant_id, slot_id, clinician_id, contact_id, status, reason, conversation_id, triage_level, triage_reasons,
                             share_summary, summary, expires_at, created_at)
       VALUES ($1, $2, $3, $4, 'held', $5, $6, $7, $8::jsonb, $9, $10, $11, $12) RETURNING id`,
      [
        input.tenantId,
        slot.id,
        clinician.id,
        contactRes.rows[0]!.id,
        input.reason?.trim() || null,
        input.conversationId ?? null,
        input.triage?.level ?? null,
        input.triage ? JSON.stringify(input.triage.reasons ?? []) : null,
        share,
        // without consent the summary is dropped here and never stored
        share && input.summary?.trim() ? input.summary.trim() : null,
        new Date(now.getTime() + HOLD_MINUTES * 60_000),
        now,
      ],
    );
    bookingId = res.rows[0]!.id;
  } catch (err) {
    // The database's own guarantee, should anything slip past the checks above.
    if (pgErrorCode(err) === PG_UNIQUE_VIOLATION) throw new Conflict('This slot has just been booked by someone else; choose another slot.', 'slot_taken');
    throw err;
  }
  if (share) {
    await q.query('INSERT INTO consents (tenant_id, subject_id, booking_id, purpose, version, granted_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      input.tenantId,
      subjectId,
      bookingId,
      CONSENT_PURPOSE_SHARE_SUMMARY,
      input.consent?.version ?? CONSENT_VERSION,
      now,
    ]);
  }
  const view = toView(await loadView(q, input.tenantId, bookingId));
  await enqueueEvent(q, { tenantId: input.tenantId, type: 'booking.created', payload: eventPayload(view, input.triage?.level ?? null), at: now });
  return view;
}

/**
 * POST /v1/bookings: books in one transaction, at most once per Idempotency-Key.
 * Answers 201 with the booking (or the stored answer of the first request with that key).
 */
export async function createBooking(db: Db, input: BookingInput, idempotencyKey?: string): Promise<IdempotentResult<BookingView>> {
  const { tenantId: _t, now: _n, ...request } = input;
  const fingerprint = await requestFingerprint('POST /v1/bookings', request);
  return runIdempotent(db, { tenantId: input.tenantId, key: idempotencyKey, fingerprint }, async (q) => ({ status: 201, body: await bookSlot(q, input) }));
}

export async function getBooking(q: Queryable, input: { tenantId: string; id: string; now: Date }): Promise<BookingView> {
  await lapseIfDue(q, input.tenantId, input.id, input.now);
  return toView(await loadView(q, input.tenantId, input.id));
}

/** The clinician's view: triage and summary appear only when the person consented to share them. */
export async function getClinicianView(q: Queryable, input: { tenantId: string; id: string; now: Date }): Promise<ClinicianBookingView> {
  await lapseIfDue(q, input.tenantId, input.id, input.now);
  const row = await loadView(q, input.tenantId, input.id);
  const shared = row.share_summary;
  return {
    ...toView(row),
    shared,
    triage: shared && row.triage_level ? { level: row.triage_level, reasons: row.triage_reasons ?? [] } : null,
    summary: shared ? row.summary : null,
  };
}

type Transition = { view: BookingView } | { error: Conflict };

async function transition(db: Db, tenantId: string, id: string, now: Date, step: (q: Queryable, b: { id: string; status: BookingStatus; expires_at: Date; start_at: Date }) => Promise<Conflict | undefined>): Promise<BookingView> {
  if (!isUuid(id)) throw new NotFound('Booking');
  // A lapsed hold is marked expired and that is committed even though the caller then
  // gets a 409: the expiry is a fact, not part of the refused request.
  const out: Transition = await db.tx(async (q) => {
    const res = await q.query<{ id: string; status: BookingStatus; expires_at: Date; start_at: Date }>(
      `SELECT b.id, b.status, b.expires_at, s.start_at FROM bookings b JOIN slots s ON s.id = b.slot_id
        WHERE b.id = $1 AND b.tenant_id = $2 FOR UPDATE OF b`,
      [id, tenantId],
    );
    const b = res.rows[0];
    if (!b) throw new NotFound('Booking');
    if (b.status === 'held' && new Date(b.expires_at).getTime() <= now.getTime()) {
      await q.query(`UPDATE bookings SET status = 'expired', expired_at = $2 WHERE id = $1`, [b.id, now]);
      b.status = 'expired';
    }
    const error = await step(q, b);
    if (error) return { error };
    return { view: toView(await loadView(q, tenantId, id)) };
  });
  if ('error' in out) throw out.error;
  return out.view;
}

export async function confirmBooking(db: Db, input: { tenantId: string; id: string; now: Date }): Promise<BookingView> {
  return transition(db, input.tenantId, input.id, input.now, async (q, b) => {
    if (b.status === 'confirmed') return undefined; // confirming twice is harmless
    if (b.status === 'expired') return new Conflict(`The hold lapsed after ${HOLD_MINUTES} minutes without confirmation; book the slot again.`, 'hold_expired');
    if (b.status !== 'held') return new Conflict(`A ${b.status} booking cannot be confirmed.`, 'booking_not_active');
    await q.query(`UPDATE bookings SET status = 'confirmed', confirmed_at = $2 WHERE id = $1`, [b.id, input.now]);
    const view = toView(await loadView(q, input.tenantId, b.id));
    await enqueueEvent(q, { tenantId: input.tenantId, type: 'booking.confirmed', payload: eventPayload(view, await triageLevelOf(q, b.id)), at: input.now });
    return undefined;
  });
}

export async function cancelBooking(db: Db, input: { tenantId: string; id: string; now: Date }): Promise<BookingView> {
  return transition(db, input.tenantId, input.id, input.now, async (q, b) => {
    if (b.status === 'cancelled') return undefined; // cancelling twice is harmless
    if (b.status !== 'held' && b.status !== 'confirmed') return new Conflict(`A ${b.status} booking cannot be cancelled.`, 'booking_not_active');
    // Leaving the active states releases the slot: the partial unique index no longer covers it.
    await q.query(`UPDATE bookings SET status = 'cancelled', cancelled_at = $2 WHERE id = $1`, [b.id, input.now]);
    const view = toView(await loadView(q, input.tenantId, b.id));
    await enqueueEvent(q, { tenantId: input.tenantId, type: 'booking.cancelled', payload: eventPayload(view, await triageLevelOf(q, b.id)), at: input.now });
    return undefined;
  });
}

/** Marks a confirmed appointment as held (by the clinic), once its time has come. */
export async function completeBooking(db: Db, input: { tenantId: string; id: string; now: Date }): Promise<BookingView> {
  return transition(db, input.tenantId, input.id, input.now, async (q, b) => {
    if (b.status === 'completed') return undefined;
    if (b.status !== 'confirmed') return new Conflict(`Only a confirmed booking can be completed; this one is ${b.status}.`, 'booking_not_active');
    if (new Date(b.start_at).getTime() > input.now.getTime()) return new Conflict('The appointment has not started yet.', 'appointment_not_started');
    await q.query(`UPDATE bookings SET status = 'completed', completed_at = $2 WHERE id = $1`, [b.id, input.now]);
    return undefined;
  });
}

async function triageLevelOf(q: Queryable, id: string): Promise<TriageLevel | null> {
  const res = await q.query<{ triage_level: TriageLevel | null }>('SELECT triage_level FROM bookings WHERE id = $1', [id]);
  return res.rows[0]?.triage_level ?? null;
}
