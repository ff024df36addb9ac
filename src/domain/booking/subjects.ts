/**
 * Booking data of one data subject, for the privacy module's export and erasure.
 * Contacts carry the person; bookings keep the clinic's appointment record.
 */
import type { Db, Queryable } from '../../db/db.js';
import { enqueueEvent } from '../webhooks/outbox.js';

export interface SubjectBookingData {
  contacts: { name: string; phone: string | null; email: string | null; createdAt: string }[];
  bookings: { id: string; status: string; start: string; end: string; clinicianId: string; reason: string | null; conversationId: string | null; summary: string | null; createdAt: string }[];
  consents: { purpose: string; version: string; grantedAt: string; withdrawnAt: string | null; bookingId: string | null }[];
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function exportSubjectBookings(q: Queryable, tenantId: string, subjectId: string): Promise<SubjectBookingData> {
  const contacts = await q.query<{ name: string; phone: string | null; email: string | null; created_at: Date }>(
    'SELECT name, phone, email, created_at FROM contacts WHERE tenant_id = $1 AND subject_id = $2 ORDER BY created_at',
    [tenantId, subjectId],
  );
  const bookings = await q.query<{ id: string; status: string; start_at: Date; end_at: Date; clinician_id: string; reason: string | null; conversation_id: string | null; summary: string | null; created_at: Date }>(
    `SELECT b.id, b.status, s.start_at, s.end_at, b.clinician_id, b.reason, b.conversation_id, b.summary, b.created_at
       FROM bookings b JOIN contacts ct ON ct.id = b.contact_id JOIN slots s ON s.id = b.slot_id
      WHERE ct.tenant_id = $1 AND ct.subject_id = $2 ORDER BY b.created_at`,
    [tenantId, subjectId],
  );
  const consents = await q.query<{ purpose: string; version: string; granted_at: Date; withdrawn_at: Date | null; booking_id: string | null }>(
    'SELECT purpose, version, granted_at, withdrawn_at, booking_id FROM consents WHERE tenant_id = $1 AND subject_id = $2 ORDER BY granted_at',
    [tenantId, subjectId],
  );
  return {
    contacts: contacts.rows.map((r) => ({ name: r.name, phone: r.phone, email: r.email, createdAt: iso(r.created_at)! })),
    bookings: bookings.rows.map((r) => ({
      id: r.id,
      status: r.status,
      start: iso(r.start_at)!,
      end: iso(r.end_at)!,
      clinicianId: r.clinician_id,
      reason: r.reason,
      conversationId: r.conversation_id,
      summary: r.summary,
      createdAt: iso(r.created_at)!,
    })),
    consents: consents.rows.map((r) => ({ purpose: r.purpose, version: r.version, grantedAt: iso(r.granted_at)!, withdrawnAt: iso(r.withdrawn_at), bookingId: r.booking_id })),
  };
}

/**
 * Erases the person from booking data: their free text on bookings is cleared, active
 * bookings are cancelled (nobody is left to attend), and their contact rows are deleted.
 * Consent records stay: they prove what was agreed, and name nobody once contacts are gone.
 */
export async function eraseSubjectBookings(db: Db, input: { tenantId: string; subjectId: string; now: Date }): Promise<{ contacts: number; bookings: number }> {
  return db.tx(async (q) => {
    const active = await q.query<{ id: string; slot_id: string; clinician_id: string }>(
      `SELECT b.id, b.slot_id, b.clinician_id FROM bookings b JOIN contacts ct ON ct.id = b.contact_id
        WHERE ct.tenant_id = $1 AND ct.subject_id = $2 AND b.status IN ('held', 'confirmed') FOR UPDATE OF b`,
      [input.tenantId, input.subjectId],
    );
    const b = await q.query(
      `UPDATE bookings b SET reason = NULL, summary = NULL, triage_reasons = NULL, conversation_id = NULL,
              status = CASE WHEN b.status IN ('held', 'confirmed') THEN 'cancelled' ELSE b.status END,
              cancelled_at = CASE WHEN b.status IN ('held', 'confirmed') THEN $3 ELSE b.cancelled_at END
         FROM contacts ct
        WHERE ct.id = b.contact_id AND ct.tenant_id = $1 AND ct.subject_id = $2`,
      [input.tenantId, input.subjectId, input.now],
    );
    const c = await q.query('DELETE FROM contacts WHERE tenant_id = $1 AND subject_id = $2', [input.tenantId, input.subjectId]);
    // The clinic must learn that these appointments will not happen.
    for (const row of active.rows) {
      await enqueueEvent(q, {
        tenantId: input.tenantId,
        type: 'booking.cancelled',
        payload: { booking: { id: row.id, status: 'cancelled', slot: { id: row.slot_id }, clinician: { id: row.clinician_id } }, cause: 'erasure' },
        at: input.now,
      });
    }
    return { contacts: c.rowCount, bookings: b.rowCount };
  });
}
