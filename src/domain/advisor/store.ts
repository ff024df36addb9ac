import type { Queryable } from '../../db/db.js';
import { NotFound } from '../errors.js';
import type { ChildProfile } from '../stage/index.js';

export interface ConversationRow {
  id: string;
  tenant_id: string;
  subject_id: string | null;
  locale: 'zh-CN' | 'en';
  child: ChildProfile | null;
  created_at: Date;
  updated_at: Date;
}

export interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  triage: unknown;
  citations: unknown;
  signals: unknown;
  mode: string | null;
  stage: string | null;
  latency_ms: number | null;
  created_at: Date;
  feedback: 'up' | 'down' | null;
}

export async function getConversation(q: Queryable, tenantId: string, id: string): Promise<ConversationRow> {
  const res = await q.query<ConversationRow>('SELECT * FROM conversations WHERE id = $1 AND tenant_id = $2', [id, tenantId]);
  if (!res.rows[0]) throw new NotFound('Conversation');
  return res.rows[0];
}

export async function createConversation(q: Queryable, v: { tenantId: string; locale: string; child?: ChildProfile; subjectId?: string }): Promise<ConversationRow> {
  const res = await q.query<ConversationRow>(
    'INSERT INTO conversations (tenant_id, locale, child, subject_id) VALUES ($1, $2, $3, $4) RETURNING *',
    [v.tenantId, v.locale, v.child ? JSON.stringify(v.child) : null, v.subjectId ?? null],
  );
  return res.rows[0]!;
}

export async function updateConversationChild(q: Queryable, id: string, child: ChildProfile): Promise<void> {
  await q.query('UPDATE conversations SET child = $2, updated_at = now() WHERE id = $1', [id, JSON.stringify(child)]);
}

export async function listMessages(q: Queryable, conversationId: string): Promise<MessageRow[]> {
  const res = await q.query<MessageRow>(
    `SELECT m.*, f.rating AS feedback FROM messages m LEFT JOIN feedback f ON f.message_id = m.id
     WHERE m.conversation_id = $1 ORDER BY m.created_at, m.role DESC`,
    [conversationId],
  );
  return res.rows;
}

export interface NewMessage {
  conversationId: string;
  tenantId: string;
  role: 'user' | 'assistant';
  text: string;
  triage?: unknown;
  citations?: unknown;
  signals?: unknown;
  mode?: string;
  stage?: string;
  latencyMs?: number;
}

export async function insertMessage(q: Queryable, m: NewMessage): Promise<string> {
  const res = await q.query<{ id: string }>(
    `INSERT INTO messages (conversation_id, tenant_id, role, text, triage, citations, signals, mode, stage, latency_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      m.conversationId,
      m.tenantId,
      m.role,
      m.text,
      m.triage === undefined ? null : JSON.stringify(m.triage),
      JSON.stringify(m.citations ?? []),
      m.signals === undefined ? null : JSON.stringify(m.signals),
      m.mode ?? null,
      m.stage ?? null,
      m.latencyMs ?? null,
    ],
  );
  await q.query('UPDATE conversations SET updated_at = now() WHERE id = $1', [m.conversationId]);
  return res.rows[0]!.id;
}

export async function recordFeedback(
  q: Queryable,
  v: { tenantId: string; messageId: string; rating: 'up' | 'down'; reason?: string; comment?: string },
): Promise<void> {
  const msg = await q.query<{ role: string }>('SELECT role FROM messages WHERE id = $1 AND tenant_id = $2', [v.messageId, v.tenantId]);
  if (!msg.rows[0] || msg.rows[0].role !== 'assistant') throw new NotFound('Answer');
  await q.query(
    `INSERT INTO feedback (message_id, tenant_id, rating, reason, comment) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (message_id) DO UPDATE SET rating = EXCLUDED.rating, reason = EXCLUDED.reason, comment = EXCLUDED.comment, created_at = now()`,
    [v.messageId, v.tenantId, v.rating, v.reason ?? null, v.comment ?? null],
  );
}
