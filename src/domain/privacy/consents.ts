import type { Queryable } from '../../db/db.js';

export type ConsentPurpose = 'chat_privacy' | 'profile_and_reminders' | 'share_summary_with_clinician' | 'stage_memory';

export interface ConsentInput {
  tenantId: string;
  subjectId: string;
  purpose: ConsentPurpose;
  version: string;
  granted: boolean;
  now: Date;
}

/**
 * Records a consent decision (PIPL / GDPR): a grant adds a record with its purpose,
 * version and time; a refusal or withdrawal closes every open grant for that purpose.
 */
export async function recordConsent(q: Queryable, c: ConsentInput): Promise<void> {
  if (c.granted) {
    await q.query('INSERT INTO consents (tenant_id, subject_id, purpose, version, granted_at) VALUES ($1, $2, $3, $4, $5)', [
      c.tenantId,
      c.subjectId,
      c.purpose,
      c.version,
      c.now,
    ]);
  } else {
    await q.query(
      'UPDATE consents SET withdrawn_at = $4 WHERE tenant_id = $1 AND subject_id = $2 AND purpose = $3 AND withdrawn_at IS NULL',
      [c.tenantId, c.subjectId, c.purpose, c.now],
    );
  }
}

export async function currentConsents(q: Queryable, tenantId: string, subjectId: string) {
  const res = await q.query<{ purpose: string; version: string; granted_at: Date }>(
    `SELECT DISTINCT ON (purpose) purpose, version, granted_at FROM consents
     WHERE tenant_id = $1 AND subject_id = $2 AND withdrawn_at IS NULL ORDER BY purpose, granted_at DESC`,
    [tenantId, subjectId],
  );
  return res.rows.map((r) => ({ purpose: r.purpose, version: r.version, grantedAt: new Date(r.granted_at).toISOString() }));
}
