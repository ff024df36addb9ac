import type { Db, Queryable } from '../../db/db.js';
import { exportSubjectBookings, eraseSubjectBookings } from '../booking/index.js';

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

export const subjectSources: SubjectDataSource[] = [conversations, bookings];

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
