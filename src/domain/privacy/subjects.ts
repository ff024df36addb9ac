import type { Db, Queryable } from '../../db/db.js';
import { exportSubjectBookings, eraseSubjectBookings } from '../booking/index.js';
import { exportFamilies, eraseFamilies } from '../families/index.js';

/**
 * One data subject's data across the product (PIPL Art. 45 / GDPR Art. 15 and 17).
 * Other modules that hold subject data register here, so export and erasure can never
 * forget one of them.
 */
export interface SubjectDataSource {
  name: string;
  export(q: Queryable, tenantId: string, subjectId: string): Promise<unknown>;
  erase(db: Db, tenantId: string, subjectId: string, now: Date): Promise<number>;
}

const conversations: SubjectDataSource = {
  name: 'conversations',
  async export(q, tenantId, subjectId) {
    const convs = await q.query<{ id: string; locale: string; child: unknown; created_at: Date }>(
      'SELECT id, locale, child, created_at FROM conversations WHERE tenant_id = $1 AND subject_id = $2 ORDER BY created_at',
      [tenantId, subjectId],
    );
    const out = [];
    for (const c of convs.rows) {
      const msgs = await q.query<{ id: string; role: string; text: string; created_at: Date; rating: string | null; comment: string | null }>(
        `SELECT m.id, m.role, m.text, m.created_at, f.rating, f.comment FROM messages m LEFT JOIN feedback f ON f.message_id = m.id
         WHERE m.conversation_id = $1 ORDER BY m.created_at`,
        [c.id],
      );
      out.push({
        id: c.id,
        locale: c.locale,
        child: c.child,
        createdAt: new Date(c.created_at).toISOString(),
        messages: msgs.rows.map((m) => ({ id: m.id, role: m.role, text: m.text, at: new Date(m.created_at).toISOString(), feedback: m.rating ? { rating: m.rating, comment: m.comment } : null })),
      });
    }
    return out;
  },
  async erase(db, tenantId, subjectId) {
    // messages and feedback go with their conversation (ON DELETE CASCADE)
    const r = await db.query('DELETE FROM conversations WHERE tenant_id = $1 AND subject_id = $2', [tenantId, subjectId]);
    return r.rowCount;
  },
};

const bookings: SubjectDataSource = {
  name: 'bookings',
  export: (q, tenantId, subjectId) => exportSubjectBookings(q, tenantId, subjectId),
  async erase(db, tenantId, subjectId, now) {
    const r = await eraseSubjectBookings(db, { tenantId, subjectId, now });
    return r.contacts + r.bookings;
  },
};

const families: SubjectDataSource = {
  name: 'families',
  export: (q, tenantId, subjectId) => exportFamilies(q, tenantId, subjectId),
  async erase(db, tenantId, subjectId) {
    const r = await db.tx((q) => eraseFamilies(q, tenantId, subjectId));
    return r.families + r.children + r.reminders;
  },
};

const consents: SubjectDataSource = {
  name: 'consents',
  async export(q, tenantId, subjectId) {
    const r = await q.query<{ purpose: string; version: string; granted_at: Date; withdrawn_at: Date | null }>(
      'SELECT purpose, version, granted_at, withdrawn_at FROM consents WHERE tenant_id = $1 AND subject_id = $2 ORDER BY granted_at',
      [tenantId, subjectId],
    );
    return r.rows.map((c) => ({ purpose: c.purpose, version: c.version, grantedAt: new Date(c.granted_at).toISOString(), withdrawnAt: c.withdrawn_at ? new Date(c.withdrawn_at).toISOString() : null }));
  },
  // Consent records are proof of what was agreed and name nobody: they are kept, and
  // every open grant is closed (the subject is gone, so nothing is consented any more).
  async erase(db, tenantId, subjectId, now) {
    const r = await db.query('UPDATE consents SET withdrawn_at = $3 WHERE tenant_id = $1 AND subject_id = $2 AND withdrawn_at IS NULL', [tenantId, subjectId, now]);
    return r.rowCount;
  },
};

export const subjectSources: SubjectDataSource[] = [conversations, bookings, families, consents];

export function registerSubjectSource(s: SubjectDataSource): void {
  if (!subjectSources.some((x) => x.name === s.name)) subjectSources.push(s);
}

export async function exportSubject(db: Db, tenantId: string, subjectId: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { subjectId };
  for (const s of subjectSources) out[s.name] = await s.export(db, tenantId, subjectId);
  return out;
}

export async function eraseSubject(db: Db, tenantId: string, subjectId: string, now: Date): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const s of subjectSources) counts[s.name] = await s.erase(db, tenantId, subjectId, now);
  return counts;
}
